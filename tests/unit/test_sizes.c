/* SPDX-License-Identifier: GPL-2.0-or-later */
/* size_parse(), size_to_human() and the integer parsers. */
#include <errno.h>

#include "c.h"
#include "size_ref.h"
#include "sizes.h"
#include "unit.h"

#define NRANDOM 100000

/* xorshift64*: the same cases on every run */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* size_parse() and the reference agree on @s: same result, same error. */
static void check_against_ref(const char *s)
{
	uint64_t got = 0, want = 0;
	int rc = size_parse(s, &got), ref = size_ref_parse(s, &want);

	unit_checks++;
	if (rc != ref || (!rc && got != want)) {
		unit_failures++;
		fprintf(stderr, "size_parse(\"%s\") = %d/%" PRIu64 ", reference %d/%" PRIu64 "\n",
			s, rc, got, ref, want);
	}
}

/*
 * @x in units of 2^(10 e), or of 10^(3 e) with @decimal, as an exact
 * decimal: every such quotient has a finite expansion, so it must parse
 * back to exactly @x.
 */
static void exact_repr(uint64_t x, unsigned int e, int decimal, char *buf, size_t bufsz)
{
	static const char units[] = "KMGTPE";
	char frac[80];
	unsigned int i;

	if (decimal) {
		uint64_t unit = 1;

		for (i = 0; i < 3 * e; i++)
			unit *= 10;
		snprintf(frac, sizeof(frac), "%0*" PRIu64, (int)(3 * e), x % unit);
		snprintf(buf, bufsz, "%" PRIu64 ".%s%cB", x / unit, frac, units[e - 1]);
	} else {
		unsigned int shift = 10 * e;
		uint64_t r = shift < 64 ? x & ((1ULL << shift) - 1) : x;
		uint32_t limbs[8] = { (uint32_t)r, (uint32_t)(r >> 32) };
		struct size_ref_big b = { limbs, 2 };

		/* r / 2^shift = r * 5^shift / 10^shift */
		for (i = 0; i < shift; i++)
			size_ref_muladd(&b, 5, 0);
		for (i = 0; i < shift; i++)
			frac[shift - 1 - i] = '0' + size_ref_div(&b, 10);
		frac[shift] = '\0';
		snprintf(buf, bufsz, "%" PRIu64 ".%s%c%s", x >> shift, frac,
			 (rnd() & 1) ? units[e - 1] : units[e - 1] + 'a' - 'A',
			 (rnd() & 1) ? "iB" : "");
	}
}

