/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswapon - enable devices and files for paging and swapping
 *
 * util-linux swapon compatible (options, messages, --show output, exit
 * status), plus what ghost swap needs: /dev/ghostswap and one-page ghost
 * swapfiles are recognised and explained, --tier places an area in a swap
 * tier, and fstab entries may carry tier=NAME and ghost,size=SIZE.
 *
 * This file holds the options and the activation of each area; the checks
 * before swapon(2), --show, tiers and mkswap runs live beside it.
 */
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "capture.h"
#include "ghost.h"
#include "ghostswapon.h"
#include "pathnames.h"
#include "sizes.h"
#include "swapon-common.h"
#include "swapopts.h"
#include "swapspec.h"
#include "sysroot.h"

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] [<spec>]\n"), program_invocation_short_name);
	fputs(_("\nEnable devices and files for paging and swapping,\n"
		"ghost swap devices and ghost swap files included.\n"),
	      out);

	fputs(_("\nOptions:\n"), out);
	fputs(_(" -a, --all                enable all swaps from /etc/fstab\n"), out);
	fputs(_(" -d, --discard[=<policy>] enable swap discards, if supported by device\n"), out);
	fputs(_(" -e, --ifexists           silently skip devices that do not exist\n"), out);
	fputs(_(" -f, --fixpgsz            reinitialize the swap space if necessary\n"), out);
	fputs(_(" -o, --options <list>     comma-separated list of swap options\n"), out);
	fputs(_(" -p, --priority <prio>    specify the priority of the swap device\n"), out);
	fputs(_(" -s, --summary            display summary about used swap devices (DEPRECATED)\n"),
	      out);
	fputs(_(" -T, --fstab <path>       alternative file to /etc/fstab\n"), out);
	fputs(_("     --show[=<columns>]   display summary in definable table\n"), out);
	fputs(_("     --output-all         output all available columns\n"), out);
	fputs(_("     --noheadings         don't print table heading (with --show)\n"), out);
	fputs(_("     --raw                use the raw output format (with --show)\n"), out);
	fputs(_("     --json               use JSON output format (with --show)\n"), out);
	fputs(_("     --bytes              display swap size in bytes in --show output\n"), out);
	fputs(_("     --tier <name>[:<start>]\n"
		"                          place the swap area in a swap tier, creating\n"
		"                            the tier from priority <start> if needed\n"),
	      out);
	fputs(_("     --dry-run            check and print what would be done, change nothing\n"),
	      out);
	fputs(_("     --sysroot <dir>      read /proc, /sys and /dev below <dir> (implies nothing\n"
		"                            is activated: use with --show, -s or --dry-run)\n"),
	      out);
	fputs(_("     --save <dir>         copy every system file read into <dir>, for --sysroot\n"),
	      out);
	fputs(_(" -v, --verbose            verbose mode\n"), out);
	fputs("\n", out);
	usage_help_options(out, 25);

	fputs(_("\nThe <spec> parameter:\n"
		" -L <label>             synonym for LABEL=<label>\n"
		" -U <uuid>              synonym for UUID=<uuid>\n"
		" LABEL=<label>          specifies device by swap area label\n"
		" UUID=<uuid>            specifies device by swap area UUID\n"
		" PARTLABEL=<label>      specifies device by partition label\n"
		" PARTUUID=<uuid>        specifies device by partition UUID\n"
		" <device>               name of device to be used\n"
		" <file>                 name of file to be used\n"
		" /dev/ghostswap         a ghost swap device without a file\n"),
	      out);

	fputs(_("\nAvailable discard policy types (for --discard):\n"
		" once    : only single-time area discards are issued\n"
		" pages   : freed pages are discarded before they are reused\n"
		"If no policy is selected, both discard types are enabled (default).\n"),
	      out);

	fputs(_("\nSwap options (for -o and fstab) besides pri=, discard and nofail:\n"
		" tier=<name>[:<start>]  place the area in a swap tier\n"
		" ghost                  a ghost swap file: create it when it does not exist\n"
		" size=<size>            virtual size of a ghost swap file to create\n"),
	      out);

	fputs(_("\nAvailable output columns:\n"), out);
	show_usage_columns(out);

	usage_man_tail(out, "ghostswapon(8)");
	exit(EXIT_SUCCESS);
}

