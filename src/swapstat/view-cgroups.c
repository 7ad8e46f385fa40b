/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --cgroups: swap and zswap use and limits per cgroup. */
#include "c.h"
#include "pathnames.h"
#include "swapstat.h"
#include "sysroot.h"

enum {
	CCOL_CGROUP,
	CCOL_SWAP,
	CCOL_SWAPMAX,
	CCOL_SWAPPEAK,
	CCOL_SWAPFAIL,
	CCOL_ZSWAP,
	CCOL_ZSWAPMAX,
	CCOL_ZSWAPPED,
	CCOL_WRITEBACK,
	CCOL_TIERS,
};

static const struct colinfo cg_cols[] = {
	[CCOL_CGROUP] = { "CGROUP", NULL, 0.3, 0, CT_TEXT, N_("cgroup path") },
	[CCOL_SWAP] = { "SWAP", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			N_("swap in use (memory.swap.current)") },
	[CCOL_SWAPMAX] = { "SWAP-MAX", NULL, 5, SCOLS_FL_RIGHT, CT_TEXT,
			   N_("swap limit (memory.swap.max)") },
	[CCOL_SWAPPEAK] = { "SWAP-PEAK", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("peak swap (memory.swap.peak)") },
	[CCOL_SWAPFAIL] = { "SWAP-FAIL", NULL, 5, SCOLS_FL_RIGHT, CT_NUMBER,
			    N_("failed swap allocations (memory.swap.events fail)") },
	[CCOL_ZSWAP] = { "ZSWAP", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			 N_("zswap pool used (memory.zswap.current)") },
	[CCOL_ZSWAPMAX] = { "ZSWAP-MAX", NULL, 5, SCOLS_FL_RIGHT, CT_TEXT,
			    N_("zswap limit (memory.zswap.max)") },
	[CCOL_ZSWAPPED] = { "ZSWAPPED", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("stored in zswap, uncompressed (memory.stat zswapped)") },
	[CCOL_WRITEBACK] = { "WRITEBACK", NULL, 3, 0, CT_TEXT,
			     N_("zswap may write back (memory.zswap.writeback)") },
	[CCOL_TIERS] = { "TIERS", NULL, 0.2, 0, CT_TEXT,
			 N_("tiers allowed (memory.swap.tiers.max)") },
};
static const int cg_default[] = { CCOL_CGROUP,	 CCOL_SWAP,	CCOL_SWAPMAX, CCOL_ZSWAP,
				  CCOL_ZSWAPMAX, CCOL_ZSWAPPED, CCOL_TIERS };

const struct viewcols cgroups_columns = { cg_cols, ARRAY_SIZE(cg_cols), cg_default,
					  ARRAY_SIZE(cg_default) };

/* the file behind each column but the first */
static const enum cg_file col_file[] = {
	[CCOL_SWAP] = CGF_SWAP_CURRENT,	   [CCOL_SWAPMAX] = CGF_SWAP_MAX,
	[CCOL_SWAPPEAK] = CGF_SWAP_PEAK,   [CCOL_SWAPFAIL] = CGF_SWAP_EVENTS,
	[CCOL_ZSWAP] = CGF_ZSWAP_CURRENT,  [CCOL_ZSWAPMAX] = CGF_ZSWAP_MAX,
	[CCOL_ZSWAPPED] = CGF_STAT,	   [CCOL_WRITEBACK] = CGF_ZSWAP_WRITEBACK,
	[CCOL_TIERS] = CGF_SWAP_TIERS_MAX,
};

/* "what: why" lines, each once, in the order met */
struct missing {
	char **v;
	size_t n;
};

static void missing_add(struct missing *m, const char *what, const char *why)
{
	char *s;
	size_t i;

	xasprintf(&s, "%s: %s", what, why);
	for (i = 0; i < m->n; i++) {
		if (!strcmp(m->v[i], s)) {
			free(s);
			return;
		}
	}
	m->v = xrealloc(m->v, (m->n + 1) * sizeof(char *));
	m->v[m->n++] = s;
}

