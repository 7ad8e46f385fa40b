/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every read of the running system (/proc, /sys, /dev) goes through here so
 * that --sysroot DIR can point a tool at a captured tree instead: that is
 * how the tests run without root and how a user replays a bug report.
 *
 * Paths handed in are always absolute system paths (pathnames.h). Under a
 * sysroot every path is resolved inside DIR, symlinks and ".." included, as
 * if DIR were "/" (openat2 RESOLVE_IN_ROOT, or the same rule walked by hand
 * on kernels without it): nothing outside DIR is ever read through it.
 *
 * Reads never block and never grow without bound: files are opened
 * non-blocking, anything but a regular file is refused (a directory only
 * where a directory is listed), and a file over SYSROOT_READ_MAX bytes is
 * an error. Beneath this layer, capture.h records what was read (--save)
 * and replays what a saved tree recorded as unreadable.
 */
#ifndef GHOSTSWAP_SYSROOT_H
#define GHOSTSWAP_SYSROOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* The bound of one kernel file: far above any /proc or /sys file. */
#define SYSROOT_READ_MAX (16 * 1024 * 1024)

/* The -errno of a file that is not a regular file (a FIFO, a device...). */
#define SYSROOT_ENOTREG EMEDIUMTYPE

/*
 * NULL or "/" means the live system. Loads the tree's capture manifest.
 * Returns 0 or -errno (-ENOTDIR when @dir is not a directory).
 */
int sysroot_try_set(const char *dir);
/* sysroot_try_set() or exit with a message naming @dir. */
void sysroot_set(const char *dir);
/* The message sysroot_set() exits with, for tools with their own exit codes. */
void sysroot_warn(const char *dir, int rc);
const char *sysroot_get(void);
bool sysroot_is_live(void);

/* One sentence for an -errno of this layer (the bound, "not a regular file"). */
const char *sysroot_strerror(int rc);

/*
 * Open @path: resolved inside the sysroot, non-blocking, close-on-exec.
 * @flags are open(2) flags (O_RDONLY, O_DIRECTORY, O_PATH ...). Returns a
 * file descriptor or -errno. The file is not checked for its type.
 */
int sysroot_open(const char *path, int flags);

/*
 * A swap area named by a user or by fstab: /dev, /proc and /sys paths are
 * system paths (sysroot_open()), every other path is the user's own file
 * and is opened as it is. Non-blocking, close-on-exec. fd or -errno.
 *
 * What is a system path is decided on the path normalised lexically and made
 * absolute (path_normalize()): "//dev/sda", "/tmp/../dev/sda" and, from "/",
 * "dev/sda" all name /dev/sda of the tree, never a host file.
 */
int sysroot_open_area(const char *path, int flags);
bool sysroot_is_system_path(const char *path);

/* stat() and lstat() inside the sysroot. 0 or -errno. */
int sysroot_stat(const char *path, struct stat *st);
int sysroot_lstat(const char *path, struct stat *st);
bool sysroot_exists(const char *path);
/* stat() of a swap area, by the rule of sysroot_open_area(). */
int sysroot_stat_area(const char *path, struct stat *st);

/*
 * Read a whole regular file of at most SYSROOT_READ_MAX bytes. Returns 0
 * with a NUL-terminated malloc()ed buffer, or -errno: -ENOENT missing,
 * -EACCES unreadable, -EISDIR, SYSROOT_ENOTREG, -EFBIG over the bound.
 */
int sysroot_read_file(const char *path, char **buf, size_t *len);

/*
 * sysroot_read_file() for a file named by a user or by fstab (fstab -T):
 * a system path goes through the sysroot, any other is the user's own file
 * opened as it is; the same checks and bound.
 */
int sysroot_read_user_file(const char *path, char **buf, size_t *len);

/* The first line of a file without its newline; free() *line. */
int sysroot_read_line(const char *path, char **line);

/* One unsigned decimal number (a sysfs/debugfs value file); -EINVAL if not. */
int sysroot_read_u64(const char *path, uint64_t *val);

struct sysroot_dirent {
	char *name;
	bool is_dir; /* a directory itself, not a symlink to one */
};

/*
 * The entries of a directory but "." and "..", sorted by name (readdir
 * order differs between trees). Returns 0 or -errno (-ENOTDIR). An empty
 * directory is recorded as such for a replay. Free with sysroot_dirents_free().
 */
int sysroot_list_dir(const char *path, struct sysroot_dirent **ents, size_t *n);
void sysroot_dirents_free(struct sysroot_dirent *ents, size_t n);

/* For tests: resolve by hand even where openat2() exists. */
void sysroot_force_manual_resolve(bool manual);

#endif
