/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * size_parse() against the exact reference of tests/unit/size_ref.h: the
 * same bytes or the same error for every string; what parses also prints
 * (size_to_human) and the integer parsers take the same string.
 */
#include <errno.h>
#include <string.h>

#include "../unit/size_ref.h"
#include "fuzz.h"
#include "sizes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t got = 0, want = 0, u;
	int64_t s;
	char *str, human[32];
	int rc, ref;

	if (size > 4096)
		return 0; /* the reference is quadratic in the digits */
	str = fuzz_strdup(data, size);
	rc = size_parse(str, &got);
	ref = size_ref_parse(str, &want);
	if (rc != ref || (!rc && got != want))
		fuzz_fail("size_parse(\"%s\") = %d/%llu, reference %d/%llu", str, rc,
			  (unsigned long long)got, ref, (unsigned long long)want);
	fuzz_assert(rc == 0 || rc == -EINVAL || rc == -ERANGE || rc == -EDOM);
	fuzz_assert(*size_strerror(rc) || !rc);
	if (!rc) {
		size_to_human(got, human, sizeof(human));
		fuzz_assert(strlen(human) < sizeof(human) - 1);
	}
	if (parse_u64(str, 0, UINT64_MAX, &u) == 0)
		fuzz_assert(size_parse(str, &got) == 0 && got == u);
	if (parse_s64(str, -1, 32767, &s) == 0)
		fuzz_assert(s >= -1 && s <= 32767);
	free(str);
	return 0;
}
