/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A minimal unit test kit: CHECK() records a failure and goes on. */
#ifndef GHOSTSWAP_UNIT_H
#define GHOSTSWAP_UNIT_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		unit_checks++;                                                                   \
		if (!(cond)) {                                                                   \
			unit_failures++;                                                         \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		}                                                                                \
	} while (0)

#define CHECK_EQ_U64(a, b)                                                                  \
	do {                                                                                \
		uint64_t a_ = (a), b_ = (b);                                                \
		unit_checks++;                                                              \
		if (a_ != b_) {                                                             \
			unit_failures++;                                                    \
			fprintf(stderr, "%s:%d: %s == %" PRIu64 ", expected %" PRIu64 "\n", \
				__FILE__, __LINE__, #a, a_, b_);                            \
		}                                                                           \
	} while (0)

#define CHECK_STR(a, b)                                                                     \
	do {                                                                                \
		const char *a_ = (a), *b_ = (b);                                            \
		unit_checks++;                                                              \
		if (strcmp(a_, b_)) {                                                       \
			unit_failures++;                                                    \
			fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, \
				__LINE__, #a, a_, b_);                                      \
		}                                                                           \
	} while (0)

static inline int unit_done(const char *name)
{
	fprintf(stderr, "%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures ? 1 : 0;
}

#endif
