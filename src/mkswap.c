/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkswap - set up a Linux swap area, or a header-only ghost swap file
 *
 * Compatible with util-linux mkswap (options, output lines, exit codes),
 * plus --ghost: a regular file of exactly one page whose header describes
 * a virtual swap area of any size, for kernels with ghost swap.
 */
#include <blkid.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <libmount.h>
#include <limits.h>
#include <linux/fs.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uuid.h>

#ifdef HAVE_LINUX_FIEMAP_H
#include <linux/fiemap.h>
#endif

#include "c.h"
#include "ghost.h"
#include "pathnames.h"
#include "sizes.h"
#include "swapheader.h"
#include "swaps.h"
#include "sysroot.h"

struct mkswap_control {
	const char *devname;
	const char *lockmode; /* --lock or $LOCK_BLOCK_DEVICE */
	const char *label;
	struct stat devstat;
	bool existed; /* the target existed before we ran */
	int fd;

	uint64_t npages; /* pages in the swap area, header included */
	uint64_t offset; /* --offset, bytes */
	uint64_t filesz; /* --size, bytes */
	size_t pagesize;
	size_t user_pagesize;
	uint32_t *badpages;
	uint32_t nbadpages;
	enum swap_endian endian;
	uint8_t uuid[SWAP_UUID_LEN];

	bool check, force, quiet, verbose, file, ghost, size_set;
};

/* Non-fatal warnings are the ones --quiet silences. */
#define qwarnx(ctl, ...)                    \
	do {                                \
		if (!(ctl)->quiet)          \
			warnx(__VA_ARGS__); \
	} while (0)

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
		errx(EXIT_FAILURE, "%s: '%s': %s", what, arg,
		     rc == -ERANGE ? strerror(ERANGE) : _("invalid size"));
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

/* Size of the device or file in bytes. */
static uint64_t device_bytes(const struct mkswap_control *ctl)
{
	uint64_t bytes = 0;

	if (S_ISBLK(ctl->devstat.st_mode)) {
		if (ioctl(ctl->fd, BLKGETSIZE64, &bytes) != 0)
			err(EXIT_FAILURE, _("cannot determine size of %s"), ctl->devname);
		return bytes;
	}
	return ctl->devstat.st_size;
}

/*
 * A mounted device never becomes swap, --force or not. The mount table is
 * read through the sysroot so that the check is testable.
 */
static bool is_mounted(const struct mkswap_control *ctl)
{
	struct libmnt_table *tb;
	struct libmnt_iter *itr;
	struct libmnt_fs *fs;
	bool found = false;
	char *buf;
	size_t len;
	FILE *f;

	if (sysroot_read_file(PATH_PROC_MOUNTINFO, &buf, &len) != 0)
		return false;
	tb = mnt_new_table();
	itr = mnt_new_iter(MNT_ITER_FORWARD);
	f = len ? fmemopen(buf, len, "r") : NULL;
	if (!tb || !itr || !f)
		goto out;
	if (mnt_table_parse_stream(tb, f, PATH_PROC_MOUNTINFO) != 0)
		goto out;
	while (!found && mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_srcpath(fs);
		struct stat st;

		if (S_ISBLK(ctl->devstat.st_mode) && mnt_fs_get_devno(fs) == ctl->devstat.st_rdev)
			found = true;
		else if (src && !strcmp(src, ctl->devname))
			found = true;
		else if (src && ctl->existed && stat(src, &st) == 0)
			found = S_ISBLK(st.st_mode) ? st.st_rdev == ctl->devstat.st_rdev &&
							      S_ISBLK(ctl->devstat.st_mode)
						    : st.st_dev == ctl->devstat.st_dev &&
							      st.st_ino == ctl->devstat.st_ino;
	}
out:
	if (f)
		fclose(f);
	mnt_free_iter(itr);
	mnt_unref_table(tb);
	free(buf);
	return found;
}

