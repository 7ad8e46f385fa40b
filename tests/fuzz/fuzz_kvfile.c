/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Key-value /proc files (meminfo, vmstat, memory.stat) as kvfile_parse()
 * reads them, and what is computed from MemTotal through the sysroot
 * layer: mkswap --ghost's default virtual size, 8 x RAM in whole clusters
 * within what a header can describe, checked against a 128-bit computation
 * (it wrapped for a MemTotal over 2^54 kB: the kept regression input).
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
	char *text = fuzz_strdup(data, size);
	struct kvfile kf;
	uint64_t v, kib = 0, pages;
	bool have_total;
	size_t i;

	kvfile_parse(text, &kf);
	for (i = 0; i < kf.n; i++) {
		fuzz_assert(kf.v[i].key && *kf.v[i].key);
		fuzz_assert(kvfile_get(&kf, kf.v[i].key, &v) == 0);
	}
	have_total = kvfile_get(&kf, "MemTotal", &kib) == 0;
	kvfile_free(&kf);
	free(text);
	if (!have_total)
		return 0;

	/* through the sysroot layer, as mkswap --ghost reads it */
	fuzz_sysroot_file(PATH_PROC_MEMINFO, data, size);
	if (ghost_default_pages(4096, &pages) == 0) {
		/* 8 x RAM in whole clusters, capped, computed without wrapping */
		unsigned __int128 want = (unsigned __int128)kib * 1024 / 4096 * 8;

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
