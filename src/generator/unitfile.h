/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Writing into a generator output directory: unit files, drop-ins and
 * dependency symlinks, never over something already there, and values
 * written so that systemd reads back exactly the path we mean.
 */
#ifndef GHOSTSWAP_UNITFILE_H
#define GHOSTSWAP_UNITFILE_H

#include <stdbool.h>

/*
 * Create @dir/@relpath (parents as needed) holding @text. Fails with
 * -EEXIST rather than replace a file. Returns 0 or -errno.
 */
int unitfile_write(const char *dir, const char *relpath, const char *text);

/* Create the symlink @dir/@relpath -> @target (parents as needed). */
int unitfile_symlink(const char *dir, const char *relpath, const char *target);

/*
 * Can @path be named in Condition*=, RequiresMountsFor= and ExecStart=?
 * Absolute, printable ASCII, no quote or backslash, no trailing blank.
 */
bool unitfile_path_ok(const char *path);

/* @path (unitfile_path_ok) for ConditionPathExists= and the like: '%' doubled. */
char *unitfile_path_value(const char *path);

/* @path (unitfile_path_ok) as one word of RequiresMountsFor= */
char *unitfile_path_word(const char *path);

/* @path (unitfile_path_ok) as one argument of ExecStart= ('$' doubled too) */
char *unitfile_exec_word(const char *path);

#endif
