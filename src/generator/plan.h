/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the generator does about each fstab swap entry: check our options
 * against the running kernel and the tier table, decide which entries are
 * kept out of the boot (with one journal line each, or one for all the
 * entries a missing kernel feature rules out), which need a ghost file
 * created, which need the tier table first and what priority a tier gives.
 */
#ifndef GHOSTSWAP_PLAN_H
#define GHOSTSWAP_PLAN_H

#include "kfeatures.h"
#include "swapentry.h"
#include "tierplan.h"

/* ghostswap-mkswap@var-swap-ghost.service creates /var/swap/ghost */
#define MKSWAP_UNIT_PREFIX "ghostswap-mkswap@"

/*
 * Fill in the decisions of every entry of @l and the tier table @tp, for a
 * kernel with the features @kf and zswap in state @zswap. @fstab names the
 * file in messages.
 */
void plan_make(struct swapentry_list *l, const struct kfeatures *kf, enum kf_zswap zswap,
	       const char *fstab, struct tierplan *tp);

#endif
