/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strutils: kernel numbers, column lists, short sizes, lexical paths. */
#include <errno.h>
#include <stdlib.h>
#include <strings.h>

#include "strutils.h"
#include "unit.h"

static void check_u64(const char *s, int rc, uint64_t val)
{
	uint64_t v = 12345;

	CHECK(str_to_u64(s, &v) == rc);
	CHECK_EQ_U64(v, rc ? 12345 : val);
}

static void check_norm(const char *in, const char *out)
{
	char *n = path_normalize(in), *again = path_normalize(n);

	CHECK_STR(n, out);
	/* normalising twice changes nothing */
	CHECK_STR(again, out);
	free(again);
	free(n);
}

enum { C_NAME, C_SIZE, C_USED };

static int column_id(const char *name, size_t len)
{
	static const char *const names[] = { "NAME", "SIZE", "USED" };
	size_t i;

	for (i = 0; i < 3; i++) {
		if (strlen(names[i]) == len && !strncasecmp(names[i], name, len))
			return (int)i;
	}
	return -1;
}

static void check_short(uint64_t bytes, bool sat, const char *want)
{
	char buf[32];

	CHECK_STR(size_to_short(bytes, sat, buf, sizeof(buf)), want);
}

int main(void)
{
	int cols[4];
	size_t n;

	/* the kernel's numbers: digits only; no wrap at 2^64, 2^63 or 2^31 */
	check_u64("0", 0, 0);
	check_u64("18446744073709551615", 0, UINT64_MAX);
	check_u64("18446744073709551616", -ERANGE, 0);
	check_u64("99999999999999999999", -ERANGE, 0);
	check_u64("9223372036854775808", 0, 1ULL << 63);
	check_u64("2147483648", 0, 1ULL << 31);
	check_u64("", -EINVAL, 0);
	check_u64("-1", -EINVAL, 0);
	check_u64("+1", -EINVAL, 0);
	check_u64(" 1", -EINVAL, 0);
	check_u64("1 ", -EINVAL, 0);
	check_u64("1\n", -EINVAL, 0);
	check_u64("0x10", -EINVAL, 0);
	{
		uint64_t v;

		CHECK(strn_to_u64("123abc", 3, &v) == 0);
		CHECK_EQ_U64(v, 123);
		CHECK(strn_to_u64("123", 0, &v) == -EINVAL);
	}

	/* one column-list parser: replace, "+" adds, every fault named */
	cols[0] = C_NAME;
	n = 1;
	CHECK(parse_column_list("size,used", column_id, cols, &n, 4) == 0);
	CHECK(n == 2 && cols[0] == C_SIZE && cols[1] == C_USED);
	CHECK(parse_column_list("+name", column_id, cols, &n, 4) == 0);
	CHECK(n == 3 && cols[2] == C_NAME);
	CHECK(parse_column_list("+used,size", column_id, cols, &n, 4) == -1); /* too many */
	n = 0;
	CHECK(parse_column_list("NAME,,SIZE", column_id, cols, &n, 4) == -1);
	CHECK(parse_column_list("NAME,BOGUS", column_id, cols, &n, 4) == -1);
	CHECK(parse_column_list("", column_id, cols, &n, 4) == -1);
	CHECK(parse_column_list("+", column_id, cols, &n, 4) == -1);
	CHECK(parse_column_list("NAME,", column_id, cols, &n, 4) == -1);

	/* util-linux's short sizes; "+" marks a saturated figure */
	check_short(0, false, "0B");
	check_short(1023, false, "1023B");
	check_short(1024, false, "1K");
	check_short(1536, false, "1.5K");
	check_short(512ULL << 20, false, "512M");
	check_short((8ULL << 30) - 1, false, "8G");
	check_short(UINT64_MAX, true, "16E+");
	check_short(1ULL << 63, false, "8E");
	check_short(1ULL << 31, false, "2G");

	/* absolute paths: ".." stops at the root */
	check_norm("/", "/");
	check_norm("//dev//sda", "/dev/sda");
	check_norm("/tmp/x/../../dev/evil", "/dev/evil");
	check_norm("/../../dev/./x/", "/dev/x");
	check_norm("/a/b/..", "/a");
	check_norm("/a/..", "/");
	/* relative paths stay relative and keep the ".." they cannot fold */
	check_norm("ab/../c", "c");
	check_norm("x/../dev/evil", "dev/evil");
	check_norm(".1/../AM/../pE", "pE");
	check_norm("a/..", ".");
	check_norm("", ".");
	check_norm("./", ".");
	check_norm("../x", "../x");
	check_norm("a/../../b", "../b");
	check_norm("../../a/../b/./c", "../../b/c");
	check_norm("..a/b", "..a/b");
	/* found by fuzzing (issue 12): a long first component, then ".." twice */
	check_norm(".184467440737095\30516/../AM/../pE", "pE");

	CHECK(path_in_dir("/dev", "/dev"));
	CHECK(path_in_dir("/dev/sda", "/dev"));
	CHECK(!path_in_dir("/device", "/dev"));
	CHECK(!path_in_dir("/de", "/dev"));

	return unit_done("test_strutils");
}
