/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per entry: skip it (and say why), or what its .swap unit needs. */
#include <limits.h>
#include <stdarg.h>

#include "c.h"
#include "genlog.h"
#include "ghost.h"
#include "pathnames.h"
#include "plan.h"
#include "unitfile.h"
#include "unitname.h"

#define SKIPPED _("; skipped at boot")

static void bad(struct swapentry *e, const char *fmt, ...) __printf(2, 3);

/* One line about entry @e, which is then kept out of the boot. */
static void bad(struct swapentry *e, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	genlog(LOG_WARNING, "%s: %s%s", e->source, msg ? msg : "", SKIPPED);
	free(msg);
	e->skip = SKIP_BAD;
}

static bool is_tag(const struct swapentry *e)
{
	return strcmp(e->source, e->what) != 0;
}

/* Our options on their own: what no kernel could honour. */
static void check_options(struct swapentry *e)
{
	const struct swap_opts *o = &e->opts;

	if (o->errors & SWAPOPTS_BAD_TIER)
		bad(e,
		    _("invalid tier '%s': a name is 1 to %d letters, digits or '_', and a "
		      "start is -1 to %d"),
		    o->tier_str ? o->tier_str : "", TIER_NAME_MAX, TIER_PRIO_MAX);
	else if (o->errors & SWAPOPTS_BAD_SIZE)
		bad(e, _("invalid ghost size '%s'"), o->size_str ? o->size_str : "");
	else if (o->errors & SWAPOPTS_BAD_PRI)
		bad(e, _("invalid priority '%s'"), o->pri_str ? o->pri_str : "");
	if (e->skip != SKIP_NONE)
		return;
	if (o->errors & SWAPOPTS_SIZE_NO_GHOST)
		genlog(LOG_WARNING, _("%s: size= only applies to ghost swap files -- ignored"),
		       e->source);
	if (!o->ghost || e->ghost_device)
		return;
	if (is_tag(e))
		bad(e, _("a ghost swap file must be named by its path: libblkid does not find "
			 "ghost files by LABEL or UUID"));
	else if (e->what[0] != '/' || !strncmp(e->what, "/dev/", 5))
		bad(e, _("a ghost swap file must be an absolute path outside /dev"));
	else if (!unitfile_path_ok(e->what))
		bad(e, _("a ghost swap file path with quotes, backslashes, control or non-ASCII "
			 "characters cannot be written into a unit"));
	else if (!(e->mkswap_unit = unitname_from_path(MKSWAP_UNIT_PREFIX, e->what, ".service")))
		bad(e, _("the path is too long for the name of the unit that creates it"));
}

/*
 * What the running kernel cannot do. A ghost swap area needs zswap: swapon
 * refuses it (EOPNOTSUPP) while zswap is disabled; where zswap's state
 * cannot be read, swapon decides.
 */
static void check_kernel(struct swapentry *e, const struct kfeatures *kf, enum kf_zswap zswap)
{
	bool ghost = e->ghost_device || e->opts.ghost;

	if (ghost && !kf->ghost)
		e->skip = SKIP_NO_GHOST;
	else if (e->ghost_device && kf->devnode == KF_DEVNODE_MISSING)
		bad(e, _("the kernel has ghost swap, but %s does not exist"), PATH_DEV_GHOSTSWAP);
	else if (e->ghost_device && kf->devnode != KF_DEVNODE_OK)
		bad(e, _("not the ghost swap device (a character device %d:%d)"), GHOSTSWAP_MAJOR,
		    GHOSTSWAP_MINOR);
	else if (ghost && (zswap == KF_ZSWAP_OFF || zswap == KF_ZSWAP_MISSING))
		e->skip = SKIP_NO_ZSWAP;
	else if (e->opts.tier && !kf->tiers)
		e->skip = SKIP_NO_TIERS;
}

/* The entries whose kernel lacks @why's feature, named on one line. */
static void report_missing(const struct swapentry_list *l, enum swapentry_skip why,
			   enum kf_zswap zswap)
{
	char *list = NULL, *t;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].skip != why)
			continue;
		xasprintf(&t, "%s%s%s", list ? list : "", list ? ", " : "", l->v[i].source);
		free(list);
		list = t;
	}
	if (!list)
		return;
	if (why == SKIP_NO_GHOST)
		genlog(LOG_WARNING,
		       _("the running kernel has no ghost swap (%s is missing): not activating %s"),
		       PATH_GHOSTSWAP_PARAMS, list);
	else if (why == SKIP_NO_ZSWAP && zswap == KF_ZSWAP_MISSING)
		genlog(LOG_WARNING,
		       _("the running kernel has no zswap (%s is missing), which ghost swap needs: "
			 "not activating %s"),
		       PATH_ZSWAP_PARAMS, list);
	else if (why == SKIP_NO_ZSWAP)
		genlog(LOG_WARNING,
		       _("zswap is disabled (%s is N), and ghost swap needs it: not activating %s "
			 "(boot with zswap.enabled=1)"),
		       PATH_ZSWAP_ENABLED, list);
	else
		genlog(LOG_WARNING,
		       _("the running kernel has no swap tiers (%s is missing): not activating %s"),
		       PATH_SWAP_TIERS, list);
	free(list);
}

