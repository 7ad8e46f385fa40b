/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Active swap areas, from /proc/swaps (parsed by libmount). */
#ifndef GHOSTSWAP_SWAPS_H
#define GHOSTSWAP_SWAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

struct swap_entry {
	char *path;	   /* unescaped, without " (deleted)" */
	char *type;	   /* partition, file, ghost, vswap, ... */
	uint64_t size_kib; /* virtual for ghost devices */
	uint64_t used_kib;
	int prio;
	bool deleted; /* the backing file was unlinked */
};

struct swap_list {
	struct swap_entry *v;
	size_t n;
	size_t skipped; /* rows that did not parse (or held a NUL byte) */
};

/*
 * Read <sysroot>/proc/swaps. Returns 0 or -errno: -ENOENT (no swap
 * support), -EBADMSG when the first line is not the kernel's header
 * (Filename Type Size Used Priority): never a guess at other columns.
 */
int swaps_read(struct swap_list *l);

/* What swaps_read() does with the text it read: @len bytes, no NUL needed. */
int swaps_parse(const char *text, size_t len, struct swap_list *l);

/* The message for a swaps_read() error: -EBADMSG, and the sysroot layer's own. */
const char *swaps_strerror(int rc);
void swaps_free(struct swap_list *l);

/*
 * Is the file or device @path (with @st from stat()) an active swap area?
 * Matches by path, then by device number / inode where the listed path
 * still resolves. Returns the entry or NULL.
 */
const struct swap_entry *swaps_find(const struct swap_list *l, const char *path,
				    const struct stat *st);

#endif
