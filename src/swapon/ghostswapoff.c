/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswapoff - disable devices and files for paging and swapping
 *
 * util-linux swapoff compatible (options, messages, documented exit codes),
 * and LABEL= / UUID= also find ghost swapfiles, which libblkid cannot see.
 */
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <unistd.h>

#include <blkid.h>
#include <cap-ng.h>
#include <libmount.h>

#include "c.h"
#include "pathnames.h"
#include "sizes.h"
#include "swaps.h"
#include "swapspec.h"
#include "sysroot.h"

#define SWAPOFF_EX_OK	   0  /* no errors */
#define SWAPOFF_EX_ENOMEM  2  /* swapoff(2) failed: not enough memory */
#define SWAPOFF_EX_FAILURE 4  /* swapoff(2) failed for another reason */
#define SWAPOFF_EX_SYSERR  8  /* another system error */
#define SWAPOFF_EX_USAGE   16 /* usage, permissions or syntax error */
#define SWAPOFF_EX_ALLERR  32 /* --all: all failed */
#define SWAPOFF_EX_SOMEOK  64 /* --all: some failed, some succeeded */

struct swapoff_ctl {
	bool all, verbose, dry_run;
	const char *fstab;
	struct libmnt_cache *cache;
	struct swap_list swaps;
	int swaps_rc;
};

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] [<spec>]\n"), program_invocation_short_name);
	fputs(_("\nDisable devices and files for paging and swapping,\n"
		"ghost swap devices and ghost swap files included.\n"),
	      out);

	fputs(_("\nOptions:\n"), out);
	fputs(_(" -a, --all              disable all swaps from /proc/swaps\n"
		" -T, --fstab <path>     alternative file to /etc/fstab (with --all)\n"
		"     --dry-run          print what would be disabled, change nothing\n"
		"     --sysroot <dir>    read /proc and /dev below <dir> (with --dry-run)\n"
		" -v, --verbose          verbose mode\n"),
	      out);
	fputs("\n", out);
	usage_help_options(out, 23);

	fputs(_("\nThe <spec> parameter:\n"
		" -L <label>             LABEL of device to be used\n"
		" -U <uuid>              UUID of device to be used\n"
		" LABEL=<label>          LABEL of device to be used\n"
		" UUID=<uuid>            UUID of device to be used\n"
		" <device>               name of device to be used\n"
		" <file>                 name of file to be used\n"
		" /dev/ghostswap         the ghost swap device\n"),
	      out);

	usage_man_tail(out, "ghostswapoff(8)");
	exit(SWAPOFF_EX_OK);
}

static int cannot_find(const char *spec)
{
	warnx(_("cannot find the device for %s"), spec);
	return SWAPOFF_EX_FAILURE;
}

/*
 * LABEL/UUID of an active swap file: libblkid resolves block devices only,
 * and knows no ghost swapfile, so read the headers of the /proc/swaps files.
 */
static char *resolve_swapfile_tag(struct swapoff_ctl *ctl, const char *tag, const char *value)
{
	size_t i;

	if (ctl->swaps_rc)
		return NULL;
	for (i = ctl->swaps.n; i-- > 0;) {
		const struct swap_entry *e = &ctl->swaps.v[i];
		char *real;
		bool match;

		if (e->deleted || !strcmp(e->type, "partition"))
			continue;
		real = swapspec_real_path(e->path);
		match = swapspec_header_matches(real, tag, value);
		free(real);
		if (match)
			return xstrdup(e->path);
	}
	return NULL;
}

static char *resolve_tag(struct swapoff_ctl *ctl, const char *tag, const char *value)
{
	if (sysroot_is_live()) {
		char *p = mnt_resolve_tag(tag, value, ctl->cache);

		if (p)
			return xstrdup(p);
	}
	return resolve_swapfile_tag(ctl, tag, value);
}

static const struct swap_entry *find_active(struct swapoff_ctl *ctl, const char *path)
{
	struct stat st;
	char *real;
	int rc;

	if (ctl->swaps_rc)
		return NULL;
	real = swapspec_real_path(path);
	rc = sysroot_is_live() ? stat(real, &st) : -1;
	free(real);
	return swaps_find(&ctl->swaps, path, rc == 0 ? &st : NULL);
}

