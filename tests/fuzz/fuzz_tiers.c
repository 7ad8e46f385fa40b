/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The swap tiers table (/sys/kernel/mm/swap/tiers) and tier specs
 * ("NAME:START", as ghostswapon --tier and fstab tier= take them): what
 * parses is within bounds, and lookups find what the table holds.
 */
#include <limits.h>
#include <string.h>

#include "fuzz.h"
#include "tiers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strdup(data, size), *nl, name[TIER_NAME_MAX + 1];
	struct tier_list l;
	int start, prio;
	size_t i;

	if (tiers_parse(text, &l) == 0) {
		for (i = 0; i < l.n; i++) {
			const struct swap_tier *t = &l.v[i];

			fuzz_assert(tiers_name_ok(t->name));
			fuzz_assert(t->prio_start >= TIER_PRIO_MIN && t->prio_end <= TIER_PRIO_MAX);
			fuzz_assert(t->prio_start <= t->prio_end);
			fuzz_assert(tiers_find_name(&l, t->name) != NULL);
		}
		for (prio = -3; prio <= TIER_PRIO_MAX + 1; prio += 997) {
			const struct swap_tier *t = tiers_find_prio(&l, prio);

			fuzz_assert(!t ||
				    (prio < 0 ? t->prio_start == TIER_PRIO_MIN
					      : t->prio_start <= prio && prio <= t->prio_end));
		}
		tiers_free(&l);
	}

	/* every line is also a spec */
	for (char *line = text; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (tiers_parse_spec(line, name, &start) == 0) {
			fuzz_assert(tiers_name_ok(name));
			fuzz_assert(start == INT_MIN ||
				    (start >= TIER_PRIO_MIN && start <= TIER_PRIO_MAX));
		}
	}
	free(text);
	return 0;
}
