/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkswap - set up a Linux swap area, or a header-only ghost swap file
 *
 * Compatible with util-linux mkswap (options, output lines, exit codes),
 * plus --ghost: a regular file of exactly one page whose header describes
 * a virtual swap area of any size, for kernels with ghost swap.
 *
 * Order of work: parse and check every argument, check the target (what it
 * is, where it lives, whether it is mounted or active swap), only then open
 * it; build the header in memory, write it, make it durable, and only then
 * say "Setting up".
 */
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <unistd.h>
#include <uuid.h>

#include "ghost.h"
#include "mkswap.h"
#include "pathnames.h"
#include "sizes.h"
#include "sysroot.h"

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] device [size]\n"), program_invocation_short_name);
	fprintf(out, _(" %s [options] --size size --file file\n"), program_invocation_short_name);
	fprintf(out, _(" %s [options] --ghost [--size size] file\n"),
		program_invocation_short_name);
	fputs(_("\nSet up a Linux swap area, or a ghost swap file.\n"), out);

	fputs(_("\nOptions:\n"), out);
	fputs(_(" -c, --check               check bad blocks before creating the swap area\n"),
	      out);
	fputs(_(" -f, --force               allow swap size area be larger than device\n"), out);
	fputs(_(" -q, --quiet               suppress output and warning messages\n"), out);
	fputs(_(" -p, --pagesize SIZE       specify page size in bytes\n"), out);
	fputs(_(" -L, --label LABEL         specify label\n"), out);
	fputs(_(" -v, --swapversion NUM     specify swap-space version number\n"), out);
	fputs(_(" -U, --uuid UUID           specify the uuid to use\n"), out);
	fputs(_(" -e, --endianness=<value>  specify the endianness to use (native, little or big)\n"),
	      out);
	fputs(_(" -o, --offset OFFSET       specify the offset in the device\n"), out);
	fputs(_(" -s, --size SIZE           specify the size of a swap file in bytes\n"), out);
	fputs(_(" -F, --file                create a swap file\n"), out);
	fputs(_("     --ghost               create a ghost swap file: one page on disk,\n"
		"                             --size is the virtual size (default 8 x RAM)\n"),
	      out);
	fputs(_("     --sysroot DIR         read /proc and /sys below DIR\n"), out);
	fputs(_("     --verbose             verbose output\n"), out);
	fprintf(out, _("     --lock[=<mode>]       use exclusive device lock (%s, %s or %s)\n"),
		"yes", "no", "nonblock");
	usage_help_options(out, 27);
	usage_man_tail(out, "mkswap(8)");
	exit(EXIT_SUCCESS);
}

static void parse_uuid(struct mkswap_control *ctl, const char *arg)
{
	uuid_t u;

	if (!strcmp(arg, "clear"))
		uuid_clear(u);
	else if (!strcmp(arg, "random"))
		uuid_generate_random(u);
	else if (!strcmp(arg, "time"))
		uuid_generate_time(u);
	else if (uuid_parse(arg, u) != 0)
		errx(EXIT_FAILURE, _("error: parsing UUID failed"));
	memcpy(ctl->uuid, u, SWAP_UUID_LEN);
}

static uint64_t size_arg_or_err(const char *arg, const char *what)
{
	uint64_t v;
	int rc = size_parse(arg, &v);

	if (rc)
		errx(EXIT_FAILURE, "%s: '%s': %s", what, arg, size_strerror(rc));
	return v;
}

static void init_pagesize(struct mkswap_control *ctl)
{
	const size_t kernel_pagesize = getpagesize();

	if (!ctl->user_pagesize) {
		ctl->pagesize = kernel_pagesize;
		return;
	}
	if (!swap_header_pagesize_ok(ctl->user_pagesize))
		errx(EXIT_FAILURE, _("Bad user-specified page size %zu"), ctl->user_pagesize);
	if (ctl->user_pagesize != kernel_pagesize)
		qwarnx(ctl,
		       _("Using user-specified page size %zu, instead of the system value %zu"),
		       ctl->user_pagesize, kernel_pagesize);
	ctl->pagesize = ctl->user_pagesize;
}

