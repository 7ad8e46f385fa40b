/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Swap areas as ghostswapon/ghostswapoff see them: header, ghost, tags. */
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "ghost.h"
#include "pathnames.h"
#include "strutils.h"
#include "swapspec.h"
#include "sysroot.h"

bool swapspec_is_ghostswap_name(const char *path)
{
	char *norm = path_normalize(path);
	bool is = !strcmp(norm, PATH_DEV_GHOSTSWAP);

	free(norm);
	return is;
}

bool swapspec_is_ghost_file(const struct stat *st, const struct swap_header *h)
{
	/* the kernel knows a ghost file by its size: exactly one header page */
	return S_ISREG(st->st_mode) && (uint64_t)st->st_size == h->pagesize;
}

int swapspec_open(const char *path, struct stat *st)
{
	int fd = sysroot_open_area(path, O_RDONLY);

	if (fd < 0)
		return fd;
	if (fstat(fd, st) != 0) {
		int rc = -errno;

		close(fd);
		return rc;
	}
	if (S_ISREG(st->st_mode) || S_ISBLK(st->st_mode) || S_ISCHR(st->st_mode))
		return fd;
	close(fd);
	return S_ISDIR(st->st_mode) ? -EISDIR : -SYSROOT_ENOTREG;
}

int swapspec_read_header_fd(int fd, struct swap_header *h)
{
	unsigned char *buf = xmalloc(SWAP_MAX_PAGESIZE);
	ssize_t n;
	int rc;

	do {
		n = pread(fd, buf, SWAP_MAX_PAGESIZE, 0);
	} while (n < 0 && errno == EINTR);
	rc = n < 0 ? -errno : swap_header_decode(buf, n, h);
	free(buf);
	return rc;
}

int swapspec_read_header(const char *path, struct swap_header *h, struct stat *st)
{
	struct stat sb;
	int fd = swapspec_open(path, &sb), rc;

	if (fd < 0)
		return fd;
	if (st)
		*st = sb;
	rc = swapspec_read_header_fd(fd, h);
	close(fd);
	return rc;
}

void swapspec_uuid_str(const struct swap_header *h, char buf[SWAPSPEC_UUID_STR_LEN])
{
	const uint8_t *u = h->uuid;
	size_t i;
	char *p = buf;

	for (i = 0; i < SWAP_UUID_LEN && !u[i]; i++)
		;
	if (i == SWAP_UUID_LEN) {
		*buf = '\0';
		return;
	}
	for (i = 0; i < SWAP_UUID_LEN; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		p += sprintf(p, "%02x", u[i]);
	}
}

bool swapspec_header_matches(const char *path, const char *tag, const char *value)
{
	struct swap_header h;
	char uuid[SWAPSPEC_UUID_STR_LEN];

	if (swapspec_read_header(path, &h, NULL) != 0)
		return false;
	if (!strcmp(tag, "LABEL"))
		return h.label[0] && !strcmp(h.label, value);
	if (!strcmp(tag, "UUID")) {
		swapspec_uuid_str(&h, uuid);
		return uuid[0] && !strcasecmp(uuid, value);
	}
	return false;
}
