/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parsing and printing of sizes with binary and decimal suffixes. */
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "sizes.h"

static const char units[] = "KMGTPE";

/* Fractions with more significant digits than this never give whole bytes. */
#define MAX_EXACT_FRAC_DIGITS 60

/*
 * The bytes that the fraction 0.<digits> (@k digits, the last one not 0)
 * adds to a size of 1 <unit>, where a unit is @base^@exp bytes. Exact: a
 * fraction that does not come to a whole number of bytes is -EDOM.
 *
 * With base 1000 the unit is 10^(3 exp): the digits, shifted left by
 * 3 exp - k places, when k <= 3 exp. With base 1024 the unit is 2^(10 exp),
 * so F / 10^k * 2^(10 exp) = (F / 5^k) * 2^(10 exp - k): whole exactly when
 * k <= 10 exp and 5^k divides F; then F / 5^k < 2^k fits in 64 bits.
 */
static int frac_bytes(const char *digits, size_t k, uint64_t base, unsigned int exp, uint64_t *out)
{
	unsigned char d[MAX_EXACT_FRAC_DIGITS];
	uint64_t q = 0;
	size_t i, j;

	if (k > (base == 1000 ? 3 * exp : 10 * exp) || k > MAX_EXACT_FRAC_DIGITS)
		return -EDOM;
	for (i = 0; i < k; i++)
		d[i] = digits[i] - '0';

	if (base == 1000) {
		for (i = 0; i < k; i++)
			q = q * 10 + d[i];
		for (i = k; i < 3 * exp; i++)
			q *= 10;
		*out = q;
		return 0;
	}

	/* divide the k-digit decimal number by 5, k times, in place */
	for (j = 0; j < k; j++) {
		unsigned int rem = 0;

		for (i = 0; i < k; i++) {
			unsigned int cur = rem * 10 + d[i];

			d[i] = cur / 5;
			rem = cur % 5;
		}
		if (rem)
			return -EDOM;
	}
	for (i = 0; i < k; i++)
		q = q * 10 + d[i]; /* < 2^k <= 2^60: no overflow */
	*out = q << (10 * exp - k);
	return 0;
}

int size_parse(const char *str, uint64_t *bytes)
{
	const char *p = str, *frac = NULL;
	uint64_t whole = 0, mult = 1, add = 0, base = 1024;
	unsigned int exp = 0, i;
	size_t k = 0;
	bool too_big = false;
	const char *u;
	int rc;

	if (!str || !isdigit((unsigned char)*p))
		return -EINVAL;

	/* malformed first, then not whole, then too big: the order the unit test checks */
	for (; isdigit((unsigned char)*p); p++) {
		if (whole > (UINT64_MAX - (*p - '0')) / 10)
			too_big = true;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.' || *p == ',') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		frac = p;
		/* k: the significant digits, without trailing zeros */
		for (; isdigit((unsigned char)*p); p++)
			if (*p != '0')
				k = p - frac + 1;
	}

	if (*p) {
		u = strchr(units, toupper((unsigned char)*p));
		if (!u || !*u)
			return -EINVAL;
		exp = u - units + 1;
		p++;
		if (!strcmp(p, "iB") || !*p)
			base = 1024;
		else if (!strcmp(p, "B"))
			base = 1000;
		else
			return -EINVAL;
	}

	if (k) {
		rc = frac_bytes(frac, k, base, exp, &add);
		if (rc)
			return rc;
	}
	if (too_big)
		return -ERANGE;
	for (i = 0; i < exp; i++) {
		if (mult > UINT64_MAX / base)
			return -ERANGE; /* 1000^7 and 1024^7 do not occur: exp <= 6 */
		mult *= base;
	}
	if (whole && mult > UINT64_MAX / whole)
		return -ERANGE;
	whole *= mult;
	if (whole > UINT64_MAX - add)
		return -ERANGE;
	*bytes = whole + add;
	return 0;
}

const char *size_strerror(int rc)
{
	switch (rc) {
	case 0:
		return "";
	case -ERANGE:
		return _("does not fit in 64 bits");
	case -EDOM:
		return _("not a whole number of bytes");
	default:
		return _("not a size such as 512K, 1.5G or 64GiB");
	}
}

char *size_to_human(uint64_t bytes, char *buf, size_t bufsz)
{
	static const char letters[] = "BKMGTPE";
	unsigned int shift = 0;
	uint64_t dec, frac;
	char suffix[5];

	while (shift < 60 && bytes >= (1ULL << (shift + 10)))
		shift += 10;

	dec = bytes >> shift;
	frac = shift ? bytes & ((1ULL << shift) - 1) : 0;
	if (frac) {
		/* thousandths, then rounded to one digit */
		frac = (shift >= 50) ? ((frac >> 10) * 1000) >> (shift - 10)
				     : (frac * 1000) >> shift;
		frac = (frac + 50) / 100;
		if (frac == 10) {
			dec++;
			frac = 0;
		}
	}

	if (shift)
		snprintf(suffix, sizeof(suffix), "%ciB", letters[shift / 10]);
	else
		snprintf(suffix, sizeof(suffix), "B");

	if (frac) {
		const struct lconv *l = localeconv();
		const char *dp =
			l && l->decimal_point && *l->decimal_point ? l->decimal_point : ".";

		snprintf(buf, bufsz, "%" PRIu64 "%s%" PRIu64 " %s", dec, dp, frac, suffix);
	} else {
		snprintf(buf, bufsz, "%" PRIu64 " %s", dec, suffix);
	}
	return buf;
}

int parse_u64(const char *str, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!str || !isdigit((unsigned char)*str))
		return -EINVAL;
	errno = 0;
	v = strtoull(str, &end, 10);
	if (errno == ERANGE)
		return -ERANGE;
	if (*end)
		return -EINVAL;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int parse_s64(const char *str, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (!str || !(isdigit((unsigned char)*str) ||
		      ((*str == '-' || *str == '+') && isdigit((unsigned char)str[1]))))
		return -EINVAL;
	errno = 0;
	v = strtoll(str, &end, 10);
	if (errno == ERANGE)
		return -ERANGE;
	if (*end)
		return -EINVAL;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}
