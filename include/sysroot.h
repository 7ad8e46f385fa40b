/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every read of the running system (/proc, /sys, /dev) goes through here so
 * that --sysroot DIR can point a tool at a captured tree instead: that is
 * how the tests run without root and how a user replays a bug report.
 *
 * Paths handed in are always absolute system paths ("/proc/swaps").
 * Optionally every file read is also copied under a save directory
 * (swapstat --save), so the same view can be replayed later.
 */
#ifndef GHOSTSWAP_SYSROOT_H
#define GHOSTSWAP_SYSROOT_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

/* NULL or "/" means the live system. Exits with a message on a bad DIR. */
void sysroot_set(const char *dir);
const char *sysroot_get(void);
bool sysroot_is_live(void);

/* Also copy every file read into @dir (created if needed). */
int sysroot_set_save_dir(const char *dir);

/* The real path of @path under the sysroot; free() the result. */
char *sysroot_path(const char *path);

FILE *sysroot_fopen(const char *path);
DIR *sysroot_opendir(const char *path);
int sysroot_stat(const char *path, struct stat *st);
bool sysroot_exists(const char *path);

/*
 * Read a whole (small, /proc-like) file. Returns 0 with a NUL-terminated
 * malloc()ed buffer, or -errno (-ENOENT missing, -EACCES unreadable).
 */
int sysroot_read_file(const char *path, char **buf, size_t *len);

/* Read one unsigned decimal number (a sysfs/debugfs value file). */
int sysroot_read_u64(const char *path, uint64_t *val);

/* Read the first line of a file without its newline; free() *line. */
int sysroot_read_line(const char *path, char **line);

#endif
