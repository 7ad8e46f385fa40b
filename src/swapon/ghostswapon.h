/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ghostswapon's control structure and the parts of the tool. */
#ifndef GHOSTSWAPON_H
#define GHOSTSWAPON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/swap.h>

#include <libmount.h>

#include "kfeatures.h"
#include "swapheader.h"
#include "swaps.h"
#include "tiers.h"

#ifndef SWAP_FLAG_DISCARD
#define SWAP_FLAG_DISCARD 0x10000
#endif
#ifndef SWAP_FLAG_DISCARD_ONCE
#define SWAP_FLAG_DISCARD_ONCE 0x20000
#endif
#ifndef SWAP_FLAG_DISCARD_PAGES
#define SWAP_FLAG_DISCARD_PAGES 0x40000
#endif
#define SWAP_FLAGS_DISCARD_VALID \
	(SWAP_FLAG_DISCARD | SWAP_FLAG_DISCARD_ONCE | SWAP_FLAG_DISCARD_PAGES)

/* util-linux swapon returns its status, -1 on a failed area: exit code 255 */
#define SWAPON_EX_FAIL 255

/* --show columns: the first seven are util-linux swapon's */
#define SHOW_MAX_COLUMNS 32

/* per area settings: command line defaults, overridden by fstab or -o */
struct swap_prop {
	int discard;
	int priority; /* < 0: automatic */
	bool no_fail;
	char *tier; /* NAME or NAME:START */
	bool ghost; /* a ghost swapfile, created when missing */
	bool size_set;
	uint64_t size; /* virtual size for a created ghost file */
};

struct swapon_ctl {
	struct swap_prop props;
	int columns[SHOW_MAX_COLUMNS];
	size_t ncolumns;
	const char *fstab;
	bool all, bytes, fixpgsz, noheadings, raw, json, show, summarize, verbose, dry_run;

	struct libmnt_cache *cache;
	struct libmnt_table *fstab_tb;
	struct swap_list swaps;
	bool swaps_loaded;
	struct kfeatures kf;
	size_t pagesize;
};

struct swap_target {
	const char *spec; /* as the user or fstab wrote it */
	char *path;	  /* resolved system path: what swapon(2) gets */
	bool ghost_dev, ghost_file;
	uint64_t vsize; /* bytes, from the header */
};

/* swapon-checks.c: what must hold before swapon(2) */
int swapon_checks(struct swapon_ctl *ctl, struct swap_target *t, const struct swap_prop *p);
void no_ghost_kernel(const char *path, const char *what);
int check_new_ghost_file(const struct swapon_ctl *ctl, const struct swap_prop *p, const char *path,
			 uint64_t *vsize);

/* swapon-mkswap.c: running mkswap for ghostswapon */
int create_ghost_file(struct swapon_ctl *ctl, const struct swap_prop *p, const char *path);
int reinitialize(struct swapon_ctl *ctl, const struct swap_target *t, const struct swap_header *h);

/* swapon-tiers.c: --tier and tier= */
int apply_tier(struct swapon_ctl *ctl, const char *dev, const char *spec, int *prio, bool prio_set,
	       char tiername[TIER_NAME_MAX + 1]);
void warn_bad_tier(const char *what, const char *spec);

/* swapon-show.c: --show and --summary */
int show_parse_columns(struct swapon_ctl *ctl, const char *list);
void show_all_columns(struct swapon_ctl *ctl);
void show_default_columns(struct swapon_ctl *ctl);
void show_usage_columns(FILE *out);
int show_table(const struct swapon_ctl *ctl);
int show_summary(void);

/* ghostswapon.c */
void load_swaps(struct swapon_ctl *ctl);

#endif
