/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Capture (--save) and replay (the manifest of a --sysroot tree). */
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "capture.h"
#include "sysroot.h"

struct entry {
	char *path;
	int rc; /* 0, -errno or CAPTURE_EMPTY */
};

struct entries {
	struct entry *v;
	size_t n;
};

static struct entries replay;

static struct {
	int fd;	   /* the save directory, or -1 */
	char *dir; /* its name, for messages */
	struct entries got, old;
	unsigned int failures, tmpseq;
} save = { .fd = -1 };

static const char *const system_trees[] = { "/proc/", "/sys/", "/dev/", "/etc/" };

bool capture_path_ok(const char *path)
{
	const char *p;
	size_t i;
	bool tree = false;

	for (i = 0; i < ARRAY_SIZE(system_trees); i++)
		tree |= !strncmp(path, system_trees[i], strlen(system_trees[i]));
	if (!tree || strlen(path) >= PATH_MAX)
		return false;
	for (p = path; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	}
	/* every component a real name: no "", ".", ".." and no trailing '/' */
	for (p = path; *p; p++) {
		const char *c = p + 1;
		size_t n = strcspn(c, "/");

		if (*p != '/')
			continue;
		if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
	}
	return true;
}

const char *capture_result_name(int rc)
{
	const char *s;

	if (rc == 0)
		return "ok";
	if (rc == CAPTURE_EMPTY)
		return "empty";
	s = strerrorname_np(-rc);
	return s ? s : "EIO";
}

