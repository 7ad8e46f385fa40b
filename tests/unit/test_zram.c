/* SPDX-License-Identifier: GPL-2.0-or-later */
/* zram: device names and the sysfs statistics as kernels write them. */
#include <stdlib.h>

#include "c.h"
#include "unit.h"
#include "zram.h"

int main(void)
{
	struct zram_stat z;
	char name[32], *alg;

	CHECK(zram_name("/dev/zram0", name));
	CHECK_STR(name, "zram0");
	CHECK(zram_name("/dev/zram4294967295", name));
	CHECK(!zram_name("/dev/zram", name));
	CHECK(!zram_name("/dev/zram0p1", name));
	CHECK(!zram_name("/dev/zram12345678901", name));
	CHECK(!zram_name("/tmp/zram0", name));
	CHECK(!zram_name("zram0", name));
	CHECK(!zram_name("/dev/sda", name));

	/* 7.3: nine fields, as the VM's zram0 wrote them */
	memset(&z, 0, sizeof(z));
	CHECK(zram_parse_mm_stat("134217728 23456789 25165824        0 25165824    1024        0"
				 "      12        3\n",
				 &z) == 0);
	CHECK_EQ_U64(z.orig_data_size, 134217728);
	CHECK_EQ_U64(z.compr_data_size, 23456789);
	CHECK_EQ_U64(z.mem_used_total, 25165824);
	CHECK_EQ_U64(z.mem_limit, 0);
	CHECK_EQ_U64(z.same_pages, 1024);
	CHECK(z.huge_known);
	CHECK_EQ_U64(z.huge_pages, 12);
	/* 4.7 to 4.18: seven fields, no huge_pages */
	memset(&z, 0, sizeof(z));
	CHECK(zram_parse_mm_stat("4096 100 8192 0 8192 0 0\n", &z) == 0);
	CHECK(!z.huge_known);
	CHECK_EQ_U64(z.huge_pages, 0);
	/* 2^64 - 1 is a number, 2^64 is not; too few or too many fields, words */
	CHECK(zram_parse_mm_stat("18446744073709551615 0 0 0 0 0 0 0\n", &z) == 0);
	CHECK_EQ_U64(z.orig_data_size, UINT64_MAX);
	CHECK(zram_parse_mm_stat("18446744073709551616 0 0 0 0 0 0 0\n", &z) == -EINVAL);
	CHECK(zram_parse_mm_stat("1 2 3 4 5 6\n", &z) == -EINVAL);
	CHECK(zram_parse_mm_stat("1 2 3 4 5 6 7 8 9 10\n", &z) == -EINVAL);
	CHECK(zram_parse_mm_stat("1 2 3 4 5 6 x\n", &z) == -EINVAL);
	CHECK(zram_parse_mm_stat("", &z) == -EINVAL);

	CHECK(zram_parse_bd_stat("       3      120     4096\n", &z) == 0);
	CHECK_EQ_U64(z.bd_count, 3);
	CHECK_EQ_U64(z.bd_reads, 120);
	CHECK_EQ_U64(z.bd_writes, 4096);
	CHECK(zram_parse_bd_stat("1 2\n", &z) == -EINVAL);
	CHECK(zram_parse_bd_stat("1 2 3 4\n", &z) == -EINVAL);

	alg = zram_parse_algorithm("lzo lzo-rle [lz4] zstd\n");
	CHECK(alg && !strcmp(alg, "lz4"));
	free(alg);
	CHECK(zram_parse_algorithm("lzo lz4\n") == NULL);
	CHECK(zram_parse_algorithm("[] lz4\n") == NULL);
	CHECK(zram_parse_algorithm("[lz4\n") == NULL);

	return unit_done("test_zram");
}
