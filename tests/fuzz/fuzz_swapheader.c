/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * swap_header_decode() on any bytes: what decodes is within the format's
 * bounds, re-encodes and decodes to the same fields; the label helpers
 * take whatever label a header holds.
 */
#include <string.h>

#include "fuzz.h"
#include "swapheader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct swap_header h, again;
	unsigned char *page;
	uint32_t *bad;
	size_t i, fit;

	if (swap_header_decode(data, size, &h) != 0)
		return 0;
	fuzz_assert(swap_header_pagesize_ok(h.pagesize) && h.pagesize <= size);
	fuzz_assert(h.version == SWAP_VERSION);
	fuzz_assert(h.endian == SWAP_ENDIAN_LITTLE || h.endian == SWAP_ENDIAN_BIG);
	fuzz_assert(h.nr_badpages <= swap_header_max_badpages(h.pagesize));
	fuzz_assert(h.label[SWAP_LABEL_LEN] == '\0');

	fit = swap_label_fit(h.label);
	fuzz_assert(fit <= SWAP_LABEL_LEN - 1 && fit <= strlen(h.label));
	(void)swap_label_has_control(h.label);

	bad = calloc(h.nr_badpages + 1, sizeof(*bad));
	page = malloc(h.pagesize);
	if (!bad || !page)
		abort();
	for (i = 0; i < h.nr_badpages; i++)
		bad[i] = swap_header_badpage(data, &h, i);
	h.badpages = bad;
	h.label[fit] = '\0'; /* what mkswap would write */
	fuzz_assert(swap_header_encode(&h, page) == 0);
	fuzz_assert(swap_header_decode(page, h.pagesize, &again) == 0);
	/* a smaller page's signature may sit inside the bad-page list */
	if (again.pagesize == h.pagesize) {
		fuzz_assert(again.endian == h.endian && again.last_page == h.last_page);
		fuzz_assert(again.nr_badpages == h.nr_badpages);
		fuzz_assert(!memcmp(again.uuid, h.uuid, SWAP_UUID_LEN));
		fuzz_assert(!strcmp(again.label, h.label));
		for (i = 0; i < h.nr_badpages; i++)
			fuzz_assert(swap_header_badpage(page, &again, i) == bad[i]);
	}
	free(page);
	free(bad);
	return 0;
}
