/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one layer between the tools and /proc, /sys and /dev. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "sysroot.h"

static char *root; /* NULL: the live system */
static char *save_dir;

void sysroot_set(const char *dir)
{
	struct stat st;

	free(root);
	root = NULL;
	if (!dir || !strcmp(dir, "/"))
		return;
	if (stat(dir, &st) != 0)
		err(EXIT_FAILURE, _("cannot use sysroot %s"), dir);
	if (!S_ISDIR(st.st_mode))
		errx(EXIT_FAILURE, _("cannot use sysroot %s: not a directory"), dir);
	root = xstrdup(dir);
	/* "dir/" + "/proc" would double the slash: harmless, but ugly in messages */
	while (strlen(root) > 1 && root[strlen(root) - 1] == '/')
		root[strlen(root) - 1] = '\0';
}

const char *sysroot_get(void)
{
	return root ? root : "/";
}

bool sysroot_is_live(void)
{
	return root == NULL;
}

char *sysroot_path(const char *path)
{
	char *p;

	if (!root)
		return xstrdup(path);
	xasprintf(&p, "%s%s", root, path);
	return p;
}

static int mkdir_parents(char *path)
{
	char *s;

	for (s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			*s = '/';
			return -errno;
		}
		*s = '/';
	}
	return 0;
}

int sysroot_set_save_dir(const char *dir)
{
	char *tmp;
	int rc;

	xasprintf(&tmp, "%s/", dir);
	rc = mkdir_parents(tmp);
	free(tmp);
	if (rc)
		return rc;
	free(save_dir);
	save_dir = xstrdup(dir);
	return 0;
}

/* Keep a copy of what was read so that --sysroot can replay it. */
static void save_copy(const char *path, const char *data, size_t len)
{
	char *dst;
	int fd;

	if (!save_dir)
		return;
	xasprintf(&dst, "%s%s", save_dir, path);
	if (mkdir_parents(dst) == 0) {
		fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd >= 0) {
			if (write(fd, data, len) != (ssize_t)len)
				warn(_("cannot save %s"), dst);
			close(fd);
		} else {
			warn(_("cannot save %s"), dst);
		}
	}
	free(dst);
}

FILE *sysroot_fopen(const char *path)
{
	char *p = sysroot_path(path);
	FILE *f = fopen(p, "re");

	free(p);
	return f;
}

DIR *sysroot_opendir(const char *path)
{
	char *p = sysroot_path(path);
	DIR *d = opendir(p);

	free(p);
	return d;
}

int sysroot_stat(const char *path, struct stat *st)
{
	char *p = sysroot_path(path);
	int rc = stat(p, st);

	free(p);
	return rc;
}

bool sysroot_exists(const char *path)
{
	struct stat st;

	return sysroot_stat(path, &st) == 0;
}

int sysroot_read_file(const char *path, char **buf, size_t *len)
{
	char *p = sysroot_path(path);
	size_t sz = 0, cap = 4096;
	char *data;
	ssize_t n;
	int fd;

	fd = open(p, O_RDONLY | O_CLOEXEC);
	free(p);
	if (fd < 0)
		return -errno;

	/* /proc files report st_size 0: read until EOF */
	data = xmalloc(cap);
	for (;;) {
		if (cap - sz < 2) {
			cap *= 2;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + sz, cap - sz - 1);
		if (n < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			close(fd);
			free(data);
			return -e;
		}
		if (n == 0)
			break;
		sz += n;
	}
	close(fd);
	data[sz] = '\0';
	save_copy(path, data, sz);
	*buf = data;
	if (len)
		*len = sz;
	return 0;
}

int sysroot_read_line(const char *path, char **line)
{
	char *buf;
	int rc = sysroot_read_file(path, &buf, NULL);

	if (rc)
		return rc;
	buf[strcspn(buf, "\n")] = '\0';
	*line = buf;
	return 0;
}

int sysroot_read_u64(const char *path, uint64_t *val)
{
	char *buf, *end;
	unsigned long long v;
	int rc = sysroot_read_line(path, &buf);

	if (rc)
		return rc;
	errno = 0;
	v = strtoull(buf, &end, 10);
	if (end == buf || *end || errno) {
		free(buf);
		return -EINVAL;
	}
	free(buf);
	*val = v;
	return 0;
}
