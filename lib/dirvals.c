/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Directories of one-value files (debugfs, module parameters). */
#include "c.h"
#include "dirvals.h"
#include "strutils.h"
#include "sysroot.h"

int dirvals_read(const char *dir, struct dirvals *dv)
{
	struct sysroot_dirent *ents;
	size_t n, i;

	memset(dv, 0, sizeof(*dv));
	dv->rc = sysroot_list_dir(dir, &ents, &n);
	if (dv->rc)
		return dv->rc;
	if (!n)
		return dv->rc = DIRVALS_EMPTY;
	dv->v = xcalloc(n, sizeof(*dv->v));
	for (i = 0; i < n; i++) {
		struct dirval *e;
		char *p, *buf;

		if (ents[i].is_dir)
			continue;
		e = &dv->v[dv->n++];
		e->name = xstrdup(ents[i].name);
		xasprintf(&p, "%s/%s", dir, ents[i].name);
		e->rc = sysroot_read_line(p, &buf);
		if (!e->rc)
			e->value = buf;
		free(p);
	}
	sysroot_dirents_free(ents, n);
	return 0;
}

void dirvals_free(struct dirvals *dv)
{
	size_t i;

	for (i = 0; i < dv->n; i++) {
		free(dv->v[i].name);
		free(dv->v[i].value);
	}
	free(dv->v);
	memset(dv, 0, sizeof(*dv));
}

static int dirval_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const struct dirval *)e)->name);
}

const struct dirval *dirvals_get(const struct dirvals *dv, const char *name)
{
	if (!dv->n)
		return NULL;
	return bsearch(name, dv->v, dv->n, sizeof(*dv->v), dirval_cmp);
}

int dirvals_u64(const struct dirvals *dv, const char *name, uint64_t *val)
{
	const struct dirval *e;

	if (dv->rc)
		return dv->rc < 0 ? dv->rc : -ENOENT;
	e = dirvals_get(dv, name);
	if (!e)
		return -ENOENT;
	if (e->rc)
		return e->rc;
	return str_to_u64(e->value, val);
}
