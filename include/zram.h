/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * zram block devices used as swap: compressed RAM, not disk.
 *
 * /sys/block/zramN/ holds disksize (bytes), mm_stat ("orig_data_size
 * compr_data_size mem_used_total mem_limit mem_used_max same_pages
 * pages_compacted [huge_pages [huge_pages_since]]", bytes then pages),
 * bd_stat ("bd_count bd_reads bd_writes", in 4 KiB units: what sits on and
 * went to the backing device) and comp_algorithm ("lzo [lz4] zstd").
 */
#ifndef GHOSTSWAP_ZRAM_H
#define GHOSTSWAP_ZRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* bd_stat counts in units of 4 KiB whatever the page size */
#define ZRAM_BD_UNIT 4096

struct zram_stat {
	char name[32]; /* "zram0" */

	int disksize_rc; /* each: 0 or -errno (-EINVAL: not what zram writes) */
	uint64_t disksize;

	int mm_rc;
	uint64_t orig_data_size;  /* bytes stored, uncompressed (7.x: zero and backed too) */
	uint64_t compr_data_size; /* their compressed size */
	uint64_t mem_used_total;  /* RAM held, allocator overhead included */
	uint64_t mem_limit;	  /* 0: no limit */
	uint64_t same_pages;	  /* pages of one repeated word: no storage */
	bool huge_known;	  /* kernels since 4.19 */
	uint64_t huge_pages;	  /* pages stored uncompressed */

	int bd_rc; /* -ENOENT: no CONFIG_ZRAM_WRITEBACK */
	uint64_t bd_count, bd_reads, bd_writes;

	int algorithm_rc;
	char *algorithm; /* the one in brackets */
};

/* "zram0" from "/dev/zram0", or false when @devpath is no zram device. */
bool zram_name(const char *devpath, char name[32]);

/* Read /sys/block/@name/{disksize,mm_stat,bd_stat,comp_algorithm}. */
void zram_read(const char *name, struct zram_stat *z);
void zram_free(struct zram_stat *z);

/* The parsers zram_read() uses: 0 or -EINVAL. */
int zram_parse_mm_stat(const char *text, struct zram_stat *z);
int zram_parse_bd_stat(const char *text, struct zram_stat *z);
/* The selected algorithm of "lzo [lz4] zstd" (malloc()ed), or NULL. */
char *zram_parse_algorithm(const char *text);

#endif
