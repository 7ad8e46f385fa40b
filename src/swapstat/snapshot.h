/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One snapshot of everything a swapstat view may need, read once through
 * the sysroot layer (so --save keeps all of it, whatever columns are
 * shown), parsed, and kept with the result of every read. No view reads a
 * kernel file itself, and nothing here formats output.
 */
#ifndef SWAPSTAT_SNAPSHOT_H
#define SWAPSTAT_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cgroups.h"
#include "dirvals.h"
#include "kvfile.h"
#include "swaps.h"
#include "tiers.h"
#include "zram.h"

enum {
	SNAP_TIERS = 1 << 0,   /* /sys/kernel/mm/swap/tiers */
	SNAP_CGROUPS = 1 << 1, /* the cgroup v2 tree */
};

struct snapshot {
	size_t pagesize;

	struct swap_list swaps;
	int swaps_rc;
	struct zram_stat *zram; /* one per swap device; name[0] == 0: not zram */

	struct kvfile meminfo, vmstat;
	int meminfo_rc, vmstat_rc;

	/* tells "debugfs not mounted" (DIRVALS_EMPTY) from "no such file" */
	int debugfs_rc;
	struct dirvals zswap_dbg, vswap_dbg, zswap_par;

	struct tier_list tiers;
	int tiers_rc;

	double uptime; /* seconds */
	int uptime_rc;
	char *osrelease; /* the kernel release, kept with every capture */
	int osrelease_rc;

	struct cgroup_tree cgroups;
};

/* @what: SNAP_* flags. @cg_depth: how deep to walk cgroups (-1: all). */
void snapshot_read(struct snapshot *s, unsigned int what, int cg_depth);
void snapshot_free(struct snapshot *s);

#endif
