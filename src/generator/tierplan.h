/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The swap tier table fstab asks for: the tiers the kernel has at boot plus
 * the ones fstab entries create (tier=NAME:START), checked the way the
 * kernel will check them, so that a table it would refuse is found while
 * generating rather than at swapon.
 */
#ifndef GHOSTSWAP_TIERPLAN_H
#define GHOSTSWAP_TIERPLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "tiers.h"

struct tierplan_tier {
	char name[TIER_NAME_MAX + 1];
	int start;
	bool is_new; /* to be created; false for the kernel's own */
};

struct tierplan {
	struct tierplan_tier *v;
	size_t n;
};

/* Start from the kernel's table @k (NULL: none). */
void tierplan_init(struct tierplan *p, const struct tier_list *k);
void tierplan_free(struct tierplan *p);

const struct tierplan_tier *tierplan_find(const struct tierplan *p, const char *name);
const struct tierplan_tier *tierplan_at(const struct tierplan *p, int start);

/* Add a new tier; the caller checked that neither name nor start is taken. */
void tierplan_add(struct tierplan *p, const char *name, int start);

/* The highest priority of the tier starting at @start: below the next tier. */
int tierplan_end(const struct tierplan *p, int start);

/* The kernel wants a tier from -1 as soon as there is any tier at all. */
bool tierplan_covered(const struct tierplan *p);

/* Remove the new tiers (the table they would make is refused). */
void tierplan_drop_new(struct tierplan *p);

/* "NAME:START ..." of the new tiers, lowest start first; NULL if none. */
char *tierplan_new_specs(const struct tierplan *p);

#endif
