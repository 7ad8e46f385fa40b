/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cgroup v2 tree as the snapshot reads it: every swap and zswap file
 * of every cgroup that has the memory controller, read whether or not a
 * column shows it, each value kept with the result of its read.
 */
#ifndef SWAPSTAT_CGROUPS_H
#define SWAPSTAT_CGROUPS_H

#include <stddef.h>
#include <stdint.h>

enum cg_file {
	CGF_SWAP_CURRENT,
	CGF_SWAP_MAX,
	CGF_SWAP_PEAK,
	CGF_SWAP_EVENTS, /* the "fail" line */
	CGF_ZSWAP_CURRENT,
	CGF_ZSWAP_MAX,
	CGF_STAT,	     /* the "zswapped" line of memory.stat */
	CGF_ZSWAP_WRITEBACK, /* 0 or 1 */
	CGF_SWAP_TIERS_MAX,  /* see cgroup.tiers */
	NR_CGF
};

/* A value's result besides 0 and -errno: the limit is "max". */
#define CGV_MAX 1

struct cg_value {
	int rc; /* 0, -errno, CGV_MAX; -ENODATA: the file lacks the line */
	uint64_t val;
};

struct cgroup {
	char *path; /* "/" for the root, else "/a/b" */
	struct cg_value f[NR_CGF];
	char *tiers; /* tiers allowed, "fast,disk"; "" for none */
};

struct cgroup_tree {
	const char *root; /* PATH_CGROUP2 or its hybrid place; NULL: none found */
	struct cgroup *v; /* walk order: parents before children, names sorted */
	size_t n;
};

/* The file name of @f ("memory.swap.max"), and the line it looks at, if any. */
const char *cg_file_name(enum cg_file f);
const char *cg_file_key(enum cg_file f);

/* Walk the tree to @depth levels below the root (-1: all). */
void cgroups_read(struct cgroup_tree *t, int depth);
void cgroups_free(struct cgroup_tree *t);

#endif