static void ghost_size(struct mkswap_control *ctl)
{
	char hbuf[32];
	int rc = 0;

	if (ctl->size_set) {
		/* the same rule ghostswapon --dry-run predicts with */
		rc = ghost_file_pages(ctl->filesz, ctl->pagesize, &ctl->npages);
	} else {
		rc = ghost_default_pages(ctl->pagesize, &ctl->npages);
		if (rc == -ENOENT && sysroot_exists(PATH_PROC_MEMINFO))
			errx(EXIT_FAILURE,
			     _("%s has no MemTotal line: cannot tell the RAM size; use --size"),
			     PATH_PROC_MEMINFO);
		if (rc)
			errx(EXIT_FAILURE, _("cannot read the RAM size from %s: %s; use --size"),
			     PATH_PROC_MEMINFO, sysroot_strerror(rc));
		qwarnx(ctl, _("no --size given: virtual size is 8 x RAM, %s"),
		       size_to_human(ctl->npages * ctl->pagesize, hbuf, sizeof(hbuf)));
	}
	if (rc == -EINVAL)
		errx(EXIT_FAILURE,
		     _("error: virtual size %s is under the minimum of %d pages (%zu KiB)"),
		     size_to_human(ctl->filesz, hbuf, sizeof(hbuf)), SWAP_MIN_GOODPAGES,
		     SWAP_MIN_GOODPAGES * ctl->pagesize / 1024);
	if (rc == -ERANGE)
		errx(EXIT_FAILURE,
		     _("error: virtual size %s is over the %" PRIu32 " pages a swap "
		       "header can describe (%zu-byte pages)"),
		     size_to_human(ctl->filesz, hbuf, sizeof(hbuf)), SWAP_MAX_PAGES, ctl->pagesize);
}

/*
 * --file --size: the file to make must have room for a swap area and must
 * not end past the largest file there is (offset + size wraps otherwise).
 */
static void check_file_size(const struct mkswap_control *ctl, const char *block_count)
{
	if (ctl->offset > (uint64_t)INT64_MAX || ctl->filesz > (uint64_t)INT64_MAX - ctl->offset)
		errx(EXIT_FAILURE,
		     _("error: offset %" PRIu64 " plus size %" PRIu64
		       " is past the largest possible file"),
		     ctl->offset, ctl->filesz);
	if (!block_count && ctl->filesz / ctl->pagesize < SWAP_MIN_GOODPAGES)
		errx(EXIT_FAILURE, _("error: swap area needs to be at least %zu KiB"),
		     SWAP_MIN_GOODPAGES * ctl->pagesize / 1024);
}

static void set_size(struct mkswap_control *ctl, const char *block_count)
{
	uint64_t avail, dev_pages;
	char hbuf[32];

	if (ctl->ghost) {
		ghost_size(ctl);
		return;
	}

	if (block_count) {
		uint64_t blks;

		if (parse_u64(block_count, 0, UINT64_MAX, &blks) != 0)
			errx(EXIT_FAILURE, _("invalid block count argument: '%s'"), block_count);
		ctl->npages = blks / (ctl->pagesize / 1024);
	} else if (ctl->size_set) {
		ctl->npages = ctl->filesz / ctl->pagesize;
	}

	avail = target_bytes(ctl);
	if (ctl->offset && ctl->offset >= avail)
		errx(EXIT_FAILURE,
		     _("error: offset %" PRIu64 " is beyond the end of %s (%" PRIu64 " bytes)"),
		     ctl->offset, ctl->devname, avail);
	avail -= ctl->offset;
	dev_pages = avail / ctl->pagesize;
	if (!ctl->npages)
		ctl->npages = dev_pages;
	else if (ctl->npages > dev_pages && !ctl->force)
		errx(EXIT_FAILURE,
		     _("error: size %" PRIu64 " KiB is larger than device size %" PRIu64 " KiB"),
		     ctl->npages * (ctl->pagesize / 1024), dev_pages * (ctl->pagesize / 1024));

	if (ctl->npages < SWAP_MIN_GOODPAGES)
		errx(EXIT_FAILURE, _("error: swap area needs to be at least %zu KiB"),
		     SWAP_MIN_GOODPAGES * ctl->pagesize / 1024);
	if (ctl->npages > SWAP_MAX_PAGES) {
		ctl->npages = SWAP_MAX_PAGES;
		qwarnx(ctl, _("warning: truncating swap area to %s"),
		       size_to_human(ctl->npages * ctl->pagesize, hbuf, sizeof(hbuf)));
	}
}

/* The header page, with the boot bits zeroed; free() it. */
static unsigned char *build_header(const struct mkswap_control *ctl)
{
	struct swap_header h = {
		.version = SWAP_VERSION,
		.last_page = ctl->npages - 1,
		.nr_badpages = ctl->nbadpages,
		.badpages = ctl->badpages,
		.endian = ctl->endian,
		.pagesize = ctl->pagesize,
	};
	unsigned char *page = xmalloc(ctl->pagesize);

	memcpy(h.uuid, ctl->uuid, SWAP_UUID_LEN);
	if (ctl->label)
		memcpy(h.label, ctl->label, ctl->label_len);
	if (swap_header_encode(&h, page) != 0)
		errx(EXIT_FAILURE, _("cannot encode the swap header"));
	return page;
}

