/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The options of a swap entry: util-linux's and ghost swap's, parsed once. */
#include <limits.h>

#include <libmount.h>

#include "c.h"
#include "sizes.h"
#include "swapopts.h"

/* Is @name in @optstr? Its value (a new string) goes to @value, if any. */
static bool get_option(const char *optstr, const char *name, char **value)
{
	char *arg = NULL;
	size_t argsz = 0;

	*value = NULL;
	if (mnt_optstr_get_option(optstr, name, &arg, &argsz) != 0)
		return false;
	if (arg && argsz) {
		*value = xmalloc(argsz + 1);
		memcpy(*value, arg, argsz);
		(*value)[argsz] = '\0';
	}
	return true;
}

static bool has_option(const char *optstr, const char *name)
{
	return mnt_optstr_get_option(optstr, name, NULL, NULL) == 0;
}

unsigned int swapopts_parse(const char *optstr, struct swap_opts *o)
{
	int64_t n;

	memset(o, 0, sizeof(*o));
	o->tier_start = INT_MIN;
	if (!optstr)
		return 0;

	o->nofail = has_option(optstr, "nofail");
	o->noauto = has_option(optstr, "noauto");
	o->ghost = has_option(optstr, "ghost");

	if (get_option(optstr, "pri", &o->pri_str)) {
		if (o->pri_str && parse_s64(o->pri_str, INT_MIN, INT_MAX, &n) == 0) {
			o->pri_set = true;
			o->pri = (int)n;
		} else {
			o->errors |= SWAPOPTS_BAD_PRI;
		}
	}

	if (get_option(optstr, "discard", &o->discard_str)) {
		if (!o->discard_str)
			o->discard = SWAPOPTS_DISCARD_BOTH;
		else if (!strcmp(o->discard_str, "once"))
			o->discard = SWAPOPTS_DISCARD_ONCE;
		else if (!strcmp(o->discard_str, "pages"))
			o->discard = SWAPOPTS_DISCARD_PAGES;
		else {
			o->discard = SWAPOPTS_DISCARD_BOTH;
			o->errors |= SWAPOPTS_BAD_DISCARD;
		}
	}

	if (get_option(optstr, "tier", &o->tier_str)) {
		if (o->tier_str && tiers_parse_spec(o->tier_str, o->tier_name, &o->tier_start) == 0)
			o->tier = xstrdup(o->tier_str);
		else
			o->errors |= SWAPOPTS_BAD_TIER;
	}

	if (get_option(optstr, "size", &o->size_str)) {
		if (o->size_str && size_parse(o->size_str, &o->size) == 0 && o->size > 0)
			o->size_set = true;
		else
			o->errors |= SWAPOPTS_BAD_SIZE;
	}
	if (o->size_set && !o->ghost)
		o->errors |= SWAPOPTS_SIZE_NO_GHOST;
	return o->errors;
}

void swapopts_free(struct swap_opts *o)
{
	free(o->tier);
	free(o->pri_str);
	free(o->discard_str);
	free(o->tier_str);
	free(o->size_str);
	memset(o, 0, sizeof(*o));
	o->tier_start = INT_MIN;
}