/* An active swap area is never overwritten, --force or not. */
static void refuse_active_swap(const struct mkswap_control *ctl)
{
	struct swap_list swaps;
	const struct swap_entry *e;

	if (swaps_read(&swaps) != 0)
		return;
	e = swaps_find(&swaps, ctl->devname, ctl->existed ? &ctl->devstat : NULL);
	if (e) {
		swaps_free(&swaps);
		errx(EXIT_FAILURE, _("error: %s is an active swap area; will not make swapspace"),
		     ctl->devname);
	}
	swaps_free(&swaps);
}

/* The --lock / $LOCK_BLOCK_DEVICE mode as flock() operation; 0 for none. */
static int lock_operation(const struct mkswap_control *ctl)
{
	const char *mode = ctl->lockmode ? ctl->lockmode : getenv("LOCK_BLOCK_DEVICE");

	if (!mode || !strcasecmp(mode, "no") || !strcmp(mode, "0"))
		return 0;
	if (!strcasecmp(mode, "yes") || !strcmp(mode, "1"))
		return LOCK_EX;
	if (!strcasecmp(mode, "nonblock"))
		return LOCK_EX | LOCK_NB;
	errx(EXIT_FAILURE, _("unsupported lock mode: %s"), mode);
}

static void lock_device(const struct mkswap_control *ctl, int op)
{
	if (!op || !S_ISBLK(ctl->devstat.st_mode))
		return;
	if (flock(ctl->fd, op | LOCK_NB) == 0)
		return;
	if (errno != EWOULDBLOCK)
		err(EXIT_FAILURE, _("%s: failed to get lock"), ctl->devname);
	if (op & LOCK_NB)
		errx(EXIT_FAILURE, _("%s: device already locked"), ctl->devname);
	if (!ctl->quiet)
		fprintf(stderr, _("%s: %s: device already locked, waiting to get lock ... "),
			program_invocation_short_name, ctl->devname);
	if (flock(ctl->fd, op) != 0)
		err(EXIT_FAILURE, _("%s: failed to get lock"), ctl->devname);
	if (!ctl->quiet)
		fputs(_("OK\n"), stderr);
}

/* Btrfs and friends need no-copy-on-write set while the file is still empty. */
static void set_nocow(const struct mkswap_control *ctl)
{
	int attr;

	if (ioctl(ctl->fd, FS_IOC_GETFLAGS, &attr) != 0)
		return;
	if (attr & FS_NOCOW_FL)
		return;
	attr |= FS_NOCOW_FL;
	if (ioctl(ctl->fd, FS_IOC_SETFLAGS, &attr) != 0 && ctl->verbose)
		warn(_("%s: cannot set the no-copy-on-write attribute"), ctl->devname);
}

/* Give a swap file real blocks: the kernel refuses holes. */
static void allocate_file(const struct mkswap_control *ctl, uint64_t bytes)
{
	static const char zeros[65536];
	uint64_t pos;

	if ((uint64_t)ctl->devstat.st_size >= bytes)
		return;
	if (fallocate(ctl->fd, 0, 0, bytes) == 0)
		return;
	if (errno != EOPNOTSUPP && errno != ENOSYS)
		err(EXIT_FAILURE, _("cannot allocate %s"), ctl->devname);

	/* no fallocate on this filesystem: write the zeroes ourselves */
	for (pos = ctl->devstat.st_size; pos < bytes;) {
		size_t n = bytes - pos < sizeof(zeros) ? bytes - pos : sizeof(zeros);
		ssize_t w = pwrite(ctl->fd, zeros, n, pos);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			err(EXIT_FAILURE, _("cannot allocate %s"), ctl->devname);
		}
		pos += w;
	}
}

static void stat_target(struct mkswap_control *ctl)
{
	if (stat(ctl->devname, &ctl->devstat) == 0) {
		ctl->existed = true;
		return;
	}
	if (errno != ENOENT || !(ctl->file || ctl->ghost))
		err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);
	memset(&ctl->devstat, 0, sizeof(ctl->devstat));
	ctl->devstat.st_mode = S_IFREG;
}