static void write_all(const struct mkswap_control *ctl, const unsigned char *buf, size_t len,
		      uint64_t pos)
{
	while (len) {
		ssize_t n = pwrite(ctl->fd, buf, len, pos);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			err(EXIT_FAILURE, _("%s: unable to write signature page"), ctl->devname);
		buf += n;
		len -= n;
		pos += n;
	}
}

static void write_header(const struct mkswap_control *ctl, const unsigned char *page)
{
	/* the first 1024 bytes are boot bits: never ours to write */
	write_all(ctl, page + SWAP_BOOTBITS_LEN, ctl->pagesize - SWAP_BOOTBITS_LEN,
		  ctl->offset + SWAP_BOOTBITS_LEN);
}

/*
 * A ghost file is exactly one page: the kernel knows it by its size. The
 * new page goes over the old one first and the rest is cut off after, so
 * that a failure never leaves an empty file where a swap header was.
 */
static void write_ghost(const struct mkswap_control *ctl, const unsigned char *page)
{
	write_all(ctl, page, ctl->pagesize, 0);
	if (ftruncate(ctl->fd, ctl->pagesize) != 0)
		err(EXIT_FAILURE, _("cannot resize %s to one page"), ctl->devname);
}

static void report(const struct mkswap_control *ctl)
{
	char hbuf[32], disk[32], uuid[UUID_STR_LEN];
	uint64_t bytes = (ctl->npages - ctl->nbadpages - 1) * ctl->pagesize;

	if (ctl->quiet)
		return;
	if (ctl->ghost)
		printf(_("Setting up ghost swapspace version %d, virtual size = %s (%" PRIu64
			 " bytes), on disk = %s\n"),
		       SWAP_VERSION, size_to_human(bytes, hbuf, sizeof(hbuf)), bytes,
		       size_to_human(ctl->pagesize, disk, sizeof(disk)));
	else
		printf(_("Setting up swapspace version %d, size = %s (%" PRIu64 " bytes)\n"),
		       SWAP_VERSION, size_to_human(bytes, hbuf, sizeof(hbuf)), bytes);

	if (ctl->label && ctl->label_len < strlen(ctl->label))
		qwarnx(ctl, _("Label was truncated."));
	uuid_unparse_lower(ctl->uuid, uuid);
	if (ctl->label)
		printf("LABEL=%.*s, UUID=%s\n", (int)ctl->label_len, ctl->label, uuid);
	else
		printf(_("no label, UUID=%s\n"), uuid);
}

