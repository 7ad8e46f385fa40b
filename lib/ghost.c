/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Sizes of ghost swap areas, computed as the patched kernel and mkswap do. */
#include <errno.h>
#include <string.h>

#include "ghost.h"
#include "kvfile.h"
#include "satmath.h"
#include "swapheader.h"

bool ghost_swap_type(const char *type)
{
	return !strcmp(type, "ghost") || !strcmp(type, "vswap");
}

/* mm/ghostswap.c: cap, round down to clusters, at least one cluster */
static uint64_t device_round(uint64_t pages)
{
	if (pages > SWAP_MAX_PAGES)
		pages = SWAP_MAX_PAGES;
	pages -= pages % GHOST_CLUSTER_PAGES;
	return pages < GHOST_CLUSTER_PAGES ? GHOST_CLUSTER_PAGES : pages;
}

int ghost_default_pages(size_t pagesize, uint64_t *pages)
{
	uint64_t ram;
	bool sat = false;
	int rc = meminfo_total_bytes(&ram);

	if (rc)
		return rc;
	*pages = device_round(sat_mul(ram / pagesize, GHOST_DEFAULT_RAM_FACTOR, &sat));
	return 0;
}

int ghost_device_pages(uint64_t size_bytes, size_t pagesize, uint64_t *pages)
{
	if (!size_bytes)
		return ghost_default_pages(pagesize, pages);
	*pages = device_round(size_bytes / pagesize);
	return 0;
}

int ghost_file_pages(uint64_t bytes, size_t pagesize, uint64_t *pages)
{
	uint64_t n = bytes / pagesize;

	if (n > SWAP_MAX_PAGES)
		return -ERANGE;
	if (n < SWAP_MIN_GOODPAGES)
		return -EINVAL;
	*pages = n;
	return 0;
}
