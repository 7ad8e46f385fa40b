/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Files in a generator output directory, and paths inside unit files. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "unitfile.h"

/* mkdir -p of the directories above @path's last component */
static int make_parents(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			rc = -errno;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

int unitfile_write(const char *dir, const char *relpath, const char *text)
{
	size_t len = strlen(text);
	char *path;
	int fd, rc;

	xasprintf(&path, "%s/%s", dir, relpath);
	rc = make_parents(path);
	if (rc)
		goto out;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		rc = -errno;
		goto out;
	}
	if (write(fd, text, len) != (ssize_t)len)
		rc = errno ? -errno : -EIO;
	if (close(fd) != 0 && !rc)
		rc = -errno;
out:
	free(path);
	return rc;
}

int unitfile_symlink(const char *dir, const char *relpath, const char *target)
{
	char *path;
	int rc;

	xasprintf(&path, "%s/%s", dir, relpath);
	rc = make_parents(path);
	if (!rc && symlink(target, path) != 0)
		rc = -errno;
	free(path);
	return rc;
}

bool unitfile_path_ok(const char *path)
{
	const char *p;
	size_t len = strlen(path);

	if (path[0] != '/' || path[len - 1] == ' ')
		return false;
	for (p = path; *p; p++) {
		if (*p < 0x20 || *p > 0x7e || *p == '"' || *p == '\'' || *p == '\\')
			return false;
	}
	return true;
}

/* @path with '%' as "%%" (and '$' as "$$" for ExecStart=, if @dollar) */
static char *escape(const char *path, bool dollar, bool quote)
{
	char *out = xmalloc(strlen(path) * 2 + 3), *t = out;
	const char *p;

	if (quote)
		*t++ = '"';
	for (p = path; *p; p++) {
		if (*p == '%' || (dollar && *p == '$'))
			*t++ = *p;
		*t++ = *p;
	}
	if (quote)
		*t++ = '"';
	*t = '\0';
	return out;
}

char *unitfile_path_value(const char *path)
{
	return escape(path, false, false);
}

char *unitfile_path_word(const char *path)
{
	return escape(path, false, strchr(path, ' ') != NULL);
}

char *unitfile_exec_word(const char *path)
{
	/* $ would start a variable */
	return escape(path, true, strchr(path, ' ') != NULL);
}
