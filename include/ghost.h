/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Facts about ghost swap shared by the tools (see doc/kernel-interface.md). */
#ifndef GHOSTSWAP_GHOST_H
#define GHOSTSWAP_GHOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Swap clusters on x86-64: the kernel rounds ghost device sizes to these. */
#define GHOST_CLUSTER_PAGES 512
/* Without a size, a ghost device is this many times RAM. */
#define GHOST_DEFAULT_RAM_FACTOR 8

#define GHOSTSWAP_MAJOR 1
#define GHOSTSWAP_MINOR 13

/* Is a /proc/swaps type one of a device without storage ("ghost", "vswap")? */
bool ghost_swap_type(const char *type);

/*
 * The default virtual size in pages of @pagesize: 8 x MemTotal rounded
 * down to whole clusters, capped at what a header can describe.
 * Returns 0 or -errno when /proc/meminfo cannot be read.
 */
int ghost_default_pages(size_t pagesize, uint64_t *pages);

/*
 * The virtual size of /dev/ghostswap as the patched kernel chooses it:
 * ghostswap.size (@size_bytes; 0 means the default above), capped at
 * what a header can describe, rounded down to whole clusters, at least one.
 */
int ghost_device_pages(uint64_t size_bytes, size_t pagesize, uint64_t *pages);

/*
 * The pages of a ghost swap file of @bytes, as mkswap --ghost makes it:
 * 0, -ERANGE over the 2^32 - 1 pages a header describes, -EINVAL under the
 * minimum of SWAP_MIN_GOODPAGES pages.
 */
int ghost_file_pages(uint64_t bytes, size_t pagesize, uint64_t *pages);

#endif