static void open_target(struct mkswap_control *ctl)
{
	int flags = O_RDWR | O_CLOEXEC;

	if (S_ISBLK(ctl->devstat.st_mode))
		flags |= O_EXCL; /* the kernel refuses it if mounted or swapping */
	else if (!ctl->existed)
		flags |= O_CREAT | O_EXCL;

	ctl->fd = open(ctl->devname, flags, 0600);
	if (ctl->fd < 0)
		err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);
	if (fstat(ctl->fd, &ctl->devstat) != 0)
		err(EXIT_FAILURE, _("stat of %s failed"), ctl->devname);
	if (!ctl->existed && !ctl->ghost)
		set_nocow(ctl);
}

static void check_permissions(const struct mkswap_control *ctl)
{
	mode_t mask = S_ISBLK(ctl->devstat.st_mode) ? 07007 : 07077;

	if (ctl->devstat.st_mode & mask)
		qwarnx(ctl, _("%s: insecure permissions %04o, fix with: chmod %04o %s"),
		       ctl->devname, ctl->devstat.st_mode & 07777, ~mask & 0666, ctl->devname);
	if (getuid() == 0 && S_ISREG(ctl->devstat.st_mode) && ctl->devstat.st_uid != 0)
		qwarnx(ctl, _("%s: insecure file owner %d, fix with: chown 0:0 %s"), ctl->devname,
		       (int)ctl->devstat.st_uid, ctl->devname);
}

#ifdef HAVE_LINUX_FIEMAP_H
struct extent_problem {
	uint64_t offset;
	const char *what; /* NULL for a hole */
};

/* Unwritten (preallocated) extents are fine: the kernel swaps onto them. */
static const char *extent_flags_problem(uint32_t flags)
{
	if (flags & FIEMAP_EXTENT_SHARED)
		return "shared";
	if (flags & FIEMAP_EXTENT_DATA_INLINE)
		return "inline";
	if (flags & FIEMAP_EXTENT_ENCODED)
		return "encoded";
	if (flags & FIEMAP_EXTENT_UNKNOWN)
		return "unknown";
	return NULL;
}

static void add_problem(struct extent_problem **v, size_t *n, uint64_t offset, const char *what)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].offset = offset;
	(*v)[*n].what = what;
	(*n)++;
}

/*
 * The kernel rejects swap files with holes, and unwritten, shared, inline
 * or encoded extents can fail at activation too: warn before swapon does.
 */
static void check_extents(const struct mkswap_control *ctl)
{
	enum { NEXTENTS = 128 };
	const uint64_t end = ctl->offset + ctl->npages * ctl->pagesize;
	struct extent_problem *probs = NULL;
	size_t nprobs = 0, i;
	struct fiemap *fm;
	uint64_t pos = ctl->offset;
	bool last = false;

	fm = xcalloc(1, sizeof(*fm) + NEXTENTS * sizeof(struct fiemap_extent));
	while (!last && pos < end) {
		fm->fm_start = pos;
		fm->fm_length = end - pos;
		fm->fm_flags = FIEMAP_FLAG_SYNC;
		fm->fm_extent_count = NEXTENTS;
		if (ioctl(ctl->fd, FS_IOC_FIEMAP, fm) != 0) {
			/* the filesystem cannot tell: say nothing */
			free(fm);
			return;
		}
		if (fm->fm_mapped_extents == 0)
			break;
		for (i = 0; i < fm->fm_mapped_extents; i++) {
			const struct fiemap_extent *e = &fm->fm_extents[i];
			const char *what = extent_flags_problem(e->fe_flags);

			if (e->fe_logical > pos)
				add_problem(&probs, &nprobs, pos, NULL);
			if (what)
				add_problem(&probs, &nprobs, e->fe_logical, what);
			pos = e->fe_logical + e->fe_length;
			last = e->fe_flags & FIEMAP_EXTENT_LAST;
		}
	}
	free(fm);
	if (pos < end)
		add_problem(&probs, &nprobs, pos, NULL);
	if (!nprobs)
		return;

	fputc('\n', stderr);
	if (!ctl->verbose) {
		warnx(_("%s contains holes or other unsupported extents.\n"
			"        This swap file can be rejected by kernel on swap activation!\n"
			"        Use --verbose for more details.\n"),
		      ctl->devname);
		free(probs);
		return;
	}
	warnx(_("%s contains holes or other unsupported extents.\n"
		"        This swap file can be rejected by kernel on swap activation!\n"),
	      ctl->devname);
	for (i = 0; i < nprobs; i++) {
		if (probs[i].what)
			fprintf(stderr, _(" - %s extent detected at offset %" PRIu64 "\n"),
				probs[i].what, probs[i].offset);
		else
			fprintf(stderr, _(" - hole detected at offset %" PRIu64 "\n"),
				probs[i].offset);
	}
	fputc('\n', stderr);
	free(probs);
}
#else
static void check_extents(const struct mkswap_control *ctl)
{
}
#endif

