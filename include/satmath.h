/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Saturating arithmetic on u64 figures: a sum or product that would wrap
 * stops at UINT64_MAX and sets *sat, so the view can mark it ("16E+")
 * instead of printing a small wrong number.
 */
#ifndef GHOSTSWAP_SATMATH_H
#define GHOSTSWAP_SATMATH_H

#include <stdbool.h>
#include <stdint.h>

static inline uint64_t sat_add(uint64_t a, uint64_t b, bool *sat)
{
	if (a > UINT64_MAX - b) {
		*sat = true;
		return UINT64_MAX;
	}
	return a + b;
}

static inline uint64_t sat_mul(uint64_t a, uint64_t b, bool *sat)
{
	if (b && a > UINT64_MAX / b) {
		*sat = true;
		return UINT64_MAX;
	}
	return a * b;
}

#endif
