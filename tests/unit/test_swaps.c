/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * swaps_read() on a /proc/swaps under a sysroot: octal escapes undone by
 * libmount, the " (deleted)" suffix (escaped by the kernel as
 * "\040(deleted)") found and stripped, garbage rows skipped.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "swaps.h"
#include "sysroot.h"
#include "unit.h"

static char dir[] = "/tmp/test_swaps.XXXXXX";

static void write_swaps(const char *text)
{
	char *p;
	FILE *f;

	xasprintf(&p, "%s/proc", dir);
	mkdir(p, 0755);
	free(p);
	xasprintf(&p, "%s/proc/swaps", dir);
	f = fopen(p, "w");
	if (!f || fputs(text, f) < 0 || fclose(f))
		err(EXIT_FAILURE, "%s", p);
	free(p);
}

#define HDR "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"

int main(void)
{
	struct swap_list l;
	char *p;

	if (!mkdtemp(dir))
		err(EXIT_FAILURE, "mkdtemp");
	sysroot_set(dir);

	write_swaps(HDR
		    "/swap\\040file                           file\t\t20971520\t1048576\t\t-2\n"
		    "/var/tmp/a\\134b\\011c\\040(deleted)          file\t\t8388608\t\t4096\t\t-3\n"
		    "garbage\n"
		    "/dev/sdz9 partition notanumber 0 -1\n"
		    "\n"
		    "/dev/ghostswap                          ghost\t\t12345678901\t0\t\t32767\n"
		    "/not\\040(deleted)x                      file\t\t1024\t\t0\t\t5\n");
	CHECK(swaps_read(&l) == 0);
	CHECK_EQ_U64(l.n, 4);
	if (l.n == 4) {
		CHECK_STR(l.v[0].path, "/swap file");
		CHECK(!l.v[0].deleted);
		CHECK_STR(l.v[0].type, "file");
		CHECK_EQ_U64(l.v[0].size_kib, 20971520);
		CHECK_EQ_U64(l.v[0].used_kib, 1048576);
		CHECK(l.v[0].prio == -2);

		CHECK_STR(l.v[1].path, "/var/tmp/a\\b\tc");
		CHECK(l.v[1].deleted);
		CHECK(l.v[1].prio == -3);

		CHECK_STR(l.v[2].path, "/dev/ghostswap");
		CHECK_STR(l.v[2].type, "ghost");
		CHECK_EQ_U64(l.v[2].size_kib, 12345678901ULL);
		CHECK(l.v[2].prio == 32767);

		/* "(deleted)" inside a name is not the suffix */
		CHECK_STR(l.v[3].path, "/not (deleted)x");
		CHECK(!l.v[3].deleted);
	}
	swaps_free(&l);

	/* only the header: no swap */
	write_swaps(HDR);
	CHECK(swaps_read(&l) == 0);
	CHECK_EQ_U64(l.n, 0);
	swaps_free(&l);

	/* a header with spaces is still the kernel's header: rows parse right */
	write_swaps("Filename Type Size Used Priority\n"
		    "/dev/sda2 partition 1048572 0 -2\n");
	CHECK(swaps_read(&l) == 0);
	CHECK_EQ_U64(l.n, 1);
	if (l.n == 1) {
		CHECK_STR(l.v[0].type, "partition");
		CHECK_EQ_U64(l.v[0].size_kib, 1048572);
		CHECK(l.v[0].prio == -2);
	}
	swaps_free(&l);

	/* a header that is not the kernel's is an error, never a guess */
	write_swaps("Name\tKind\tSize\tUsed\tPriority\n/dev/sda2\tpartition\t1048572\t0\t-2\n");
	CHECK(swaps_read(&l) == -EBADMSG);
	CHECK_EQ_U64(l.n, 0);
	write_swaps("Filename\tType\tSize\tUsed\tPriority\tTier\n");
	CHECK(swaps_read(&l) == -EBADMSG);
	write_swaps("Filename\tType\tSize\tUsed\n");
	CHECK(swaps_read(&l) == -EBADMSG);
	write_swaps("FilenameType Size Used Priority\n");
	CHECK(swaps_read(&l) == -EBADMSG);
	write_swaps("/dev/sda2\tpartition\t1048572\t0\t-2\n");
	CHECK(swaps_read(&l) == -EBADMSG);
	write_swaps("");
	CHECK(swaps_read(&l) == -EBADMSG);
	CHECK_STR(swaps_strerror(-EBADMSG), "not the kernel's format (unrecognised header)");
	CHECK_STR(swaps_strerror(-ENOENT), "No such file or directory");

	/* a header without a newline, CRLF, and rows that do not parse */
	CHECK(swaps_parse(HDR, sizeof(HDR) - 2, &l) == 0 && l.n == 0);
	CHECK(swaps_parse("Filename\tType\tSize\tUsed\tPriority\r\n", 34, &l) == 0);
	{
		static const char nul[] = HDR "/a\0b file 100 0 -2\n/c file 100 0 -3";

		CHECK(swaps_parse(nul, sizeof(nul) - 1, &l) == 0);
		CHECK_EQ_U64(l.n, 1);
		CHECK_EQ_U64(l.skipped, 1);
		if (l.n == 1)
			CHECK_STR(l.v[0].path, "/c");
		swaps_free(&l);
	}

	/* 1 MB of rows: linear (this took 75 s under ASan when each row copied the list) */
	{
		size_t cap = 1100000, len = 0, rows = 0;
		char *big = xmalloc(cap);

		alarm(30);
		len = snprintf(big, cap, HDR);
		while (len < (1 << 20)) {
			len += snprintf(
				big + len, cap - len,
				"/var/swap/file%06zu                     file\t\t1048576\t\t%zu\t\t-%zu\n",
				rows, rows, rows % 100 + 2);
			rows++;
		}
		CHECK(swaps_parse(big, len, &l) == 0);
		CHECK_EQ_U64(l.n, rows);
		if (l.n == rows) {
			char last[64];

			snprintf(last, sizeof(last), "/var/swap/file%06zu", rows - 1);
			CHECK_STR(l.v[rows - 1].path, last);
			CHECK_EQ_U64(l.v[rows - 1].used_kib, rows - 1);
		}
		swaps_free(&l);
		free(big);
		alarm(0);
	}

	/* no /proc/swaps at all */
	xasprintf(&p, "%s/proc/swaps", dir);
	unlink(p);
	CHECK(swaps_read(&l) == -ENOENT);
	CHECK_EQ_U64(l.n, 0);
	rmdir(p);
	free(p);
	xasprintf(&p, "%s/proc", dir);
	rmdir(p);
	free(p);
	rmdir(dir);
	return unit_done("test_swaps");
}
