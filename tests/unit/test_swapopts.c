/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fstab swap options: util-linux's and ghost swap's, and what is wrong with them. */
#include <limits.h>
#include <stdlib.h>

#include "swapopts.h"
#include "unit.h"

static unsigned int parse(const char *optstr, struct swap_opts *o)
{
	swapopts_free(o);
	return swapopts_parse(optstr, o);
}

int main(void)
{
	struct swap_opts o = { 0 };

	CHECK(parse(NULL, &o) == 0);
	CHECK(!o.ghost && !o.pri_set && !o.tier && !o.size_set && o.tier_start == INT_MIN);
	CHECK(parse("defaults", &o) == 0);
	CHECK(!o.nofail && !o.noauto && o.discard == SWAPOPTS_DISCARD_NONE);

	/* util-linux's */
	CHECK(parse("pri=50,nofail,noauto,discard", &o) == 0);
	CHECK(o.pri_set && o.pri == 50 && o.nofail && o.noauto);
	CHECK(o.discard == SWAPOPTS_DISCARD_BOTH);
	CHECK(parse("discard=once", &o) == 0 && o.discard == SWAPOPTS_DISCARD_ONCE);
	CHECK(parse("discard=pages", &o) == 0 && o.discard == SWAPOPTS_DISCARD_PAGES);
	CHECK(parse("discard=never", &o) == SWAPOPTS_BAD_DISCARD);
	CHECK(o.discard == SWAPOPTS_DISCARD_BOTH && !strcmp(o.discard_str, "never"));
	CHECK(parse("pri=-1", &o) == 0 && o.pri == -1);
	CHECK(parse("pri=high", &o) == SWAPOPTS_BAD_PRI && !o.pri_set);
	CHECK_STR(o.pri_str, "high");
	CHECK(parse("pri=", &o) == SWAPOPTS_BAD_PRI && o.pri_str == NULL);
	CHECK(parse("pri=99999999999", &o) == SWAPOPTS_BAD_PRI);

	/* ghost swap's */
	CHECK(parse("ghost,size=64G,pri=50,nofail", &o) == 0);
	CHECK(o.ghost && o.size_set && o.size == 64ULL << 30 && o.pri == 50 && o.nofail);
	CHECK_STR(o.size_str, "64G");
	CHECK(parse("tier=fast:200,ghost", &o) == 0);
	CHECK_STR(o.tier, "fast:200");
	CHECK_STR(o.tier_name, "fast");
	CHECK(o.tier_start == 200 && o.ghost);
	CHECK(parse("tier=slow", &o) == 0 && o.tier_start == INT_MIN);
	CHECK_STR(o.tier_name, "slow");
	CHECK(parse("tier=low:-1", &o) == 0 && o.tier_start == -1);
	CHECK(parse("tier=a-b", &o) == SWAPOPTS_BAD_TIER && o.tier == NULL);
	CHECK_STR(o.tier_str, "a-b");
	CHECK(parse("tier=x:32768", &o) == SWAPOPTS_BAD_TIER);
	CHECK(parse("tier=x:-2", &o) == SWAPOPTS_BAD_TIER);
	CHECK(parse("tier=sixteen_chars_xy", &o) == SWAPOPTS_BAD_TIER);
	CHECK(parse("tier", &o) == SWAPOPTS_BAD_TIER && o.tier_str == NULL);
	CHECK(parse("ghost,size=lots", &o) == SWAPOPTS_BAD_SIZE && !o.size_set);
	CHECK(parse("ghost,size=0", &o) == SWAPOPTS_BAD_SIZE);
	CHECK(parse("ghost,size", &o) == SWAPOPTS_BAD_SIZE);
	CHECK(parse("size=1G", &o) == SWAPOPTS_SIZE_NO_GHOST && o.size_set);
	CHECK(parse("tier=a-b,size=x,pri=y", &o) ==
	      (SWAPOPTS_BAD_TIER | SWAPOPTS_BAD_SIZE | SWAPOPTS_BAD_PRI));
	/* a name that merely starts like ours is not ours */
	CHECK(parse("ghostly,tiers=x,sizes=1", &o) == 0 && !o.ghost && !o.tier_str);

	swapopts_free(&o);
	CHECK(o.tier == NULL && o.size_str == NULL);
	return unit_done("test_swapopts");
}