static void check_blocks(struct mkswap_control *ctl)
{
	const size_t maxbad = swap_header_max_badpages(ctl->pagesize);
	unsigned char *buf = xmalloc(ctl->pagesize);
	uint64_t page;

	ctl->badpages = xcalloc(maxbad, sizeof(uint32_t));
	for (page = 0; page < ctl->npages; page++) {
		ssize_t n = pread(ctl->fd, buf, ctl->pagesize, ctl->offset + page * ctl->pagesize);

		if (n == (ssize_t)ctl->pagesize)
			continue;
		if (ctl->nbadpages == maxbad)
			errx(EXIT_FAILURE, _("too many bad pages: %zu"), maxbad);
		ctl->badpages[ctl->nbadpages++] = page;
	}
	printf(P_("%" PRIu32 " bad page\n", "%" PRIu32 " bad pages\n", ctl->nbadpages),
	       ctl->nbadpages);
	free(buf);
}

static blkid_probe new_probe(const struct mkswap_control *ctl)
{
	blkid_probe pr = blkid_new_probe();

	if (!pr)
		errx(EXIT_FAILURE, _("unable to alloc new libblkid probe"));
	if (blkid_probe_set_device(pr, ctl->fd, ctl->offset, 0) != 0)
		errx(EXIT_FAILURE, _("unable to assign device to libblkid probe"));
	return pr;
}

/*
 * Keep a partition table's boot bits unless --force; otherwise clear them
 * and every old filesystem signature, saying which ones.
 */
static void wipe_device(const struct mkswap_control *ctl)
{
	static const char zeros[SWAP_BOOTBITS_LEN];
	blkid_probe pr = NULL;
	char *pttype = NULL;

	if (!ctl->force) {
		const char *v = NULL;

		pr = new_probe(ctl);
		blkid_probe_enable_partitions(pr, 1);
		blkid_probe_enable_superblocks(pr, 0);
		if (blkid_do_fullprobe(pr) == 0 &&
		    blkid_probe_lookup_value(pr, "PTTYPE", &v, NULL) == 0 && v)
			pttype = xstrdup(v);
	}

	if (pttype) {
		qwarnx(ctl, _("%s: warning: don't erase bootbits sectors"), ctl->devname);
		if (!ctl->quiet)
			fprintf(stderr,
				_("        (%s partition table detected). Use -f to force.\n"),
				pttype);
		free(pttype);
		blkid_free_probe(pr);
		return;
	}

	if (pwrite(ctl->fd, zeros, sizeof(zeros), ctl->offset) != (ssize_t)sizeof(zeros))
		err(EXIT_FAILURE, _("unable to erase bootbits sectors"));

	if (!pr)
		pr = new_probe(ctl);
	blkid_probe_enable_partitions(pr, 0);
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_set_superblocks_flags(pr, BLKID_SUBLKS_MAGIC | BLKID_SUBLKS_TYPE);
	while (blkid_do_probe(pr) == 0) {
		const char *type = NULL;

		if (blkid_probe_lookup_value(pr, "TYPE", &type, NULL) == 0 && type)
			qwarnx(ctl, _("%s: warning: wiping old %s signature."), ctl->devname, type);
		blkid_do_wipe(pr, 0);
	}
	blkid_free_probe(pr);
}

