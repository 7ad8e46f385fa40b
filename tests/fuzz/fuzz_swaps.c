/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * /proc/swaps as swaps_parse() reads it: any bytes, with or without NULs
 * and newlines, give an error or a list of well-formed entries.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "swaps.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct swap_list l;
	struct stat st;
	size_t i;
	int rc = swaps_parse((const char *)data, size, &l);

	if (rc) {
		fuzz_assert(rc == -EBADMSG && l.n == 0);
		fuzz_assert(*swaps_strerror(rc));
		return 0;
	}
	for (i = 0; i < l.n; i++) {
		const struct swap_entry *e = &l.v[i];

		fuzz_assert(e->path && e->type);
		fuzz_assert(strlen(e->path) <= size && strlen(e->type) <= size);
		fuzz_assert(swaps_find(&l, e->path, NULL) != NULL);
	}
	memset(&st, 0, sizeof(st));
	(void)swaps_find(&l, "/nonexistent/ghostswap-fuzz", &st);
	swaps_free(&l);
	return 0;
}
