/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the running kernel (or the --sysroot tree) offers for ghost swap,
 * found by looking at the files it creates, never by trying.
 *
 * Under a --sysroot tree, a regular file dev/ghostswap whose first line is
 * "char 1:13" stands for the device node (trees in git cannot hold nodes;
 * --save writes such a stand-in).
 */
#ifndef GHOSTSWAP_KFEATURES_H
#define GHOSTSWAP_KFEATURES_H

#include <stdbool.h>
#include <stdint.h>

enum kf_devnode {
	KF_DEVNODE_MISSING = 0, /* no /dev/ghostswap */
	KF_DEVNODE_OK,		/* a character device 1:13 */
	KF_DEVNODE_WRONG,	/* something else under that name */
};

/* zswap, without which a ghost swap area cannot be activated */
enum kf_zswap {
	KF_ZSWAP_UNKNOWN = 0, /* its enabled parameter cannot be read */
	KF_ZSWAP_ON,
	KF_ZSWAP_OFF,	  /* built, but disabled (zswap.enabled=0, or its default) */
	KF_ZSWAP_MISSING, /* not built into this kernel */
};

struct kfeatures {
	bool ghost;	     /* kernel activates ghost swap (files and /dev/ghostswap) */
	int ghost_size_rc;   /* 0: ghost_size is ghostswap.size, else -errno */
	uint64_t ghost_size; /* bytes; 0 means 8 x RAM */
	enum kf_devnode devnode;
	bool tiers; /* /sys/kernel/mm/swap/tiers */
};

void kfeatures_probe(struct kfeatures *kf);

/* zswap's state, from its enabled parameter (read only by who needs it). */
enum kf_zswap kfeatures_zswap(void);

/* The value of a boolean module parameter (Y/N, 1/0) as true or false. */
bool kfeatures_param_true(const char *value);

/* "the running kernel", or the kernel a --sysroot tree was captured from. */
const char *kfeatures_kernel(void);

/* Where the suite's kernel comes from, for messages that point at it. */
#define KF_KERNEL_HINT "the ghostswap-utils kernel patch series (kernel/ in the source tree)"

#endif
