/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The default size of a ghost swap area, as the patched kernel computes it. */
#include "ghost.h"
#include "kvfile.h"
#include "swapheader.h"

int ghost_default_pages(size_t pagesize, uint64_t *pages)
{
	uint64_t ram, n;
	int rc = meminfo_total_bytes(&ram);

	if (rc)
		return rc;
	n = ram / pagesize * GHOST_DEFAULT_RAM_FACTOR;
	if (n > SWAP_MAX_PAGES)
		n = SWAP_MAX_PAGES;
	n -= n % GHOST_CLUSTER_PAGES;
	if (n < GHOST_CLUSTER_PAGES)
		n = GHOST_CLUSTER_PAGES;
	*pages = n;
	return 0;
}
