/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Capture and replay: what --save writes, where it refuses to write, the
 * modes it gives, the manifest it merges, and what a replay makes of it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "capture.h"
#include "sysroot.h"
#include "unit.h"

static char base[] = "/tmp/test_capture.XXXXXX";
static char *src, *save, *outside;

static char *at(const char *dir, const char *rel)
{
	char *p;

	xasprintf(&p, "%s%s", dir, rel);
	return p;
}

static void put(const char *dir, const char *rel, const char *text, mode_t mode)
{
	char *path = at(dir, rel), *cmd;
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
	chmod(path, mode);
	free(path);
}

/* The whole file, or NULL. */
static char *slurp(const char *dir, const char *rel)
{
	char *path = at(dir, rel), *buf = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "r");

	free(path);
	if (!f)
		return NULL;
	if (getdelim(&buf, &len, '\0', f) < 0) {
		free(buf);
		buf = xstrdup("");
	}
	fclose(f);
	return buf;
}

static mode_t mode_of(const char *dir, const char *rel)
{
	char *path = at(dir, rel);
	struct stat st;
	int rc = lstat(path, &st);

	free(path);
	return rc ? 0 : st.st_mode;
}

static void check_text(const char *dir, const char *rel, const char *want)
{
	char *got = slurp(dir, rel);

	CHECK(got != NULL);
	if (got)
		CHECK_STR(got, want);
	free(got);
}

/* One "sample": read what a view would, into @save. */
static int sample(void)
{
	struct sysroot_dirent *ents;
	char *buf;
	size_t n;
	int rc = capture_save_begin(save, NULL);

	CHECK(rc == 0);
	if (sysroot_read_file("/proc/meminfo", &buf, NULL) == 0)
		free(buf);
	CHECK(sysroot_read_file("/proc/vmstat", &buf, NULL) == -EACCES);
	CHECK(sysroot_read_file("/proc/missing", &buf, NULL) == -ENOENT);
	if (sysroot_read_file("/sys/kernel/debug/zswap/stored_pages", &buf, NULL) == 0)
		free(buf);
	CHECK(sysroot_list_dir("/sys/fs/cgroup", &ents, &n) == 0 && n == 0);
	return capture_save_end();
}

static void check_paths(void)
{
	CHECK(capture_path_ok("/proc/meminfo"));
	CHECK(capture_path_ok("/sys/fs/cgroup/a b/memory.stat"));
	CHECK(!capture_path_ok("/../../x/y"));
	CHECK(!capture_path_ok("/proc/../../x"));
	CHECK(!capture_path_ok("/proc/./x"));
	CHECK(!capture_path_ok("/proc//x"));
	CHECK(!capture_path_ok("/proc/x/"));
	CHECK(!capture_path_ok("/tmp/x"));
	CHECK(!capture_path_ok("proc/x"));
	CHECK(!capture_path_ok("/proc/a\nb"));
	CHECK(!capture_path_ok("/proc/a\x7f"));
}

