/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "Key: value [kB]" and "key value" files: /proc/meminfo, /proc/vmstat, memory.stat. */
#ifndef GHOSTSWAP_KVFILE_H
#define GHOSTSWAP_KVFILE_H

#include <stddef.h>
#include <stdint.h>

struct kv {
	char *key;
	uint64_t value; /* as written: kB where the file says kB */
};

struct kvfile {
	struct kv *v; /* in the file's order */
	size_t n;
};

/* Parse the text of such a file. Lines that do not parse are skipped. */
void kvfile_parse(const char *text, struct kvfile *kf);
/* Read and parse <sysroot>@path. 0 or -errno. */
int kvfile_read(const char *path, struct kvfile *kf);
/* 0 and *val, or -ENOENT when the key is absent. */
int kvfile_get(const struct kvfile *kf, const char *key, uint64_t *val);
void kvfile_free(struct kvfile *kf);

/* MemTotal from /proc/meminfo in bytes (UINT64_MAX when that would wrap). */
int meminfo_total_bytes(uint64_t *bytes);

#endif
