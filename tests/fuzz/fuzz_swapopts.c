/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fstab swap options as ghostswapon and ghostswap-generator interpret them
 * (swapopts_parse): every value taken is one its own parser accepts, and
 * every value refused is flagged, never half taken.
 */
#include <limits.h>
#include <string.h>

#include "fuzz.h"
#include "sizes.h"
#include "swapopts.h"

#define ALL_ERRORS                                                                         \
	(SWAPOPTS_BAD_PRI | SWAPOPTS_BAD_DISCARD | SWAPOPTS_BAD_TIER | SWAPOPTS_BAD_SIZE | \
	 SWAPOPTS_SIZE_NO_GHOST)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *optstr = fuzz_strdup(data, size);
	struct swap_opts o;
	unsigned int errors = swapopts_parse(optstr, &o);
	uint64_t bytes;
	int64_t n;

	fuzz_assert(errors == o.errors && !(errors & ~ALL_ERRORS));
	if (o.size_set) {
		fuzz_assert(o.size_str && size_parse(o.size_str, &bytes) == 0);
		fuzz_assert(bytes == o.size && o.size > 0);
		fuzz_assert(!(errors & SWAPOPTS_BAD_SIZE));
		fuzz_assert(!(errors & SWAPOPTS_SIZE_NO_GHOST) == o.ghost);
	}
	if (errors & SWAPOPTS_BAD_SIZE)
		fuzz_assert(!o.size_set);
	if (o.pri_set)
		fuzz_assert(o.pri_str && parse_s64(o.pri_str, INT_MIN, INT_MAX, &n) == 0 &&
			    n == o.pri);
	if (errors & SWAPOPTS_BAD_PRI)
		fuzz_assert(!o.pri_set);
	if (o.tier) {
		fuzz_assert(tiers_name_ok(o.tier_name) && !strcmp(o.tier, o.tier_str));
		fuzz_assert(o.tier_start == INT_MIN ||
			    (o.tier_start >= TIER_PRIO_MIN && o.tier_start <= TIER_PRIO_MAX));
		fuzz_assert(!(errors & SWAPOPTS_BAD_TIER));
	}
	if (errors & SWAPOPTS_BAD_TIER)
		fuzz_assert(!o.tier);
	if (errors & SWAPOPTS_BAD_DISCARD)
		fuzz_assert(o.discard == SWAPOPTS_DISCARD_BOTH);
	swapopts_free(&o);
	fuzz_assert(!o.tier && !o.size_str && o.tier_start == INT_MIN);
	free(optstr);
	return 0;
}
