/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What ghostswapon and ghostswapoff share: fstab, tags, privileges. */
#ifndef SWAPON_COMMON_H
#define SWAPON_COMMON_H

#include <stdbool.h>

#include <libmount.h>

#include "swaps.h"

/* Do we hold CAP_SYS_ADMIN, which swapon(2) and swapoff(2) need? */
bool have_sys_admin(void);

/*
 * fstab: @path from -T (the user's file), else /etc/fstab of the --sysroot
 * tree, else the live one (libmount's choice). Read through the sysroot
 * layer (bounded, non-blocking, captured by --save) and parsed by libmount;
 * a bad line is reported and skipped. Returns the table, or NULL with
 * -errno in *rc and the file's name in *name (free() it).
 */
struct libmnt_table *fstab_read(const char *path, int *rc, char **name);

/*
 * "LABEL=x", "UUID=x", "PARTLABEL=x", "PARTUUID=x" (any upper-case NAME=):
 * split into @tag and @value (free() both). Returns 1 for a tag spec, 0
 * for a path, -1 for a tag with an empty value (nothing can match it).
 */
int parse_tag_spec(const char *spec, char **tag, char **value);

/*
 * A block device by tag, through libblkid (the live system only: a
 * --sysroot tree has no blkid cache). NULL when not found.
 */
char *resolve_blkid_tag(struct libmnt_cache *cache, const char *tag, const char *value);

/*
 * The first of @paths whose swap header carries @tag (LABEL or UUID) =
 * @value: ghost swapfiles, which libblkid cannot see. NULL when none.
 */
char *resolve_header_tag(const char *const *paths, size_t n, const char *tag, const char *value);

#endif
