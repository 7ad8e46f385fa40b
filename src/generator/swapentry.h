/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The swap entries of fstab as the generator sees them: what
 * systemd-fstab-generator makes of each (the node and the .swap unit), our
 * options, and what the generator decided to do about it.
 */
#ifndef GHOSTSWAP_SWAPENTRY_H
#define GHOSTSWAP_SWAPENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "swapopts.h"

/* Why an entry is kept out of swap.target at boot */
enum swapentry_skip {
	SKIP_NONE = 0,
	SKIP_NO_GHOST, /* the kernel has no ghost swap */
	SKIP_NO_ZSWAP, /* it has, but zswap is disabled or not built */
	SKIP_NO_TIERS, /* the kernel has no swap tiers */
	SKIP_BAD,      /* the entry cannot be honoured (already said why) */
};

struct swapentry {
	char *source; /* as fstab writes it: /dev/ghostswap, LABEL=x, a path */
	char *what;   /* the node systemd uses: LABEL=x is /dev/disk/by-label/x */
	char *unit;   /* the .swap unit systemd-fstab-generator makes; NULL if none */
	struct swap_opts opts;

	bool ghost_device; /* /dev/ghostswap */
	bool ours;	   /* the ghost device, or ghost, tier= or size= */
	bool duplicate;	   /* an earlier entry has the same unit */

	/* what the generator does about it (plan.c) */
	enum swapentry_skip skip;
	char *mkswap_unit; /* the unit that creates its ghost file, if any */
	bool needs_tiers;  /* its tier is created by ghostswap-tiers.service */
	bool prio_from_tier;
	int prio; /* with prio_from_tier: the Priority= for its .swap unit */
};

struct swapentry_list {
	struct swapentry *v;
	size_t n;
};

/*
 * Read the swap entries of the fstab at @path, called @name in messages (a
 * missing file has none; anything but a regular file is -EINVAL or
 * -EISDIR). Lines libmount cannot parse are logged and skipped. Returns 0
 * or -errno.
 */
int swapentry_read(const char *path, bool system, const char *name, struct swapentry_list *l);

void swapentry_free(struct swapentry_list *l);

#endif
