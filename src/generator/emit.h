/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generator's output: for the .swap units systemd-fstab-generator
 * writes from fstab, a oneshot unit that creates a missing ghost file, the
 * tier table unit, a drop-in with their dependencies and the priority a
 * tier gives, and in the early directory (which comes before the normal
 * one) masks that keep skipped entries out of swap.target.
 */
#ifndef GHOSTSWAP_EMIT_H
#define GHOSTSWAP_EMIT_H

#include "swapentry.h"
#include "tierplan.h"

#define TIERS_UNIT  "ghostswap-tiers.service"
#define DROPIN_NAME "50-ghostswap.conf"

struct emit_ctx {
	const char *normal_dir;
	const char *early_dir;
	const char *fstab;  /* the file the units come from, for SourcePath= */
	const char *mkswap; /* the mkswap that creates ghost files */
	const char *self;   /* this program, which sets the tiers up */
};

/* Write everything for @l and @tp. Returns 0, or -1 when a file failed. */
int emit_all(const struct emit_ctx *c, const struct swapentry_list *l, const struct tierplan *tp);

#endif