int main(int argc, char **argv)
{
	struct mkswap_control ctl = { .fd = -1 };
	const char *block_count = NULL;
	unsigned char *header;
	bool uuid_set = false;
	int c, lock_op;
	enum {
		OPT_LOCK = CHAR_MAX + 1,
		OPT_VERBOSE,
		OPT_GHOST,
		OPT_SYSROOT,
	};
	static const struct option longopts[] = { { "check", no_argument, NULL, 'c' },
						  { "force", no_argument, NULL, 'f' },
						  { "quiet", no_argument, NULL, 'q' },
						  { "pagesize", required_argument, NULL, 'p' },
						  { "label", required_argument, NULL, 'L' },
						  { "swapversion", required_argument, NULL, 'v' },
						  { "uuid", required_argument, NULL, 'U' },
						  { "endianness", required_argument, NULL, 'e' },
						  { "offset", required_argument, NULL, 'o' },
						  { "size", required_argument, NULL, 's' },
						  { "file", no_argument, NULL, 'F' },
						  { "ghost", no_argument, NULL, OPT_GHOST },
						  { "sysroot", required_argument, NULL,
						    OPT_SYSROOT },
						  { "verbose", no_argument, NULL, OPT_VERBOSE },
						  { "lock", optional_argument, NULL, OPT_LOCK },
						  { "version", no_argument, NULL, 'V' },
						  { "help", no_argument, NULL, 'h' },
						  { NULL, 0, NULL, 0 } };

	nls_init();
	close_stdout_atexit();

	while ((c = getopt_long(argc, argv, "cfqp:L:v:U:e:o:s:FVh", longopts, NULL)) != -1) {
		uint64_t v;

		switch (c) {
		case 'c':
			ctl.check = true;
			break;
		case 'f':
			ctl.force = true;
			break;
		case 'q':
			ctl.quiet = true;
			break;
		case 'p':
			if (parse_u64(optarg, 1, UINT32_MAX, &v) != 0)
				errx(EXIT_FAILURE, _("parsing page size failed: '%s'"), optarg);
			ctl.user_pagesize = v;
			break;
		case 'L':
			ctl.label = optarg;
			break;
		case 'v':
			if (parse_u64(optarg, 0, INT32_MAX, &v) != 0)
				errx(EXIT_FAILURE, _("parsing version number failed: '%s'"),
				     optarg);
			if (v != SWAP_VERSION)
				errx(EXIT_FAILURE, _("swapspace version %d is not supported"),
				     (int)v);
			break;
		case 'U':
			parse_uuid(&ctl, optarg);
			uuid_set = true;
			break;
		case 'e':
			if (swap_endian_parse(optarg, &ctl.endian) != 0)
				errx(EXIT_FAILURE, _("invalid endianness %s is not supported"),
				     optarg);
			break;
		case 'o':
			ctl.offset = size_arg_or_err(optarg, _("invalid offset"));
			break;
		case 's':
			ctl.filesz = size_arg_or_err(optarg, _("invalid size"));
			ctl.size_set = true;
			break;
		case 'F':
			ctl.file = true;
			break;
		case OPT_GHOST:
			ctl.ghost = true;
			break;
		case OPT_SYSROOT:
			sysroot_set(optarg);
			break;
		case OPT_VERBOSE:
			ctl.verbose = true;
			break;
		case OPT_LOCK:
			ctl.lockmode = "1";
			if (optarg) {
				if (*optarg == '=')
					optarg++;
				ctl.lockmode = optarg;
			}
			break;
		case 'V':
			print_version(EXIT_SUCCESS);
		case 'h':
			usage();
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}

	if (optind < argc)
		ctl.devname = argv[optind++];
	if (optind < argc)
		block_count = argv[optind++];
	if (optind != argc) {
		warnx(_("only one device argument is currently supported"));
		errtryhelp(EXIT_FAILURE);
	}
	if (!ctl.devname) {
		warnx(_("error: Nowhere to set up swap on?"));
		errtryhelp(EXIT_FAILURE);
	}
	if (block_count && ctl.size_set)
		errx(EXIT_FAILURE, _("error: the size argument and --size are mutually exclusive"));
	if (ctl.ghost && block_count)
		errx(EXIT_FAILURE,
		     _("error: --ghost takes its virtual size from --size, not from a block count"));
	if (ctl.ghost && ctl.check)
		errx(EXIT_FAILURE,
		     _("error: --ghost and --check are mutually exclusive: a ghost swap area has no blocks"));
	if (ctl.ghost && ctl.offset)
		errx(EXIT_FAILURE,
		     _("error: --ghost and --offset are mutually exclusive: a ghost header is the whole file"));
	if (ctl.file && !ctl.size_set && access(ctl.devname, F_OK) != 0)
		errx(EXIT_FAILURE, _("error: --file needs --size to create %s"), ctl.devname);
	if (ctl.label) {
		if (swap_label_has_control(ctl.label))
			errx(EXIT_FAILURE,
			     _("error: the label must not contain control characters (newline, tab, escape, ...)"));
		ctl.label_len = swap_label_fit(ctl.label);
	}
	if (!uuid_set)
		uuid_generate(ctl.uuid);
	lock_op = target_lock_operation(&ctl);

	init_pagesize(&ctl);
	if (ctl.file && ctl.size_set)
		check_file_size(&ctl, block_count);
	target_stat(&ctl);
	target_check(&ctl);
	if (ctl.ghost)
		ghost_size(&ctl);

	/* everything that can be checked without writing has been */
	target_open(&ctl);
	target_lock(&ctl, lock_op);
	if (ctl.ghost)
		signatures_check_ghost_target(&ctl);
	else if (ctl.file)
		blocks_allocate(&ctl, ctl.offset + ctl.filesz);
	if (!ctl.ghost) {
		if (fstat(ctl.fd, &ctl.devstat) != 0)
			err(EXIT_FAILURE, _("stat of %s failed"), ctl.devname);
		set_size(&ctl, block_count);
	}
	target_check_permissions(&ctl);

	if (ctl.check && !S_ISBLK(ctl.devstat.st_mode)) {
		ctl.check = false;
		qwarnx(&ctl, _("warning: checking bad blocks from swap file is not supported: %s"),
		       ctl.devname);
	}
	if (!ctl.ghost && S_ISREG(ctl.devstat.st_mode) && !ctl.quiet)
		blocks_check_extents(&ctl);
	if (ctl.check)
		blocks_check_bad(&ctl);
	if (ctl.nbadpages > ctl.npages - SWAP_MIN_GOODPAGES)
		errx(EXIT_FAILURE, _("Unable to set up swap-space: unreadable"));

	header = build_header(&ctl);
	if (ctl.ghost) {
		write_ghost(&ctl, header);
	} else {
		signatures_wipe(&ctl);
		write_header(&ctl, header);
	}
	free(header);
	target_commit(&ctl);
	report(&ctl);

	free(ctl.badpages);
	return EXIT_SUCCESS;
}