/* Digits, maybe a fraction, maybe a unit: valid, invalid, whole or not. */
static void random_string(char *buf, size_t bufsz)
{
	static const char *sfx[] = { "",  "K",	"k", "KiB", "KB", "M",	"MB", "G", "GiB",  "gB",
				     "T", "TB", "P", "PiB", "E",  "EB", "e",  "X", "KiBB", "i" };
	static const char *fracs[] = { "5",
				       "25",
				       "125",
				       "0625",
				       "03125",
				       "0009765625",
				       "333333333333",
				       "999999999999999999",
				       "1",
				       "75",
				       "00000000000000000000000000001",
				       "50000000000000000000" };
	size_t n = 0, i, len;

	len = rnd() % 22;
	buf[n++] = '0' + rnd() % 10;
	for (i = 0; i < len; i++)
		buf[n++] = '0' + rnd() % 10;
	switch (rnd() % 4) {
	case 0:
		break;
	case 1:
		n += snprintf(buf + n, bufsz - n, ".%s", fracs[rnd() % ARRAY_SIZE(fracs)]);
		break;
	default:
		buf[n++] = (rnd() & 1) ? '.' : ',';
		len = 1 + rnd() % 64;
		for (i = 0; i < len; i++)
			buf[n++] = '0' + ((rnd() % 3) ? rnd() % 10 : 0);
		break;
	}
	snprintf(buf + n, bufsz - n, "%s", sfx[rnd() % ARRAY_SIZE(sfx)]);
}

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
	/* exact: a fraction gives whole bytes or is refused, never rounded */
	CHECK(parse_rc("0.333333333333G") == -EDOM);	   /* was 7425803 */
	CHECK(parse_rc("0.999999999999999999K") == -EDOM); /* was 9 */
	CHECK(parse_rc("15.99999E") == -EDOM);
	CHECK(parse_rc("0.1K") == -EDOM);
	CHECK(parse_rc("1.5") == -EDOM);
	CHECK(parse_rc("0.0001KB") == -EDOM);
	CHECK_EQ_U64(parsed("1.0"), 1);
	CHECK_EQ_U64(parsed("0.001KB"), 1);
	CHECK_EQ_U64(parsed("0.0009765625K"), 1);
	/* 2^-60 E is one byte: 60 fraction digits, and one digit more is too many */
	CHECK_EQ_U64(parsed("0.000000000000000000867361737988403547205962240695953369140625E"), 1);
	CHECK(parse_rc("0.00000000000000000086736173798840354720596224069595336914062E") == -EDOM);
	CHECK(parse_rc("0.0000000000000000008673617379884035472059622406959533691406251E") ==
	      -EDOM);
	CHECK_EQ_U64(parsed("15.999999999999999999132638262011596452794037759304046630859375E"),
		     UINT64_MAX);
	CHECK_EQ_U64(parsed("18.446744073709551615EB"), UINT64_MAX);
	CHECK(parse_rc("18.446744073709551616EB") == -ERANGE);
	CHECK_EQ_U64(parsed("1.50000000000000000000000000000000000000000000000000000000000000000000"
			    "00000000000000000000000G"),
		     3ULL << 29);
	CHECK(parse_rc("99999999999999999999.1K") == -EDOM); /* not whole before too big */
	CHECK(parse_rc("99999999999999999999X") == -EINVAL); /* malformed before too big */
	CHECK(parse_rc("99999999999999999999.5K") == -ERANGE);
	CHECK(parse_rc("1.5 G") == -EINVAL);
	CHECK(parse_rc("1.5G ") == -EINVAL);
	CHECK(parse_rc("1.5.5G") == -EINVAL);
	CHECK(parse_rc("1e3") == -EINVAL);
	CHECK(parse_rc("0x10") == -EINVAL);
	CHECK_STR(size_strerror(-EDOM), "not a whole number of bytes");
	CHECK_STR(size_strerror(-ERANGE), "does not fit in 64 bits");
	CHECK_STR(size_strerror(-EINVAL), "not a size such as 512K, 1.5G or 64GiB");

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

	/* the reference itself, on the cases above */
	CHECK(size_ref_parse("0.333333333333G", &u) == -EDOM);
	CHECK(size_ref_parse("18.446744073709551615EB", &u) == 0 && u == UINT64_MAX);
	CHECK(size_ref_parse("18.446744073709551616EB", &u) == -ERANGE);
	CHECK(size_ref_parse("1.5G", &u) == 0 && u == 3ULL << 29);

	/* every exactly representable size round-trips through its decimal form */
	for (int i = 0; i < NRANDOM; i++) {
		uint64_t x = rnd() >> (rnd() % 64);
		unsigned int e = 1 + rnd() % 6;
		char buf[128];

		exact_repr(x, e, (int)(rnd() % 4 == 0), buf, sizeof(buf));
		CHECK(size_parse(buf, &u) == 0 && u == x);
		if (size_parse(buf, &u) != 0 || u != x)
			fprintf(stderr, "  round trip of %" PRIu64 ": \"%s\"\n", x, buf);
		check_against_ref(buf);
	}
	/* and arbitrary strings agree with the reference, errors included */
	for (int i = 0; i < NRANDOM; i++) {
		char buf[160];

		random_string(buf, sizeof(buf));
		check_against_ref(buf);
	}

	return unit_done("test_sizes");
}
