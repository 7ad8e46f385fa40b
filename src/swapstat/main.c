/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * swapstat - what swap costs this machine, in RAM and on disk
 *
 * A ghost swap device of terabytes is a slice of RAM held by zswap (kernels
 * differ in whether SwapTotal counts its virtual size); a zram device is
 * compressed RAM that looks like a disk. swapstat puts the
 * figures the kernel reports side by side: virtual use per device, where
 * the data physically is (as far as the kernel tells), the RAM zswap and
 * zram hold, the disk really used, and the capacity that really backs
 * swap. A figure the kernel does not provide is reported as missing, with
 * the reason, never as zero.
 *
 * Data flows one way: snapshot.c reads, figures.c computes, the view
 * files print.
 */
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>

#include "c.h"
#include "pathnames.h"
#include "sizes.h"
#include "swapstat.h"
#include "sysroot.h"

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options]\n"), program_invocation_short_name);
	fputs(_("\nShow what swap costs this machine: virtual use, RAM held by zswap\n"
		"and zram, disk really used, and the capacity that really backs swap.\n"),
	      out);

	fputs(_("\nViews:\n"), out);
	fputs(_(" -D, --devices          the swap devices only\n"), out);
	fputs(_(" -S, --summary          the summary only\n"), out);
	fputs(_(" -g, --cgroups          swap and zswap use and limits per cgroup\n"), out);
	fputs(_("     --depth N          with --cgroups: N levels below the root at most\n"), out);
	fputs(_(" -C, --counters         every raw counter found, by source\n"), out);
	fputs(_(" -w, --watch SECONDS    rates per second, every SECONDS\n"), out);
	fputs(_(" -c, --count N          with --watch: stop after N lines\n"), out);
	fputs(_("     --prometheus       text exposition format for node_exporter\n"
		"                        (with --cgroups: per-cgroup families too)\n"),
	      out);

	fputs(_("\nOutput:\n"), out);
	fputs(_(" -o, --output LIST      columns to show (+LIST adds to the defaults)\n"), out);
	fputs(_("     --output-all       show all columns\n"), out);
	fputs(_(" -H, --list-columns     list the columns of the view and exit\n"), out);
	fputs(_(" -J, --json             JSON output (--watch: one line per sample)\n"), out);
	fputs(_(" -r, --raw              raw output\n"), out);
	fputs(_(" -b, --bytes            sizes in bytes (numbers in JSON)\n"), out);
	fputs(_(" -n, --noheadings       don't print headings\n"), out);

	fputs(_("\nSources:\n"), out);
	fputs(_("     --sysroot DIR      read a saved tree instead of the system;\n"
		"                        repeat it to replay --watch samples\n"),
	      out);
	fputs(_("     --save DIR         copy every file read into DIR, for --sysroot\n"), out);
	fputs("\n", out);
	usage_help_options(out, 23);
	usage_man_tail(out, "swapstat(1)");
	exit(EXIT_SUCCESS);
}

static void __noreturn bad_usage(const char *msg)
{
	warnx("%s", msg);
	errtryhelp(EXIT_FAILURE);
}

static void check_options(struct ctl *ctl, int nviews)
{
	if (nviews > 1)
		bad_usage(_("--devices, --summary, --cgroups, --counters and --watch are mutually "
			    "exclusive"));
	if (ctl->prometheus && ((nviews && ctl->view != VIEW_CGROUPS) || ctl->json || ctl->raw ||
				ctl->outarg || ctl->output_all))
		bad_usage(
			_("--prometheus takes no view but --cgroups and no output format option"));
	if (ctl->json && ctl->raw)
		bad_usage(_("--json and --raw are mutually exclusive"));
	if (ctl->count_set && ctl->view != VIEW_WATCH)
		bad_usage(_("--count needs --watch"));
	if (ctl->cg_depth >= 0 && ctl->view != VIEW_CGROUPS)
		bad_usage(_("--depth needs --cgroups"));
	if (ctl->nsysroots > 1 && ctl->view != VIEW_WATCH)
		bad_usage(_("more than one --sysroot needs --watch"));
	if (ctl->view == VIEW_SUMMARY && (ctl->outarg || ctl->output_all))
		bad_usage(_("the summary has fixed columns"));
}

static int run(const struct ctl *ctl)
{
	unsigned int what = SNAP_TIERS | (ctl->view == VIEW_CGROUPS ? SNAP_CGROUPS : 0);
	struct snapshot s;
	struct model m;
	int rc;

	sample_begin(ctl, 0, false);
	snapshot_read(&s, what, ctl->cg_depth);
	model_compute(&s, &m);
	/* the saved tree is complete before anything is printed */
	rc = sample_end() ? EXIT_FAILURE : EXIT_SUCCESS;

	if (ctl->prometheus)
		show_prometheus(ctl, &s, &m);
	else if (ctl->view == VIEW_CGROUPS)
		show_cgroups(ctl, &s);
	else if (ctl->view == VIEW_COUNTERS)
		show_counters(ctl, &s);
	else
		show_devices_summary(ctl, &m);
	/* the summary names a missing /proc/swaps; the device table alone would not */
	if (ctl->view == VIEW_DEVICES && !ctl->prometheus && s.swaps_rc && s.swaps_rc != -ENOENT)
		warnx(_("cannot read %s: %s"), PATH_PROC_SWAPS, swaps_strerror(s.swaps_rc));
	model_free(&m);
	snapshot_free(&s);
	return rc;
}