int main(void)
{
	char *p, *cmd, *text;
	int rc;

	check_paths();
	CHECK(mkdtemp(base) != NULL);
	src = at(base, "/src");
	save = at(base, "/save/deeper");
	outside = at(base, "/outside");
	put(src, "/proc/meminfo", "MemTotal: 1 kB\n", 0644);
	put(src, "/proc/vmstat", "", 0644);
	put(src, "/sys/kernel/debug/zswap/stored_pages", "7\n", 0644);
	p = at(src, "/sys/kernel/debug");
	chmod(p, 0700);
	free(p);
	xasprintf(&p, "mkdir -p '%s/sys/fs/cgroup'", src);
	CHECK(system(p) == 0);
	free(p);
	put(src, "/" CAPTURE_MANIFEST, "EACCES\t/proc/vmstat\nEACCES\t/../../outside/x\n", 0644);
	put(outside, "/victim", "untouched\n", 0644);

	/* a replay: the manifest's valid line counts, the planted one does nothing */
	sysroot_set(src);
	umask(0);
	CHECK(sample() == 0);
	check_text(save, "/proc/meminfo", "MemTotal: 1 kB\n");
	check_text(save, "/sys/kernel/debug/zswap/stored_pages", "7\n");
	check_text(save, "/" CAPTURE_MANIFEST,
		   "# ghostswap-utils capture: RESULT<TAB>PATH of every file and directory read\n"
		   "ok\t/proc/meminfo\n"
		   "ENOENT\t/proc/missing\n"
		   "EACCES\t/proc/vmstat\n"
		   "empty\t/sys/fs/cgroup\n"
		   "ok\t/sys/kernel/debug/zswap/stored_pages\n");
	/* umask 0 changes nothing: shared copies 0644, root-only ones 0600 */
	CHECK((mode_of(save, "/proc/meminfo") & 07777) == 0644);
	CHECK((mode_of(save, "/sys/kernel/debug/zswap/stored_pages") & 07777) == 0600);
	CHECK((mode_of(save, "/" CAPTURE_MANIFEST) & 07777) == 0644);
	CHECK((mode_of(save, "/proc") & 07777) == 0755);
	/* an unreadable file leaves an empty stand-in for a replay's listings */
	check_text(save, "/proc/vmstat", "");
	p = at(base, "/x");
	CHECK(access(p, F_OK) != 0);
	free(p);
	umask(022);

	/* the saved tree replays the same results */
	sysroot_set(save);
	{
		struct sysroot_dirent *ents;
		size_t n;
		char *buf;

		CHECK(sysroot_read_file("/proc/vmstat", &buf, NULL) == -EACCES);
		CHECK(sysroot_read_file("/proc/missing", &buf, NULL) == -ENOENT);
		CHECK(sysroot_list_dir("/sys/fs/cgroup", &ents, &n) == 0 && n == 0);
	}

	/* planted symlinks: a directory and a file of DIR point outside */
	sysroot_set(src);
	xasprintf(
		&cmd,
		"rm -rf '%s/proc' '%s/sys' && ln -s '%s' '%s/proc' && mkdir -p '%s/sys/kernel' && "
		"ln -s '%s' '%s/sys/kernel/debug'",
		save, save, outside, save, save, outside, save);
	CHECK(system(cmd) == 0);
	free(cmd);
	rc = sample();
	CHECK(rc == -EIO);
	check_text(outside, "/victim", "untouched\n");
	CHECK(mode_of(outside, "/meminfo") == 0);
	CHECK(mode_of(outside, "/zswap") == 0);
	CHECK(S_ISLNK(mode_of(save, "/proc")));

	/* a symlink and a hard link in place of the file are replaced, not written through */
	xasprintf(&cmd,
		  "rm -rf '%s/proc' '%s/sys' && mkdir '%s/proc' && ln -s '%s/victim' "
		  "'%s/proc/meminfo' && ln '%s/victim' '%s/proc/vmstat'",
		  save, save, save, outside, save, outside, save);
	CHECK(system(cmd) == 0);
	free(cmd);
	CHECK(sample() == 0);
	check_text(outside, "/victim", "untouched\n");
	CHECK(S_ISREG(mode_of(save, "/proc/meminfo")));
	check_text(save, "/proc/meminfo", "MemTotal: 1 kB\n");

	/* an old manifest: valid lines are kept, others dropped */
	put(save, "/" CAPTURE_MANIFEST,
	    "ok\t/proc/uptime\nEACCES\t/../../outside/y\nok\t/etc/../../tmp/z\nEIO\trelative\n"
	    "ok\t/proc//x\nbogus\t/proc/y\n",
	    0666);
	CHECK(sample() == 0);
	text = slurp(save, "/" CAPTURE_MANIFEST);
	CHECK(text && strstr(text, "ok\t/proc/uptime\n"));
	CHECK(text && !strstr(text, "outside") && !strstr(text, "tmp") &&
	      !strstr(text, "relative") && !strstr(text, "//") && !strstr(text, "bogus"));
	free(text);
	CHECK((mode_of(save, "/" CAPTURE_MANIFEST) & 07777) == 0644);
	CHECK(mode_of(base, "/outside/y") == 0);

	/* DIR where a file is */
	put(base, "/afile", "", 0644);
	p = at(base, "/afile/x");
	CHECK(capture_save_begin(p, NULL) == -ENOTDIR);
	free(p);

	sysroot_set(NULL);
	xasprintf(&cmd, "rm -rf '%s'", base);
	CHECK(system(cmd) == 0);
	free(cmd);
	free(src);
	free(save);
	free(outside);
	return unit_done("test_capture");
}
