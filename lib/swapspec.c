/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Swap areas as ghostswapon/ghostswapoff see them: header, ghost, tags. */
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "ghost.h"
#include "pathnames.h"
#include "swapspec.h"
#include "sysroot.h"

static bool starts_with_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

char *swapspec_real_path(const char *path)
{
	if (starts_with_dir(path, PATH_DEV_DIR) || starts_with_dir(path, PATH_PROC_DIR) ||
	    starts_with_dir(path, PATH_SYS_DIR))
		return sysroot_path(path);
	return xstrdup(path);
}

bool swapspec_is_ghostswap_name(const char *path)
{
	return !strcmp(path, PATH_DEV_GHOSTSWAP);
}

bool swapspec_is_ghost_file(const struct stat *st, const struct swap_header *h)
{
	/* the kernel knows a ghost file by its size: exactly one header page */
	return S_ISREG(st->st_mode) && (uint64_t)st->st_size == h->pagesize;
}

int swapspec_read_header(const char *path, struct swap_header *h, struct stat *st)
{
	unsigned char *buf;
	struct stat sb;
	ssize_t n;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &sb) != 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	if (st)
		*st = sb;
	buf = xmalloc(SWAP_MAX_PAGESIZE);
	n = read(fd, buf, SWAP_MAX_PAGESIZE);
	rc = n < 0 ? -errno : swap_header_decode(buf, n, h);
	free(buf);
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
