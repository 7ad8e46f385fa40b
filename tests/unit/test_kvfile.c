/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kvfile: /proc/meminfo, /proc/vmstat and memory.stat lines; xgrow(). */
#include <stdlib.h>

#include "c.h"
#include "kvfile.h"
#include "unit.h"

static void check_key(const struct kvfile *kf, const char *key, int rc, uint64_t val)
{
	uint64_t v = 7;

	CHECK(kvfile_get(kf, key, &v) == rc);
	CHECK_EQ_U64(v, rc ? 7 : val);
}

int main(void)
{
	struct kvfile kf;
	char *big, *p;
	size_t i, n = 100000;
	int *a = NULL;

	/* both layouts; a line that is not "key number[ unit]" is skipped */
	kvfile_parse("MemTotal:       16384 kB\n"
		     "SwapTotal:    18446744073709551615 kB\n"
		     "Zswap:\t0 kB\n"
		     "zswpout 42\n"
		     "swpin_zero 9223372036854775808\n"
		     "nr_huge 2147483648\n"
		     "over 18446744073709551616\n"
		     "negative -1\n"
		     "text: abc\n"
		     "glued: 12kB\n"
		     ": 5\n"
		     "lonely\n"
		     "\n"
		     "last 3",
		     &kf);
	CHECK_EQ_U64(kf.n, 7);
	check_key(&kf, "MemTotal", 0, 16384);
	check_key(&kf, "SwapTotal", 0, UINT64_MAX);
	check_key(&kf, "Zswap", 0, 0);
	check_key(&kf, "zswpout", 0, 42);
	check_key(&kf, "swpin_zero", 0, 1ULL << 63);
	check_key(&kf, "nr_huge", 0, 1ULL << 31);
	check_key(&kf, "last", 0, 3);
	check_key(&kf, "over", -ENOENT, 0);
	check_key(&kf, "negative", -ENOENT, 0);
	check_key(&kf, "text", -ENOENT, 0);
	check_key(&kf, "glued", -ENOENT, 0);
	check_key(&kf, "memtotal", -ENOENT, 0);
	CHECK_STR(kf.v[0].key, "MemTotal");
	CHECK_STR(kf.v[6].key, "last");
	kvfile_free(&kf);
	CHECK(kf.n == 0 && kf.v == NULL);

	/* many lines: every one kept, in the file's order (the array grows by doubling) */
	p = big = xmalloc(n * 24 + 1);
	for (i = 0; i < n; i++)
		p += sprintf(p, "k%zu %zu\n", i, i * 3);
	kvfile_parse(big, &kf);
	free(big);
	CHECK_EQ_U64(kf.n, n);
	for (i = 0; i < n; i += 9973) {
		char key[32];

		snprintf(key, sizeof(key), "k%zu", i);
		CHECK_STR(kf.v[i].key, key);
		CHECK_EQ_U64(kf.v[i].value, i * 3);
	}
	CHECK_STR(kf.v[n - 1].key, "k99999");
	kvfile_free(&kf);

	/* xgrow(): room for element n, whatever n; the old elements kept */
	for (i = 0; i < 1000; i++) {
		a = xgrow(a, i, sizeof(*a));
		a[i] = (int)i;
	}
	for (i = 0; i < 1000; i++)
		CHECK(a[i] == (int)i);
	free(a);

	return unit_done("test_kvfile");
}
