/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Capture and replay, beneath the sysroot layer.
 *
 * --save DIR copies every file a tool reads into DIR, at its system path,
 * and writes DIR/capture.manifest: one line "RESULT<TAB>PATH" for every file
 * and directory tried, RESULT being "ok", "empty" (a directory without
 * entries: it leaves no trace otherwise) or an errno name ("EACCES").
 * --sysroot DIR then replays the tree: a path the manifest records as
 * failed fails again the same way, so "unreadable" stays unreadable.
 *
 * What --save promises (swapstat(1)):
 *  - it writes only inside DIR: every directory and file is created
 *    relative to DIR, component by component, and a symlink met on the way
 *    (planted in DIR or left there by anyone) is refused, never followed;
 *  - a file is written under a temporary name and renamed into place, so an
 *    existing symlink or hard link at the target is replaced, not written
 *    through;
 *  - a copy is readable by others only when its source was (the file and
 *    every directory above it), whatever the umask; directories it creates
 *    mirror that: what was root-only stays root-only;
 *  - an existing manifest in DIR is merged only after each line is checked
 *    (an absolute, normalised /proc, /sys, /dev or /etc path, no "..", no
 *    control characters); other lines are dropped.
 */
#ifndef GHOSTSWAP_CAPTURE_H
#define GHOSTSWAP_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CAPTURE_MANIFEST "capture.manifest"

/* A manifest result besides 0 and -errno: a directory without entries. */
#define CAPTURE_EMPTY 1

/* Is @path a path a manifest may name? (see above) */
bool capture_path_ok(const char *path);

/* --- replay: the manifest of the --sysroot tree ------------------------ */

/* Take the manifest text of the sysroot tree (NULL: none). */
void capture_replay_load(const char *text);
void capture_replay_free(void);
/* What the manifest recorded for @path: 0 (nothing, or "ok"), -errno, or CAPTURE_EMPTY. */
int capture_replay(const char *path);

/* --- save ------------------------------------------------------------------ */

/*
 * Start saving into @dir (created with its parents when missing), or into
 * @dir/@sample when @sample is not NULL (--watch: one tree per sample).
 * Returns 0 or -errno.
 */
int capture_save_begin(const char *dir, const char *sample);
bool capture_saving(void);

/*
 * Record the result of reading @path; with @rc == 0 and @data, also save a
 * copy. @shared: the source was readable by others (file and directories).
 */
void capture_record(const char *path, int rc, const char *data, size_t len, bool shared);

/* The result of listing directory @path (0, -errno, or CAPTURE_EMPTY). */
void capture_record_listing(const char *path, int rc);

/* A directory seen in a listing: created in the saved tree even if nothing in it is read. */
void capture_record_dir(const char *path);

/* A device node has no copy: save a stand-in "char MAJ:MIN" or "block MAJ:MIN". */
void capture_record_node(const char *path, bool chr, unsigned int maj, unsigned int min);

/* Write the manifest and stop saving. 0 or -errno (after a message). */
int capture_save_end(void);

/* "ok", "empty" or the errno name of a result, and back. */
const char *capture_result_name(int rc);
bool capture_result_parse(const char *word, int *rc);

#endif
