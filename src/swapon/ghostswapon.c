/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswapon - enable devices and files for paging and swapping
 *
 * util-linux swapon compatible (options, messages, --show output, exit
 * status), plus what ghost swap needs: /dev/ghostswap and one-page ghost
 * swapfiles are recognised and explained, --tier places an area in a swap
 * tier, and fstab entries may carry tier=NAME and ghost,size=SIZE.
 */
#include <ctype.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <blkid.h>
#include <cap-ng.h>
#include <libmount.h>
#include <libsmartcols.h>

#include "c.h"
#include "ghost.h"
#include "kfeatures.h"
#include "pathnames.h"
#include "sizes.h"
#include "swapheader.h"
#include "swaps.h"
#include "swapspec.h"
#include "sysroot.h"
#include "tiers.h"

#ifndef SWAP_FLAG_DISCARD
#define SWAP_FLAG_DISCARD 0x10000
#endif
#ifndef SWAP_FLAG_DISCARD_ONCE
#define SWAP_FLAG_DISCARD_ONCE 0x20000
#endif
#ifndef SWAP_FLAG_DISCARD_PAGES
#define SWAP_FLAG_DISCARD_PAGES 0x40000
#endif
#define SWAP_FLAGS_DISCARD_VALID \
	(SWAP_FLAG_DISCARD | SWAP_FLAG_DISCARD_ONCE | SWAP_FLAG_DISCARD_PAGES)

/* util-linux swapon returns its status, -1 on a failed area: exit code 255 */
#define SWAPON_EX_FAIL 255

enum {
	COL_PATH,
	COL_TYPE,
	COL_SIZE,
	COL_USED,
	COL_PRIO,
	COL_UUID,
	COL_LABEL,
	COL_TIER,
	COL_KIND,
};

struct colinfo {
	const char *name;
	double whint;
	int flags;
	const char *help;
};

/* the first seven are util-linux swapon's, with its width hints and flags */
static const struct colinfo infos[] = {
	[COL_PATH] = { "NAME", 0.20, 0, N_("device file or partition path") },
	[COL_TYPE] = { "TYPE", 0.20, SCOLS_FL_TRUNC, N_("type of the device") },
	[COL_SIZE] = { "SIZE", 0.20, SCOLS_FL_RIGHT, N_("size of the swap area") },
	[COL_USED] = { "USED", 0.20, SCOLS_FL_RIGHT, N_("bytes in use") },
	[COL_PRIO] = { "PRIO", 0.20, SCOLS_FL_RIGHT, N_("swap priority") },
	[COL_UUID] = { "UUID", 0.20, 0, N_("swap uuid") },
	[COL_LABEL] = { "LABEL", 0.20, 0, N_("swap label") },
	[COL_TIER] = { "TIER", 0.10, 0, N_("swap tier the priority falls in") },
	[COL_KIND] = { "KIND", 0.10, 0, N_("partition, file, ghost-device or ghost-file") },
};

/* per area settings: command line defaults, overridden by fstab or -o */
struct swap_prop {
	int discard;
	int priority; /* < 0: automatic */
	bool no_fail;
	char *tier; /* NAME or NAME:START */
	bool ghost; /* a ghost swapfile, created when missing */
	bool size_set;
	uint64_t size; /* virtual size for a created ghost file */
};

struct swapon_ctl {
	struct swap_prop props;
	int columns[ARRAY_SIZE(infos) * 2];
	int ncolumns;
	const char *fstab;
	bool all, bytes, fixpgsz, noheadings, raw, json, show, summarize, verbose, dry_run;

	struct libmnt_cache *cache;
	struct libmnt_table *fstab_tb;
	struct swap_list swaps;
	bool swaps_loaded;
	struct kfeatures kf;
	size_t pagesize;
};

struct swap_target {
	const char *spec; /* as the user or fstab wrote it */
	char *path;	  /* resolved system path */
	char *real;	  /* path to open (through the sysroot for /dev) */
	bool ghost_dev, ghost_file;
	uint64_t vsize; /* bytes, from the header */
};

static void __noreturn usage(void)
{
	FILE *out = stdout;
	size_t i;

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
	for (i = 0; i < ARRAY_SIZE(infos); i++)
		fprintf(out, " %-5s  %s\n", infos[i].name, _(infos[i].help));

	usage_man_tail(out, "ghostswapon(8)");
	exit(EXIT_SUCCESS);
}

/* --- small helpers ------------------------------------------------------ */

/*
 * util-linux's size_to_human_string(SIZE_SUFFIX_1LETTER): "0B", "512K",
 * "1.5G", one rounded decimal, the locale's decimal point. --show output
 * must match swapon's byte for byte.
 */
static char *size_1letter(uint64_t bytes)
{
	static const char letters[] = "BKMGTPE";
	struct lconv const *l = localeconv();
	const char *dp = l && l->decimal_point && *l->decimal_point ? l->decimal_point : ".";
	uint64_t dec, frac;
	int exp;
	char *str;

	for (exp = 10; exp <= 60; exp += 10) {
		if (bytes < (1ULL << exp))
			break;
	}
	exp -= 10;
	dec = exp ? bytes >> exp : bytes;
	frac = exp ? bytes & ((1ULL << exp) - 1) : 0;
	if (frac) {
		/* three digits, then rounded to one */
		if (frac >= UINT64_MAX / 1000)
			frac = ((frac / 1024) * 1000) / (1ULL << (exp - 10));
		else
			frac = (frac * 1000) / (1ULL << exp);
		frac = ((frac + 50) / 100) * 10;
		if (frac == 100) {
			dec++;
			frac = 0;
		}
	}
	if (frac)
		xasprintf(&str, "%" PRIu64 "%s%" PRIu64 "%c", dec, dp, frac / 10,
			  letters[exp / 10]);
	else
		xasprintf(&str, "%" PRIu64 "%c", dec, letters[exp / 10]);
	return str;
}

