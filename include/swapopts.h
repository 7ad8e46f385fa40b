/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The options of one swap entry, as fstab(5) or -o write them: util-linux's
 * pri=, discard[=once|pages], nofail and noauto, and ghost swap's tier=,
 * ghost and size=. Parsed here, once, for ghostswapon and for
 * ghostswap-generator; the caller decides what a bad value means for it and
 * says so in its own words.
 */
#ifndef GHOSTSWAP_SWAPOPTS_H
#define GHOSTSWAP_SWAPOPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "tiers.h"

enum swapopts_discard {
	SWAPOPTS_DISCARD_NONE = 0,
	SWAPOPTS_DISCARD_BOTH, /* "discard", or a policy nobody knows */
	SWAPOPTS_DISCARD_ONCE,
	SWAPOPTS_DISCARD_PAGES,
};

/* What was wrong, as bits of swap_opts.errors */
#define SWAPOPTS_BAD_PRI       (1U << 0) /* pri= is not a number: it is ignored */
#define SWAPOPTS_BAD_DISCARD   (1U << 1) /* discard= names no policy: both are used */
#define SWAPOPTS_BAD_TIER      (1U << 2) /* tier= is not NAME[:START] */
#define SWAPOPTS_BAD_SIZE      (1U << 3) /* size= is not a size above 0 */
#define SWAPOPTS_SIZE_NO_GHOST (1U << 4) /* size= without ghost: it is ignored */

struct swap_opts {
	bool nofail;
	bool noauto;
	bool ghost; /* a ghost swap file, created when missing */

	bool pri_set;
	int pri;

	enum swapopts_discard discard;

	/* tier=NAME[:START], valid: start is INT_MIN when absent */
	char *tier;
	char tier_name[TIER_NAME_MAX + 1];
	int tier_start;

	bool size_set;
	uint64_t size; /* bytes, above 0 */

	/* the values as written (NULL when absent or empty), for messages */
	char *pri_str;
	char *discard_str;
	char *tier_str;
	char *size_str;

	unsigned int errors; /* SWAPOPTS_BAD_*, SWAPOPTS_SIZE_NO_GHOST */
};

/*
 * Parse the comma-separated @optstr (NULL is none) into @o, which is
 * cleared first. Unknown options are left alone, as util-linux does.
 * Returns o->errors. Free with swapopts_free() whatever it returned.
 */
unsigned int swapopts_parse(const char *optstr, struct swap_opts *o);

void swapopts_free(struct swap_opts *o);

#endif