static void missing_file(struct missing *m, enum cg_file f, int rc)
{
	char *what;

	if (rc == -ENODATA) {
		/* the file is there, the line is not */
		if (cg_file_key(f))
			xasprintf(&what, "%s %s", cg_file_name(f), cg_file_key(f));
		else
			what = xstrdup(cg_file_name(f));
		missing_add(m, what, _("not provided by this kernel or controller"));
		free(what);
	} else if (rc == -ENOENT) {
		missing_add(m, cg_file_name(f), _("not provided by this kernel or controller"));
	} else if (rc == -EINVAL) {
		missing_add(m, cg_file_name(f), _("not a number"));
	} else {
		missing_add(m, cg_file_name(f), sysroot_strerror(rc));
	}
}

static void cg_row(const struct ctl *ctl, struct libscols_table *tb, const struct cgroup *cg,
		   struct missing *m)
{
	struct libscols_line *ln = new_line(tb);
	size_t c;

	if (cg->f[CGF_SWAP_CURRENT].rc)
		missing_file(m, CGF_SWAP_CURRENT, cg->f[CGF_SWAP_CURRENT].rc);
	for (c = 0; c < ctl->ncols; c++) {
		int col = ctl->cols[c];
		const struct cg_value *v = col == CCOL_CGROUP ? NULL : &cg->f[col_file[col]];

		if (v && v->rc < 0 && col != CCOL_SWAP)
			missing_file(m, col_file[col], v->rc);
		switch (col) {
		case CCOL_CGROUP:
			set_cell(ctl, ln, c, cg->path);
			break;
		case CCOL_SWAPMAX:
		case CCOL_ZSWAPMAX:
			if (v->rc == CGV_MAX)
				set_cell(ctl, ln, c, "max");
			else
				set_cell_size(ctl, ln, c, v->rc == 0, v->val, false);
			break;
		case CCOL_SWAPFAIL:
			set_cell_u64(ctl, ln, c, v->rc == 0, v->val, false);
			break;
		case CCOL_WRITEBACK:
			set_cell(ctl, ln, c, v->rc ? NULL : v->val ? _("yes") : _("no"));
			break;
		case CCOL_TIERS:
			if (v->rc)
				set_cell(ctl, ln, c, NULL);
			else
				set_cell(ctl, ln, c, *cg->tiers ? cg->tiers : _("none"));
			break;
		default:
			set_cell_size(ctl, ln, c, v->rc == 0, v->val, false);
			break;
		}
	}
}

static struct libscols_table *missing_table(const struct ctl *ctl, struct missing *m)
{
	struct libscols_table *tb = new_table(ctl, "missing");
	size_t i;

	if (!scols_table_new_column(tb, "MISSING", 0, 0))
		err(EXIT_FAILURE, _("failed to allocate output column"));
	for (i = 0; i < m->n; i++) {
		set_cell(ctl, new_line(tb), 0, m->v[i]);
		free(m->v[i]);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
	return tb;
}

int show_cgroups(const struct ctl *ctl, const struct snapshot *s)
{
	const struct cgroup_tree *t = &s->cgroups;
	struct libscols_table *tbs[2];
	struct missing m = { 0 };
	size_t i, n = 1;

	tbs[0] = new_table(ctl, "cgroups");
	add_columns(ctl, tbs[0]);
	for (i = 0; i < t->n; i++)
		cg_row(ctl, tbs[0], &t->v[i], &m);
	if (!t->root)
		missing_add(&m, PATH_CGROUP2, _("no cgroup v2 hierarchy found"));
	else if (!t->n)
		missing_add(&m, t->root, _("no cgroup has the memory controller enabled"));
	if (m.n)
		tbs[n++] = missing_table(ctl, &m);
	print_tables(ctl, tbs, n);
	for (i = 0; i < n; i++)
		scols_unref_table(tbs[i]);
	return EXIT_SUCCESS;
}
