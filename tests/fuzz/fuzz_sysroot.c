/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A whole --sysroot tree: every input is a tree of files, directories,
 * symlinks (pointing anywhere: outside the tree too) and FIFOs, written to
 * a private directory, then read the way swapstat reads it (the snapshot,
 * the cgroup tree, the figures of the model, the kernel feature probes)
 * while --save copies it. Invariants: nothing blocks or grows without
 * bound (the fuzzer's timeout and RSS limit), the saved tree holds only
 * directories and regular files, and replaying it gives the same figures.
 *
 * Input: records of
 *   u8 kind (0 file, 1 directory, 2 symlink, 3 FIFO; modulo 4)
 *   u8 length, a relative path of that length
 *   u16 length (little endian), the content (a file) or target (a symlink)
 * A path with an empty, "." or ".." component or a byte outside
 * [A-Za-z0-9._:+@=-] is skipped: the harness writes only inside its tree.
 * tests/fuzz/tree2seed.py turns a fixture tree into such an input.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "capture.h"
#include "figures.h"
#include "fuzz.h"
#include "kfeatures.h"
#include "snapshot.h"
#include "sysroot.h"

static char *base, *tree, *saved;

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (ftw->level == 0)
		return 0; /* keep the directory itself */
	if (type == FTW_DP ? rmdir(path) : unlink(path))
		fuzz_fail("cannot remove %s: %s", path, strerror(errno));
	return 0;
}

static void empty_dir(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int remove_all(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static void cleanup(void)
{
	if (base)
		nftw(base, remove_all, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	xasprintf(&base, "%s/ghostswap-fuzz-tree.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(base))
		err(EXIT_FAILURE, "mkdtemp %s", base);
	atexit(cleanup);
	xasprintf(&tree, "%s/tree", base);
	xasprintf(&saved, "%s/saved", base);
	if (mkdir(tree, 0700) != 0)
		err(EXIT_FAILURE, "mkdir %s", tree);
	return 0;
}

static bool path_ok(const char *p)
{
	const char *c = p;
	size_t len = 0;

	if (!*p || *p == '/')
		return false;
	for (; *c; c++) {
		if (*c == '/') {
			if (!len || (len == 1 && c[-1] == '.') ||
			    (len == 2 && c[-1] == '.' && c[-2] == '.'))
				return false;
			len = 0;
			continue;
		}
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:+@=-",
			    *c))
			return false;
		len++;
	}
	return len && !(len == 1 && c[-1] == '.') && !(len == 2 && c[-1] == '.' && c[-2] == '.');
}

/* Make the directories above @rel inside the tree. */
static void make_parents(const char *rel)
{
	char *p, *s;

	xasprintf(&p, "%s/%s", tree, rel);
	for (s = strchr(p + strlen(tree) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0700); /* fails harmlessly where a file is already */
		*s = '/';
	}
	free(p);
}

static void build_tree(const uint8_t *data, size_t size)
{
	size_t pos = 0;

	while (pos + 2 <= size) {
		unsigned int kind = data[pos] % 4, plen = data[pos + 1];
		char rel[256], *full;
		size_t dlen;
		const uint8_t *content;
		int fd;

		pos += 2;
		if (pos + plen + 2 > size)
			break;
		memcpy(rel, data + pos, plen);
		rel[plen] = '\0';
		pos += plen;
		dlen = data[pos] | (size_t)data[pos + 1] << 8;
		pos += 2;
		if (dlen > size - pos)
			dlen = size - pos;
		content = data + pos;
		pos += dlen;
		if (strlen(rel) != plen || !path_ok(rel))
			continue;
		make_parents(rel);
		xasprintf(&full, "%s/%s", tree, rel);
		switch (kind) {
		case 0:
			fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK,
				  0600);
			if (fd >= 0) {
				if (dlen && write(fd, content, dlen) < 0)
					(void)0; /* a directory or FIFO by that name: fine */
				close(fd);
			}
			break;
		case 1:
			mkdir(full, 0700);
			break;
		case 2: {
			char target[65536];

			memcpy(target, content, dlen);
			target[dlen] = '\0';
			if (*target)
				(void)symlink(target, full);
			break;
		}
		default:
			mkfifo(full, 0600);
			break;
		}
		free(full);
	}
}

/* The saved tree: directories and regular files only, never a link or a FIFO. */
static int saved_entry_ok(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	if (!S_ISDIR(st->st_mode) && !S_ISREG(st->st_mode))
		fuzz_fail("--save made %s, mode %o", path, (unsigned int)st->st_mode);
	return 0;
}

static void read_tree(struct snapshot *s, struct model *m)
{
	snapshot_read(s, SNAP_TIERS | SNAP_CGROUPS, -1);
	model_compute(s, m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct snapshot s, r;
	struct model m, mr;
	struct kfeatures kf;
	size_t i;

	empty_dir(tree);
	build_tree(data, size);
	if (sysroot_try_set(tree) != 0)
		fuzz_fail("sysroot_try_set(%s) failed", tree);

	kfeatures_probe(&kf);
	if (capture_save_begin(saved, NULL) != 0)
		fuzz_fail("capture_save_begin(%s) failed", saved);
	read_tree(&s, &m);
	capture_save_end();
	nftw(saved, saved_entry_ok, 16, FTW_PHYS);

	/* a replay of what was saved shows the same figures */
	if (sysroot_try_set(saved) != 0)
		fuzz_fail("sysroot_try_set(%s) failed", saved);
	read_tree(&r, &mr);
	fuzz_assert(m.ndev == mr.ndev);
	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *a = &m.fig[i], *b = &mr.fig[i];

		if (a->known != b->known || (a->known && a->val != b->val))
			fuzz_fail("figure %s: %s %llu, replayed %s %llu", a->key,
				  a->known ? "known" : "unknown", (unsigned long long)a->val,
				  b->known ? "known" : "unknown", (unsigned long long)b->val);
	}

	model_free(&mr);
	snapshot_free(&r);
	model_free(&m);
	snapshot_free(&s);
	sysroot_set(NULL);
	nftw(saved, remove_all, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