static int do_swapoff(struct swapoff_ctl *ctl, const char *path, bool quiet)
{
	const struct swap_entry *e;
	char hbuf[32];
	char *real;
	int rc = SWAPOFF_EX_OK;

	if (ctl->verbose)
		printf(_("swapoff %s\n"), path);

	e = find_active(ctl, path);
	if (e && e->deleted) {
		/* swapoff(2) finds an area by its path, and this one has none left */
		if (!quiet || ctl->dry_run)
			warnx(_("%s: swapoff failed: the file was deleted while in use as swap, "
				"so swapoff(2) cannot reach it by this name"),
			      path);
		return SWAPOFF_EX_FAILURE;
	}
	if (ctl->dry_run) {
		/* a dry run reports every outcome, -a included */
		if (!e) {
			warnx(_("%s: swapoff failed: not an active swap area"), path);
			return SWAPOFF_EX_FAILURE;
		}
		printf(_("would swapoff %s: %s, %s in use\n"), path, e->type,
		       size_to_human(e->used_kib * 1024, hbuf, sizeof(hbuf)));
		return SWAPOFF_EX_OK;
	}

	real = swapspec_real_path(path);
	if (swapoff(real) != 0) {
		int e_no = errno;

		switch (e_no) {
		case EPERM:
			errx(SWAPOFF_EX_USAGE, _("Not superuser."));
		case ENOMEM:
			/* a ghost device can only give its pages back into RAM */
			warn(_("%s: swapoff failed"), path);
			rc = SWAPOFF_EX_ENOMEM;
			break;
		case EINVAL:
			if (!quiet) {
				if (!find_active(ctl, path))
					warnx(_("%s: swapoff failed: not an active swap area"),
					      path);
				else
					warn(_("%s: swapoff failed"), path);
			}
			rc = SWAPOFF_EX_FAILURE;
			break;
		default:
			if (!quiet) {
				errno = e_no;
				warn(_("%s: swapoff failed"), path);
			}
			rc = SWAPOFF_EX_FAILURE;
			break;
		}
	}
	free(real);
	return rc;
}

static int swapoff_spec(struct swapoff_ctl *ctl, const char *spec)
{
	char *tag = NULL, *value = NULL, *path;
	int rc;

	if ((!strncmp(spec, "LABEL=", 6) && !spec[6]) || (!strncmp(spec, "UUID=", 5) && !spec[5]))
		return cannot_find(spec);
	if (strchr(spec, '=') && blkid_parse_tag_string(spec, &tag, &value) == 0 && tag && value) {
		path = resolve_tag(ctl, tag, value);
		free(tag);
		free(value);
		if (!path)
			return cannot_find(spec);
	} else {
		free(tag);
		free(value);
		path = xstrdup(spec);
	}
	rc = do_swapoff(ctl, path, false);
	free(path);
	return rc;
}

static int swapoff_by(struct swapoff_ctl *ctl, const char *tag, const char *value)
{
	char *path = resolve_tag(ctl, tag, value);
	int rc;

	if (!path)
		return cannot_find(value);
	rc = do_swapoff(ctl, path, false);
	free(path);
	return rc;
}

static int parser_errcb(struct libmnt_table *tb, const char *filename, int line)
{
	warnx(_("%s: parse error at line %d -- ignored"), filename, line);
	return 1;
}

/*
 * Without /proc/swaps, try what fstab lists; errors there are expected
 * (most entries are not active), so they stay quiet, as in util-linux.
 */
static void swapoff_fstab(struct swapoff_ctl *ctl)
{
	struct libmnt_table *tb = mnt_new_table();
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	char *path;

	if (!tb || !itr)
		err(SWAPOFF_EX_SYSERR, _("failed to initialize libmount table"));
	if (ctl->fstab)
		path = xstrdup(ctl->fstab);
	else if (!sysroot_is_live())
		path = sysroot_path(PATH_FSTAB);
	else
		path = xstrdup(mnt_get_fstab_path());
	mnt_table_set_parser_errcb(tb, parser_errcb);
	if (mnt_table_parse_fstab(tb, path) == 0) {
		while (mnt_table_next_fs(tb, itr, &fs) == 0) {
			const char *src = mnt_fs_get_srcpath(fs);

			if (mnt_fs_is_swaparea(fs) && src)
				do_swapoff(ctl, src, true);
		}
	}
	free(path);
	mnt_free_iter(itr);
	mnt_unref_table(tb);
}

static int swapoff_all(struct swapoff_ctl *ctl)
{
	int nerrs = 0, nsucc = 0;
	size_t i;

	if (ctl->swaps_rc) {
		swapoff_fstab(ctl);
		return SWAPOFF_EX_OK;
	}
	/* last activated first, as util-linux does */
	for (i = ctl->swaps.n; i-- > 0;) {
		if (do_swapoff(ctl, ctl->swaps.v[i].path, true) == SWAPOFF_EX_OK)
			nsucc++;
		else
			nerrs++;
	}
	if (nerrs == 0)
		return SWAPOFF_EX_OK;
	if (nsucc == 0)
		return SWAPOFF_EX_ALLERR;
	return SWAPOFF_EX_SOMEOK;
}