static const char *human(uint64_t bytes, char *buf, size_t sz)
{
	return size_to_human(bytes, buf, sz);
}

static void load_swaps(struct swapon_ctl *ctl)
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
	return swaps_find(&ctl->swaps, t->path, stat(t->real, &st) == 0 ? &st : NULL) != NULL;
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

static int parser_errcb(struct libmnt_table *tb, const char *filename, int line)
{
	warnx(_("%s: parse error at line %d -- ignored"), filename, line);
	return 1;
}

static struct libmnt_table *get_fstab(struct swapon_ctl *ctl, bool must)
{
	char *path;
	int rc;

	if (ctl->fstab_tb)
		return ctl->fstab_tb;
	if (ctl->fstab)
		path = xstrdup(ctl->fstab);
	else if (!sysroot_is_live())
		path = sysroot_path(PATH_FSTAB);
	else
		path = xstrdup(mnt_get_fstab_path());

	ctl->fstab_tb = mnt_new_table();
	if (!ctl->fstab_tb)
		err(EXIT_FAILURE, _("failed to initialize libmount table"));
	if (sysroot_is_live())
		mnt_table_set_cache(ctl->fstab_tb, ctl->cache);
	mnt_table_set_parser_errcb(ctl->fstab_tb, parser_errcb);
	rc = mnt_table_parse_fstab(ctl->fstab_tb, path);
	if (rc < 0 && must)
		errx(EXIT_FAILURE, _("cannot read %s: %s"), path, strerror(-rc));
	free(path);
	return ctl->fstab_tb;
}

/*
 * LABEL= and UUID= of swap files: libblkid only finds block devices (and no
 * ghost file at all), so look at the headers of the files fstab names.
 */
static char *resolve_file_tag(struct swapon_ctl *ctl, const char *tag, const char *value)
{
	struct libmnt_table *tb = get_fstab(ctl, false);
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	char *found = NULL;

	if (!itr)
		err(EXIT_FAILURE, _("failed to initialize libmount iterator"));
	while (!found && mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_srcpath(fs);
		char *real;

		if (!mnt_fs_is_swaparea(fs) || !src || *src != '/')
			continue;
		real = swapspec_real_path(src);
		if (swapspec_header_matches(real, tag, value))
			found = xstrdup(src);
		free(real);
	}
	mnt_free_iter(itr);
	return found;
}

static char *resolve_tag(struct swapon_ctl *ctl, const char *tag, const char *value)
{
	char *p = NULL;

	/* block devices through libblkid, on the live system only */
	if (sysroot_is_live()) {
		p = mnt_resolve_tag(tag, value, ctl->cache);
		if (p)
			return xstrdup(p);
	}
	if (!strcmp(tag, "LABEL") || !strcmp(tag, "UUID"))
		return resolve_file_tag(ctl, tag, value);
	return NULL;
}

static bool is_tag_spec(const char *spec)
{
	static const char *const tags[] = { "LABEL=", "UUID=", "PARTLABEL=", "PARTUUID=" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tags); i++) {
		if (!strncmp(spec, tags[i], strlen(tags[i])))
			return true;
	}
	return false;
}

static char *resolve_spec(struct swapon_ctl *ctl, const char *spec)
{
	char *tag = NULL, *value = NULL, *p;

	if (is_tag_spec(spec) && !strchr(spec, '=')[1])
		return NULL;

	if (strchr(spec, '=') && blkid_parse_tag_string(spec, &tag, &value) == 0 && tag && value) {
		p = resolve_tag(ctl, tag, value);
		free(tag);
		free(value);
		return p;
	}
	free(tag);
	free(value);
	return xstrdup(spec);
}

static int cannot_find(const char *spec)
{
	warnx(_("cannot find the device for %s"), spec);
	return -1;
}

/* @what: where the spec came from ("--tier", a device), or NULL */
static void warn_bad_tier(const char *what, const char *spec)
{
	if (what)
		warnx(_("%s: invalid tier '%s': a name is 1 to %d letters, digits or '_', and a "
			"start is -1 to %d"),
		      what, spec, TIER_NAME_MAX, TIER_PRIO_MAX);
	else
		warnx(_("invalid tier '%s': a name is 1 to %d letters, digits or '_', and a start "
			"is -1 to %d"),
		      spec, TIER_NAME_MAX, TIER_PRIO_MAX);
}

/* --- options --------------------------------------------------------------- */

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

/* An option's value as a new string, or NULL when it has none. */
static char *opt_value(const char *optstr, const char *name, bool *present)
{
	char *arg = NULL;
	size_t argsz = 0;

	*present = mnt_optstr_get_option(optstr, name, &arg, &argsz) == 0;
	if (!*present || !arg)
		return NULL;
	return strndup(arg, argsz);
}

/*
 * -o or fstab options. util-linux understands pri=, discard[=] and nofail;
 * tier=, ghost and size= are ours (stock swapon ignores them). Returns 0,
 * or -1 after a message when the options cannot be honoured.
 */
