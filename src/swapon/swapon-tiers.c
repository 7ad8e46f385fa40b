/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --tier and fstab tier=: place a swap area in a swap tier, creating the tier. */
#include <limits.h>

#include "c.h"
#include "ghostswapon.h"
#include "pathnames.h"

/* @what: where the spec came from ("--tier", a device), or NULL */
void warn_bad_tier(const char *what, const char *spec)
{
	if (what)
		warnx(_("%s: invalid tier '%s': a name is 1 to %d letters, digits or '_', and a "
			"start is -1 to %d"),
		      what, spec, TIER_NAME_MAX, TIER_PRIO_MAX);
	else
		warnx(_("invalid tier '%s': a name is 1 to %d letters, digits or '_', and a start "
			"is -1 to %d"),
		      spec, TIER_NAME_MAX, TIER_PRIO_MAX);
}

/* The start of the tier above @start, or TIER_PRIO_MAX + 1 when none. */
static int next_start(const struct tier_list *l, int start)
{
	int next = TIER_PRIO_MAX + 1;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].prio_start > start && l->v[i].prio_start < next)
			next = l->v[i].prio_start;
	}
	return next;
}

/*
 * Place the area in the tier @spec: find (or create) it, then choose a
 * priority inside it or check the one given. -1 on failure, after a message.
 */
int apply_tier(struct swapon_ctl *ctl, const char *dev, const char *spec, int *prio, bool prio_set,
	       char tiername[TIER_NAME_MAX + 1])
{
	struct tier_list l;
	struct swap_tier made;
	const struct swap_tier *t;
	char name[TIER_NAME_MAX + 1], *ops;
	int start, rc;

	if (tiers_parse_spec(spec, name, &start) != 0) {
		warn_bad_tier(dev, spec);
		return -1;
	}
	rc = tiers_read(&l);
	if (rc == -EINVAL) {
		warnx(_("%s: cannot parse %s"), dev, PATH_SWAP_TIERS);
		return -1;
	}
	if (rc) {
		warnx(_("%s: cannot use swap tier %s: %s"), dev, name, tiers_strerror(rc));
		return -1;
	}
	t = tiers_find_name(&l, name);
	if (!t && start == INT_MIN) {
		warnx(_("%s: swap tier %s does not exist (use --tier %s:START to create it)"), dev,
		      name, name);
		goto fail;
	}
	if (t && start != INT_MIN && t->prio_start != start) {
		warnx(_("%s: swap tier %s already exists and starts at priority %d, not %d"), dev,
		      name, t->prio_start, start);
		goto fail;
	}
	if (!t) {
		/* what the kernel will make of it: up to the next tier's start */
		memset(&made, 0, sizeof(made));
		strcpy(made.name, name);
		made.idx = -1;
		made.prio_start = start;
		made.prio_end = next_start(&l, start) - 1;
		if (tiers_find_prio(&l, start) && tiers_find_prio(&l, start)->prio_start == start) {
			warnx(_("%s: cannot create swap tier %s:%d: tier %s already starts there"),
			      dev, name, start, tiers_find_prio(&l, start)->name);
			goto fail;
		}
		/* the tiers must cover -1 to 32767: some tier has to start at -1 */
		if (start != TIER_PRIO_MIN && !tiers_find_prio(&l, TIER_PRIO_MIN)) {
			warnx(_("%s: cannot create swap tier %s:%d: no tier covers priority -1 yet; "
				"create one from -1 first (for example --tier low:-1)"),
			      dev, name, start);
			goto fail;
		}
		if (ctl->dry_run) {
			const struct swap_entry *busy = NULL;
			size_t i;

			/*
			 * The kernel refuses to move an active device from its
			 * tier into the new one: predict that refusal.
			 */
			load_swaps(ctl);
			for (i = 0; i < ctl->swaps.n && !busy; i++) {
				int p = ctl->swaps.v[i].prio;

				if (p < TIER_PRIO_MIN)
					p = TIER_PRIO_MIN;
				if (p >= made.prio_start && p <= made.prio_end &&
				    tiers_find_prio(&l, p))
					busy = &ctl->swaps.v[i];
			}
			if (busy) {
				warnx(_("%s: cannot create swap tier %s:%d: %s (%s has priority %d)"),
				      dev, name, start, tiers_strerror(-EBUSY), busy->path,
				      busy->prio);
				goto fail;
			}
			printf(_("would create swap tier %s for priorities %d to %d\n"), name,
			       made.prio_start, made.prio_end);
		} else {
			xasprintf(&ops, "+%s:%d", name, start);
			if (ctl->verbose)
				printf(_("creating swap tier %s: %s\n"), name, ops);
			rc = tiers_write(ops);
			free(ops);
			if (rc) {
				warnx(_("%s: cannot create swap tier %s:%d: %s"), dev, name, start,
				      tiers_strerror(rc));
				goto fail;
			}
			tiers_free(&l);
			if (tiers_read(&l) == 0 && tiers_find_name(&l, name))
				made = *tiers_find_name(&l, name);
		}
		t = &made;
	}

	if (prio_set) {
		/* automatic (negative) priorities count as -1 */
		int p = *prio < TIER_PRIO_MIN ? TIER_PRIO_MIN : *prio;

		if (p < t->prio_start || p > t->prio_end) {
			warnx(_("%s: priority %d is outside swap tier %s (priorities %d to %d)"),
			      dev, *prio, t->name, t->prio_start, t->prio_end);
			goto fail;
		}
	} else {
		/*
		 * The tier's lowest priority: below whatever the admin put there
		 * explicitly. A tier from -1 takes the kernel's automatic one.
		 */
		*prio = t->prio_start < 0 ? -1 : t->prio_start;
	}
	strcpy(tiername, t->name);
	tiers_free(&l);
	return 0;
fail:
	tiers_free(&l);
	return -1;
}
