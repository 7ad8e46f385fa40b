/* SPDX-License-Identifier: GPL-2.0-or-later */
/* size_parse(), size_to_human() and the integer parsers. */
#include <errno.h>

#include "sizes.h"
#include "unit.h"

static uint64_t parsed(const char *s)
{
	uint64_t v = 0xdeadbeef;

	CHECK(size_parse(s, &v) == 0);
	return v;
}

static int parse_rc(const char *s)
{
	uint64_t v;

	return size_parse(s, &v);
}

static void check_human(uint64_t bytes, const char *want)
{
	char buf[32];

	CHECK_STR(size_to_human(bytes, buf, sizeof(buf)), want);
}

int main(void)
{
	int64_t s;
	uint64_t u;

	CHECK_EQ_U64(parsed("0"), 0);
	CHECK_EQ_U64(parsed("4096"), 4096);
	CHECK_EQ_U64(parsed("1K"), 1024);
	CHECK_EQ_U64(parsed("1k"), 1024);
	CHECK_EQ_U64(parsed("1KiB"), 1024);
	CHECK_EQ_U64(parsed("1KB"), 1000);
	CHECK_EQ_U64(parsed("64G"), 64ULL << 30);
	CHECK_EQ_U64(parsed("64GiB"), 64ULL << 30);
	CHECK_EQ_U64(parsed("2GB"), 2000000000ULL);
	CHECK_EQ_U64(parsed("1.5G"), 3ULL << 29);
	CHECK_EQ_U64(parsed("0.5K"), 512);
	CHECK_EQ_U64(parsed("16T"), 16ULL << 40);
	CHECK_EQ_U64(parsed("15E"), 15ULL << 60);
	CHECK_EQ_U64(parsed("18446744073709551615"), UINT64_MAX);

	CHECK(parse_rc("") == -EINVAL);
	CHECK(parse_rc("-1") == -EINVAL);
	CHECK(parse_rc("+1") == -EINVAL);
	CHECK(parse_rc("1X") == -EINVAL);
	CHECK(parse_rc("1Gi") == -EINVAL);
	CHECK(parse_rc("1GiBs") == -EINVAL);
	CHECK(parse_rc("1.") == -EINVAL);
	CHECK(parse_rc(".5G") == -EINVAL);
	CHECK(parse_rc("G") == -EINVAL);
	CHECK(parse_rc("1 G") == -EINVAL);
	CHECK(parse_rc("18446744073709551616") == -ERANGE);
	CHECK(parse_rc("16E") == -ERANGE);
	CHECK(parse_rc("17179869184G") == -ERANGE);
	CHECK(parse_rc("15.99999E") == 0);

	check_human(0, "0 B");
	check_human(1023, "1023 B");
	check_human(1024, "1 KiB");
	check_human(1536, "1.5 KiB");
	check_human(41938944, "40 MiB"); /* util-linux: 40 MiB - 4 KiB */
	check_human(41934848, "40 MiB");
	check_human(1073737728, "1024 MiB");
	check_human(1ULL << 30, "1 GiB");
	check_human(17592186036224ULL, "16 TiB");
	check_human(202211586048ULL, "188.3 GiB");
	check_human(UINT64_MAX, "16 EiB");

	CHECK(parse_u64("42", 0, 100, &u) == 0 && u == 42);
	CHECK(parse_u64("101", 0, 100, &u) == -ERANGE);
	CHECK(parse_u64("4x", 0, 100, &u) == -EINVAL);
	CHECK(parse_u64("-4", 0, 100, &u) == -EINVAL);
	CHECK(parse_s64("-2", -1, 32767, &s) == -ERANGE);
	CHECK(parse_s64("-1", -1, 32767, &s) == 0 && s == -1);
	CHECK(parse_s64("32767", -1, 32767, &s) == 0 && s == 32767);
	CHECK(parse_s64("", -1, 32767, &s) == -EINVAL);

	return unit_done("test_sizes");
}