static int parse_options(struct swap_prop *p, const char *optstr, const char *what)
{
	bool present;
	char *v;
	int rc = 0;

	if (mnt_optstr_get_option(optstr, "nofail", NULL, NULL) == 0)
		p->no_fail = true;

	v = opt_value(optstr, "discard", &present);
	if (present) {
		p->discard |= SWAP_FLAG_DISCARD;
		if (v && !strcmp(v, "once"))
			p->discard |= SWAP_FLAG_DISCARD_ONCE;
		else if (v && !strcmp(v, "pages"))
			p->discard |= SWAP_FLAG_DISCARD_PAGES;
		else if (v)
			warnx(_("%s: unsupported discard policy '%s' -- enabling both"), what, v);
	}
	free(v);

	v = opt_value(optstr, "pri", &present);
	if (present) {
		int64_t n;

		if (v && parse_s64(v, INT_MIN, INT_MAX, &n) == 0)
			p->priority = (int)n;
		else
			warnx(_("%s: invalid priority '%s' -- ignored"), what, v ? v : "");
	}
	free(v);

	v = opt_value(optstr, "tier", &present);
	if (present) {
		char name[TIER_NAME_MAX + 1];
		int start;

		if (!v || tiers_parse_spec(v, name, &start) != 0) {
			warn_bad_tier(what, v ? v : "");
			rc = -1;
		} else {
			free(p->tier);
			p->tier = xstrdup(v);
		}
	}
	free(v);

	if (mnt_optstr_get_option(optstr, "ghost", NULL, NULL) == 0)
		p->ghost = true;
	v = opt_value(optstr, "size", &present);
	if (present) {
		if (!v || size_parse(v, &p->size) != 0 || p->size == 0) {
			warnx(_("%s: invalid ghost size '%s'"), what, v ? v : "");
			rc = -1;
		} else {
			p->size_set = true;
		}
	}
	free(v);
	if (p->size_set && !p->ghost)
		warnx(_("%s: size= only applies to ghost swap files -- ignored"), what);
	return rc;
}

/* --- running mkswap ------------------------------------------------------ */

static const char *mkswap_path(void)
{
	const char *p = getenv("GHOSTSWAP_MKSWAP");

	return p && *p ? p : MKSWAP_PATH;
}

static void print_argv(const char *const *argv)
{
	size_t i;

	for (i = 0; argv[i]; i++)
		printf("%s%s", i ? " " : "", argv[i]);
	putchar('\n');
}