bool capture_result_parse(const char *word, int *rc)
{
	int e;

	if (!strcmp(word, "ok")) {
		*rc = 0;
		return true;
	}
	if (!strcmp(word, "empty")) {
		*rc = CAPTURE_EMPTY;
		return true;
	}
	for (e = 1; e < 200; e++) {
		const char *s = strerrorname_np(e);

		if (s && !strcmp(s, word)) {
			*rc = -e;
			return true;
		}
	}
	return false;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static void entries_add(struct entries *l, const char *path, int rc)
{
	l->v = xgrow(l->v, l->n, sizeof(*l->v));
	l->v[l->n].path = xstrdup(path);
	l->v[l->n].rc = rc;
	l->n++;
}

static void entries_free(struct entries *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Sorted, one entry per path (a path is read once per snapshot). */
static void entries_sort(struct entries *l)
{
	size_t i, o = 0;

	if (!l->n)
		return;
	qsort(l->v, l->n, sizeof(*l->v), entry_cmp);
	for (i = 0; i < l->n; i++) {
		if (o && !strcmp(l->v[o - 1].path, l->v[i].path)) {
			free(l->v[i].path);
			continue;
		}
		l->v[o++] = l->v[i];
	}
	l->n = o;
}

static const struct entry *entries_find(const struct entries *l, const char *path)
{
	struct entry key = { .path = (char *)path };

	if (!l->n)
		return NULL;
	return bsearch(&key, l->v, l->n, sizeof(key), entry_cmp);
}

/* Parse manifest text; lines that are not "RESULT<TAB>valid path" are dropped. */
static void parse_manifest(const char *text, struct entries *l)
{
	char *copy = xstrdup(text), *line, *save_ptr = NULL;

	for (line = strtok_r(copy, "\n", &save_ptr); line; line = strtok_r(NULL, "\n", &save_ptr)) {
		char *tab = strchr(line, '\t');
		int rc;

		if (*line == '#' || !tab)
			continue;
		*tab = '\0';
		if (!capture_result_parse(line, &rc) || !capture_path_ok(tab + 1))
			continue;
		entries_add(l, tab + 1, rc);
	}
	free(copy);
	entries_sort(l);
}

void capture_replay_load(const char *text)
{
	capture_replay_free();
	if (text)
		parse_manifest(text, &replay);
}

void capture_replay_free(void)
{
	entries_free(&replay);
}

int capture_replay(const char *path)
{
	const struct entry *e = entries_find(&replay, path);

	return e ? e->rc : 0;
}

/* --- save ------------------------------------------------------------------ */

bool capture_saving(void)
{
	return save.fd >= 0;
}

static void save_failed(const char *path, const char *why)
{
	/* one line per failure would bury the output: the first few, then a count */
	if (save.failures++ < 3)
		warnx(_("cannot save %s in %s: %s"), path, save.dir, why);
}

/*
 * Open (creating) directory @name below @dfd, refusing a symlink. Returns a
 * directory fd or -errno; -ELOOP for a symlink.
 */
static int subdir(int dfd, const char *name)
{
	struct stat st;
	int fd;

	if (mkdirat(dfd, name, 0755) == 0) {
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		/* the umask must not decide who reads a saved tree */
		if (fd >= 0)
			fchmod(fd, 0755);
		return fd >= 0 ? fd : -errno;
	}
	if (errno != EEXIST)
		return -errno;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return -errno;
	if (S_ISLNK(st.st_mode))
		return -ELOOP;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return fd >= 0 ? fd : -errno;
}

static const char *why(int rc)
{
	if (rc == -ELOOP)
		return _("a symlink is in the way (never followed)");
	return strerror(-rc);
}

/*
 * The directory that holds @path inside the save directory, created as
 * needed; *base points at the last component. fd or -errno.
 */
static int parent_dir(const char *path, const char **base)
{
	char *copy = xstrdup(path + 1), *comp = copy, *slash;
	int fd = dup(save.fd);

	while (fd >= 0 && (slash = strchr(comp, '/'))) {
		int next;

		*slash = '\0';
		next = subdir(fd, comp);
		close(fd);
		fd = next;
		comp = slash + 1;
	}
	*base = path + 1 + (comp - copy);
	free(copy);
	return fd;
}

/* Write @data to @name in @dfd through a new file renamed into place. */
static int write_at(int dfd, const char *name, const char *data, size_t len, mode_t mode)
{
	char tmp[64];
	int fd = -1, tries, rc = 0;

	for (tries = 0; fd < 0 && tries < 100; tries++) {
		snprintf(tmp, sizeof(tmp), ".capture-tmp.%d.%u", (int)getpid(), save.tmpseq++);
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return -errno;
	}
	if (fd < 0)
		return -EEXIST;
	while (len && !rc) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			rc = n < 0 ? -errno : -EIO;
		else {
			data += n;
			len -= n;
		}
	}
	if (!rc && fchmod(fd, mode) != 0)
		rc = -errno;
	if (close(fd) != 0 && !rc)
		rc = -errno;
	/* rename replaces a symlink or hard link at @name, never writes through it */
	if (!rc && renameat(dfd, tmp, dfd, name) != 0)
		rc = -errno;
	if (rc)
		unlinkat(dfd, tmp, 0);
	return rc;
}

static void save_file(const char *path, const char *data, size_t len, mode_t mode)
{
	const char *base;
	int dfd, rc;

	dfd = parent_dir(path, &base);
	if (dfd < 0) {
		save_failed(path, why(dfd));
		return;
	}
	rc = write_at(dfd, base, data, len, mode);
	close(dfd);
	if (rc)
		save_failed(path, why(rc));
}

void capture_record(const char *path, int rc, const char *data, size_t len, bool shared)
{
	if (!capture_saving())
		return;
	/* a name the manifest cannot hold is neither copied nor listed */
	if (!capture_path_ok(path))
		return;
	entries_add(&save.got, path, rc);
	if (rc == 0 && data)
		save_file(path, data, len, shared ? 0644 : 0600);
	/* an unreadable file still shows in its directory's listing of a replay */
	else if (rc < 0 && rc != -ENOENT && rc != -ENOTDIR && rc != -EISDIR)
		save_file(path, "", 0, 0600);
}

void capture_record_dir(const char *path)
{
	const char *base;
	int dfd, fd;

	if (!capture_saving() || !capture_path_ok(path))
		return;
	dfd = parent_dir(path, &base);
	if (dfd < 0) {
		save_failed(path, why(dfd));
		return;
	}
	fd = subdir(dfd, base);
	close(dfd);
	if (fd < 0)
		save_failed(path, why(fd));
	else
		close(fd);
}

void capture_record_listing(const char *path, int rc)
{
	if (!capture_saving() || !capture_path_ok(path))
		return;
	entries_add(&save.got, path, rc);
	/* an unreadable directory still shows in its parent's listing of a replay */
	if (rc < 0 && rc != -ENOENT && rc != -ENOTDIR)
		capture_record_dir(path);
}

void capture_record_node(const char *path, bool chr, unsigned int maj, unsigned int min)
{
	char buf[64];

	if (!capture_saving() || !capture_path_ok(path))
		return;
	snprintf(buf, sizeof(buf), "%s %u:%u\n", chr ? "char" : "block", maj, min);
	entries_add(&save.got, path, 0);
	save_file(path, buf, strlen(buf), 0644);
}

/* mkdir -p of the user's own DIR; what lies inside it is never followed. */
static int mkdir_parents(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -errno;
		*s = '/';
		if (rc)
			break;
	}
	if (!rc && mkdir(p, 0755) != 0 && errno != EEXIST)
		rc = -errno;
	free(p);
	return rc;
}

