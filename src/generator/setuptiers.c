/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Create fstab's swap tiers at boot, all in one write. */
#include <limits.h>

#include "c.h"
#include "pathnames.h"
#include "setuptiers.h"
#include "tiers.h"

/* "+NAME:START" for every spec the table @l lacks; NULL with nothing to do */
static int plan_ops(int nspecs, char **specs, const struct tier_list *l, char **ops)
{
	int i, rc = 0;

	*ops = NULL;
	for (i = 0; i < nspecs; i++) {
		char name[TIER_NAME_MAX + 1], *t;
		const struct swap_tier *have;
		int start;

		if (tiers_parse_spec(specs[i], name, &start) != 0 || start == INT_MIN) {
			warnx(_("invalid tier '%s': expected NAME:START"), specs[i]);
			rc = -1;
			continue;
		}
		have = tiers_find_name(l, name);
		if (have && have->prio_start != start) {
			warnx(_("swap tier %s already exists and starts at priority %d, not %d"),
			      name, have->prio_start, start);
			rc = -1;
			continue;
		}
		if (have)
			continue;
		xasprintf(&t, "%s%s+%s:%d", *ops ? *ops : "", *ops ? " " : "", name, start);
		free(*ops);
		*ops = t;
	}
	return rc;
}

int setup_tiers(int nspecs, char **specs)
{
	struct tier_list l;
	char *ops;
	int rc;

	if (nspecs < 1) {
		warnx(_("--setup-tiers needs at least one NAME:START"));
		errtryhelp(EXIT_FAILURE);
	}
	rc = tiers_read(&l);
	if (rc == -ENOENT) {
		warnx("%s", tiers_strerror(rc));
		return EXIT_FAILURE;
	}
	if (rc) {
		warnx(_("cannot read %s: %s"), PATH_SWAP_TIERS,
		      rc == -EINVAL ? _("unexpected format") : tiers_strerror(rc));
		return EXIT_FAILURE;
	}
	rc = plan_ops(nspecs, specs, &l, &ops);
	tiers_free(&l);
	if (rc) {
		free(ops);
		return EXIT_FAILURE;
	}
	if (!ops)
		return EXIT_SUCCESS;
	rc = tiers_write(ops);
	if (rc) {
		warnx(_("cannot create swap tiers (%s): %s"), ops, tiers_strerror(rc));
		free(ops);
		return EXIT_FAILURE;
	}
	printf(_("created swap tiers: %s\n"), ops);
	free(ops);
	return EXIT_SUCCESS;
}