void load_swaps(struct swapon_ctl *ctl)
{
	if (ctl->swaps_loaded)
		return;
	/* without /proc/swaps nothing is active: -a then tries every entry */
	swaps_read(&ctl->swaps);
	ctl->swaps_loaded = true;
}

static bool is_active(struct swapon_ctl *ctl, const struct swap_target *t)
{
	struct stat st;

	load_swaps(ctl);
	if (!sysroot_is_live())
		return swaps_find(&ctl->swaps, t->path, NULL) != NULL;
	return swaps_find(&ctl->swaps, t->path, stat(t->path, &st) == 0 ? &st : NULL) != NULL;
}

/* --dry-run: remember what "would" be active, as swapon(2) would have */
static void note_active(struct swapon_ctl *ctl, const struct swap_target *t, int prio)
{
	struct swap_entry *e;

	load_swaps(ctl);
	ctl->swaps.v = xrealloc(ctl->swaps.v, (ctl->swaps.n + 1) * sizeof(*ctl->swaps.v));
	e = &ctl->swaps.v[ctl->swaps.n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(t->path);
	e->type = xstrdup(t->ghost_dev || t->ghost_file ? "ghost" : "file");
	e->size_kib = t->vsize / 1024;
	/* the kernel's next automatic priority is below every negative one */
	e->prio = prio >= 0 ? prio : -2 - (int)ctl->swaps.n;
}

static struct libmnt_table *get_fstab(struct swapon_ctl *ctl, bool must)
{
	char *name;
	int rc;

	if (ctl->fstab_tb)
		return ctl->fstab_tb;
	ctl->fstab_tb = fstab_read(ctl->fstab, &rc, &name);
	if (!ctl->fstab_tb && must)
		errx(EXIT_FAILURE, _("cannot read %s: %s"), name, sysroot_strerror(rc));
	free(name);
	if (!ctl->fstab_tb) {
		ctl->fstab_tb = mnt_new_table();
		if (!ctl->fstab_tb)
			err(EXIT_FAILURE, _("failed to initialize libmount table"));
	}
	return ctl->fstab_tb;
}

/*
 * LABEL= and UUID= of swap files: libblkid only finds block devices (and no
 * ghost file at all), so look at the headers of the files fstab names.
 */
static char *resolve_tag(struct swapon_ctl *ctl, const char *tag, const char *value)
{
	struct libmnt_table *tb;
	struct libmnt_iter *itr;
	struct libmnt_fs *fs;
	const char **paths = NULL;
	size_t n = 0;
	char *p = resolve_blkid_tag(ctl->cache, tag, value);

	if (p || (strcmp(tag, "LABEL") && strcmp(tag, "UUID")))
		return p;
	tb = get_fstab(ctl, false);
	itr = mnt_new_iter(MNT_ITER_FORWARD);
	if (!itr)
		err(EXIT_FAILURE, _("failed to initialize libmount iterator"));
	while (mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_srcpath(fs);

		if (!mnt_fs_is_swaparea(fs) || !src || *src != '/')
			continue;
		paths = xrealloc(paths, (n + 1) * sizeof(*paths));
		paths[n++] = src;
	}
	mnt_free_iter(itr);
	p = resolve_header_tag(paths, n, tag, value);
	free(paths);
	return p;
}

static char *resolve_spec(struct swapon_ctl *ctl, const char *spec)
{
	char *tag, *value, *p;
	int rc = parse_tag_spec(spec, &tag, &value);

	if (rc < 0)
		return NULL;
	if (!rc)
		return xstrdup(spec);
	p = resolve_tag(ctl, tag, value);
	free(tag);
	free(value);
	return p;
}

static int cannot_find(const char *spec)
{
	warnx(_("cannot find the device for %s"), spec);
	return -1;
}

static void prop_free(struct swap_prop *p)
{
	free(p->tier);
	p->tier = NULL;
}

static void prop_copy(struct swap_prop *dst, const struct swap_prop *src)
{
	*dst = *src;
	dst->tier = src->tier ? xstrdup(src->tier) : NULL;
}

/*
 * -o or fstab options (lib/swapopts.c parses them, for the generator too).
 * util-linux understands pri=, discard[=] and nofail; tier=, ghost and
 * size= are ours (stock swapon ignores them). Returns 0, or -1 after a
 * message when the options cannot be honoured.
 */
static int parse_options(struct swap_prop *p, const char *optstr, const char *what)
{
	struct swap_opts o;
	int rc = 0;

	swapopts_parse(optstr, &o);
	if (o.nofail)
		p->no_fail = true;

	switch (o.discard) {
	case SWAPOPTS_DISCARD_NONE:
		break;
	case SWAPOPTS_DISCARD_ONCE:
		p->discard |= SWAP_FLAG_DISCARD | SWAP_FLAG_DISCARD_ONCE;
		break;
	case SWAPOPTS_DISCARD_PAGES:
		p->discard |= SWAP_FLAG_DISCARD | SWAP_FLAG_DISCARD_PAGES;
		break;
	case SWAPOPTS_DISCARD_BOTH:
		p->discard |= SWAP_FLAG_DISCARD;
		break;
	}
	if (o.errors & SWAPOPTS_BAD_DISCARD)
		warnx(_("%s: unsupported discard policy '%s' -- enabling both"), what,
		      o.discard_str);

	if (o.pri_set)
		p->priority = o.pri;
	else if (o.errors & SWAPOPTS_BAD_PRI)
		warnx(_("%s: invalid priority '%s' -- ignored"), what, o.pri_str ? o.pri_str : "");

	if (o.tier) {
		free(p->tier);
		p->tier = xstrdup(o.tier);
	} else if (o.errors & SWAPOPTS_BAD_TIER) {
		warn_bad_tier(what, o.tier_str ? o.tier_str : "");
		rc = -1;
	}

	if (o.ghost)
		p->ghost = true;
	if (o.size_set) {
		p->size = o.size;
		p->size_set = true;
	} else if (o.errors & SWAPOPTS_BAD_SIZE) {
		warnx(_("%s: invalid ghost size '%s'"), what, o.size_str ? o.size_str : "");
		rc = -1;
	}
	if (p->size_set && !p->ghost)
		warnx(_("%s: size= only applies to ghost swap files -- ignored"), what);
	swapopts_free(&o);
	return rc;
}

static void describe(const struct swapon_ctl *ctl, const struct swap_target *t, int prio,
		     const char *tier, int flags)
{
	char hbuf[32];

	printf(_("would swapon %s"), t->path);
	if (t->ghost_dev)
		printf(_(": ghost device, virtual size %s"),
		       size_to_human(t->vsize, hbuf, sizeof(hbuf)));
	else if (t->ghost_file)
		printf(_(": ghost file, virtual size %s"),
		       size_to_human(t->vsize, hbuf, sizeof(hbuf)));
	else
		printf(_(": size %s"), size_to_human(t->vsize, hbuf, sizeof(hbuf)));
	if (prio >= 0)
		printf(_(", priority %d"), prio);
	else
		printf(_(", automatic priority"));
	if (*tier)
		printf(_(", tier %s"), tier);
	if (flags & SWAP_FLAGS_DISCARD_VALID)
		printf(_(", discard=%s"), (flags & SWAP_FLAG_DISCARD_ONCE)    ? "once"
					  : (flags & SWAP_FLAG_DISCARD_PAGES) ? "pages"
									      : "both");
	putchar('\n');
}

/*
 * The kernel refuses a ghost swap area with EOPNOTSUPP while zswap is off:
 * one sentence with the cause and the fix.
 */
static void no_zswap(const char *path, enum kf_zswap z, bool dry_run)
{
	const char *what = dry_run ? _("swapon would fail") : _("swapon failed");

	if (z == KF_ZSWAP_MISSING)
		warnx(_("%s: %s: a ghost swap area needs zswap, and this kernel "
			"is built without it (CONFIG_ZSWAP)"),
		      path, what);
	else
		warnx(_("%s: %s: a ghost swap area needs zswap, which is disabled "
			"(enable it: echo Y > %s, or boot with zswap.enabled=1)"),
		      path, what, PATH_ZSWAP_ENABLED);
}

static void explain_failure(struct swapon_ctl *ctl, const struct swap_target *t, int e)
{
	errno = e;
	if (e == EINVAL && (t->ghost_file || t->ghost_dev) && !ctl->kf.ghost) {
		no_ghost_kernel(t->path, t->ghost_dev ? _("this is the ghost swap device")
						      : _("this is a one-page ghost swap file"));
		return;
	}
	if (e == EOPNOTSUPP && (t->ghost_file || t->ghost_dev)) {
		no_zswap(t->path, kfeatures_zswap(), false);
		return;
	}
	if (e == EPERM) {
		warnx(_("%s: swapon failed: permission denied (it needs CAP_SYS_ADMIN)"), t->path);
		return;
	}
	if (e == EBUSY) {
		warnx(_("%s: swapon failed: already active as swap, or in use"), t->path);
		return;
	}
	warn(_("%s: swapon failed"), t->path);
}

/* One area. Returns 0 or -1 (util-linux adds these up into its exit status). */
static int do_swapon(struct swapon_ctl *ctl, const struct swap_prop *p, const char *spec,
		     bool canonic)
{
	struct swap_target t = { .spec = spec };
	char tier[TIER_NAME_MAX + 1] = "";
	int prio = p->priority, flags = 0, rc = -1;
	struct stat st;

	t.path = canonic ? xstrdup(spec) : resolve_spec(ctl, spec);
	if (!t.path)
		return cannot_find(spec);

	if (p->ghost && !swapspec_is_ghostswap_name(t.path) &&
	    sysroot_stat_area(t.path, &st) == -ENOENT) {
		/* no file a stock kernel would refuse anyway */
		if (!ctl->kf.ghost) {
			no_ghost_kernel(t.path, _("the ghost option asks for a ghost swap file"));
			goto done;
		}
		/* what mkswap would refuse, refused the same in a dry run */
		if (check_new_ghost_file(ctl, p, t.path, &t.vsize) != 0 ||
		    create_ghost_file(ctl, p, t.path) != 0)
			goto done;
		if (ctl->dry_run) {
			/* nothing to read yet: describe what the new file will be */
			t.ghost_file = true;
			goto placed;
		}
	}

	rc = swapon_checks(ctl, &t, p);
	if (rc != 0) {
		if (rc > 0 && ctl->verbose)
			warnx(_("%s: inaccessible -- ignored"), t.path);
		rc = rc > 0 ? 0 : -1;
		goto done;
	}
	rc = -1;
	if (p->ghost && !t.ghost_file && !t.ghost_dev)
		warnx(_("%s: has the ghost option but is not a ghost swap file"), t.path);
placed:
	if (p->tier && apply_tier(ctl, t.path, p->tier, &prio, p->priority >= 0 || p->priority < -1,
				  tier) != 0)
		goto done;

	if (prio >= 0) {
		if (prio > SWAP_FLAG_PRIO_MASK)
			prio = SWAP_FLAG_PRIO_MASK;
		flags = SWAP_FLAG_PREFER | ((prio & SWAP_FLAG_PRIO_MASK) << SWAP_FLAG_PRIO_SHIFT);
	}
	if (p->discard && !(p->discard & ~SWAP_FLAGS_DISCARD_VALID)) {
		if (t.ghost_dev || t.ghost_file) {
			/* nothing behind a ghost to discard */
			if (ctl->verbose)
				warnx(_("%s: discard ignored for a ghost swap area"), t.path);
		} else if ((p->discard & SWAP_FLAG_DISCARD_ONCE) &&
			   (p->discard & SWAP_FLAG_DISCARD_PAGES)) {
			flags |= SWAP_FLAG_DISCARD;
		} else {
			flags |= p->discard;
		}
	}

	if (ctl->dry_run) {
		/* what the kernel refuses with EOPNOTSUPP, refused the same */
		if ((t.ghost_dev || t.ghost_file) && kfeatures_zswap() == KF_ZSWAP_OFF) {
			no_zswap(t.path, KF_ZSWAP_OFF, true);
			goto done;
		}
		describe(ctl, &t, prio, tier, flags);
		/* later fstab entries and tier checks see it as active */
		note_active(ctl, &t, prio);
		rc = 0;
		goto done;
	}
	if (ctl->verbose)
		printf(_("swapon %s\n"), t.path);
	if (swapon(t.path, flags) != 0) {
		explain_failure(ctl, &t, errno);
		goto done;
	}
	/* /proc/swaps changed: read it again when next needed */
	swaps_free(&ctl->swaps);
	ctl->swaps_loaded = false;
	rc = 0;
done:
	free(t.path);
	return rc;
}

/* Could we open @path for reading? (without blocking: a FIFO is "readable") */
static bool readable(const char *path)
{
	int fd = sysroot_open_area(path, O_RDONLY);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static int swapon_all(struct swapon_ctl *ctl)
{
	struct libmnt_table *tb = get_fstab(ctl, true);
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	int status = 0;

	if (!itr)
		err(EXIT_FAILURE, _("failed to initialize libmount iterator"));

	while (mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_source(fs), *opts;
		struct swap_target t = { 0 };
		struct swap_prop prop;

		if (!mnt_fs_is_swaparea(fs))
			continue;
		if (mnt_fs_get_option(fs, "noauto", NULL, NULL) == 0) {
			if (ctl->verbose)
				warnx(_("%s: noauto option -- ignored"), src);
			continue;
		}
		prop_copy(&prop, &ctl->props);
		opts = mnt_fs_get_options(fs);
		if (opts && parse_options(&prop, opts, src) != 0) {
			status |= -1;
			prop_free(&prop);
			continue;
		}
		t.path = resolve_spec(ctl, src);
		if (!t.path) {
			if (!prop.no_fail)
				status |= cannot_find(src);
			else if (ctl->verbose)
				warnx(_("%s: cannot find the device -- ignored"), src);
			prop_free(&prop);
			continue;
		}
		if (is_active(ctl, &t)) {
			if (ctl->verbose)
				warnx(_("%s: already active -- ignored"), t.path);
		} else if (prop.no_fail && !prop.ghost && !swapspec_is_ghostswap_name(t.path) &&
			   !readable(t.path)) {
			if (ctl->verbose)
				warnx(_("%s: inaccessible -- ignored"), t.path);
		} else {
			status |= do_swapon(ctl, &prop, t.path, true);
		}
		free(t.path);
		prop_free(&prop);
	}
	mnt_free_iter(itr);
	return status;
}

struct speclist {
	char **v;
	size_t n;
};

static void speclist_add(struct speclist *l, const char *tag, const char *value)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	xasprintf(&l->v[l->n++], "%s=%s", tag, value);
}

/* --save: the tree is written before the exit status is decided. */
static int __noreturn finish(const char *save_dir, int status)
{
	if (save_dir && capture_save_end() != 0 && !status)
		status = EXIT_FAILURE;
	exit(status);
}
int main(int argc, char **argv)
{
	struct swapon_ctl ctl = { .props = { .priority = -1 } };
	struct speclist tags = { 0 };
	const char *options = NULL, *sysroot = NULL, *save_dir = NULL;
	int status = 0, c, excl = 0;
	size_t i;
	enum {
		OPT_BYTES = CHAR_MAX + 1,
		OPT_NOHEADINGS,
		OPT_RAW,
		OPT_SHOW,
		OPT_OUTPUT_ALL,
		OPT_JSON,
		OPT_TIER,
		OPT_DRY_RUN,
		OPT_SYSROOT,
		OPT_SAVE,
	};
	static const struct option longopts[] = {
		{ "priority", required_argument, NULL, 'p' },
		{ "discard", optional_argument, NULL, 'd' },
		{ "ifexists", no_argument, NULL, 'e' },
		{ "options", required_argument, NULL, 'o' },
		{ "summary", no_argument, NULL, 's' },
		{ "fixpgsz", no_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ "fstab", required_argument, NULL, 'T' },
		{ "show", optional_argument, NULL, OPT_SHOW },
		{ "output-all", no_argument, NULL, OPT_OUTPUT_ALL },
		{ "noheadings", no_argument, NULL, OPT_NOHEADINGS },
		{ "raw", no_argument, NULL, OPT_RAW },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "bytes", no_argument, NULL, OPT_BYTES },
		{ "tier", required_argument, NULL, OPT_TIER },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "sysroot", required_argument, NULL, OPT_SYSROOT },
		{ "save", required_argument, NULL, OPT_SAVE },
		{ NULL, 0, NULL, 0 }
	};

	nls_init();
	close_stdout_atexit();
	/* progress lines and warnings stay in order when both go to one file */
	setvbuf(stdout, NULL, _IOLBF, 0);

	while ((c = getopt_long(argc, argv, "ahd::efo:p:svVL:U:T:", longopts, NULL)) != -1) {
		/* util-linux: only one of -a, -o, -s, --show */
		if (c == 'a' || c == 'o' || c == 's' || c == OPT_SHOW) {
			if (excl && excl != c) {
				warnx(_("mutually exclusive arguments: --all --options --summary "
					"--show"));
				errtryhelp(EXIT_FAILURE);
			}
			excl = c;
		}
		switch (c) {
		case 'a':
			ctl.all = true;
			break;
		case 'o':
			options = optarg;
			break;
		case 'p': {
			int64_t v;

			int rc = parse_s64(optarg, INT16_MIN, INT16_MAX, &v);

			if (rc == -ERANGE)
				errx(EXIT_FAILURE, _("failed to parse priority: '%s': %s"), optarg,
				     strerror(ERANGE));
			if (rc)
				errx(EXIT_FAILURE, _("failed to parse priority: '%s'"), optarg);
			ctl.props.priority = (int)v;
			break;
		}
		case 'L':
			speclist_add(&tags, "LABEL", optarg);
			break;
		case 'U':
			speclist_add(&tags, "UUID", optarg);
			break;
		case 'T':
			ctl.fstab = optarg;
			break;
		case 'd':
			ctl.props.discard |= SWAP_FLAG_DISCARD;
			if (optarg) {
				if (*optarg == '=')
					optarg++;
				if (!strcmp(optarg, "once"))
					ctl.props.discard |= SWAP_FLAG_DISCARD_ONCE;
				else if (!strcmp(optarg, "pages"))
					ctl.props.discard |= SWAP_FLAG_DISCARD_PAGES;
				else
					errx(EXIT_FAILURE, _("unsupported discard policy: %s"),
					     optarg);
			}
			break;
		case 'e':
			ctl.props.no_fail = true;
			break;
		case 'f':
			ctl.fixpgsz = true;
			break;
		case 's':
			ctl.summarize = true;
			break;
		case 'v':
			ctl.verbose = true;
			break;
		case OPT_SHOW:
			if (optarg && show_parse_columns(&ctl, optarg))
				exit(EXIT_FAILURE);
			ctl.show = true;
			break;
		case OPT_OUTPUT_ALL:
			show_all_columns(&ctl);
			break;
		case OPT_NOHEADINGS:
			ctl.noheadings = true;
			break;
		case OPT_RAW:
			ctl.raw = true;
			break;
		case OPT_JSON:
			ctl.json = true;
			break;
		case OPT_BYTES:
			ctl.bytes = true;
			break;
		case OPT_TIER: {
			char name[TIER_NAME_MAX + 1];
			int start;

			if (tiers_parse_spec(optarg, name, &start) != 0) {
				warn_bad_tier(NULL, optarg);
				exit(EXIT_FAILURE);
			}
			free(ctl.props.tier);
			ctl.props.tier = xstrdup(optarg);
			break;
		}
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
			print_version(EXIT_SUCCESS);
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	argv += optind;

	if (ctl.all || options) {
		/* util-linux: none of these with -a or -o */
		const char *bad = ctl.bytes	   ? "--bytes"
				  : ctl.noheadings ? "--noheadings"
				  : ctl.raw	   ? "--raw"
				  : ctl.json	   ? "--json"
						   : NULL;

		if (bad) {
			warnx(_("mutually exclusive arguments: --all --options %s"), bad);
			errtryhelp(EXIT_FAILURE);
		}
	}
	if (sysroot)
		sysroot_set(sysroot);
	if (save_dir) {
		int rc = capture_save_begin(save_dir, NULL);

		if (rc)
			errx(EXIT_FAILURE, _("cannot create %s: %s"), save_dir, strerror(-rc));
	}

	/* exit(), not return: what main() allocated stays reachable */
	if (ctl.summarize)
		finish(save_dir, show_summary() ? SWAPON_EX_FAIL : EXIT_SUCCESS);

	if (ctl.show || (!ctl.all && !tags.n && *argv == NULL)) {
		show_default_columns(&ctl);
		finish(save_dir, show_table(&ctl) ? SWAPON_EX_FAIL : EXIT_SUCCESS);
	}

	if (ctl.props.no_fail && !ctl.all) {
		warnx(_("bad usage"));
		errtryhelp(EXIT_FAILURE);
	}
	if ((!sysroot_is_live() || save_dir) && !ctl.dry_run) {
		warnx(_("--sysroot and --save are for reading a system: use them with --show, "
			"--summary or --dry-run"));
		errtryhelp(EXIT_FAILURE);
	}
	if (!ctl.dry_run && !have_sys_admin())
		errx(SWAPON_EX_FAIL, _("permission denied: enabling swap needs CAP_SYS_ADMIN "
				       "(run as root)"));

	ctl.pagesize = getpagesize();
	kfeatures_probe(&ctl.kf);
	mnt_init_debug(0);
	ctl.cache = mnt_new_cache();

	if (ctl.all)
		status |= swapon_all(&ctl);

	/* util-linux: -o is evaluated last and overrides the other options */
	if (options && parse_options(&ctl.props, options, "--options") != 0)
		exit(EXIT_FAILURE);

	for (i = 0; i < tags.n; i++) {
		char *v = strchr(tags.v[i], '=') + 1;
		char *tag = strndup(tags.v[i], v - tags.v[i] - 1);
		char *dev = resolve_tag(&ctl, tag, v);

		status |= dev ? do_swapon(&ctl, &ctl.props, dev, true) : cannot_find(v);
		free(dev);
		free(tag);
		free(tags.v[i]);
	}
	free(tags.v);

	while (*argv)
		status |= do_swapon(&ctl, &ctl.props, *argv++, false);

	prop_free(&ctl.props);
	swaps_free(&ctl.swaps);
	mnt_unref_table(ctl.fstab_tb);
	mnt_unref_cache(ctl.cache);
	finish(save_dir, status ? SWAPON_EX_FAIL : EXIT_SUCCESS);
}