/*
 * A ghost header may replace a swap header (of any size) or fill an empty
 * file; anything else is somebody's data and needs --force.
 */
static void check_ghost_target(const struct mkswap_control *ctl)
{
	struct swap_header h;
	unsigned char *buf;
	const char *type = NULL;
	blkid_probe pr;
	ssize_t n;

	if (S_ISBLK(ctl->devstat.st_mode) || S_ISCHR(ctl->devstat.st_mode))
		errx(EXIT_FAILURE,
		     _("error: %s is a device; a ghost swap area is a regular file "
		       "(use %s for a ghost device)"),
		     ctl->devname, PATH_DEV_GHOSTSWAP);
	if (!S_ISREG(ctl->devstat.st_mode))
		errx(EXIT_FAILURE, _("error: %s is not a regular file"), ctl->devname);
	if (!ctl->existed || ctl->devstat.st_size == 0)
		return;

	buf = xcalloc(1, SWAP_MAX_PAGESIZE);
	n = pread(ctl->fd, buf, SWAP_MAX_PAGESIZE, 0);
	if (n < 0)
		err(EXIT_FAILURE, _("cannot read %s"), ctl->devname);
	if (swap_header_decode(buf, n, &h) == 0) {
		free(buf);
		return;
	}
	free(buf);

	pr = new_probe(ctl);
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_enable_partitions(pr, 1);
	if (blkid_do_safeprobe(pr) == 0 && blkid_probe_lookup_value(pr, "TYPE", &type, NULL) != 0)
		blkid_probe_lookup_value(pr, "PTTYPE", &type, NULL);

	if (type && ctl->force)
		qwarnx(ctl, _("%s: warning: replacing the %s signature with a ghost swap header."),
		       ctl->devname, type);
	else if (type)
		errx(EXIT_FAILURE,
		     _("error: %s: %s signature found; will not replace it with a "
		       "ghost swap header (use --force)"),
		     ctl->devname, type);
	else if (ctl->force)
		qwarnx(ctl, _("%s: warning: replacing %jd bytes of data with a ghost swap header."),
		       ctl->devname, (intmax_t)ctl->devstat.st_size);
	else
		errx(EXIT_FAILURE,
		     _("error: %s is not empty and holds no swap header; will not "
		       "replace it with a ghost swap header (use --force)"),
		     ctl->devname);
	blkid_free_probe(pr);
}

static void ghost_size(struct mkswap_control *ctl)
{
	char hbuf[32];

	if (ctl->size_set) {
		ctl->npages = ctl->filesz / ctl->pagesize;
	} else {
		int rc = ghost_default_pages(ctl->pagesize, &ctl->npages);

		if (rc)
			errx(EXIT_FAILURE, _("cannot read the RAM size from %s: %s; use --size"),
			     "/proc/meminfo", strerror(-rc));
		qwarnx(ctl, _("no --size given: virtual size is 8 x RAM, %s"),
		       size_to_human(ctl->npages * ctl->pagesize, hbuf, sizeof(hbuf)));
	}
	if (ctl->npages < SWAP_MIN_GOODPAGES)
		errx(EXIT_FAILURE,
		     _("error: virtual size %s is under the minimum of %d pages (%zu KiB)"),
		     size_to_human(ctl->filesz, hbuf, sizeof(hbuf)), SWAP_MIN_GOODPAGES,
		     SWAP_MIN_GOODPAGES * ctl->pagesize / 1024);
	if (ctl->npages > SWAP_MAX_PAGES)
		errx(EXIT_FAILURE,
		     _("error: virtual size %s is over the %" PRIu32 " pages a swap "
		       "header can describe (%zu-byte pages)"),
		     size_to_human(ctl->filesz, hbuf, sizeof(hbuf)), SWAP_MAX_PAGES, ctl->pagesize);
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

	avail = device_bytes(ctl);
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

static void write_header(struct mkswap_control *ctl)
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
	size_t len = SWAP_LABEL_LEN - 1;

	memcpy(h.uuid, ctl->uuid, SWAP_UUID_LEN);
	if (ctl->label) {
		strncpy(h.label, ctl->label, len);
		h.label[len] = '\0';
	}
	if (swap_header_encode(&h, page) != 0)
		errx(EXIT_FAILURE, _("cannot encode the swap header"));

	/* the first 1024 bytes are boot bits: never ours to write */
	if (pwrite(ctl->fd, page + SWAP_BOOTBITS_LEN, ctl->pagesize - SWAP_BOOTBITS_LEN,
		   ctl->offset + SWAP_BOOTBITS_LEN) != (ssize_t)(ctl->pagesize - SWAP_BOOTBITS_LEN))
		err(EXIT_FAILURE, _("%s: unable to write signature page"), ctl->devname);
	free(page);
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

	if (ctl->label && strlen(ctl->label) > SWAP_LABEL_LEN - 1)
		qwarnx(ctl, _("Label was truncated."));
	uuid_unparse_lower(ctl->uuid, uuid);
	if (ctl->label)
		printf("LABEL=%.*s, UUID=%s\n", SWAP_LABEL_LEN - 1, ctl->label, uuid);
	else
		printf(_("no label, UUID=%s\n"), uuid);
}

