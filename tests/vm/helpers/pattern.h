/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Page contents for the VM helpers (memhog, pagehog): every page's content
 * depends only on (pattern, seed, page index), so a helper can regenerate
 * a page to tell a corrupted page from a wrong checksum, and a 64-bit
 * checksum per page is kept outside the buffer.
 *
 * Patterns: compressible (~20:1 with lz4), text (~2-3:1), random
 * (incompressible), zero, and mixed, which picks one of the four for each
 * page by a hash of its index, with weights (default 1:1:1:1).
 */
#ifndef GS_VM_PATTERN_H
#define GS_VM_PATTERN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum pattern { P_COMPRESSIBLE, P_RANDOM, P_ZERO, P_TEXT, P_MIXED };
#define P_NR_SIMPLE 4

struct page_pattern {
	enum pattern kind;
	uint64_t seed;
	size_t page_size;
	/* mixed: relative weights of compressible, random, zero, text */
	unsigned int weight[P_NR_SIMPLE];
};

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* The simple pattern of page idx. */
static inline enum pattern pattern_of(const struct page_pattern *pp, size_t idx)
{
	unsigned int total = 0, pick, i;

	if (pp->kind != P_MIXED)
		return pp->kind;
	for (i = 0; i < P_NR_SIMPLE; i++)
		total += pp->weight[i];
	pick = mix64(idx) % total;
	for (i = 0; i < P_NR_SIMPLE; i++) {
		if (pick < pp->weight[i])
			break;
		pick -= pp->weight[i];
	}
	return (enum pattern)i;
}

/* Generate the content of page idx into buf. */
static inline void pattern_fill(const struct page_pattern *pp, unsigned char *buf, size_t idx)
{
	static const char words[] = "ghost swap keeps pages in zswap; slots are only numbers. ";
	uint64_t state = mix64(pp->seed * 0x9e3779b97f4a7c15ULL + idx + 1);
	size_t i, ps = pp->page_size;

	switch (pattern_of(pp, idx)) {
	case P_ZERO:
		memset(buf, 0, ps);
		break;
	case P_RANDOM:
		for (i = 0; i < ps; i += 8) {
			state = mix64(state + 0x9e3779b97f4a7c15ULL);
			memcpy(buf + i, &state, 8);
		}
		break;
	case P_COMPRESSIBLE:
		/* A unique 32-byte head, then a short repeated run: ~20:1. */
		for (i = 0; i < 32; i += 8) {
			state = mix64(state + i);
			memcpy(buf + i, &state, 8);
		}
		memset(buf + 32, (int)(idx & 0x7f) | 1, ps - 32);
		break;
	case P_TEXT:
		/* Words with a random word order: roughly 2-3:1 with lz4. */
		for (i = 0; i < ps;) {
			size_t off, n;

			state = mix64(state + i);
			off = state % (sizeof(words) - 1);
			n = sizeof(words) - 1 - off;
			if (n > ps - i)
				n = ps - i;
			memcpy(buf + i, words + off, n);
			i += n;
			if (i + 8 <= ps) {
				memcpy(buf + i, &state, 2);
				i += 2;
			}
		}
		break;
	case P_MIXED:
		break;
	}
}

/* FNV-1a over one page. */
static inline uint64_t page_checksum(const unsigned char *buf, size_t page_size)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < page_size; i++) {
		h ^= buf[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Parse "compressible", "text", "random", "zero" or "mixed". */
static inline int pattern_parse(const char *s, struct page_pattern *pp)
{
	static const char *const names[] = { "compressible", "random", "zero", "text", "mixed" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			pp->kind = (enum pattern)i;
			return 0;
		}
	}
	return -1;
}

/* Parse mixed weights "C:R:Z:T" (compressible, random, zero, text). */
static inline int pattern_parse_weights(const char *s, struct page_pattern *pp)
{
	unsigned int w[P_NR_SIMPLE], total = 0, i;
	char *end;

	for (i = 0; i < P_NR_SIMPLE; i++) {
		unsigned long v = strtoul(s, &end, 10);

		if (end == s || v > 1000 || (i < P_NR_SIMPLE - 1 ? *end != ':' : *end != '\0'))
			return -1;
		w[i] = (unsigned int)v;
		total += w[i];
		s = end + 1;
	}
	if (!total)
		return -1;
	memcpy(pp->weight, w, sizeof(w));
	return 0;
}

static inline void pattern_init(struct page_pattern *pp, size_t page_size)
{
	unsigned int i;

	memset(pp, 0, sizeof(*pp));
	pp->kind = P_COMPRESSIBLE;
	pp->seed = 1;
	pp->page_size = page_size;
	for (i = 0; i < P_NR_SIMPLE; i++)
		pp->weight[i] = 1;
}

#endif /* GS_VM_PATTERN_H */
