/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A directory of one-value files, as debugfs and module parameters are:
 * /sys/kernel/debug/zswap/stored_pages holds "1234\n". Each file is read
 * once; a file that cannot be read keeps its error beside its name.
 */
#ifndef GHOSTSWAP_DIRVALS_H
#define GHOSTSWAP_DIRVALS_H

#include <stddef.h>
#include <stdint.h>

struct dirval {
	char *name;
	char *value; /* the first line; NULL when rc != 0 */
	int rc;	     /* 0 or -errno */
};

struct dirvals {
	struct dirval *v; /* sorted by name */
	size_t n;
	int rc; /* of the directory: 0, -errno, or DIRVALS_EMPTY */
};

/* A directory without entries: debugfs not mounted, for one. */
#define DIRVALS_EMPTY 1

/* Read every file (not subdirectory) of <sysroot>@dir. Returns dv->rc. */
int dirvals_read(const char *dir, struct dirvals *dv);
void dirvals_free(struct dirvals *dv);

const struct dirval *dirvals_get(const struct dirvals *dv, const char *name);

/*
 * The number in file @name: 0; -ENOENT when the directory is empty or
 * missing or has no such file; the -errno of an unreadable directory or
 * file; -EINVAL when it is not a whole number; -ERANGE over 2^64 - 1.
 */
int dirvals_u64(const struct dirvals *dv, const char *name, uint64_t *val);

#endif
