/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkswap's state, shared by its parts: mkswap.c (options, sizes, header,
 * report), target.c (what the target is and whether it may be used, then
 * opening, creating and committing it), blocks.c (disk space: allocation,
 * extents, bad blocks) and signatures.c (what was there before).
 */
#ifndef GHOSTSWAP_MKSWAP_H
#define GHOSTSWAP_MKSWAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "c.h"
#include "swapheader.h"

struct mkswap_control {
	const char *devname;
	const char *lockmode; /* --lock or $LOCK_BLOCK_DEVICE */
	const char *label;
	size_t label_len; /* bytes of the label that go into the header */
	struct stat devstat;
	bool existed; /* the target existed before we ran */
	bool tmpfile; /* fd is an unnamed O_TMPFILE, linked at devname once done */
	int fd;

	uint64_t npages; /* pages in the swap area, header included */
	uint64_t offset; /* --offset, bytes */
	uint64_t filesz; /* --size, bytes */
	size_t pagesize;
	size_t user_pagesize;
	uint32_t *badpages;
	uint32_t nbadpages;
	enum swap_endian endian;
	uint8_t uuid[SWAP_UUID_LEN];

	bool check, force, quiet, verbose, file, ghost, size_set;
};

/* Non-fatal warnings are the ones --quiet silences. */
#define qwarnx(ctl, ...)                    \
	do {                                \
		if (!(ctl)->quiet)          \
			warnx(__VA_ARGS__); \
	} while (0)

/* target.c: everything is checked before anything is opened for writing */
void target_stat(struct mkswap_control *ctl);
void target_check(const struct mkswap_control *ctl);
void target_open(struct mkswap_control *ctl);
void target_commit(struct mkswap_control *ctl);
uint64_t target_bytes(const struct mkswap_control *ctl);
int target_lock_operation(const struct mkswap_control *ctl);
void target_lock(const struct mkswap_control *ctl, int op);
void target_check_permissions(const struct mkswap_control *ctl);

/* blocks.c */
void blocks_set_nocow(const struct mkswap_control *ctl);
void blocks_allocate(const struct mkswap_control *ctl, uint64_t bytes);
void blocks_check_extents(const struct mkswap_control *ctl);
void blocks_check_bad(struct mkswap_control *ctl);

/* signatures.c */
void signatures_wipe(const struct mkswap_control *ctl);
void signatures_check_ghost_target(const struct mkswap_control *ctl);

#endif
