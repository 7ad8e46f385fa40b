/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The tier table the kernel will have once fstab's tiers are created. */
#include <limits.h>

#include "c.h"
#include "tierplan.h"

void tierplan_init(struct tierplan *p, const struct tier_list *k)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; k && i < k->n; i++) {
		tierplan_add(p, k->v[i].name, k->v[i].prio_start);
		p->v[p->n - 1].is_new = false;
	}
}

void tierplan_free(struct tierplan *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

const struct tierplan_tier *tierplan_find(const struct tierplan *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (!strcmp(p->v[i].name, name))
			return &p->v[i];
	}
	return NULL;
}

const struct tierplan_tier *tierplan_at(const struct tierplan *p, int start)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].start == start)
			return &p->v[i];
	}
	return NULL;
}

void tierplan_add(struct tierplan *p, const char *name, int start)
{
	struct tierplan_tier *t;
	size_t i;

	p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
	/* kept sorted by start: the order the tiers are created in */
	for (i = p->n; i > 0 && p->v[i - 1].start > start; i--)
		p->v[i] = p->v[i - 1];
	t = &p->v[i];
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	t->start = start;
	t->is_new = true;
	p->n++;
}

int tierplan_end(const struct tierplan *p, int start)
{
	int end = TIER_PRIO_MAX;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].start > start && p->v[i].start - 1 < end)
			end = p->v[i].start - 1;
	}
	return end;
}

bool tierplan_covered(const struct tierplan *p)
{
	return p->n == 0 || tierplan_at(p, TIER_PRIO_MIN) != NULL;
}

void tierplan_drop_new(struct tierplan *p)
{
	size_t i, j = 0;

	for (i = 0; i < p->n; i++) {
		if (!p->v[i].is_new)
			p->v[j++] = p->v[i];
	}
	p->n = j;
}

char *tierplan_new_specs(const struct tierplan *p)
{
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (!p->v[i].is_new)
			continue;
		xasprintf(&t, "%s%s%s:%d", s ? s : "", s ? " " : "", p->v[i].name, p->v[i].start);
		free(s);
		s = t;
	}
	return s;
}
