/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one layer between the tools and /proc, /sys and /dev. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <search.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#ifdef HAVE_LINUX_OPENAT2_H
#include <linux/openat2.h>
#endif

#include "c.h"
#include "capture.h"
#include "pathnames.h"
#include "strutils.h"
#include "sysroot.h"

/* symlinks followed while resolving one path, as the kernel's limit */
#define MAX_LINKS 40

static char *root;	  /* NULL: the live system */
static int root_fd = -1;  /* O_PATH of the sysroot */
static bool by_hand;	  /* sysroot_force_manual_resolve() */
static bool no_openat2;	  /* the kernel said ENOSYS */
static void *shared_dirs; /* tsearch() cache of directories others can enter */

int sysroot_try_set(const char *dir)
{
	char *buf;
	int fd;

	if (root_fd >= 0)
		close(root_fd);
	root_fd = -1;
	free(root);
	root = NULL;
	capture_replay_free();
	if (!dir || !strcmp(dir, "/"))
		return 0;
	fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	root_fd = fd;
	root = xstrdup(dir);
	/* "dir/" + "/proc" would double the slash: harmless, but ugly in messages */
	while (strlen(root) > 1 && root[strlen(root) - 1] == '/')
		root[strlen(root) - 1] = '\0';

	/* the manifest itself is read past the capture layer, not recorded */
	fd = sysroot_open("/" CAPTURE_MANIFEST, O_RDONLY);
	if (fd >= 0) {
		struct stat st;

		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= SYSROOT_READ_MAX) {
			buf = xmalloc(st.st_size + 1);
			if (read(fd, buf, st.st_size) == st.st_size) {
				buf[st.st_size] = '\0';
				capture_replay_load(buf);
			}
			free(buf);
		}
		close(fd);
	}
	return 0;
}

void sysroot_warn(const char *dir, int rc)
{
	if (rc == -ENOTDIR)
		warnx(_("cannot use sysroot %s: not a directory"), dir);
	else
		warnx(_("cannot use sysroot %s: %s"), dir, strerror(-rc));
}

void sysroot_set(const char *dir)
{
	int rc = sysroot_try_set(dir);

	if (rc) {
		sysroot_warn(dir, rc);
		exit(EXIT_FAILURE);
	}
}

const char *sysroot_get(void)
{
	return root ? root : "/";
}

bool sysroot_is_live(void)
{
	return root == NULL;
}

void sysroot_force_manual_resolve(bool manual)
{
	by_hand = manual;
}

const char *sysroot_strerror(int rc)
{
	switch (-rc) {
	case SYSROOT_ENOTREG:
		return _("not a regular file");
	case EFBIG:
		return _("larger than 16 MiB, the bound for a kernel file");
	case EISDIR:
		return _("a directory, not a file");
	default:
		return strerror(-rc);
	}
}

/* --- resolving inside the root ------------------------------------------- */

/*
 * The same rule as RESOLVE_IN_ROOT, one component at a time: ".." stops at
 * the root, an absolute symlink starts again from the root.
 */
