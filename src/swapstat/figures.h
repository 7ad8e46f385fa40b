/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The model: every figure swapstat shows, computed once from a snapshot,
 * each with where it came from or why it is missing. Views only format
 * what is here; nothing in the model prints or knows libsmartcols.
 *
 * A figure that would exceed 2^64 - 1 stops there and is marked saturated
 * (satmath.h), never wrapped.
 */
#ifndef SWAPSTAT_FIGURES_H
#define SWAPSTAT_FIGURES_H

#include <stdbool.h>
#include <stdint.h>

#include "snapshot.h"

enum fig_unit {
	U_BYTES,
	U_PAGES, /* a number of pages: Prometheus gets pages x page size, in bytes */
	U_RATIO,
};

/* Why a figure is missing: a bounded code for machines (Prometheus labels). */
enum reason {
	R_NONE,
	R_NOT_PROVIDED,	       /* the kernel has no such file */
	R_DEBUGFS_NOT_MOUNTED, /* /sys/kernel/debug is empty */
	R_ROOT_ONLY,	       /* debugfs, read without root */
	R_PERMISSION,	       /* EACCES or EPERM elsewhere */
	R_UNREADABLE,	       /* any other read error */
	R_MALFORMED,	       /* not a number, not the expected format */
	R_NOT_BROKEN_DOWN,     /* the kernel does not attribute it */
	R_NEEDS_INPUT,	       /* derived from figures that are missing */
	R_EMPTY,	       /* a ratio of an empty pool */
	R_NO_LIMIT,	       /* a zram device without mem_limit */
};

const char *reason_code(enum reason r);

struct figure {
	const char *key;   /* JSON key, and the Prometheus family below */
	const char *prom;  /* Prometheus family name without "swapstat_" */
	const char *label; /* what people read (N_()) */
	enum fig_unit unit;
	bool counter; /* cumulative since boot: a Prometheus counter */
	bool zram;    /* shown only when a zram device is in use */

	bool known, saturated;
	uint64_t val;
	double ratio;
	char *from;	  /* the derivation, when known */
	char *reason;	  /* the sentence, when missing */
	enum reason code; /* the code, when missing */
};

/* Where a device's used slots are, in bytes, as far as the kernel says. */
struct devsplit {
	bool disk_known, zswap_known, zram_known, zero_known;
	uint64_t disk, zswap, zram, zero;
};

struct device {
	const struct swap_entry *e;
	const struct zram_stat *z; /* NULL unless a zram device */
	const char *type;	   /* "zram" for zram, else the /proc/swaps type */
	const char *tier;	   /* NULL: no tier covers it, or no tiers */
	bool ghost;		   /* no storage behind it */
	uint64_t size, used, capacity;
	bool size_sat, used_sat;
	struct devsplit split;
	bool zram_mem_known;
	uint64_t zram_mem; /* RAM the zram device holds */
};

enum {
	F_SWAPTOTAL,
	F_REAL_CAP,
	F_DISK_CAP,
	F_POOL_LIMIT,
	F_ZRAM_LIMIT,
	F_GHOST_VIRT,
	F_ZRAM_SIZE,
	F_VIRT_USED,
	F_COMPRESSED_RAM,
	F_POOL,
	F_STORED,
	F_RATIO,
	F_GHOST_METADATA,
	F_ZRAM_RAM,
	F_ZRAM_STORED,
	F_ZRAM_RATIO,
	F_ZRAM_HUGE,
	F_ZRAM_BACKING,
	F_DISK_USED,
	F_DISK_SLOTS,
	F_ZERO,
	F_REJECTED,
	F_RESIDENT,
	F_RESIDENT_CACHED,
	F_RESIDENT_RETRY,
	F_RESIDENT_SKIP,
	F_ALLOC_REJECT,
	F_REDIRECTED,
	F_WRITTEN_BACK,
	F_ZRAM_WRITTEN_BACK,
	NR_FIGURES
};

struct model {
	size_t pagesize;
	struct device *dev; /* one per /proc/swaps entry */
	size_t ndev;
	bool any_zram;
	struct figure fig[NR_FIGURES];
};

/* figure-defs.c: what each figure is called and is, in the summary's order */
extern const struct figure figure_defs[NR_FIGURES];

void model_compute(const struct snapshot *s, struct model *m);
void model_free(struct model *m);

/* Is figure @f shown at all? (zram figures only with a zram device) */
bool model_shows(const struct model *m, const struct figure *f);

/*
 * Why a source of @s cannot be read: the sentence (free() it) and the
 * code. Used by views that list sources (the counters view) too.
 */
char *source_reason(const struct snapshot *s, const char *path, int rc, enum reason *code);

#endif
