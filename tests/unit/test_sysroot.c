/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The sysroot layer, /proc key-value files, /proc/swaps and --save copies. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "kvfile.h"
#include "swaps.h"
#include "sysroot.h"
#include "unit.h"

static char root[] = "/tmp/test_sysroot.XXXXXX";

static void put(const char *rel, const char *text)
{
	char *path, *dir, *cmd;
	FILE *f;

	xasprintf(&path, "%s%s", root, rel);
	dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	xasprintf(&cmd, "mkdir -p '%s'", dir);
	CHECK(system(cmd) == 0);
	free(cmd);
	f = fopen(path, "w");
	CHECK(f != NULL);
	fputs(text, f);
	fclose(f);
	free(path);
	free(dir);
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

int main(void)
{
	struct kvfile kf;
	uint64_t v;
	char *buf, *p, *save;

	CHECK(mkdtemp(root) != NULL);
	CHECK(sysroot_is_live());
	CHECK_STR(sysroot_get(), "/");
	p = sysroot_path("/proc/swaps");
	CHECK_STR(p, "/proc/swaps");
	free(p);

	sysroot_set(root);
	CHECK(!sysroot_is_live());
	p = sysroot_path("/proc/meminfo");
	xasprintf(&buf, "%s/proc/meminfo", root);
	CHECK_STR(p, buf);
	free(p);
	free(buf);

	put("/proc/meminfo", "MemTotal:        2048000 kB\nSwapTotal:             0 kB\n"
			     "garbage line\nHugePages_Total:       7\nZswap:  12 kB\n");
	CHECK(kvfile_read("/proc/meminfo", &kf) == 0);
	CHECK(kvfile_get(&kf, "MemTotal", &v) == 0 && v == 2048000);
	CHECK(kvfile_get(&kf, "SwapTotal", &v) == 0 && v == 0);
	CHECK(kvfile_get(&kf, "HugePages_Total", &v) == 0 && v == 7);
	CHECK(kvfile_get(&kf, "Zswap", &v) == 0 && v == 12);
	CHECK(kvfile_get(&kf, "garbage", &v) == -ENOENT);
	CHECK(kvfile_get(&kf, "Zswapped", &v) == -ENOENT);
	kvfile_free(&kf);
	CHECK(meminfo_total_bytes(&v) == 0 && v == 2048000ULL * 1024);

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
	p = sysroot_path("/sys/kernel/debug/zswap/stored_pages");
	chmod(p, 0);
	if (geteuid() != 0)
		CHECK(sysroot_read_u64("/sys/kernel/debug/zswap/stored_pages", &v) == -EACCES);
	free(p);

	check_swaps();

	/* --save: what is read is copied, byte for byte, under the save dir */
	xasprintf(&save, "%s/saved", root);
	CHECK(sysroot_set_save_dir(save) == 0);
	CHECK(sysroot_read_file("/proc/vmstat", &buf, NULL) == 0);
	free(buf);
	sysroot_set(save);
	CHECK(sysroot_read_file("/proc/vmstat", &buf, NULL) == 0);
	CHECK_STR(buf, "pswpin 5\npswpout 17\nzswpwb 0\n");
	free(buf);
	free(save);

	xasprintf(&p, "rm -rf '%s'", root);
	CHECK(system(p) == 0);
	free(p);
	return unit_done("test_sysroot");
}
