/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The swap tiers table parser, lookups, spec parsing and error sentences. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysroot.h"
#include "tiers.h"
#include "unit.h"

static const char two_tiers[] = "Name             Idx   PrioStart   PrioEnd\n"
				"HDD              0     50          32767\n"
				"NET              1     -1          49\n";

static int parse_rc(const char *text)
{
	struct tier_list l;
	int rc = tiers_parse(text, &l);

	tiers_free(&l);
	return rc;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* tiers_read() and tiers_write() go through the sysroot */
static void check_sysroot(void)
{
	char dir[] = "/tmp/test_tiers.XXXXXX", path[256], buf[64] = "";
	struct tier_list l;
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	sysroot_set(dir);
	CHECK(tiers_read(&l) == -ENOENT);
	CHECK(tiers_write("+a:5") == -ENOENT);

	snprintf(path, sizeof(path), "%s/sys", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sys/kernel", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sys/kernel/mm", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sys/kernel/mm/swap", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sys/kernel/mm/swap/tiers", dir);
	put(path, two_tiers);
	CHECK(tiers_read(&l) == 0);
	CHECK_EQ_U64(l.n, 2);
	tiers_free(&l);

	put(path, "Name Idx PrioStart PrioEnd\nHDD 0 50\n");
	CHECK(tiers_read(&l) == -EINVAL);
	CHECK(l.n == 0 && l.v == NULL);

	CHECK(tiers_write("+ghost:100") == 0);
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (f) {
		CHECK(fgets(buf, sizeof(buf), f) != NULL);
		fclose(f);
	}
	CHECK_STR(buf, "+ghost:100");

	unlink(path);
	snprintf(path, sizeof(path), "%s/sys/kernel/mm/swap", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/sys/kernel/mm", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/sys/kernel", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/sys", dir);
	rmdir(path);
	rmdir(dir);
	sysroot_set(NULL);
}

int main(void)
{
	struct tier_list l;
	const struct swap_tier *t;
	char name[TIER_NAME_MAX + 1];
	int start;

	CHECK(tiers_parse(two_tiers, &l) == 0);
	CHECK_EQ_U64(l.n, 2);
	CHECK_STR(l.v[0].name, "HDD");
	CHECK_EQ_U64(l.v[0].idx, 0);
	CHECK_EQ_U64(l.v[0].prio_start, 50);
	CHECK_EQ_U64(l.v[0].prio_end, 32767);
	CHECK_STR(l.v[1].name, "NET");
	CHECK(l.v[1].prio_start == -1);
	CHECK(l.v[1].prio_end == 49);

	t = tiers_find_prio(&l, 50);
	CHECK(t && !strcmp(t->name, "HDD"));
	t = tiers_find_prio(&l, 49);
	CHECK(t && !strcmp(t->name, "NET"));
	t = tiers_find_prio(&l, 32767);
	CHECK(t && !strcmp(t->name, "HDD"));
	/* automatic priorities land in the tier that starts at -1 */
	t = tiers_find_prio(&l, -7);
	CHECK(t && !strcmp(t->name, "NET"));
	CHECK(tiers_find_prio(&l, 40000) == NULL);
	t = tiers_find_name(&l, "NET");
	CHECK(t && t->idx == 1);
	CHECK(tiers_find_name(&l, "net") == NULL);
	CHECK(tiers_find_name(&l, "") == NULL);
	tiers_free(&l);
	CHECK(l.v == NULL && l.n == 0);

	/* a kernel with tiers but none defined prints only the header */
	CHECK(tiers_parse("Name             Idx   PrioStart   PrioEnd\n", &l) == 0);
	CHECK_EQ_U64(l.n, 0);
	CHECK(tiers_find_prio(&l, 5) == NULL);
	tiers_free(&l);

	/* blank lines and tabs are whitespace like any other */
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\n\nfast\t0\t100\t32767\n") == 0);

	/* malformed tables */
	CHECK(parse_rc("") == -EINVAL);
	CHECK(parse_rc("HDD 0 50 32767\n") == -EINVAL); /* no header */
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD 0 50\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD 0 50 32767 x\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD 0 60 50\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD 0 -2 50\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD 0 0 32768\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD x 0 5\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nHDD -1 0 5\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nH-D 0 0 5\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nABCDEFGHIJKLMNOP 0 0 5\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nA 0 0 5\nA 1 6 9\n") == -EINVAL);
	CHECK(parse_rc("Name Idx PrioStart PrioEnd\nABCDEFGHIJKLMNO 0 0 5\n") == 0);

	/* names */
	CHECK(tiers_name_ok("ghost_1"));
	CHECK(tiers_name_ok("ABCDEFGHIJKLMNO"));
	CHECK(!tiers_name_ok("ABCDEFGHIJKLMNOP"));
	CHECK(!tiers_name_ok(""));
	CHECK(!tiers_name_ok("a b"));
	CHECK(!tiers_name_ok("a:b"));
	CHECK(!tiers_name_ok("caf\xc3\xa9"));

	/* NAME[:START] */
	CHECK(tiers_parse_spec("ghost", name, &start) == 0);
	CHECK_STR(name, "ghost");
	CHECK(start == INT_MIN);
	CHECK(tiers_parse_spec("ghost:100", name, &start) == 0);
	CHECK_STR(name, "ghost");
	CHECK(start == 100);
	CHECK(tiers_parse_spec("slow:-1", name, &start) == 0);
	CHECK(start == -1);
	CHECK(tiers_parse_spec("top:32767", name, &start) == 0);
	CHECK(start == 32767);
	CHECK(tiers_parse_spec("top:32768", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec("low:-2", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec("x:", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec(":5", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec("x:5a", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec("bad-name:5", name, &start) == -EINVAL);
	CHECK(tiers_parse_spec("ABCDEFGHIJKLMNOP:1", name, &start) == -EINVAL);

	/* every kernel refusal has its own sentence */
	CHECK(strstr(tiers_strerror(-EEXIST), "already exists") != NULL);
	CHECK(strstr(tiers_strerror(-ENOSPC), "slot") != NULL);
	CHECK(strstr(tiers_strerror(-EINVAL), "rejected") != NULL);
	CHECK(strstr(tiers_strerror(-EBUSY), "active swap device") != NULL);
	CHECK(strstr(tiers_strerror(-ENOENT), "no swap tiers") != NULL);
	CHECK(strcmp(tiers_strerror(-EEXIST), tiers_strerror(-EBUSY)) != 0);

	check_sysroot();
	return unit_done("test_tiers");
}
