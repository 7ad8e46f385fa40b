/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An exact reference for size_parse(), written the slow and obvious way so
 * that it shares no idea with lib/sizes.c: every digit goes into one big
 * integer N (base 2^32 limbs), N is multiplied by the unit, then divided by
 * 10 once per fraction digit; a remainder means "not a whole number of
 * bytes", and whatever does not fit in 64 bits is out of range.
 *
 * Used by tests/unit/test_sizes.c and the size fuzz target.
 */
#ifndef GHOSTSWAP_SIZE_REF_H
#define GHOSTSWAP_SIZE_REF_H

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct size_ref_big {
	uint32_t *limb; /* little endian */
	size_t n;
};

static void size_ref_muladd(struct size_ref_big *b, uint32_t mul, uint32_t add)
{
	uint64_t carry = add;
	size_t i;

	for (i = 0; i < b->n; i++) {
		uint64_t cur = (uint64_t)b->limb[i] * mul + carry;

		b->limb[i] = (uint32_t)cur;
		carry = cur >> 32;
	}
	if (carry)
		b->limb[b->n++] = (uint32_t)carry;
}

/* Divide by @div in place; returns the remainder. */
static uint32_t size_ref_div(struct size_ref_big *b, uint32_t div)
{
	uint64_t rem = 0;
	size_t i;

	for (i = b->n; i-- > 0;) {
		uint64_t cur = (rem << 32) | b->limb[i];

		b->limb[i] = (uint32_t)(cur / div);
		rem = cur % div;
	}
	while (b->n && !b->limb[b->n - 1])
		b->n--;
	return (uint32_t)rem;
}

/* The grammar, checked on its own: digits [.|, digits] [unit [iB|B]]. */
static int size_ref_syntax(const char *s, const char **frac, size_t *nfrac, uint32_t *base,
			   unsigned int *exp)
{
	static const char units[] = "KMGTPE";
	const char *u;

	*frac = NULL;
	*nfrac = 0;
	*base = 1024;
	*exp = 0;
	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.' || *s == ',') {
		s++;
		*frac = s;
		while (isdigit((unsigned char)*s))
			s++;
		*nfrac = s - *frac;
		if (!*nfrac)
			return -EINVAL;
	}
	if (!*s)
		return 0;
	u = memchr(units, toupper((unsigned char)*s), 6);
	if (!u)
		return -EINVAL;
	*exp = (unsigned int)(u - units) + 1;
	s++;
	if (!*s || !strcmp(s, "iB"))
		return 0;
	if (!strcmp(s, "B")) {
		*base = 1000;
		return 0;
	}
	return -EINVAL;
}

static int size_ref_parse(const char *s, uint64_t *out)
{
	struct size_ref_big b;
	const char *frac, *p;
	size_t nfrac, i;
	uint32_t base;
	unsigned int exp;
	int rc = size_ref_syntax(s, &frac, &nfrac, &base, &exp);

	if (rc)
		return rc;
	/* every decimal digit adds under 4 bits; the unit at most 60 */
	b.limb = calloc(strlen(s) / 8 + 4, sizeof(uint32_t));
	if (!b.limb)
		abort();
	b.n = 0;
	for (p = s; *p; p++)
		if (isdigit((unsigned char)*p))
			size_ref_muladd(&b, 10, *p - '0');
		else if (*p != '.' && *p != ',')
			break;
	for (i = 0; i < exp; i++)
		size_ref_muladd(&b, base, 0);
	rc = 0;
	for (i = 0; i < nfrac; i++)
		if (size_ref_div(&b, 10))
			rc = -EDOM;
	if (!rc && b.n > 2)
		rc = -ERANGE;
	if (!rc)
		*out = (b.n > 1 ? (uint64_t)b.limb[1] << 32 : 0) | (b.n ? b.limb[0] : 0);
	free(b.limb);
	return rc;
}

#endif
