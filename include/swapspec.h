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

/* Is @path the ghost swap device by name ("/dev/ghostswap", "//dev/./ghostswap")? */
bool swapspec_is_ghostswap_name(const char *path);

/* Is this header, read from a regular file of @st, a ghost swapfile? */
bool swapspec_is_ghost_file(const struct stat *st, const struct swap_header *h);

/*
 * Open a swap area for reading without blocking (sysroot_open_area()) and
 * refuse what cannot hold one: a directory (-EISDIR), a FIFO or a socket
 * (SYSROOT_ENOTREG). Fills @st. fd or -errno.
 */
int swapspec_open(const char *path, struct stat *st);

/* Read and decode the header on @fd. 0, -errno, or -EINVAL without a header. */
int swapspec_read_header_fd(int fd, struct swap_header *h);

/* swapspec_open() and swapspec_read_header_fd(); @st may be NULL. */
int swapspec_read_header(const char *path, struct swap_header *h, struct stat *st);

/* "xxxxxxxx-xxxx-..." lower case, or "" for an all-zero UUID */
void swapspec_uuid_str(const struct swap_header *h, char buf[SWAPSPEC_UUID_STR_LEN]);

/*
 * Does the header of @path carry @tag (LABEL or UUID) = @value? UUIDs are
 * compared without regard to case.
 */
bool swapspec_header_matches(const char *path, const char *tag, const char *value);

#endif
