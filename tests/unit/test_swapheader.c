/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The swap header codec: layout, both byte orders, every page size. */
#include <errno.h>
#include <stdlib.h>

#include "swapheader.h"
#include "unit.h"

static uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t be32(const unsigned char *p)
{
	return p[3] | p[2] << 8 | p[1] << 16 | (uint32_t)p[0] << 24;
}

static void roundtrip(size_t ps, enum swap_endian e)
{
	static const uint32_t bad[] = { 3, 7, 0x01020304 };
	struct swap_header h = {
		.version = 1,
		.last_page = 0x00abcdef,
		.nr_badpages = 3,
		.badpages = bad,
		.endian = e,
		.pagesize = ps,
	};
	struct swap_header d;
	unsigned char *page = malloc(ps);
	uint32_t (*rd)(const unsigned char *) = e == SWAP_ENDIAN_BIG ? be32 : le32;
	size_t i;

	for (i = 0; i < SWAP_UUID_LEN; i++)
		h.uuid[i] = 0xa0 + i;
	strcpy(h.label, "fifteen-chars-x");

	CHECK(swap_header_encode(&h, page) == 0);
	CHECK_EQ_U64(rd(page + 1024), 1);
	CHECK_EQ_U64(rd(page + 1028), 0x00abcdef);
	CHECK_EQ_U64(rd(page + 1032), 3);
	CHECK_EQ_U64(rd(page + 1536 + 8), 0x01020304);
	CHECK(page[1036] == 0xa0 && page[1051] == 0xaf);
	CHECK(!memcmp(page + 1052, "fifteen-chars-x", 16));
	CHECK(!memcmp(page + ps - 10, "SWAPSPACE2", 10));
	/* libblkid shows LABEL/UUID only when padding[32..33] stay zero */
	CHECK(le32(page + 1068 + 32 * 4) == 0 && le32(page + 1068 + 33 * 4) == 0);
	for (i = 0; i < 1024; i++)
		if (page[i])
			break;
	CHECK(i == 1024);

	CHECK(swap_header_decode(page, ps, &d) == 0);
	CHECK_EQ_U64(d.pagesize, ps);
	CHECK(d.endian == (e == SWAP_ENDIAN_NATIVE ? swap_endian_host() : e));
	CHECK_EQ_U64(d.last_page, 0x00abcdef);
	CHECK_EQ_U64(d.nr_badpages, 3);
	CHECK_EQ_U64(swap_header_badpage(page, &d, 2), 0x01020304);
	CHECK_STR(d.label, "fifteen-chars-x");
	CHECK(!memcmp(d.uuid, h.uuid, SWAP_UUID_LEN));
	free(page);
}

int main(void)
{
	struct swap_header h = { .version = 1, .last_page = 9, .pagesize = 4096 };
	unsigned char page[8192];
	struct swap_header d;
	enum swap_endian e;
	size_t ps;

	for (ps = 4096; ps <= 65536; ps <<= 1) {
		roundtrip(ps, SWAP_ENDIAN_LITTLE);
		roundtrip(ps, SWAP_ENDIAN_BIG);
		roundtrip(ps, SWAP_ENDIAN_NATIVE);
	}

	CHECK(!swap_header_pagesize_ok(2048));
	CHECK(!swap_header_pagesize_ok(6144));
	CHECK(!swap_header_pagesize_ok(131072));
	CHECK_EQ_U64(swap_header_max_badpages(4096), 637);

	/* refusals */
	h.pagesize = 3000;
	CHECK(swap_header_encode(&h, page) == -EINVAL);
	h.pagesize = 4096;
	h.nr_badpages = 638;
	CHECK(swap_header_encode(&h, page) == -EINVAL);
	h.nr_badpages = 0;
	strcpy(h.label, "sixteen-chars-xx");
	CHECK(swap_header_encode(&h, page) == -EINVAL);

	memset(page, 0, sizeof(page));
	CHECK(swap_header_decode(page, sizeof(page), &d) == -EINVAL);
	memcpy(page + 4086, "SWAPSPACE2", 10);
	CHECK(swap_header_decode(page, sizeof(page), &d) == -EINVAL); /* version 0 */
	page[1024] = 2;
	CHECK(swap_header_decode(page, sizeof(page), &d) == -EINVAL);
	page[1024] = 1;
	CHECK(swap_header_decode(page, sizeof(page), &d) == 0 && d.pagesize == 4096);
	CHECK(swap_header_decode(page, 4095, &d) == -EINVAL); /* truncated */

	/* the signature of an 8 KiB page is found at its end */
	memset(page, 0, sizeof(page));
	memcpy(page + 8182, "SWAPSPACE2", 10);
	page[1027] = 1; /* big-endian version */
	CHECK(swap_header_decode(page, sizeof(page), &d) == 0);
	CHECK(d.pagesize == 8192 && d.endian == SWAP_ENDIAN_BIG);

	/* labels: cut on a UTF-8 character boundary, control characters found */
	CHECK(swap_label_fit("") == 0);
	CHECK(swap_label_fit("mylabel") == 7);
	CHECK(swap_label_fit("fifteen-chars-x") == 15);
	CHECK(swap_label_fit("sixteen-chars-xx") == 15);
	CHECK(swap_label_fit("abcdefghijklmn\xc3\xa4") == 14);	     /* 'ä' would end at 16 */
	CHECK(swap_label_fit("abcdefghijklm\xc3\xa4x") == 15);	     /* 'ä' ends at 15 */
	CHECK(swap_label_fit("abcdefghijklm\xe2\x82\xacxyz") == 13); /* '€' would end at 16 */
	CHECK(swap_label_fit("abcdefghijkl\xe2\x82\xacxyz") == 15);  /* '€' ends at 15 */
	CHECK(swap_label_fit("abcdefghijkl\xf0\x9f\x90\xa7") == 12); /* a 4-byte penguin */
	CHECK(swap_label_fit("\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4") ==
	      14);
	CHECK(swap_label_fit("abcdefghijklmn\xff\xfe") == 15); /* not UTF-8: bytes */
	CHECK(swap_label_fit("abcdefghijklmn\xc3x") == 15);    /* a broken sequence */
	CHECK(!swap_label_has_control("swap \xc3\xa4 \xe2\x82\xac"));
	CHECK(swap_label_has_control("a\nb"));
	CHECK(swap_label_has_control("\t"));
	CHECK(swap_label_has_control("a\x7f"));
	CHECK(swap_label_has_control("a\x1b[31m"));
	CHECK(swap_label_has_control("\xc2\x85"));  /* NEL, a C1 control */
	CHECK(!swap_label_has_control("\xc2\xa0")); /* no-break space is not one */

	CHECK(swap_endian_parse("big", &e) == 0 && e == SWAP_ENDIAN_BIG);
	CHECK(swap_endian_parse("little", &e) == 0 && e == SWAP_ENDIAN_LITTLE);
	CHECK(swap_endian_parse("native", &e) == 0 && e == SWAP_ENDIAN_NATIVE);
	CHECK(swap_endian_parse("middle", &e) == -EINVAL);

	return unit_done("test_swapheader");
}
