/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Encode and decode version-1 swap headers in either byte order. */
#include <errno.h>
#include <string.h>

#include "swapheader.h"

enum swap_endian swap_endian_host(void)
{
	const uint16_t probe = 1;

	return *(const uint8_t *)&probe ? SWAP_ENDIAN_LITTLE : SWAP_ENDIAN_BIG;
}

static enum swap_endian resolve(enum swap_endian e)
{
	return e == SWAP_ENDIAN_NATIVE ? swap_endian_host() : e;
}

static void put_u32(unsigned char *p, uint32_t v, enum swap_endian e)
{
	if (resolve(e) == SWAP_ENDIAN_LITTLE) {
		p[0] = v;
		p[1] = v >> 8;
		p[2] = v >> 16;
		p[3] = v >> 24;
	} else {
		p[0] = v >> 24;
		p[1] = v >> 16;
		p[2] = v >> 8;
		p[3] = v;
	}
}

static uint32_t get_u32(const unsigned char *p, enum swap_endian e)
{
	if (resolve(e) == SWAP_ENDIAN_LITTLE)
		return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		       (uint32_t)p[3] << 24;
	return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}

bool swap_header_pagesize_ok(size_t pagesize)
{
	return pagesize >= SWAP_MIN_PAGESIZE && pagesize <= SWAP_MAX_PAGESIZE &&
	       (pagesize & (pagesize - 1)) == 0;
}

size_t swap_header_max_badpages(size_t pagesize)
{
	/* the kernel's own bound: what fits between padding and signature */
	return (pagesize - SWAP_BOOTBITS_LEN - 128 * sizeof(uint32_t) - SWAP_SIGNATURE_LEN) /
	       sizeof(uint32_t);
}

int swap_header_encode(const struct swap_header *h, unsigned char *page)
{
	size_t ps = h->pagesize;
	size_t i;

	if (!swap_header_pagesize_ok(ps))
		return -EINVAL;
	if (h->nr_badpages > swap_header_max_badpages(ps))
		return -EINVAL;
	if (strnlen(h->label, sizeof(h->label)) >= SWAP_LABEL_LEN)
		return -EINVAL;

	memset(page, 0, ps);
	put_u32(page + SWAP_OFF_VERSION, h->version, h->endian);
	put_u32(page + SWAP_OFF_LAST_PAGE, h->last_page, h->endian);
	put_u32(page + SWAP_OFF_NR_BADPAGES, h->nr_badpages, h->endian);
	memcpy(page + SWAP_OFF_UUID, h->uuid, SWAP_UUID_LEN);
	memcpy(page + SWAP_OFF_LABEL, h->label, strlen(h->label));
	for (i = 0; i < h->nr_badpages; i++)
		put_u32(page + SWAP_OFF_BADPAGES + 4 * i, h->badpages[i], h->endian);
	memcpy(page + ps - SWAP_SIGNATURE_LEN, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN);
	return 0;
}

int swap_header_decode(const unsigned char *buf, size_t len, struct swap_header *h)
{
	size_t ps;

	memset(h, 0, sizeof(*h));
	for (ps = SWAP_MIN_PAGESIZE; ps <= SWAP_MAX_PAGESIZE && ps <= len; ps <<= 1) {
		if (memcmp(buf + ps - SWAP_SIGNATURE_LEN, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN))
			continue;

		/* the kernel's rule: a version that reads as 1 swapped means BE */
		if (get_u32(buf + SWAP_OFF_VERSION, SWAP_ENDIAN_LITTLE) == SWAP_VERSION)
			h->endian = SWAP_ENDIAN_LITTLE;
		else if (get_u32(buf + SWAP_OFF_VERSION, SWAP_ENDIAN_BIG) == SWAP_VERSION)
			h->endian = SWAP_ENDIAN_BIG;
		else
			return -EINVAL;

		h->pagesize = ps;
		h->version = SWAP_VERSION;
		h->last_page = get_u32(buf + SWAP_OFF_LAST_PAGE, h->endian);
		h->nr_badpages = get_u32(buf + SWAP_OFF_NR_BADPAGES, h->endian);
		if (h->nr_badpages > swap_header_max_badpages(ps))
			return -EINVAL;
		memcpy(h->uuid, buf + SWAP_OFF_UUID, SWAP_UUID_LEN);
		memcpy(h->label, buf + SWAP_OFF_LABEL, SWAP_LABEL_LEN);
		h->label[SWAP_LABEL_LEN] = '\0';
		return 0;
	}
	return -EINVAL;
}

int swap_endian_parse(const char *s, enum swap_endian *out)
{
	if (!strcmp(s, "native"))
		*out = SWAP_ENDIAN_NATIVE;
	else if (!strcmp(s, "little"))
		*out = SWAP_ENDIAN_LITTLE;
	else if (!strcmp(s, "big"))
		*out = SWAP_ENDIAN_BIG;
	else
		return -EINVAL;
	return 0;
}

uint32_t swap_header_badpage(const unsigned char *buf, const struct swap_header *h, size_t i)
{
	return get_u32(buf + SWAP_OFF_BADPAGES + 4 * i, h->endian);
}

/* Length of the UTF-8 sequence at @s (1 for a byte that starts none). */
static size_t utf8_seqlen(const unsigned char *s)
{
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 1;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return len;
}

size_t swap_label_fit(const char *label)
{
	const unsigned char *s = (const unsigned char *)label;
	size_t pos = 0;

	while (s[pos]) {
		size_t n = utf8_seqlen(s + pos);

		if (pos + n > SWAP_LABEL_LEN - 1)
			break;
		pos += n;
	}
	return pos;
}

bool swap_label_has_control(const char *label)
{
	const unsigned char *s = (const unsigned char *)label;

	for (; *s; s += utf8_seqlen(s)) {
		if (*s < 0x20 || *s == 0x7f)
			return true;
		/* U+0080..U+009F, the C1 controls, are 0xc2 0x80..0x9f */
		if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
			return true;
	}
	return false;
}
