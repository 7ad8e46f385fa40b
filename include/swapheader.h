/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The version-1 swap header: one page at offset 0 of a swap area.
 *
 *   0     boot bits (never written by the codec's callers)
 *   1024  u32 version, u32 last_page, u32 nr_badpages
 *   1036  u8 uuid[16], char label[16]
 *   1068  u32 padding[117]
 *   1536  u32 badpages[]
 *   pagesize - 10: "SWAPSPACE2"
 *
 * The three counters may be stored in either byte order.
 */
#ifndef GHOSTSWAP_SWAPHEADER_H
#define GHOSTSWAP_SWAPHEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SWAP_SIGNATURE	     "SWAPSPACE2"
#define SWAP_SIGNATURE_LEN   10
#define SWAP_BOOTBITS_LEN    1024
#define SWAP_VERSION	     1
#define SWAP_UUID_LEN	     16
#define SWAP_LABEL_LEN	     16 /* including the terminating NUL */
#define SWAP_OFF_VERSION     1024
#define SWAP_OFF_LAST_PAGE   1028
#define SWAP_OFF_NR_BADPAGES 1032
#define SWAP_OFF_UUID	     1036
#define SWAP_OFF_LABEL	     1052
#define SWAP_OFF_PADDING     1068
#define SWAP_OFF_BADPAGES    1536
#define SWAP_MIN_PAGESIZE    4096
#define SWAP_MAX_PAGESIZE    65536
#define SWAP_MIN_GOODPAGES   10
/* last_page is a u32, and a header describes at most this many pages */
#define SWAP_MAX_PAGES UINT32_MAX

enum swap_endian {
	SWAP_ENDIAN_NATIVE = 0,
	SWAP_ENDIAN_LITTLE,
	SWAP_ENDIAN_BIG,
};

struct swap_header {
	uint32_t version;
	uint32_t last_page;
	uint32_t nr_badpages;
	uint8_t uuid[SWAP_UUID_LEN];
	char label[SWAP_LABEL_LEN + 1];
	const uint32_t *badpages; /* encode only: nr_badpages, host order */
	enum swap_endian endian;  /* LITTLE or BIG after decode */
	size_t pagesize;
};

/* Bad-page slots that fit in a header of this page size. */
size_t swap_header_max_badpages(size_t pagesize);

/* Is @pagesize a power of two the header format supports? */
bool swap_header_pagesize_ok(size_t pagesize);

/*
 * Fill @page (@h->pagesize bytes) with the header. The boot bits are
 * zeroed; callers that must preserve them write from SWAP_BOOTBITS_LEN on.
 * Returns 0, or -EINVAL for a bad page size, label or bad-page count.
 */
int swap_header_encode(const struct swap_header *h, unsigned char *page);

/*
 * Find and decode a header in @buf of @len bytes: the signature is looked
 * for at the end of every supported page size that fits. Returns 0, or
 * -EINVAL when there is no signature or the version is not 1.
 */
int swap_header_decode(const unsigned char *buf, size_t len, struct swap_header *h);

/* Bad page @i of a header decoded from @buf, in host order. */
uint32_t swap_header_badpage(const unsigned char *buf, const struct swap_header *h, size_t i);

/*
 * How many bytes of @label go into a header: all of it when it fits in
 * SWAP_LABEL_LEN - 1 bytes, else as many as fit without cutting a UTF-8
 * character in two (a byte that starts no valid sequence counts alone).
 */
size_t swap_label_fit(const char *label);

/* Does @label hold a control character: C0 (newline, tab, ...), DEL or C1? */
bool swap_label_has_control(const char *label);

/* "little" / "big" / "native" */
int swap_endian_parse(const char *s, enum swap_endian *out);
enum swap_endian swap_endian_host(void);

#endif
