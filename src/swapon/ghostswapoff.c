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

#include <libmount.h>

#include "c.h"
#include "capture.h"
#include "pathnames.h"
#include "sizes.h"
#include "swapon-common.h"
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
		"     --save <dir>       copy every system file read into <dir> (with --dry-run)\n"
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
 * and knows no ghost swapfile, so read the headers of the /proc/swaps files
 * (the last activated first).
 */
static char *resolve_tag(struct swapoff_ctl *ctl, const char *tag, const char *value)
{
	char *p = resolve_blkid_tag(ctl->cache, tag, value);
	const char **paths;
	size_t i, n = 0;

	if (p || ctl->swaps_rc)
		return p;
	paths = xcalloc(ctl->swaps.n + 1, sizeof(*paths));
	for (i = ctl->swaps.n; i-- > 0;) {
		const struct swap_entry *e = &ctl->swaps.v[i];

		if (!e->deleted && strcmp(e->type, "partition"))
			paths[n++] = e->path;
	}
	p = resolve_header_tag(paths, n, tag, value);
	free(paths);
	return p;
}

static const struct swap_entry *find_active(struct swapoff_ctl *ctl, const char *path)
{
	struct stat st;
	int rc;

	if (ctl->swaps_rc)
		return NULL;
	rc = sysroot_is_live() ? stat(path, &st) : -1;
	return swaps_find(&ctl->swaps, path, rc == 0 ? &st : NULL);
}

static int do_swapoff(struct swapoff_ctl *ctl, const char *path, bool quiet)
{
	const struct swap_entry *e;
	char hbuf[32];
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

	if (swapoff(path) != 0) {
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
	return rc;
}

static int swapoff_spec(struct swapoff_ctl *ctl, const char *spec)
{
	char *tag, *value, *path;
	int rc = parse_tag_spec(spec, &tag, &value);

	if (rc < 0)
		return cannot_find(spec);
	if (rc > 0) {
		path = resolve_tag(ctl, tag, value);
		free(tag);
		free(value);
		if (!path)
			return cannot_find(spec);
	} else {
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

/*
 * Without /proc/swaps, try what fstab lists; errors there are expected
 * (most entries are not active), so they stay quiet, as in util-linux.
 */
static void swapoff_fstab(struct swapoff_ctl *ctl)
{
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_table *tb;
	struct libmnt_fs *fs;
	char *name;
	int rc;

	if (!itr)
		err(SWAPOFF_EX_SYSERR, _("failed to initialize libmount table"));
	tb = fstab_read(ctl->fstab, &rc, &name);
	while (tb && mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_srcpath(fs);

		if (mnt_fs_is_swaparea(fs) && src)
			do_swapoff(ctl, src, true);
	}
	free(name);
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
	const char *sysroot = NULL, *save_dir = NULL;
	int status = SWAPOFF_EX_OK, c, rc;
	enum {
		OPT_DRY_RUN = CHAR_MAX + 1,
		OPT_SYSROOT,
		OPT_SAVE,
	};
	static const struct option longopts[] = { { "all", no_argument, NULL, 'a' },
						  { "help", no_argument, NULL, 'h' },
						  { "verbose", no_argument, NULL, 'v' },
						  { "version", no_argument, NULL, 'V' },
						  { "fstab", required_argument, NULL, 'T' },
						  { "dry-run", no_argument, NULL, OPT_DRY_RUN },
						  { "sysroot", required_argument, NULL,
						    OPT_SYSROOT },
						  { "save", required_argument, NULL, OPT_SAVE },
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
		case OPT_SAVE:
			save_dir = optarg;
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
	if ((sysroot || save_dir) && !ctl.dry_run) {
		warnx(_("--sysroot and --save are for reading a system: use them with --dry-run"));
		errtryhelp(SWAPOFF_EX_USAGE);
	}
	/* a bad directory is a usage error here, not sysroot_set()'s exit 1 */
	if (sysroot && (rc = sysroot_try_set(sysroot)) != 0) {
		sysroot_warn(sysroot, rc);
		exit(SWAPOFF_EX_USAGE);
	}
	if (save_dir && (rc = capture_save_begin(save_dir, NULL)) != 0)
		errx(SWAPOFF_EX_USAGE, _("cannot create %s: %s"), save_dir, strerror(-rc));
	if (!ctl.dry_run) {
		if (!have_sys_admin())
			errx(SWAPOFF_EX_USAGE, _("Not superuser: disabling swap needs "
						 "CAP_SYS_ADMIN."));
		protect_from_oom();
	}

	mnt_init_debug(0);
	ctl.cache = mnt_new_cache();
	ctl.swaps_rc = swaps_read(&ctl.swaps);
	/* then nothing counts as active: say why rather than guess */
	if (ctl.swaps_rc && ctl.swaps_rc != -ENOENT)
		warnx(_("warning: cannot read %s: %s"), PATH_PROC_SWAPS,
		      swaps_strerror(ctl.swaps_rc));

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
	if (save_dir && capture_save_end() != 0)
		status |= SWAPOFF_EX_SYSERR;
	return status;
}
