/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Facts about ghost swap shared by the tools (see doc/kernel-interface.md). */
#ifndef GHOSTSWAP_GHOST_H
#define GHOSTSWAP_GHOST_H

#include <stddef.h>
#include <stdint.h>

/* Swap clusters on x86-64: the kernel rounds ghost sizes to these. */
#define GHOST_CLUSTER_PAGES 512
/* Without a size, a ghost device is this many times RAM. */
#define GHOST_DEFAULT_RAM_FACTOR 8

#define GHOSTSWAP_MAJOR 1
#define GHOSTSWAP_MINOR 13

/*
 * The default virtual size in pages of @pagesize: 8 x MemTotal rounded
 * down to whole clusters, capped at what a header can describe.
 * Returns 0 or -errno when /proc/meminfo cannot be read.
 */
int ghost_default_pages(size_t pagesize, uint64_t *pages);

#endif