static int resolve_by_hand(const char *rel, int flags)
{
	char *todo = xstrdup(rel), *p = todo;
	int *stack = NULL, links = 0, rc = 0;
	size_t depth = 0, i;

	for (;;) {
		int top = depth ? stack[depth - 1] : root_fd, fd;
		char comp[NAME_MAX + 1];
		struct stat st;
		size_t n;
		bool last;

		while (*p == '/')
			p++;
		if (!*p) {
			/* the path names a directory we stand in */
			rc = openat(top, ".", flags | O_CLOEXEC);
			rc = rc < 0 ? -errno : rc;
			break;
		}
		n = strcspn(p, "/");
		if (n > NAME_MAX) {
			rc = -ENAMETOOLONG;
			break;
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		last = p[strspn(p, "/")] == '\0';
		if (!strcmp(comp, "."))
			continue;
		if (!strcmp(comp, "..")) {
			if (depth)
				close(stack[--depth]);
			continue;
		}
		fd = openat(top, comp, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0) {
			rc = -errno;
			if (fd >= 0)
				close(fd);
			break;
		}
		if (S_ISLNK(st.st_mode) && !(last && (flags & O_NOFOLLOW))) {
			char target[PATH_MAX];
			ssize_t len = readlinkat(fd, "", target, sizeof(target) - 1);
			char *next;

			close(fd);
			if (len < 0 || ++links > MAX_LINKS) {
				rc = len < 0 ? -errno : -ELOOP;
				break;
			}
			target[len] = '\0';
			if (target[0] == '/') {
				while (depth)
					close(stack[--depth]);
			}
			xasprintf(&next, "%s/%s", target, p);
			free(todo);
			todo = p = next;
			continue;
		}
		if (!last) {
			if (!S_ISDIR(st.st_mode)) {
				close(fd);
				rc = -ENOTDIR;
				break;
			}
			stack = xrealloc(stack, (depth + 1) * sizeof(*stack));
			stack[depth++] = fd;
			continue;
		}
		close(fd);
		/* O_NOFOLLOW: a symlink swapped in since the check is refused */
		rc = openat(top, comp, flags | O_NOFOLLOW | O_CLOEXEC);
		rc = rc < 0 ? -errno : rc;
		break;
	}
	for (i = 0; i < depth; i++)
		close(stack[i]);
	free(stack);
	free(todo);
	return rc;
}

static int open_in_root(const char *path, int flags)
{
	const char *rel = path;
	int fd;

	while (*rel == '/')
		rel++;
	if (!*rel)
		rel = ".";
#if defined(HAVE_LINUX_OPENAT2_H) && defined(SYS_openat2)
	if (!by_hand && !no_openat2) {
		struct open_how how = {
			.flags = flags | O_CLOEXEC,
			.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
		};

		fd = syscall(SYS_openat2, root_fd, rel, &how, sizeof(how));
		if (fd >= 0)
			return fd;
		if (errno != ENOSYS)
			return -errno;
		no_openat2 = true;
	}
#endif
	fd = resolve_by_hand(rel, flags);
	return fd;
}

int sysroot_open(const char *path, int flags)
{
	int fd;

	/* O_PATH takes no other flags (openat2 says EINVAL) */
	if (!(flags & O_PATH))
		flags |= O_NONBLOCK | O_NOCTTY;
	if (root)
		return open_in_root(path, flags);
	fd = open(path, flags | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/*
 * The system path @path names, normalised and absolute ("//dev/x",
 * "/tmp/../dev/x" and, from /, "dev/x" are "/dev/x"), or NULL when it names
 * no /dev, /proc or /sys path. free() it.
 */
static char *system_path(const char *path)
{
	char *abs = NULL, *norm, cwd[PATH_MAX];

	if (*path != '/') {
		/* relative to where we stand: from "/", "dev/x" is /dev/x */
		if (!getcwd(cwd, sizeof(cwd)))
			return NULL;
		xasprintf(&abs, "%s/%s", cwd, path);
	}
	norm = path_normalize(abs ? abs : path);
	free(abs);
	if (path_in_dir(norm, PATH_DEV_DIR) || path_in_dir(norm, PATH_PROC_DIR) ||
	    path_in_dir(norm, PATH_SYS_DIR))
		return norm;
	free(norm);
	return NULL;
}

bool sysroot_is_system_path(const char *path)
{
	char *sys = system_path(path);

	free(sys);
	return sys != NULL;
}

int sysroot_open_area(const char *path, int flags)
{
	char *sys = root ? system_path(path) : NULL;
	int fd;

	if (sys) {
		fd = sysroot_open(sys, flags);
		free(sys);
		return fd;
	}
	fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int stat_in_root(const char *path, struct stat *st, bool follow)
{
	int fd = sysroot_open(path, O_PATH | (follow ? 0 : O_NOFOLLOW));
	int rc;

	if (fd < 0)
		return fd;
	rc = fstat(fd, st) ? -errno : 0;
	close(fd);
	return rc;
}

int sysroot_stat(const char *path, struct stat *st)
{
	return stat_in_root(path, st, true);
}

int sysroot_lstat(const char *path, struct stat *st)
{
	int rc = stat_in_root(path, st, false);

	/* a node cannot be copied: a saved tree gets a stand-in file */
	if (!rc && (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)))
		capture_record_node(path, S_ISCHR(st->st_mode), major(st->st_rdev),
				    minor(st->st_rdev));
	return rc;
}

bool sysroot_exists(const char *path)
{
	struct stat st;

	return sysroot_stat(path, &st) == 0;
}

int sysroot_stat_area(const char *path, struct stat *st)
{
	char *sys = root ? system_path(path) : NULL;
	int rc;

	if (sys) {
		rc = sysroot_stat(sys, st);
		free(sys);
		return rc;
	}
	return stat(path, st) ? -errno : 0;
}

/* --- reading -------------------------------------------------------------- */

static int dir_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Can others enter @dir and every directory above it? (for --save modes) */
static bool dir_shared(const char *dir)
{
	char *key, *slash, **found;
	struct stat st;
	bool ok;

	if (!*dir)
		return true;
	/* the cache holds only the directories found enterable */
	found = tfind(dir, &shared_dirs, dir_cmp);
	if (found)
		return true;
	key = xstrdup(dir);
	ok = sysroot_stat(dir, &st) == 0 && (st.st_mode & S_IXOTH);
	slash = strrchr(key, '/');
	if (ok && slash) {
		*slash = '\0';
		ok = dir_shared(key);
		*slash = '/';
	}
	if (ok && tsearch(key, &shared_dirs, dir_cmp))
		return true;
	free(key);
	return ok;
}

static bool file_shared(const char *path, const struct stat *st)
{
	char *dir;
	bool ok;

	if (!(st->st_mode & S_IROTH))
		return false;
	dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	ok = dir_shared(dir);
	free(dir);
	return ok;
}

static int read_fd(int fd, struct stat *st, char **buf, size_t *len)
{
	size_t sz = 0, cap;
	char *data;

	if (fstat(fd, st) != 0)
		return -errno;
	if (S_ISDIR(st->st_mode))
		return -EISDIR;
	if (!S_ISREG(st->st_mode))
		return -SYSROOT_ENOTREG;
	/* /proc and /sys report st_size 0 or a page: read until EOF */
	cap = st->st_size > 0 && st->st_size < SYSROOT_READ_MAX ? (size_t)st->st_size + 1 : 4096;
	data = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (cap - sz < 2) {
			cap *= 2;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + sz, cap - sz - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			free(data);
			return -e;
		}
		if (n == 0)
			break;
		sz += n;
		if (sz > SYSROOT_READ_MAX) {
			free(data);
			return -EFBIG;
		}
	}
	data[sz] = '\0';
	*buf = data;
	*len = sz;
	return 0;
}

static int read_path(const char *path, bool user, char **buf, size_t *len)
{
	struct stat st;
	char *data = NULL;
	size_t n = 0;
	int fd, rc = capture_replay(path);

	if (rc < 0 || rc == CAPTURE_EMPTY) {
		rc = rc < 0 ? rc : -EISDIR;
		capture_record(path, rc, NULL, 0, false);
		return rc;
	}
	fd = user ? sysroot_open_area(path, O_RDONLY) : sysroot_open(path, O_RDONLY);
	if (fd < 0) {
		rc = fd;
	} else {
		rc = read_fd(fd, &st, &data, &n);
		close(fd);
	}
	capture_record(path, rc, data, n, !rc && capture_saving() && file_shared(path, &st));
	if (rc)
		return rc;
	*buf = data;
	if (len)
		*len = n;
	return 0;
}

int sysroot_read_file(const char *path, char **buf, size_t *len)
{
	return read_path(path, false, buf, len);
}

int sysroot_read_user_file(const char *path, char **buf, size_t *len)
{
	return read_path(path, true, buf, len);
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
	char *buf;
	int rc = sysroot_read_line(path, &buf);

	if (rc)
		return rc;
	rc = str_to_u64(buf, val) ? -EINVAL : 0;
	free(buf);
	return rc;
}

static int dirent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sysroot_dirent *)a)->name,
		      ((const struct sysroot_dirent *)b)->name);
}

