/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sysroot layer: paths resolved inside the root (by openat2 and by
 * hand), reads that refuse FIFOs and devices without blocking, the size
 * bound, directory listings, /proc key-value files and /proc/swaps.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "kvfile.h"
#include "swaps.h"
#include "sysroot.h"
#include "unit.h"

static char root[] = "/tmp/test_sysroot.XXXXXX";
static char outside[] = "/tmp/test_sysroot_out.XXXXXX";

static char *at(const char *base, const char *rel)
{
	char *p;

	xasprintf(&p, "%s%s", base, rel);
	return p;
}

static void put_in(const char *base, const char *rel, const char *text)
{
	char *path = at(base, rel), *cmd;
	FILE *f;

	xasprintf(&cmd, "mkdir -p \"$(dirname '%s')\"", path);
	CHECK(system(cmd) == 0);
	free(cmd);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

static void put(const char *rel, const char *text)
{
	put_in(root, rel, text);
}

static void link_in_root(const char *target, const char *rel)
{
	char *path = at(root, rel);

	unlink(path);
	CHECK(symlink(target, path) == 0);
	free(path);
}

static void check_swaps(void)
{
	struct swap_list l;
	struct stat st;

	put("/proc/swaps",
	    "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
	    "/dev/vda2                               partition\t8388604\t\t1024\t\t-2\n"
	    "/var/lib/ghost.swap                     ghost\t\t68719476732\t0\t\t100\n"
	    "/swap\\040file\\011tab                    file\t\t1020\t\t0\t\t-3\n"
	    "/old\\040swap\\040(deleted)               file\t\t1020\t\t4\t\t5\n");
	CHECK(swaps_read(&l) == 0);
	CHECK_EQ_U64(l.n, 4);
	if (l.n != 4)
		return;
	CHECK_STR(l.v[0].path, "/dev/vda2");
	CHECK_STR(l.v[0].type, "partition");
	CHECK_EQ_U64(l.v[0].size_kib, 8388604);
	CHECK_EQ_U64(l.v[0].used_kib, 1024);
	CHECK(l.v[0].prio == -2);
	CHECK_STR(l.v[1].type, "ghost");
	CHECK_EQ_U64(l.v[1].size_kib, 68719476732ULL);
	CHECK(l.v[1].prio == 100);
	CHECK_STR(l.v[2].path, "/swap file\ttab");
	CHECK(!l.v[2].deleted);
	CHECK_STR(l.v[3].path, "/old swap");
	CHECK(l.v[3].deleted);
	CHECK(swaps_find(&l, "/var/lib/ghost.swap", NULL) == &l.v[1]);
	CHECK(swaps_find(&l, "/nowhere", NULL) == NULL);
	/* a deleted file is never matched by what now lives at its path */
	CHECK(stat("/", &st) == 0 && swaps_find(&l, "/", &st) == NULL);
	swaps_free(&l);

	put("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	CHECK(swaps_read(&l) == 0 && l.n == 0);
	swaps_free(&l);
}

static void check_reads(void)
{
	struct kvfile kf;
	uint64_t v;
	char *p;

	put("/proc/meminfo", "MemTotal:        2048000 kB\nSwapTotal:             0 kB\n"
			     "garbage line\nHugePages_Total:       7\nZswap:  12 kB\n"
			     "Huge: 18446744073709551616 kB\nSign: -3\n");
	CHECK(kvfile_read("/proc/meminfo", &kf) == 0);
	CHECK(kvfile_get(&kf, "MemTotal", &v) == 0 && v == 2048000);
	CHECK(kvfile_get(&kf, "SwapTotal", &v) == 0 && v == 0);
	CHECK(kvfile_get(&kf, "HugePages_Total", &v) == 0 && v == 7);
	CHECK(kvfile_get(&kf, "Zswap", &v) == 0 && v == 12);
	CHECK(kvfile_get(&kf, "garbage", &v) == -ENOENT);
	CHECK(kvfile_get(&kf, "Zswapped", &v) == -ENOENT);
	/* over 2^64 - 1 and signed values are not numbers: skipped, never wrapped */
	CHECK(kvfile_get(&kf, "Huge", &v) == -ENOENT);
	CHECK(kvfile_get(&kf, "Sign", &v) == -ENOENT);
	kvfile_free(&kf);
	CHECK(meminfo_total_bytes(&v) == 0 && v == 2048000ULL * 1024);
	/* MemTotal x 1024 over 2^64 stops at 2^64 - 1 */
	put("/proc/meminfo", "MemTotal: 18446744073709551615 kB\n");
	CHECK(meminfo_total_bytes(&v) == 0 && v == UINT64_MAX);

	put("/proc/vmstat", "pswpin 5\npswpout 17\nzswpwb 0\n");
	CHECK(kvfile_read("/proc/vmstat", &kf) == 0);
	CHECK(kvfile_get(&kf, "pswpout", &v) == 0 && v == 17);
	kvfile_free(&kf);

	put("/sys/kernel/debug/vswap/used", "4096\n");
	put("/sys/kernel/debug/vswap/bad", "12x\n");
	CHECK(sysroot_read_u64("/sys/kernel/debug/vswap/used", &v) == 0 && v == 4096);
	CHECK(sysroot_read_u64("/sys/kernel/debug/vswap/bad", &v) == -EINVAL);
	CHECK(sysroot_read_u64("/sys/kernel/debug/vswap/none", &v) == -ENOENT);
	CHECK(sysroot_exists("/sys/kernel/debug/vswap/used"));
	CHECK(!sysroot_exists("/sys/kernel/debug/zswap"));

	/* unreadable is told apart from missing (root reads anything) */
	put("/sys/kernel/debug/zswap/stored_pages", "3\n");
	p = at(root, "/sys/kernel/debug/zswap/stored_pages");
	chmod(p, 0);
	if (geteuid() != 0)
		CHECK(sysroot_read_u64("/sys/kernel/debug/zswap/stored_pages", &v) == -EACCES);
	free(p);
}

/* Nothing below the root is left by a symlink, however it is written. */
static void check_resolution(bool manual)
{
	char *buf, *target;
	struct stat st;

	sysroot_force_manual_resolve(manual);
	put_in(outside, "/secret", "outside\n");
	put("/secret", "inside\n");
	target = at(outside, "/secret");
	link_in_root(target, "/proc/abs");
	link_in_root("../../../../../../../../secret", "/proc/dotdot");
	link_in_root("/secret", "/proc/rootabs");
	link_in_root("loop", "/proc/loop");
	link_in_root(outside, "/sysout");
	free(target);

	/* an absolute link names a path inside the root: absent there */
	CHECK(sysroot_read_file("/proc/abs", &buf, NULL) == -ENOENT);
	/* ".." stops at the root, so both of these reach the root's /secret */
	CHECK(sysroot_read_file("/proc/dotdot", &buf, NULL) == 0);
	if (buf) {
		CHECK_STR(buf, "inside\n");
		free(buf);
		buf = NULL;
	}
	CHECK(sysroot_read_file("/proc/rootabs", &buf, NULL) == 0);
	if (buf) {
		CHECK_STR(buf, "inside\n");
		free(buf);
		buf = NULL;
	}
	CHECK(sysroot_read_file("/../../../../secret", &buf, NULL) == 0);
	free(buf);
	buf = NULL;
	CHECK(sysroot_read_file("/proc/loop", &buf, NULL) == -ELOOP);
	/* a directory link out of the root leads nowhere real */
	CHECK(sysroot_read_file("/sysout/secret", &buf, NULL) == -ENOENT);
	CHECK(sysroot_stat("/sysout/secret", &st) == -ENOENT);
	/* lstat sees the link itself */
	CHECK(sysroot_lstat("/proc/abs", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK(sysroot_stat("/proc/rootabs", &st) == 0 && S_ISREG(st.st_mode));
	sysroot_force_manual_resolve(false);
}

/* A FIFO, a device, a directory and an oversized file: refused, at once. */
static void check_refusals(void)
{
	struct sysroot_dirent *ents;
	char *buf = NULL, *p;
	size_t n, len;
	int fd;

	p = at(root, "/proc/fifo");
	CHECK(mkfifo(p, 0644) == 0);
	free(p);
	CHECK(sysroot_read_file("/proc/fifo", &buf, NULL) == -SYSROOT_ENOTREG);
	link_in_root("/proc/fifo", "/proc/meminfo");
	CHECK(sysroot_read_file("/proc/meminfo", &buf, NULL) == -SYSROOT_ENOTREG);
	CHECK(sysroot_read_file("/proc", &buf, NULL) == -EISDIR);
	CHECK(sysroot_list_dir("/proc/swaps", &ents, &n) == -ENOTDIR);

	/* the bound: a sparse file one byte over it */
	p = at(root, "/proc/vmstat");
	fd = open(p, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && ftruncate(fd, SYSROOT_READ_MAX + 1) == 0);
	close(fd);
	CHECK(sysroot_read_file("/proc/vmstat", &buf, NULL) == -EFBIG);
	fd = open(p, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && ftruncate(fd, SYSROOT_READ_MAX) == 0);
	close(fd);
	CHECK(sysroot_read_file("/proc/vmstat", &buf, &len) == 0 && len == SYSROOT_READ_MAX);
	free(buf);
	free(p);

	/* the live system: /dev/zero is no file and is never read to its end */
	CHECK(sysroot_try_set(NULL) == 0);
	CHECK(sysroot_read_file("/dev/zero", &buf, NULL) == -SYSROOT_ENOTREG);
	CHECK(sysroot_read_file("/dev/null", &buf, NULL) == -SYSROOT_ENOTREG);
	sysroot_set(root);
}

static void check_listing(void)
{
	struct sysroot_dirent *ents;
	size_t n;
	char *p;

	put("/sys/fs/cgroup/b/memory.stat", "x 1\n");
	put("/sys/fs/cgroup/a/memory.stat", "x 1\n");
	put("/sys/fs/cgroup/cgroup.controllers", "memory\n");
	CHECK(sysroot_list_dir("/sys/fs/cgroup", &ents, &n) == 0);
	CHECK_EQ_U64(n, 3);
	if (n == 3) {
		CHECK_STR(ents[0].name, "a");
		CHECK(ents[0].is_dir);
		CHECK_STR(ents[1].name, "b");
		CHECK_STR(ents[2].name, "cgroup.controllers");
		CHECK(!ents[2].is_dir);
	}
	sysroot_dirents_free(ents, n);
	p = at(root, "/empty");
	CHECK(mkdir(p, 0755) == 0);
	free(p);
	CHECK(sysroot_list_dir("/empty", &ents, &n) == 0 && n == 0);
	CHECK(sysroot_list_dir("/nothing", &ents, &n) == -ENOENT);
}

int main(void)
{
	char *cmd;

	CHECK(mkdtemp(root) != NULL);
	CHECK(mkdtemp(outside) != NULL);
	CHECK(sysroot_is_live());
	CHECK_STR(sysroot_get(), "/");

	CHECK(sysroot_try_set("/nonexistent/dir") == -ENOENT);
	put("/file", "");
	cmd = at(root, "/file");
	CHECK(sysroot_try_set(cmd) == -ENOTDIR);
	free(cmd);
	CHECK(sysroot_is_live());

	sysroot_set(root);
	CHECK(!sysroot_is_live());
	CHECK_STR(sysroot_get(), root);

	check_reads();
	check_swaps();
	check_resolution(false);
	check_resolution(true);
	check_refusals();
	check_listing();

	sysroot_set(NULL);
	xasprintf(&cmd, "rm -rf '%s' '%s'", root, outside);
	CHECK(system(cmd) == 0);
	free(cmd);
	return unit_done("test_sysroot");
}
