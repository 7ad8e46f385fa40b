/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Key-value /proc files (meminfo, vmstat) through the sysroot layer, and
 * what is computed from them: the RAM size and mkswap --ghost's default
 * virtual size, which must stay within what a header can describe.
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "ghost.h"
#include "kvfile.h"
#include "pathnames.h"
#include "swapheader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvfile kf;
	uint64_t v, kib = 0, pages;
	bool have_total = false;
	size_t i;

	fuzz_sysroot_file(PATH_PROC_MEMINFO, data, size);
	if (kvfile_read(PATH_PROC_MEMINFO, &kf) == 0) {
		for (i = 0; i < kf.n; i++) {
			fuzz_assert(kf.v[i].key && *kf.v[i].key);
			fuzz_assert(kvfile_get(&kf, kf.v[i].key, &v) == 0);
		}
		have_total = kvfile_get(&kf, "MemTotal", &kib) == 0;
		kvfile_free(&kf);
	}
	if (ghost_default_pages(4096, &pages) == 0) {
		/* 8 x RAM in whole clusters, capped, computed without wrapping */
		unsigned __int128 want = (unsigned __int128)kib * 1024 / 4096 * 8;

		fuzz_assert(have_total);
		if (want > SWAP_MAX_PAGES)
			want = SWAP_MAX_PAGES;
		want -= want % GHOST_CLUSTER_PAGES;
		if (want < GHOST_CLUSTER_PAGES)
			want = GHOST_CLUSTER_PAGES;
		if (pages != (uint64_t)want)
			fuzz_fail("MemTotal %llu kB: default ghost size %llu pages, not %llu",
				  (unsigned long long)kib, (unsigned long long)pages,
				  (unsigned long long)want);
	}
	return 0;
}