int main(int argc, char **argv)
{
	enum {
		OPT_OUTPUT_ALL = CHAR_MAX + 1,
		OPT_SYSROOT,
		OPT_SAVE,
		OPT_PROMETHEUS,
		OPT_DEPTH,
	};
	static const struct option longopts[] = {
		{ "devices", no_argument, NULL, 'D' },
		{ "summary", no_argument, NULL, 'S' },
		{ "cgroups", no_argument, NULL, 'g' },
		{ "depth", required_argument, NULL, OPT_DEPTH },
		{ "counters", no_argument, NULL, 'C' },
		{ "watch", required_argument, NULL, 'w' },
		{ "count", required_argument, NULL, 'c' },
		{ "prometheus", no_argument, NULL, OPT_PROMETHEUS },
		{ "output", required_argument, NULL, 'o' },
		{ "output-all", no_argument, NULL, OPT_OUTPUT_ALL },
		{ "list-columns", no_argument, NULL, 'H' },
		{ "json", no_argument, NULL, 'J' },
		{ "raw", no_argument, NULL, 'r' },
		{ "bytes", no_argument, NULL, 'b' },
		{ "noheadings", no_argument, NULL, 'n' },
		{ "sysroot", required_argument, NULL, OPT_SYSROOT },
		{ "save", required_argument, NULL, OPT_SAVE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctl ctl = { .view = VIEW_DEFAULT, .cg_depth = -1 };
	int c, nviews = 0, rc;

	nls_init();
	close_stdout_atexit();

	while ((c = getopt_long(argc, argv, "DSgCw:c:o:HJrbnhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'D':
			ctl.view = VIEW_DEVICES;
			nviews++;
			break;
		case 'S':
			ctl.view = VIEW_SUMMARY;
			nviews++;
			break;
		case 'g':
			ctl.view = VIEW_CGROUPS;
			nviews++;
			break;
		case 'C':
			ctl.view = VIEW_COUNTERS;
			nviews++;
			break;
		case 'w': {
			char *end;

			errno = 0;
			ctl.interval = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(ctl.interval > 0) ||
			    ctl.interval > 86400)
				errx(EXIT_FAILURE, _("invalid --watch interval: %s"), optarg);
			ctl.view = VIEW_WATCH;
			nviews++;
			break;
		}
		case 'c':
			if (parse_u64(optarg, 1, UINT64_MAX, &ctl.count))
				errx(EXIT_FAILURE, _("invalid --count: %s"), optarg);
			ctl.count_set = true;
			break;
		case OPT_DEPTH: {
			uint64_t d;

			if (parse_u64(optarg, 0, INT_MAX, &d))
				errx(EXIT_FAILURE, _("invalid --depth: %s"), optarg);
			ctl.cg_depth = (int)d;
			break;
		}
		case OPT_PROMETHEUS:
			ctl.prometheus = true;
			break;
		case 'o':
			ctl.outarg = optarg;
			break;
		case OPT_OUTPUT_ALL:
			ctl.output_all = true;
			break;
		case 'H':
			ctl.list_columns = true;
			break;
		case 'J':
			ctl.json = true;
			break;
		case 'r':
			ctl.raw = true;
			break;
		case 'b':
			ctl.bytes = true;
			break;
		case 'n':
			ctl.noheadings = true;
			break;
		case OPT_SYSROOT:
			ctl.sysroots =
				xrealloc(ctl.sysroots, (ctl.nsysroots + 1) * sizeof(*ctl.sysroots));
			ctl.sysroots[ctl.nsysroots++] = optarg;
			break;
		case OPT_SAVE:
			ctl.save_dir = optarg;
			break;
		case 'h':
			usage();
		case 'V':
			print_version(EXIT_SUCCESS);
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	if (optind < argc) {
		warnx(_("unexpected argument: %s"), argv[optind]);
		errtryhelp(EXIT_FAILURE);
	}
	check_options(&ctl, nviews);
	/* output for programs reads the same in every language */
	if (ctl.json || ctl.prometheus)
		setlocale(LC_ALL, "C");
	if (ctl.list_columns) {
		free(ctl.sysroots);
		return list_columns(&ctl);
	}
	if (setup_columns(&ctl)) {
		free(ctl.sysroots);
		errtryhelp(EXIT_FAILURE);
	}
	rc = ctl.view == VIEW_WATCH ? show_watch(&ctl) : run(&ctl);
	sysroot_try_set(NULL);
	free(ctl.sysroots);
	return rc;
}
