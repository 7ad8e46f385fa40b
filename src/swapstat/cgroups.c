/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Read the cgroup v2 tree: swap and zswap use and limits of every cgroup. */
#include "c.h"
#include "cgroups.h"
#include "kvfile.h"
#include "pathnames.h"
#include "strutils.h"
#include "sysroot.h"

static const struct {
	const char *file, *key;
} cg_files[NR_CGF] = {
	[CGF_SWAP_CURRENT] = { CG_SWAP_CURRENT, NULL },
	[CGF_SWAP_MAX] = { CG_SWAP_MAX, NULL },
	[CGF_SWAP_PEAK] = { CG_SWAP_PEAK, NULL },
	[CGF_SWAP_EVENTS] = { CG_SWAP_EVENTS, "fail" },
	[CGF_ZSWAP_CURRENT] = { CG_ZSWAP_CURRENT, NULL },
	[CGF_ZSWAP_MAX] = { CG_ZSWAP_MAX, NULL },
	[CGF_STAT] = { CG_MEMORY_STAT, "zswapped" },
	[CGF_ZSWAP_WRITEBACK] = { CG_ZSWAP_WRITEBACK, NULL },
	[CGF_SWAP_TIERS_MAX] = { CG_SWAP_TIERS_MAX, NULL },
};

const char *cg_file_name(enum cg_file f)
{
	return cg_files[f].file;
}

const char *cg_file_key(enum cg_file f)
{
	return cg_files[f].key;
}

/* "HDD max\nNET 0\n" -> "HDD": the tiers a cgroup may allocate from. */
static char *allowed_tiers(const char *text)
{
	const char *p = text;
	char *r = xstrdup("");
	size_t len = 0;

	while (*p) {
		size_t n = strcspn(p, "\n");
		const char *sp = memchr(p, ' ', n);

		if (sp && !(p + n - sp == 2 && sp[1] == '0')) {
			r = xrealloc(r, len + (sp - p) + 2);
			len += sprintf(r + len, "%s%.*s", len ? "," : "", (int)(sp - p), p);
		}
		p += n + (p[n] == '\n');
	}
	return r;
}

static void read_value(struct cgroup *cg, const char *dir, enum cg_file f)
{
	struct cg_value *v = &cg->f[f];
	char *p, *buf;

	xasprintf(&p, "%s/%s", dir, cg_files[f].file);
	v->rc = sysroot_read_file(p, &buf, NULL);
	free(p);
	if (v->rc)
		return;
	if (cg_files[f].key) {
		struct kvfile kf;

		kvfile_parse(buf, &kf);
		v->rc = kvfile_get(&kf, cg_files[f].key, &v->val) ? -ENODATA : 0;
		kvfile_free(&kf);
	} else if (f == CGF_SWAP_TIERS_MAX) {
		cg->tiers = allowed_tiers(buf);
	} else {
		buf[strcspn(buf, "\n")] = '\0';
		if (!strcmp(buf, "max") && (f == CGF_SWAP_MAX || f == CGF_ZSWAP_MAX))
			v->rc = CGV_MAX;
		else if (str_to_u64(buf, &v->val))
			v->rc = -EINVAL;
	}
	free(buf);
}

static void add_cgroup(struct cgroup_tree *t, const char *dir, const char *name)
{
	struct cgroup cg = { 0 };
	size_t f;

	/* no memory.swap.current: the memory controller is not enabled here */
	read_value(&cg, dir, CGF_SWAP_CURRENT);
	if (cg.f[CGF_SWAP_CURRENT].rc == -ENOENT)
		return;
	for (f = CGF_SWAP_CURRENT + 1; f < NR_CGF; f++)
		read_value(&cg, dir, f);
	cg.path = xstrdup(name);
	t->v = xgrow(t->v, t->n, sizeof(*t->v));
	t->v[t->n++] = cg;
}

static void walk(struct cgroup_tree *t, const char *dir, const char *name, int depth)
{
	struct sysroot_dirent *ents;
	size_t n, i;

	add_cgroup(t, dir, name);
	if (!depth || sysroot_list_dir(dir, &ents, &n))
		return;
	for (i = 0; i < n; i++) {
		char *sd, *sn;

		if (!ents[i].is_dir)
			continue;
		xasprintf(&sd, "%s/%s", dir, ents[i].name);
		xasprintf(&sn, "%s%s%s", name, strcmp(name, "/") ? "/" : "", ents[i].name);
		walk(t, sd, sn, depth - 1);
		free(sd);
		free(sn);
	}
	sysroot_dirents_free(ents, n);
}

void cgroups_read(struct cgroup_tree *t, int depth)
{
	static const char *const roots[] = { PATH_CGROUP2, PATH_CGROUP2_HYBRID };
	size_t i;

	memset(t, 0, sizeof(*t));
	/* cgroup v2 is at /sys/fs/cgroup, or beside v1 on hybrid systems */
	for (i = 0; i < ARRAY_SIZE(roots) && !t->root; i++) {
		char *p, *buf;

		xasprintf(&p, "%s/%s", roots[i], CG_CONTROLLERS);
		if (sysroot_read_file(p, &buf, NULL) == 0) {
			t->root = roots[i];
			free(buf);
		}
		free(p);
	}
	if (t->root)
		walk(t, t->root, "/", depth);
}

void cgroups_free(struct cgroup_tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].path);
		free(t->v[i].tiers);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}