int sysroot_list_dir(const char *path, struct sysroot_dirent **ents, size_t *n)
{
	struct dirent *d;
	DIR *dir;
	int fd, rc = capture_replay(path);

	*ents = NULL;
	*n = 0;
	if (rc < 0 || rc == CAPTURE_EMPTY) {
		capture_record_listing(path, rc);
		return rc < 0 ? rc : 0;
	}
	fd = sysroot_open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		capture_record_listing(path, fd);
		return fd;
	}
	dir = fdopendir(fd);
	if (!dir) {
		rc = -errno;
		close(fd);
		capture_record_listing(path, rc);
		return rc;
	}
	while ((d = readdir(dir))) {
		struct sysroot_dirent *e;
		bool isdir = d->d_type == DT_DIR;

		/* dot names: ".", "..", and no kernel file starts with a dot */
		if (d->d_name[0] == '.')
			continue;
		if (d->d_type == DT_UNKNOWN) {
			struct stat st;

			isdir = fstatat(dirfd(dir), d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
				S_ISDIR(st.st_mode);
		}
		*ents = xgrow(*ents, *n, sizeof(**ents));
		e = &(*ents)[(*n)++];
		e->name = xstrdup(d->d_name);
		e->is_dir = isdir;
	}
	/* a saved tree lists the same directories, even those never entered */
	for (size_t i = 0; capture_saving() && i < *n; i++) {
		if ((*ents)[i].is_dir) {
			char *sub;

			xasprintf(&sub, "%s/%s", path, (*ents)[i].name);
			capture_record_dir(sub);
			free(sub);
		}
	}
	closedir(dir);
	if (*n)
		qsort(*ents, *n, sizeof(**ents), dirent_cmp);
	/* an empty directory leaves no trace in a saved tree: record it */
	capture_record_listing(path, *n ? 0 : CAPTURE_EMPTY);
	return 0;
}

void sysroot_dirents_free(struct sysroot_dirent *ents, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ents[i].name);
	free(ents);
}