static bool active(const struct swapentry *e)
{
	return e->ours && e->unit && !e->duplicate && e->skip == SKIP_NONE;
}

/* Entries that create tiers, in fstab order: the first to name one wins. */
static void add_new_tiers(struct swapentry_list *l, struct tierplan *tp)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct swapentry *e = &l->v[i];
		const struct swap_opts *o = &e->opts;
		const struct tierplan_tier *t;

		if (!active(e) || !o->tier || o->tier_start == INT_MIN)
			continue;
		t = tierplan_find(tp, o->tier_name);
		if (t && t->start != o->tier_start) {
			bad(e, _("swap tier %s starts at priority %d, not %d"), t->name, t->start,
			    o->tier_start);
			continue;
		}
		if (t)
			continue;
		t = tierplan_at(tp, o->tier_start);
		if (t) {
			bad(e, _("swap tier %s cannot start at priority %d: tier %s starts there"),
			    o->tier_name, o->tier_start, t->name);
			continue;
		}
		tierplan_add(tp, o->tier_name, o->tier_start);
	}
	if (tierplan_covered(tp))
		return;
	/* the kernel would refuse the whole table: no tier from -1 */
	for (i = 0; i < l->n; i++) {
		struct swapentry *e = &l->v[i];
		const struct tierplan_tier *t;

		if (!active(e) || !e->opts.tier)
			continue;
		t = tierplan_find(tp, e->opts.tier_name);
		if (t && t->is_new)
			bad(e,
			    _("swap tier %s cannot be created: no swap tier starts at -1 (add "
			      "one, for example tier=low:-1)"),
			    t->name);
	}
	tierplan_drop_new(tp);
}

/* The priority each tiered entry gets, or why it cannot have one. */
static void place_in_tiers(struct swapentry_list *l, const struct tierplan *tp)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct swapentry *e = &l->v[i];
		const struct swap_opts *o = &e->opts;
		const struct tierplan_tier *t;
		int end;

		if (!active(e) || !o->tier)
			continue;
		t = tierplan_find(tp, o->tier_name);
		if (!t) {
			bad(e,
			    _("swap tier %s does not exist and no entry creates it "
			      "(tier=%s:START)"),
			    o->tier_name, o->tier_name);
			continue;
		}
		end = tierplan_end(tp, t->start);
		if (o->pri_set) {
			/* automatic (negative) priorities count as -1 */
			int p = o->pri < TIER_PRIO_MIN ? TIER_PRIO_MIN : o->pri;

			if (p < t->start || p > end) {
				bad(e,
				    _("priority %d is outside swap tier %s (priorities %d to %d)"),
				    o->pri, t->name, t->start, end);
				continue;
			}
		} else if (t->start > TIER_PRIO_MIN) {
			/* the tier's lowest, below what the admin put there by hand */
			e->prio_from_tier = true;
			e->prio = t->start;
		}
		e->needs_tiers = t->is_new;
	}
}

void plan_make(struct swapentry_list *l, const struct kfeatures *kf, enum kf_zswap zswap,
	       const char *fstab, struct tierplan *tp)
{
	struct tier_list k = { 0 };
	bool any_tier = false;
	size_t i;
	int rc;

	for (i = 0; i < l->n; i++) {
		struct swapentry *e = &l->v[i];

		if (!e->ours)
			continue;
		if (!e->unit) {
			genlog(LOG_WARNING,
			       _("%s: systemd cannot name a unit after this path -- "
				 "ignored"),
			       e->source);
			continue;
		}
		if (e->duplicate) {
			genlog(LOG_WARNING,
			       _("%s: listed twice in %s; only the first entry is used"), e->source,
			       fstab);
			continue;
		}
		check_options(e);
		if (e->skip == SKIP_NONE)
			check_kernel(e, kf, zswap);
		any_tier |= active(e) && e->opts.tier;
	}
	report_missing(l, SKIP_NO_GHOST, zswap);
	report_missing(l, SKIP_NO_ZSWAP, zswap);
	report_missing(l, SKIP_NO_TIERS, zswap);

	tierplan_init(tp, NULL);
	if (!any_tier)
		return;
	rc = tiers_read(&k);
	if (rc) {
		for (i = 0; i < l->n; i++) {
			if (active(&l->v[i]) && l->v[i].opts.tier)
				bad(&l->v[i], _("cannot read %s: %s"), PATH_SWAP_TIERS,
				    rc == -EINVAL ? _("unexpected format") : strerror(-rc));
		}
		return;
	}
	tierplan_init(tp, &k);
	tiers_free(&k);
	add_new_tiers(l, tp);
	place_in_tiers(l, tp);
}
