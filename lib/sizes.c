/* Parsing and printing of sizes with binary and decimal suffixes. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sizes.h"

static const char units[] = "KMGTPE";

/* base^exp without overflow; returns 0 on overflow */
static uint64_t upow(uint64_t base, unsigned int exp)
{
	uint64_t r = 1;

	while (exp--) {
		if (r > UINT64_MAX / base)
			return 0;
		r *= base;
	}
	return r;
}

int size_parse(const char *str, uint64_t *bytes)
{
	const char *p = str;
	uint64_t whole = 0, frac = 0, frac_div = 1, mult = 1, base = 1024;
	unsigned int exp = 0;
	const char *u;

	if (!str || !isdigit((unsigned char)*p))
		return -EINVAL;

	for (; isdigit((unsigned char)*p); p++) {
		if (whole > (UINT64_MAX - (*p - '0')) / 10)
			return -ERANGE;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.' || *p == ',') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		/* more than 18 digits of fraction cannot change a byte count */
		for (; isdigit((unsigned char)*p); p++) {
			if (frac_div >= 1000000000000000000ULL)
				continue;
			frac = frac * 10 + (*p - '0');
			frac_div *= 10;
		}
	}

	if (*p) {
		u = strchr(units, toupper((unsigned char)*p));
		if (!u)
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

	if (exp) {
		mult = upow(base, exp);
		if (!mult)
			return -ERANGE;
	}
	if (whole && mult > UINT64_MAX / whole)
		return -ERANGE;
	whole *= mult;
	if (frac) {
		/* frac/frac_div < 1 and mult <= 2^60: split to avoid overflow */
		uint64_t add = (mult / frac_div) * frac + ((mult % frac_div) * frac) / frac_div;
		if (whole > UINT64_MAX - add)
			return -ERANGE;
		whole += add;
	}
	*bytes = whole;
	return 0;
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
