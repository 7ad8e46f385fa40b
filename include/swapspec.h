/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What ghostswapon and ghostswapoff need to know about one swap area by
 * reading it: its header, whether it is a ghost, its LABEL and UUID.
 *
 * libblkid cannot help with ghost swapfiles: its swap prober wants at least
 * 40960 bytes and a ghost file is one page. So LABEL= and UUID= of files
 * are matched here against the header itself.
 */
#ifndef GHOSTSWAP_SWAPSPEC_H
#define GHOSTSWAP_SWAPSPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "swapheader.h"

/* 8-4-4-4-12 hex digits and the NUL */
#define SWAPSPEC_UUID_STR_LEN 37

/*
 * The path to open for a swap area named @path: /dev, /proc and /sys paths
 * go through the sysroot, everything else is used as it is. free() it.
 */
char *swapspec_real_path(const char *path);

/* Is @path the ghost swap device by name ("/dev/ghostswap")? */
bool swapspec_is_ghostswap_name(const char *path);

/* Is this header, read from a regular file of @st, a ghost swapfile? */
bool swapspec_is_ghost_file(const struct stat *st, const struct swap_header *h);

/*
 * Read and decode the header of the swap area @path (already a real path).
 * Fills @st when not NULL. Returns 0, -errno, or -EINVAL without a header.
 */
int swapspec_read_header(const char *path, struct swap_header *h, struct stat *st);

/* "xxxxxxxx-xxxx-..." lower case, or "" for an all-zero UUID */
void swapspec_uuid_str(const struct swap_header *h, char buf[SWAPSPEC_UUID_STR_LEN]);

/*
 * Does the header of @path carry @tag (LABEL or UUID) = @value? UUIDs are
 * compared without regard to case.
 */
bool swapspec_header_matches(const char *path, const char *tag, const char *value);

#endif