int main(int argc, char **argv)
{
	struct mkswap_control ctl = { .fd = -1 };
	const char *block_count = NULL;
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
	if (!uuid_set)
		uuid_generate(ctl.uuid);
	lock_op = lock_operation(&ctl);

	init_pagesize(&ctl);
	stat_target(&ctl);
	if (ctl.file && ctl.existed && !S_ISREG(ctl.devstat.st_mode))
		errx(EXIT_FAILURE, _("error: %s is not a regular file"), ctl.devname);
	if (ctl.ghost && ctl.existed && !S_ISREG(ctl.devstat.st_mode))
		check_ghost_target(&ctl); /* exits with the reason */

	if (is_mounted(&ctl))
		errx(EXIT_FAILURE, _("error: %s is mounted; will not make swapspace"), ctl.devname);
	refuse_active_swap(&ctl);

	if (ctl.ghost) {
		/* validate everything before the target is created or touched */
		ghost_size(&ctl);
	}

	open_target(&ctl);
	lock_device(&ctl, lock_op);
	if (ctl.ghost)
		check_ghost_target(&ctl);
	else if (ctl.file)
		allocate_file(&ctl, ctl.offset + ctl.filesz);
	if (!ctl.ghost) {
		if (fstat(ctl.fd, &ctl.devstat) != 0)
			err(EXIT_FAILURE, _("stat of %s failed"), ctl.devname);
		set_size(&ctl, block_count);
	}
	check_permissions(&ctl);

	if (ctl.check && !S_ISBLK(ctl.devstat.st_mode)) {
		ctl.check = false;
		qwarnx(&ctl, _("warning: checking bad blocks from swap file is not supported: %s"),
		       ctl.devname);
	}
	if (!ctl.ghost && S_ISREG(ctl.devstat.st_mode) && !ctl.quiet)
		check_extents(&ctl);
	if (ctl.check)
		check_blocks(&ctl);
	if (ctl.nbadpages > ctl.npages - SWAP_MIN_GOODPAGES)
		errx(EXIT_FAILURE, _("Unable to set up swap-space: unreadable"));

	if (ctl.ghost) {
		/* exactly one page: the kernel knows a ghost file by its size */
		if (ftruncate(ctl.fd, 0) != 0 || ftruncate(ctl.fd, ctl.pagesize) != 0)
			err(EXIT_FAILURE, _("cannot resize %s to one page"), ctl.devname);
	} else {
		wipe_device(&ctl);
	}

	report(&ctl);
	write_header(&ctl);

	/* swapon reads the header from disk: it must be there before we exit */
	if (fsync(ctl.fd) != 0 || close(ctl.fd) != 0)
		err(EXIT_FAILURE, _("write failed"));
	free(ctl.badpages);
	return EXIT_SUCCESS;
}
