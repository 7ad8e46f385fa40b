/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The disk space under a swap area: allocating a swap file, warning about
 * extents the kernel refuses, and finding bad blocks (-c).
 */
#include <fcntl.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifdef HAVE_LINUX_FIEMAP_H
#include <linux/fiemap.h>
#endif

#include "mkswap.h"

/* Btrfs and friends need no-copy-on-write set while the file is still empty. */
void blocks_set_nocow(const struct mkswap_control *ctl)
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

/*
 * Give a swap file real blocks: the kernel refuses holes. On failure the
 * file gets its old size back: no half-grown file stays behind.
 */
void blocks_allocate(const struct mkswap_control *ctl, uint64_t bytes)
{
	static const char zeros[65536];
	const off_t oldsize = ctl->devstat.st_size;
	uint64_t pos;

	if ((uint64_t)oldsize >= bytes)
		return;
	if (bytes > INT64_MAX)
		errx(EXIT_FAILURE, _("error: %s cannot grow to %" PRIu64 " bytes"), ctl->devname,
		     bytes);
	if (fallocate(ctl->fd, 0, 0, (off_t)bytes) == 0)
		return;
	if (errno != EOPNOTSUPP && errno != ENOSYS)
		goto fail;

	/* no fallocate on this filesystem: write the zeroes ourselves */
	for (pos = oldsize; pos < bytes;) {
		size_t n = bytes - pos < sizeof(zeros) ? bytes - pos : sizeof(zeros);
		ssize_t w = pwrite(ctl->fd, zeros, n, pos);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		pos += w;
	}
	return;
fail : {
	int e = errno;

	if (ftruncate(ctl->fd, oldsize) != 0)
		warn(_("%s: cannot restore the size of %jd bytes"), ctl->devname,
		     (intmax_t)oldsize);
	errno = e;
	err(EXIT_FAILURE, _("cannot allocate %s"), ctl->devname);
}
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
void blocks_check_extents(const struct mkswap_control *ctl)
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
void blocks_check_extents(const struct mkswap_control *ctl)
{
}
#endif

void blocks_check_bad(struct mkswap_control *ctl)
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