/* Run our mkswap with @argv (argv[0] is replaced by its path). */
static int run_mkswap(struct swapon_ctl *ctl, const char **argv)
{
	pid_t pid;
	int status, rc;

	argv[0] = mkswap_path();
	if (ctl->dry_run) {
		printf(_("would run: "));
		print_argv(argv);
		return 0;
	}
	if (ctl->verbose) {
		printf(_("running: "));
		print_argv(argv);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn(_("fork failed"));
		return -1;
	}
	if (pid == 0) {
		execv(argv[0], (char *const *)argv);
		warn(_("failed to execute %s"), argv[0]);
		_exit(EXIT_FAILURE);
	}
	do {
		rc = waitpid(pid, &status, 0);
	} while (rc < 0 && errno == EINTR);
	if (rc < 0) {
		warn(_("waitpid failed"));
		return -1;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* fstab "ghost" entry whose file does not exist yet */
static int create_ghost_file(struct swapon_ctl *ctl, const struct swap_prop *p, const char *path)
{
	const char *argv[8];
	char sizebuf[32];
	size_t n = 1;

	if (*path != '/' || !strncmp(path, PATH_DEV_DIR "/", sizeof(PATH_DEV_DIR))) {
		warnx(_("%s: a ghost swap file to create must be an absolute path outside /dev"),
		      path);
		return -1;
	}
	argv[n++] = "--ghost";
	if (p->size_set) {
		snprintf(sizebuf, sizeof(sizebuf), "%" PRIu64, p->size);
		argv[n++] = "--size";
		argv[n++] = sizebuf;
	}
	if (!ctl->verbose && !ctl->dry_run)
		argv[n++] = "--quiet";
	argv[n++] = path;
	argv[n] = NULL;
	if (!ctl->dry_run && ctl->verbose)
		warnx(_("%s: creating the ghost swap file"), path);
	if (run_mkswap(ctl, argv) != 0) {
		warnx(_("%s: cannot create the ghost swap file"), path);
		return -1;
	}
	return 0;
}

static int reinitialize(struct swapon_ctl *ctl, const struct swap_target *t,
			const struct swap_header *h)
{
	const char *argv[12];
	char uuid[SWAPSPEC_UUID_STR_LEN], sizebuf[32];
	size_t n = 1;

	warnx(_("%s: reinitializing the swap."), t->path);
	swapspec_uuid_str(h, uuid);
	if (t->ghost_file) {
		argv[n++] = "--ghost";
		snprintf(sizebuf, sizeof(sizebuf), "%" PRIu64, t->vsize);
		argv[n++] = "--size";
		argv[n++] = sizebuf;
	}
	if (h->label[0]) {
		argv[n++] = "-L";
		argv[n++] = h->label;
	}
	if (uuid[0]) {
		argv[n++] = "-U";
		argv[n++] = uuid;
	}
	argv[n++] = t->real;
	argv[n] = NULL;
	return run_mkswap(ctl, argv);
}

/* --- checks before swapon(2) --------------------------------------------- */

static bool is_suspend_sig(const unsigned char *p)
{
	return !memcmp(p, "S1SUSPEND", 9) || !memcmp(p, "S2SUSPEND", 9) ||
	       !memcmp(p, "ULSUSPEND", 9) || !memcmp(p, "\xed\xc3\x02\xe9\x98\x56\xe5\x0c", 8) ||
	       !memcmp(p, "LINHIB0001", 10);
}

/* old software suspend data in place of the swap signature: page size or 0 */
static size_t find_suspend_sig(const unsigned char *buf, size_t len)
{
	size_t ps;

	for (ps = SWAP_MIN_PAGESIZE; ps <= SWAP_MAX_PAGESIZE && ps <= len; ps <<= 1) {
		if (is_suspend_sig(buf + ps - SWAP_SIGNATURE_LEN))
			return ps;
	}
	return 0;
}

static int rewrite_signature(struct swapon_ctl *ctl, const struct swap_target *t, size_t ps)
{
	int fd, rc = 0;

	if (ctl->dry_run) {
		printf(_("would rewrite the swap signature of %s\n"), t->path);
		return 0;
	}
	fd = open(t->real, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		warn(_("cannot open %s"), t->path);
		return -1;
	}
	if (pwrite(fd, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN, ps - SWAP_SIGNATURE_LEN) !=
	    SWAP_SIGNATURE_LEN) {
		warn(_("%s: write signature failed"), t->path);
		rc = -1;
	}
	if (close(fd) != 0 && !rc) {
		warn(_("write failed: %s"), t->path);
		rc = -1;
	}
	return rc;
}

static void no_ghost_kernel(const char *path, const char *what)
{
	warnx(_("%s: %s, but the running kernel has no ghost swap support "
		"(%s is missing); boot a kernel built with %s"),
	      path, what, PATH_GHOSTSWAP_SIZE, KF_KERNEL_HINT);
}

/*
 * /dev/ghostswap: the kernel synthesises its header, so there is nothing
 * to check but that the device is there. Its size is the kernel's choice.
 */
static int check_ghost_device(struct swapon_ctl *ctl, struct swap_target *t,
			      const struct swap_prop *p)
{
	struct swap_header h;
	struct stat st;
	uint64_t size = 0, pages;
	int rc;

	switch (ctl->kf.devnode) {
	case KF_DEVNODE_MISSING:
		if (p->no_fail)
			return 1;
		if (ctl->kf.ghost)
			warnx(_("%s does not exist, but the kernel has ghost swap: create the node "
				"with 'mknod -m 0660 %s c %d %d'"),
			      t->path, PATH_DEV_GHOSTSWAP, GHOSTSWAP_MAJOR, GHOSTSWAP_MINOR);
		else
			warnx(_("%s does not exist: the running kernel has no ghost swap device; "
				"boot a kernel built with %s"),
			      t->path, KF_KERNEL_HINT);
		return -1;
	case KF_DEVNODE_WRONG:
		warnx(_("%s is not the ghost swap device (a character device %d:%d)"), t->path,
		      GHOSTSWAP_MAJOR, GHOSTSWAP_MINOR);
		return -1;
	case KF_DEVNODE_OK:
		break;
	}
	if (!ctl->kf.ghost) {
		no_ghost_kernel(t->path, _("the device node exists"));
		return -1;
	}
	if (sysroot_read_u64(PATH_GHOSTSWAP_SIZE, &size) != 0)
		size = 0;
	if (sysroot_is_live()) {
		rc = swapspec_read_header(t->real, &h, &st);
		if (rc == -EINVAL) {
			warnx(_("%s: read swap header failed"), t->path);
			return -1;
		}
		if (rc) {
			errno = -rc;
			warn(_("cannot open %s"), t->path);
			return -1;
		}
		if ((st.st_mode & 07007) != 0)
			warnx(_("%s: insecure permissions %04o, %04o suggested."), t->path,
			      st.st_mode & 07777, 0660);
		t->vsize = ((uint64_t)h.last_page + 1) * h.pagesize;
	} else {
		/* a captured tree: the size the kernel would choose (mm/ghostswap.c) */
		if (size) {
			pages = size / ctl->pagesize;
			pages -= pages % GHOST_CLUSTER_PAGES;
			if (pages < GHOST_CLUSTER_PAGES)
				pages = GHOST_CLUSTER_PAGES;
		} else if (ghost_default_pages(ctl->pagesize, &pages) != 0) {
			pages = 0;
		}
		t->vsize = pages * ctl->pagesize;
	}
	if (ctl->verbose) {
		char hbuf[32];

		if (size)
			warnx(_("%s: ghost swap device, virtual size %s (ghostswap.size)"), t->path,
			      human(t->vsize, hbuf, sizeof(hbuf)));
		else
			warnx(_("%s: ghost swap device, virtual size %s (8 x RAM)"), t->path,
			      human(t->vsize, hbuf, sizeof(hbuf)));
	}
	return 0;
}

/* Returns 0 to go on, 1 to skip quietly, -1 on failure (message printed). */
static int swapon_checks(struct swapon_ctl *ctl, struct swap_target *t, const struct swap_prop *p)
{
	struct swap_header h;
	unsigned char *buf;
	struct stat st;
	uint64_t devsize = 0, swapsize;
	ssize_t len;
	size_t ps;
	int fd, mask, rc = -1;

	if (swapspec_is_ghostswap_name(t->path)) {
		t->ghost_dev = true;
		return check_ghost_device(ctl, t, p);
	}

	fd = open(t->real, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (p->no_fail && errno == ENOENT)
			return 1;
		warn(_("cannot open %s"), t->path);
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		warn(_("stat of %s failed"), t->path);
		close(fd);
		return -1;
	}
	if (S_ISCHR(st.st_mode) && major(st.st_rdev) == GHOSTSWAP_MAJOR &&
	    minor(st.st_rdev) == GHOSTSWAP_MINOR) {
		/* /dev/ghostswap under another name */
		close(fd);
		t->ghost_dev = true;
		ctl->kf.devnode = KF_DEVNODE_OK;
		return check_ghost_device(ctl, t, p);
	}

	mask = S_ISBLK(st.st_mode) ? 07007 : 07077;
	if ((st.st_mode & mask) != 0)
		warnx(_("%s: insecure permissions %04o, %04o suggested."), t->path,
		      st.st_mode & 07777, ~mask & 0666);
	if (S_ISREG(st.st_mode) && st.st_uid != 0)
		warnx(_("%s: insecure file owner %d, 0 (root) suggested."), t->path,
		      (int)st.st_uid);

	if (S_ISREG(st.st_mode)) {
		if ((uint64_t)st.st_blocks * 512 < (uint64_t)st.st_size) {
			warnx(_("%s: skipping - it appears to have holes."), t->path);
			goto out;
		}
		devsize = st.st_size;
	} else if (S_ISBLK(st.st_mode)) {
		off_t end = lseek(fd, 0, SEEK_END);

		if (end < 0) {
			warnx(_("%s: get size failed"), t->path);
			goto out;
		}
		devsize = end;
		lseek(fd, 0, SEEK_SET);
	} else {
		warnx(_("%s: not a block device, a regular file or %s"), t->path,
		      PATH_DEV_GHOSTSWAP);
		goto out;
	}

	buf = xmalloc(SWAP_MAX_PAGESIZE);
	len = read(fd, buf, SWAP_MAX_PAGESIZE);
	if (len < 0 || swap_header_decode(buf, len, &h) != 0) {
		ps = len > 0 ? find_suspend_sig(buf, len) : 0;
		if (!ps) {
			free(buf);
			warnx(_("%s: read swap header failed"), t->path);
			goto out;
		}
		warnx(_("%s: software suspend data detected. Rewriting the swap signature."),
		      t->path);
		rc = rewrite_signature(ctl, t, ps);
		/* what the header says once the signature is back */
		memcpy(buf + ps - SWAP_SIGNATURE_LEN, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN);
		if (!rc && swap_header_decode(buf, len, &h) == 0)
			t->vsize = ((uint64_t)h.last_page + 1) * h.pagesize;
		free(buf);
		goto out;
	}
	free(buf);

	swapsize = ((uint64_t)h.last_page + 1) * h.pagesize;
	t->vsize = swapsize;
	t->ghost_file = swapspec_is_ghost_file(&st, &h);
	if (ctl->verbose)
		warnx(_("%s: found signature [pagesize=%zu, signature=%s]"), t->path, h.pagesize,
		      t->ghost_file ? "ghost" : "swap");

	if (t->ghost_file) {
		if (h.pagesize != ctl->pagesize) {
			if (!ctl->fixpgsz) {
				warnx(_("%s: ghost swap file made for %zu-byte pages, the kernel "
					"uses %zu (use --fixpgsz to reinitialize it)"),
				      t->path, h.pagesize, ctl->pagesize);
				goto out;
			}
			warnx(_("%s: swap format pagesize does not match."), t->path);
			if (reinitialize(ctl, t, &h) != 0)
				goto out;
		}
		if (!ctl->kf.ghost) {
			no_ghost_kernel(t->path, _("this is a one-page ghost swap file"));
			goto out;
		}
		rc = 0;
		goto out;
	}

	if (ctl->verbose)
		warnx(_("%s: pagesize=%zu, swapsize=%" PRIu64 ", devsize=%" PRIu64), t->path,
		      h.pagesize, swapsize, devsize);
	if (swapsize > devsize) {
		if (ctl->verbose)
			warnx(_("%s: last_page 0x%08" PRIx64 " is larger than actual size of "
				"swapspace"),
			      t->path, swapsize);
	} else if (h.pagesize != ctl->pagesize) {
		if (ctl->fixpgsz) {
			warnx(_("%s: swap format pagesize does not match."), t->path);
			if (reinitialize(ctl, t, &h) != 0)
				goto out;
		} else {
			warnx(_("%s: swap format pagesize does not match. (Use --fixpgsz to "
				"reinitialize it.)"),
			      t->path);
		}
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

/* --- tiers --------------------------------------------------------------- */

/* The start of the tier above @start, or TIER_PRIO_MAX + 1 when none. */
static int next_start(const struct tier_list *l, int start)
{
	int next = TIER_PRIO_MAX + 1;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].prio_start > start && l->v[i].prio_start < next)
			next = l->v[i].prio_start;
	}
	return next;
}

/*
 * Place the area in the tier @spec: find (or create) it, then choose a
 * priority inside it or check the one given. -1 on failure, after a message.
 */
static int apply_tier(struct swapon_ctl *ctl, const char *dev, const char *spec, int *prio,
		      bool prio_set, char tiername[TIER_NAME_MAX + 1])
{
	struct tier_list l;
	struct swap_tier made;
	const struct swap_tier *t;
	char name[TIER_NAME_MAX + 1], *ops;
	int start, rc;

	if (tiers_parse_spec(spec, name, &start) != 0) {
		warn_bad_tier(dev, spec);
		return -1;
	}
	rc = tiers_read(&l);
	if (rc == -EINVAL) {
		warnx(_("%s: cannot parse %s"), dev, PATH_SWAP_TIERS);
		return -1;
	}
	if (rc) {
		warnx(_("%s: cannot use swap tier %s: %s"), dev, name, tiers_strerror(rc));
		return -1;
	}
	t = tiers_find_name(&l, name);
	if (!t && start == INT_MIN) {
		warnx(_("%s: swap tier %s does not exist (use --tier %s:START to create it)"), dev,
		      name, name);
		goto fail;
	}
	if (t && start != INT_MIN && t->prio_start != start) {
		warnx(_("%s: swap tier %s already exists and starts at priority %d, not %d"), dev,
		      name, t->prio_start, start);
		goto fail;
	}
	if (!t) {
		/* what the kernel will make of it: up to the next tier's start */
		memset(&made, 0, sizeof(made));
		strcpy(made.name, name);
		made.idx = -1;
		made.prio_start = start;
		made.prio_end = next_start(&l, start) - 1;
		if (tiers_find_prio(&l, start) && tiers_find_prio(&l, start)->prio_start == start) {
			warnx(_("%s: cannot create swap tier %s:%d: tier %s already starts there"),
			      dev, name, start, tiers_find_prio(&l, start)->name);
			goto fail;
		}
		/* the tiers must cover -1 to 32767: some tier has to start at -1 */
		if (start != TIER_PRIO_MIN && !tiers_find_prio(&l, TIER_PRIO_MIN)) {
			warnx(_("%s: cannot create swap tier %s:%d: no tier covers priority -1 yet; "
				"create one from -1 first (for example --tier low:-1)"),
			      dev, name, start);
			goto fail;
		}
		if (ctl->dry_run) {
			const struct swap_entry *busy = NULL;
			size_t i;

			/*
			 * The kernel refuses to move an active device from its
			 * tier into the new one: predict that refusal.
			 */
			load_swaps(ctl);
			for (i = 0; i < ctl->swaps.n && !busy; i++) {
				int p = ctl->swaps.v[i].prio;

				if (p < TIER_PRIO_MIN)
					p = TIER_PRIO_MIN;
				if (p >= made.prio_start && p <= made.prio_end &&
				    tiers_find_prio(&l, p))
					busy = &ctl->swaps.v[i];
			}
			if (busy) {
				warnx(_("%s: cannot create swap tier %s:%d: %s (%s has priority %d)"),
				      dev, name, start, tiers_strerror(-EBUSY), busy->path,
				      busy->prio);
				goto fail;
			}
			printf(_("would create swap tier %s for priorities %d to %d\n"), name,
			       made.prio_start, made.prio_end);
		} else {
			xasprintf(&ops, "+%s:%d", name, start);
			if (ctl->verbose)
				printf(_("creating swap tier %s: %s\n"), name, ops);
			rc = tiers_write(ops);
			free(ops);
			if (rc) {
				warnx(_("%s: cannot create swap tier %s:%d: %s"), dev, name, start,
				      tiers_strerror(rc));
				goto fail;
			}
			tiers_free(&l);
			if (tiers_read(&l) == 0 && tiers_find_name(&l, name))
				made = *tiers_find_name(&l, name);
		}
		t = &made;
	}

	if (prio_set) {
		/* automatic (negative) priorities count as -1 */
		int p = *prio < TIER_PRIO_MIN ? TIER_PRIO_MIN : *prio;

		if (p < t->prio_start || p > t->prio_end) {
			warnx(_("%s: priority %d is outside swap tier %s (priorities %d to %d)"),
			      dev, *prio, t->name, t->prio_start, t->prio_end);
			goto fail;
		}
	} else {
		/*
		 * The tier's lowest priority: below whatever the admin put there
		 * explicitly. A tier from -1 takes the kernel's automatic one.
		 */
		*prio = t->prio_start < 0 ? -1 : t->prio_start;
	}
	strcpy(tiername, t->name);
	tiers_free(&l);
	return 0;
fail:
	tiers_free(&l);
	return -1;
}

/* --- activation ---------------------------------------------------------- */

static void describe(const struct swapon_ctl *ctl, const struct swap_target *t, int prio,
		     const char *tier, int flags)
{
	char hbuf[32];

	printf(_("would swapon %s"), t->path);
	if (t->ghost_dev)
		printf(_(": ghost device, virtual size %s"), human(t->vsize, hbuf, sizeof(hbuf)));
	else if (t->ghost_file)
		printf(_(": ghost file, virtual size %s"), human(t->vsize, hbuf, sizeof(hbuf)));
	else
		printf(_(": size %s"), human(t->vsize, hbuf, sizeof(hbuf)));
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

static void explain_failure(struct swapon_ctl *ctl, const struct swap_target *t, int e)
{
	errno = e;
	if (e == EINVAL && (t->ghost_file || t->ghost_dev) && !ctl->kf.ghost) {
		no_ghost_kernel(t->path, t->ghost_dev ? _("this is the ghost swap device")
						      : _("this is a one-page ghost swap file"));
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
	t.real = swapspec_real_path(t.path);

	if (p->ghost && !swapspec_is_ghostswap_name(t.path) && stat(t.real, &st) != 0 &&
	    errno == ENOENT) {
		/* no file a stock kernel would refuse anyway */
		if (!ctl->kf.ghost) {
			no_ghost_kernel(t.path, _("the ghost option asks for a ghost swap file"));
			goto done;
		}
		if (create_ghost_file(ctl, p, t.path) != 0)
			goto done;
		if (ctl->dry_run) {
			/* nothing to check yet: describe what the new file will be */
			uint64_t pages = 0;

			t.ghost_file = true;
			if (p->size_set)
				pages = p->size / ctl->pagesize;
			else if (ghost_default_pages(ctl->pagesize, &pages) != 0)
				pages = 0;
			t.vsize = pages * ctl->pagesize;
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
		describe(ctl, &t, prio, tier, flags);
		/* later fstab entries and tier checks see it as active */
		note_active(ctl, &t, prio);
		rc = 0;
		goto done;
	}
	if (ctl->verbose)
		printf(_("swapon %s\n"), t.path);
	if (swapon(t.real, flags) != 0) {
		explain_failure(ctl, &t, errno);
		goto done;
	}
	/* /proc/swaps changed: read it again when next needed */
	swaps_free(&ctl->swaps);
	ctl->swaps_loaded = false;
	rc = 0;
done:
	free(t.path);
	free(t.real);
	return rc;
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
		char *device;

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
		device = resolve_spec(ctl, src);
		if (!device) {
			if (!prop.no_fail)
				status |= cannot_find(src);
			else if (ctl->verbose)
				warnx(_("%s: cannot find the device -- ignored"), src);
			prop_free(&prop);
			continue;
		}
		t.path = device;
		t.real = swapspec_real_path(device);
		if (is_active(ctl, &t)) {
			if (ctl->verbose)
				warnx(_("%s: already active -- ignored"), device);
		} else if (prop.no_fail && !prop.ghost && !swapspec_is_ghostswap_name(device) &&
			   access(t.real, R_OK) != 0) {
			if (ctl->verbose)
				warnx(_("%s: inaccessible -- ignored"), device);
		} else {
			status |= do_swapon(ctl, &prop, device, true);
		}
		free(t.real);
		free(device);
		prop_free(&prop);
	}
	mnt_free_iter(itr);
	return status;
}

/* --- --show and --summary ------------------------------------------------ */

static void add_line(struct swapon_ctl *ctl, struct libscols_table *table,
		     const struct swap_entry *e, const struct tier_list *tiers)
{
	struct libscols_line *line = scols_table_new_line(table, NULL);
	const char *label = NULL, *uuid = NULL;
	char ghost_uuid[SWAPSPEC_UUID_STR_LEN] = "", ghost_label[SWAP_LABEL_LEN + 1] = "";
	blkid_probe pr = NULL;
	bool ghost = !strcmp(e->type, "ghost") || !strcmp(e->type, "vswap");
	char *real = swapspec_real_path(e->path);
	int i;

	if (!line)
		err(EXIT_FAILURE, _("failed to allocate output line"));

	for (i = 0; i < ctl->ncolumns; i++) {
		if (ctl->columns[i] == COL_UUID || ctl->columns[i] == COL_LABEL)
			break;
	}
	if (i < ctl->ncolumns && access(real, R_OK) == 0) {
		pr = blkid_new_probe_from_filename(real);
		if (pr) {
			blkid_probe_enable_superblocks(pr, 1);
			blkid_probe_filter_superblocks_type(pr, BLKID_FLTR_ONLYIN,
							    (char *[]){ "swap", NULL });
			blkid_probe_set_superblocks_flags(pr,
							  BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID);
			if (blkid_do_safeprobe(pr) == 0) {
				blkid_probe_lookup_value(pr, "UUID", &uuid, NULL);
				blkid_probe_lookup_value(pr, "LABEL", &label, NULL);
			}
		}
		/* libblkid does not know one-page ghost files: read the header */
		if (!uuid && !label && ghost) {
			struct swap_header h;

			if (swapspec_read_header(real, &h, NULL) == 0) {
				swapspec_uuid_str(&h, ghost_uuid);
				strcpy(ghost_label, h.label);
				uuid = *ghost_uuid ? ghost_uuid : NULL;
				label = *ghost_label ? ghost_label : NULL;
			}
		}
	}

	for (i = 0; i < ctl->ncolumns; i++) {
		char *str = NULL;
		uint64_t bytes;
		const struct swap_tier *t;

		switch (ctl->columns[i]) {
		case COL_PATH:
			/* as util-linux: libmount drops the " (deleted)" mark */
			str = xstrdup(e->path);
			break;
		case COL_TYPE:
			str = xstrdup(e->type);
			break;
		case COL_SIZE:
		case COL_USED:
			bytes = (ctl->columns[i] == COL_SIZE ? e->size_kib : e->used_kib) * 1024;
			if (ctl->bytes)
				xasprintf(&str, "%" PRIu64, bytes);
			else
				str = size_1letter(bytes);
			break;
		case COL_PRIO:
			xasprintf(&str, "%d", e->prio);
			break;
		case COL_UUID:
			str = uuid ? xstrdup(uuid) : NULL;
			break;
		case COL_LABEL:
			str = label ? xstrdup(label) : NULL;
			break;
		case COL_TIER:
			t = tiers_find_prio(tiers, e->prio);
			str = t ? xstrdup(t->name) : NULL;
			break;
		case COL_KIND:
			/* a ghost file never lives in /dev (devtmpfs) */
			if (ghost)
				str = xstrdup(
					!strncmp(e->path, PATH_DEV_DIR "/", sizeof(PATH_DEV_DIR))
						? "ghost-device"
						: "ghost-file");
			else
				str = xstrdup(!strcmp(e->type, "partition") ? "partition" : "file");
			break;
		}
		if (str && scols_line_refer_data(line, i, str))
			err(EXIT_FAILURE, _("failed to add output data"));
	}
	if (pr)
		blkid_free_probe(pr);
	free(real);
}

static int show_table(struct swapon_ctl *ctl)
{
	struct libscols_table *table;
	struct tier_list tiers = { 0 };
	struct swap_list l;
	size_t i;
	int rc;

	rc = swaps_read(&l);
	if (rc) {
		warnx(_("cannot read %s: %s"), PATH_PROC_SWAPS, strerror(-rc));
		return -1;
	}
	for (i = 0; i < (size_t)ctl->ncolumns; i++) {
		if (ctl->columns[i] == COL_TIER) {
			tiers_read(&tiers);
			break;
		}
	}

	scols_init_debug(0);
	table = scols_new_table();
	if (!table)
		err(EXIT_FAILURE, _("failed to allocate output table"));
	scols_table_enable_raw(table, ctl->raw);
	scols_table_enable_noheadings(table, ctl->noheadings);
	if (ctl->json) {
		scols_table_enable_json(table, 1);
		scols_table_set_name(table, "swaps");
	}
	for (i = 0; i < (size_t)ctl->ncolumns; i++) {
		const struct colinfo *col = &infos[ctl->columns[i]];
		struct libscols_column *cl;

		cl = scols_table_new_column(table, col->name, col->whint, col->flags);
		if (!cl)
			err(EXIT_FAILURE, _("failed to allocate output column"));
		if (ctl->json) {
			int id = ctl->columns[i];

			if (id == COL_PRIO || (ctl->bytes && (id == COL_SIZE || id == COL_USED)))
				scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
		}
	}
	for (i = 0; i < l.n; i++)
		add_line(ctl, table, &l.v[i], &tiers);
	scols_print_table(table);
	scols_unref_table(table);
	tiers_free(&tiers);
	swaps_free(&l);
	return 0;
}

/* -s: what util-linux 2.38 prints, aligned like /proc/swaps */
static int display_summary(void)
{
	struct swap_list l;
	size_t i;
	int rc = swaps_read(&l);

	if (rc) {
		warnx(_("cannot read %s: %s"), PATH_PROC_SWAPS, strerror(-rc));
		return -1;
	}
	if (l.n)
		printf(_("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"));
	for (i = 0; i < l.n; i++) {
		const struct swap_entry *e = &l.v[i];
		char *src;
		int srclen, typelen = strlen(e->type);

		src = xstrdup(e->path);
		srclen = strlen(src);
		printf("%s%*s%s%s\t%" PRIu64 "%s\t%" PRIu64 "%s\t%d\n", src,
		       srclen < 40 ? 40 - srclen : 1, " ", e->type, typelen < 8 ? "\t" : "",
		       e->size_kib, e->size_kib < 10000000 ? "\t" : "", e->used_kib,
		       e->used_kib < 10000000 ? "\t" : "", e->prio);
		free(src);
	}
	swaps_free(&l);
	return 0;
}

static int column_name_to_id(const char *name, size_t namesz)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(infos); i++) {
		const char *cn = infos[i].name;

		if (!strncasecmp(name, cn, namesz) && !cn[namesz])
			return i;
	}
	warnx(_("unknown column: %.*s"), (int)namesz, name);
	return -1;
}

static int parse_columns(struct swapon_ctl *ctl, const char *list)
{
	const char *p = list;

	ctl->ncolumns = 0;
	if (!*p) {
		warnx(_("no columns given for --show"));
		return -1;
	}
	while (*p) {
		size_t len = strcspn(p, ",");
		int id;

		if (!len) {
			warnx(_("empty column name in --show list '%s'"), list);
			return -1;
		}
		id = column_name_to_id(p, len);
		if (id < 0)
			return -1;
		if ((size_t)ctl->ncolumns >= ARRAY_SIZE(ctl->columns)) {
			warnx(_("too many columns"));
			return -1;
		}
		ctl->columns[ctl->ncolumns++] = id;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* --- main ---------------------------------------------------------------- */

static bool have_sys_admin(void)
{
	capng_get_caps_process();
	return capng_have_capability(CAPNG_EFFECTIVE, CAP_SYS_ADMIN);
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

int main(int argc, char **argv)
{
	struct swapon_ctl ctl = { .props = { .priority = -1 } };
	struct speclist tags = { 0 };
	const char *options = NULL, *sysroot = NULL;
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
			if (optarg && parse_columns(&ctl, optarg) != 0)
				exit(EXIT_FAILURE);
			ctl.show = true;
			break;
		case OPT_OUTPUT_ALL:
			for (i = 0; i < ARRAY_SIZE(infos); i++)
				ctl.columns[i] = i;
			ctl.ncolumns = ARRAY_SIZE(infos);
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

	/* exit(), not return: what main() allocated stays reachable */
	if (ctl.summarize)
		exit(display_summary() ? SWAPON_EX_FAIL : EXIT_SUCCESS);

	if (ctl.show || (!ctl.all && !tags.n && *argv == NULL)) {
		if (!ctl.ncolumns) {
			ctl.columns[ctl.ncolumns++] = COL_PATH;
			ctl.columns[ctl.ncolumns++] = COL_TYPE;
			ctl.columns[ctl.ncolumns++] = COL_SIZE;
			ctl.columns[ctl.ncolumns++] = COL_USED;
			ctl.columns[ctl.ncolumns++] = COL_PRIO;
		}
		exit(show_table(&ctl) ? SWAPON_EX_FAIL : EXIT_SUCCESS);
	}

	if (ctl.props.no_fail && !ctl.all) {
		warnx(_("bad usage"));
		errtryhelp(EXIT_FAILURE);
	}
	if (!sysroot_is_live() && !ctl.dry_run) {
		warnx(_("--sysroot reads a captured system: use it with --show, --summary or "
			"--dry-run"));
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
	return status ? SWAPON_EX_FAIL : EXIT_SUCCESS;
}
