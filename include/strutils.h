/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Strings to numbers and column lists, one rule each, and the one short
 * human form of a size that every table prints.
 */
#ifndef GHOSTSWAP_STRUTILS_H
#define GHOSTSWAP_STRUTILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A whole unsigned decimal number as the kernel writes one: digits only,
 * nothing before or after. 0, -EINVAL (empty, a sign, anything else) or
 * -ERANGE (over 2^64 - 1).
 */
int str_to_u64(const char *s, uint64_t *val);

/* The same for the first @len bytes of @s. */
int strn_to_u64(const char *s, size_t len, uint64_t *val);

/*
 * A column list "NAME,NAME,...": each name looked up with @column_id
 * (case-insensitive; the id or -1). A list starting with '+' adds to the
 * @*ncols ids already in @cols (the defaults); otherwise it replaces them.
 * Returns 0, or -1 after one message naming the fault.
 */
int parse_column_list(const char *list, int (*column_id)(const char *name, size_t len), int *cols,
		      size_t *ncols, size_t max);

/*
 * @path with "//", "/./" and "dir/.." folded away, without looking at the
 * file system ("/tmp/x/../../dev/y" is "/dev/y"). ".." above the root stays
 * at the root; a relative path stays relative and keeps the ".." it starts
 * with ("a/../../b" is "../b"). "" and "a/.." are ".". free() it.
 */
char *path_normalize(const char *path);

/* Is @path @dir itself or below it? (both normalised) */
bool path_in_dir(const char *path, const char *dir);

/*
 * The short form of a size in tables and JSON, as util-linux prints it:
 * "0B", "512K", "1.5G": binary units, one rounded decimal at most, the
 * locale's decimal point. @saturated appends "+" (a figure that reached
 * 2^64 - 1 and stopped there). @buf needs at least 32 bytes.
 */
char *size_to_short(uint64_t bytes, bool saturated, char *buf, size_t bufsz);

#endif