static void load_old_manifest(void)
{
	char *buf;
	struct stat st;
	ssize_t n;
	int fd;

	fd = openat(save.fd, CAPTURE_MANIFEST, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > SYSROOT_READ_MAX) {
		close(fd);
		return;
	}
	buf = xmalloc(st.st_size + 1);
	n = read(fd, buf, st.st_size);
	close(fd);
	if (n >= 0) {
		buf[n] = '\0';
		parse_manifest(buf, &save.old);
	}
	free(buf);
}

int capture_save_begin(const char *dir, const char *sample)
{
	int fd, rc;

	capture_save_end();
	rc = mkdir_parents(dir);
	if (rc)
		return rc;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (sample) {
		int sfd = subdir(fd, sample);

		close(fd);
		if (sfd < 0)
			return sfd;
		fd = sfd;
		xasprintf(&save.dir, "%s/%s", dir, sample);
	} else {
		save.dir = xstrdup(dir);
	}
	save.fd = fd;
	save.failures = 0;
	load_old_manifest();
	return 0;
}

int capture_save_end(void)
{
	static const char head[] =
		"# ghostswap-utils capture: RESULT<TAB>PATH of every file and directory read\n";
	char *text;
	size_t i, len, cap;
	int rc = 0;

	if (!capture_saving())
		return 0;
	entries_sort(&save.got);
	/* earlier runs into this directory (the default view, then -g ...) */
	for (i = 0; i < save.old.n; i++) {
		if (!entries_find(&save.got, save.old.v[i].path))
			entries_add(&save.got, save.old.v[i].path, save.old.v[i].rc);
	}
	entries_sort(&save.got);

	cap = sizeof(head);
	for (i = 0; i < save.got.n; i++)
		cap += strlen(save.got.v[i].path) + 32;
	text = xmalloc(cap);
	len = snprintf(text, cap, "%s", head);
	for (i = 0; i < save.got.n; i++)
		len += snprintf(text + len, cap - len, "%s\t%s\n",
				capture_result_name(save.got.v[i].rc), save.got.v[i].path);
	rc = write_at(save.fd, CAPTURE_MANIFEST, text, len, 0644);
	if (rc)
		warnx(_("cannot write %s/%s: %s"), save.dir, CAPTURE_MANIFEST, why(rc));
	if (save.failures > 3)
		warnx(_("%s: %u more files could not be saved"), save.dir, save.failures - 3);
	if (save.failures && !rc)
		rc = -EIO;
	free(text);
	close(save.fd);
	save.fd = -1;
	free(save.dir);
	save.dir = NULL;
	entries_free(&save.got);
	entries_free(&save.old);
	return rc;
}