static bool have_sys_admin(void)
{
	capng_get_caps_process();
	return capng_have_capability(CAPNG_EFFECTIVE, CAP_SYS_ADMIN);
}

/* a swapoff that must bring pages back into RAM should not get us killed */
static void protect_from_oom(void)
{
	int fd = open(PATH_PROC_OOM_SCORE_ADJ, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, "-1000", 5) != 5) {
		/* not fatal: the kernel may still pick us */
	}
	close(fd);
}

int main(int argc, char **argv)
{
	struct swapoff_ctl ctl = { .all = false };
	char **labels = NULL, **uuids = NULL;
	size_t nlabels = 0, nuuids = 0, i;
	const char *sysroot = NULL;
	int status = SWAPOFF_EX_OK, c;
	enum {
		OPT_DRY_RUN = CHAR_MAX + 1,
		OPT_SYSROOT,
	};
	static const struct option longopts[] = { { "all", no_argument, NULL, 'a' },
						  { "help", no_argument, NULL, 'h' },
						  { "verbose", no_argument, NULL, 'v' },
						  { "version", no_argument, NULL, 'V' },
						  { "fstab", required_argument, NULL, 'T' },
						  { "dry-run", no_argument, NULL, OPT_DRY_RUN },
						  { "sysroot", required_argument, NULL,
						    OPT_SYSROOT },
						  { NULL, 0, NULL, 0 } };

	nls_init();
	close_stdout_atexit();
	/* progress lines and warnings stay in order when both go to one file */
	setvbuf(stdout, NULL, _IOLBF, 0);

	while ((c = getopt_long(argc, argv, "ahvVL:U:T:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			ctl.all = true;
			break;
		case 'v':
			ctl.verbose = true;
			break;
		case 'L':
			labels = xrealloc(labels, (nlabels + 1) * sizeof(*labels));
			labels[nlabels++] = optarg;
			break;
		case 'U':
			uuids = xrealloc(uuids, (nuuids + 1) * sizeof(*uuids));
			uuids[nuuids++] = optarg;
			break;
		case 'T':
			ctl.fstab = optarg;
			break;
		case OPT_DRY_RUN:
			ctl.dry_run = true;
			break;
		case OPT_SYSROOT:
			sysroot = optarg;
			break;
		case 'h':
			usage();
		case 'V':
			print_version(SWAPOFF_EX_OK);
		default:
			errtryhelp(SWAPOFF_EX_USAGE);
		}
	}
	argv += optind;

	if (!ctl.all && !nlabels && !nuuids && *argv == NULL) {
		warnx(_("bad usage"));
		errtryhelp(SWAPOFF_EX_USAGE);
	}
	if (sysroot) {
		struct stat st;

		if (!ctl.dry_run) {
			warnx(_("--sysroot reads a captured system: use it with --dry-run"));
			errtryhelp(SWAPOFF_EX_USAGE);
		}
		/* a bad directory is a usage error here, not sysroot_set()'s exit 1 */
		if (stat(sysroot, &st) != 0)
			err(SWAPOFF_EX_USAGE, _("cannot use sysroot %s"), sysroot);
		if (!S_ISDIR(st.st_mode))
			errx(SWAPOFF_EX_USAGE, _("cannot use sysroot %s: not a directory"),
			     sysroot);
		sysroot_set(sysroot);
	}
	if (!ctl.dry_run) {
		if (!have_sys_admin())
			errx(SWAPOFF_EX_USAGE, _("Not superuser: disabling swap needs "
						 "CAP_SYS_ADMIN."));
		protect_from_oom();
	}

	mnt_init_debug(0);
	ctl.cache = mnt_new_cache();
	ctl.swaps_rc = swaps_read(&ctl.swaps);

	for (i = 0; i < nlabels; i++)
		status |= swapoff_by(&ctl, "LABEL", labels[i]);
	for (i = 0; i < nuuids; i++)
		status |= swapoff_by(&ctl, "UUID", uuids[i]);
	while (*argv)
		status |= swapoff_spec(&ctl, *argv++);
	if (ctl.all)
		status |= swapoff_all(&ctl);

	free(labels);
	free(uuids);
	swaps_free(&ctl.swaps);
	mnt_unref_cache(ctl.cache);
	return status;
}
