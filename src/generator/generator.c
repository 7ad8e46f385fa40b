/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswap-generator - systemd units for the ghost swap entries of fstab
 *
 * systemd-fstab-generator turns each fstab swap entry into a .swap unit
 * that runs util-linux swapon, which knows nothing of ghost swap. This
 * generator adds what those units need: ghost files created before their
 * swapon, the tier table set up before any swap, the priority a tier
 * implies, and, on a kernel without ghost swap or tiers, the entries that
 * need them kept out of the boot with one line in the journal.
 */
#include <getopt.h>
#include <limits.h>
#include <strings.h>

#include "c.h"
#include "emit.h"
#include "genlog.h"
#include "kfeatures.h"
#include "pathnames.h"
#include "plan.h"
#include "setuptiers.h"
#include "swapentry.h"
#include "sysroot.h"
#include "unitfile.h"

#define PATH_INITRD_RELEASE "/etc/initrd-release"
#define PATH_PROC_CMDLINE   "/proc/cmdline"

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] <normal-dir> <early-dir> <late-dir>\n"),
		program_invocation_short_name);
	fprintf(out, _(" %s --setup-tiers <name>:<start>...\n"), program_invocation_short_name);
	fputs(_("\nWrite systemd units for the ghost swap entries of fstab: ghost files\n"
		"created before their swap units, swap tiers set up before any swap, the\n"
		"priority a tier implies. systemd runs it at boot and on daemon-reload.\n"),
	      out);
	fputs(_("\nOptions:\n"), out);
	fputs(_("     --setup-tiers        create the swap tiers given, unless they exist\n"
		"                            (what ghostswap-tiers.service runs)\n"),
	      out);
	fputs(_("     --sysroot <dir>      read /proc, /sys, /dev and /etc/fstab below <dir>\n"),
	      out);
	usage_help_options(out, 25);
	usage_man_tail(out, "ghostswap-generator(8)");
	exit(EXIT_SUCCESS);
}

/* systemd's parse_boolean(): 1, 0, or -1 for a word that is neither */
static int parse_boolean(const char *v)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "t", "on" };
	static const char *const no[] = { "0", "no", "n", "false", "f", "off" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcasecmp(v, yes[i]))
			return 1;
		if (!strcasecmp(v, no[i]))
			return 0;
	}
	return -1;
}

/*
 * systemd.swap=0 (or any false word of systemd's) on the kernel command
 * line: no swap at all. The last valid one counts, as in systemd; a word
 * that is not a boolean is ignored, as systemd ignores it.
 */
static bool swap_disabled(void)
{
	char *cmdline, *word, *save = NULL;
	bool disabled = false;

	if (sysroot_read_file(PATH_PROC_CMDLINE, &cmdline, NULL) != 0)
		return false;
	for (word = strtok_r(cmdline, " \t\n", &save); word;
	     word = strtok_r(NULL, " \t\n", &save)) {
		int r;

		if (!strcmp(word, "systemd.swap")) {
			disabled = false;
			continue;
		}
		if (strncmp(word, "systemd.swap=", 13))
			continue;
		r = parse_boolean(word + 13);
		if (r >= 0)
			disabled = !r;
	}
	free(cmdline);
	return disabled;
}

/* The fstab systemd-fstab-generator reads, as a system path. */
static const char *fstab_path(void)
{
	const char *e = secure_getenv("SYSTEMD_FSTAB");

	return e && *e ? e : PATH_FSTAB;
}

static int generate(const char *normal, const char *early)
{
	struct emit_ctx c = {
		.normal_dir = normal,
		.early_dir = early,
		.fstab = fstab_path(),
		.mkswap = MKSWAP_PATH,
		.self = GENERATOR_PATH,
	};
	struct swapentry_list l;
	struct tierplan tp;
	struct kfeatures kf;
	char *path;
	int rc;

	/* in the initrd, fstab-generator leaves swap alone: so do we */
	if (sysroot_exists(PATH_INITRD_RELEASE) || swap_disabled())
		return EXIT_SUCCESS;

	/* its name goes into comments and SourcePath= */
	if (!unitfile_path_ok(c.fstab)) {
		genlog(LOG_ERR,
		       _("%s: cannot be named in a unit: an fstab path must be absolute, without "
			 "quotes, backslashes, control or non-ASCII characters"),
		       c.fstab);
		return EXIT_FAILURE;
	}
	/* $SYSTEMD_FSTAB is the user's own file; /etc/fstab is the system's */
	path = xstrdup(c.fstab);
	rc = swapentry_read(path,
			    !(secure_getenv("SYSTEMD_FSTAB") && *secure_getenv("SYSTEMD_FSTAB")),
			    c.fstab, &l);
	free(path);
	if (rc) {
		genlog(LOG_ERR, _("cannot read %s: %s"), c.fstab,
		       rc == -EINVAL ? _("not a regular file") : strerror(-rc));
		return EXIT_FAILURE;
	}
	kfeatures_probe(&kf);
	plan_make(&l, &kf, kf.ghost ? kfeatures_zswap() : KF_ZSWAP_UNKNOWN, c.fstab, &tp);
	rc = emit_all(&c, &l, &tp);
	tierplan_free(&tp);
	swapentry_free(&l);
	return rc ? EXIT_FAILURE : EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	const char *sysroot = NULL;
	bool tiers = false;
	int c;
	enum {
		OPT_SETUP_TIERS = CHAR_MAX + 1,
		OPT_SYSROOT,
	};
	static const struct option longopts[] = {
		{ "setup-tiers", no_argument, NULL, OPT_SETUP_TIERS },
		{ "sysroot", required_argument, NULL, OPT_SYSROOT },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};

	nls_init();
	genlog_open();

	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SETUP_TIERS:
			tiers = true;
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
	if (sysroot)
		sysroot_set(sysroot);
	if (tiers)
		return setup_tiers(argc - optind, argv + optind);

	if (argc - optind != 3) {
		warnx(_("expected three output directories (normal, early, late), got %d"),
		      argc - optind);
		errtryhelp(EXIT_FAILURE);
	}
	return generate(argv[optind], argv[optind + 1]);
}
