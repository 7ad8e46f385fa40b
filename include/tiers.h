/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Swap tiers: /sys/kernel/mm/swap/tiers (see doc/kernel-interface.md).
 *
 * A tier is a named range of swap priorities; a device belongs to the tier
 * its priority falls in. Reading the file prints a table
 *
 *   Name             Idx   PrioStart   PrioEnd
 *   HDD              0     50          32767
 *
 * and writing it takes "+NAME:START" / "-NAME" operations, all or nothing.
 */
#ifndef GHOSTSWAP_TIERS_H
#define GHOSTSWAP_TIERS_H

#include <stdbool.h>
#include <stddef.h>

#define TIER_NAME_MAX 15   /* characters, without the NUL */
#define TIER_PRIO_MIN (-1) /* the lowest tier also holds automatic priorities */
#define TIER_PRIO_MAX 32767

struct swap_tier {
	char name[TIER_NAME_MAX + 1];
	int idx;
	int prio_start;
	int prio_end;
};

struct tier_list {
	struct swap_tier *v; /* in the order the kernel lists them */
	size_t n;
};

/*
 * Read <sysroot>/sys/kernel/mm/swap/tiers. Returns 0, -ENOENT when the
 * kernel has no swap tiers, -EINVAL on a malformed table, or another -errno.
 */
int tiers_read(struct tier_list *l);

/* Parse the text of the tiers file (what tiers_read() does after reading). */
int tiers_parse(const char *text, struct tier_list *l);

void tiers_free(struct tier_list *l);

/*
 * The tier a device of priority @prio falls in. Negative (automatic)
 * priorities belong to the tier that starts at -1. NULL if none covers it.
 */
const struct swap_tier *tiers_find_prio(const struct tier_list *l, int prio);
const struct swap_tier *tiers_find_name(const struct tier_list *l, const char *name);

/* Is @name a valid tier name (letters, digits, '_', 1-15 characters)? */
bool tiers_name_ok(const char *name);

/*
 * Split "NAME" or "NAME:START". @start is set to INT_MIN when absent.
 * Returns 0 or -EINVAL (bad name, bad or out-of-range START).
 */
int tiers_parse_spec(const char *spec, char name[TIER_NAME_MAX + 1], int *start);

/*
 * Write @ops (e.g. "+ghost:100") to the tiers file under the sysroot (the
 * live file normally). Returns 0 or -errno as the kernel reported it
 * (-EEXIST, -ENOSPC, -EINVAL, -EBUSY), -ENOENT when there are no tiers.
 */
int tiers_write(const char *ops);

/* One sentence for what a failed tiers_write() means. */
const char *tiers_strerror(int err);

#endif
