/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --counters: every raw counter found, by source, as the kernel wrote it. */
#include <inttypes.h>

#include "c.h"
#include "pathnames.h"
#include "swapstat.h"

enum {
	KCOL_SOURCE,
	KCOL_NAME,
	KCOL_VALUE,
	KCOL_NOTE,
};

static const struct colinfo cnt_cols[] = {
	[KCOL_SOURCE] = { "SOURCE", NULL, 0.3, 0, CT_TEXT, N_("file or directory read") },
	[KCOL_NAME] = { "NAME", NULL, 0.2, 0, CT_TEXT, N_("counter name") },
	[KCOL_VALUE] = { "VALUE", NULL, 0.1, SCOLS_FL_RIGHT, CT_TEXT,
			 N_("value as the kernel wrote it") },
	[KCOL_NOTE] = { "NOTE", NULL, 0.2, 0, CT_TEXT, N_("why a source could not be read") },
};
static const int cnt_default[] = { KCOL_SOURCE, KCOL_NAME, KCOL_VALUE, KCOL_NOTE };

const struct viewcols counters_columns = { cnt_cols, ARRAY_SIZE(cnt_cols), cnt_default,
					   ARRAY_SIZE(cnt_default) };

struct counters {
	const struct ctl *ctl;
	const struct snapshot *s;
	struct libscols_table *tb;
};

static void line(struct counters *k, const char *source, const char *name, const char *value,
		 const char *note)
{
	struct libscols_line *ln = new_line(k->tb);
	size_t c;

	for (c = 0; c < k->ctl->ncols; c++) {
		switch (k->ctl->cols[c]) {
		case KCOL_SOURCE:
			set_cell(k->ctl, ln, c, source);
			break;
		case KCOL_NAME:
			set_cell(k->ctl, ln, c, name);
			break;
		case KCOL_VALUE:
			set_cell(k->ctl, ln, c, value);
			break;
		case KCOL_NOTE:
			set_cell(k->ctl, ln, c, note ? note : "");
			break;
		}
	}
}

/* A source (or one file @name of it) that could not be read: the reason. */
static void failed(struct counters *k, const char *source, const char *name, const char *path,
		   int rc)
{
	enum reason code;
	char *r = source_reason(k->s, path, rc, &code);

	line(k, source, name, NULL, r);
	free(r);
}

static void number(struct counters *k, const char *source, const char *name, uint64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	line(k, source, name, buf, NULL);
}

/* Swap's share of meminfo and vmstat (kswapd's counters are reclaim, not swap). */
static bool swap_key(const char *k)
{
	return strstr(k, "swp") || !strncmp(k, "swap", 4) || !strncmp(k, "nr_swap", 7) ||
	       !strncmp(k, "Swap", 4) || !strncmp(k, "Zswap", 5) || !strcmp(k, "MemTotal");
}

static void kv(struct counters *k, const char *src, const struct kvfile *kf, int rc)
{
	size_t i;

	if (rc) {
		failed(k, src, NULL, src, rc);
		return;
	}
	for (i = 0; i < kf->n; i++) {
		if (swap_key(kf->v[i].key))
			number(k, src, kf->v[i].key, kf->v[i].value);
	}
}

static void dir(struct counters *k, const char *src, const struct dirvals *dv)
{
	size_t i;

	if (dv->rc && dv->rc != DIRVALS_EMPTY) {
		failed(k, src, NULL, src, dv->rc);
		return;
	}
	if (dv->rc) {
		failed(k, src, NULL, src, -ENOENT);
		return;
	}
	for (i = 0; i < dv->n; i++) {
		const struct dirval *e = &dv->v[i];

		if (e->rc) {
			char *p;

			xasprintf(&p, "%s/%s", src, e->name);
			failed(k, src, e->name, p, e->rc);
			free(p);
		} else {
			line(k, src, e->name, e->value, NULL);
		}
	}
}

static void zram(struct counters *k, const struct zram_stat *z)
{
	char *src, *p;

	xasprintf(&src, "%s/%s", PATH_SYS_BLOCK, z->name);
	if (z->disksize_rc) {
		xasprintf(&p, "%s/%s", src, ZRAM_DISKSIZE);
		failed(k, src, ZRAM_DISKSIZE, p, z->disksize_rc);
		free(p);
	} else {
		number(k, src, ZRAM_DISKSIZE, z->disksize);
	}
	if (z->mm_rc) {
		xasprintf(&p, "%s/%s", src, ZRAM_MM_STAT);
		failed(k, src, ZRAM_MM_STAT, p, z->mm_rc);
		free(p);
	} else {
		number(k, src, "orig_data_size", z->orig_data_size);
		number(k, src, "compr_data_size", z->compr_data_size);
		number(k, src, "mem_used_total", z->mem_used_total);
		number(k, src, "mem_limit", z->mem_limit);
		number(k, src, "same_pages", z->same_pages);
		if (z->huge_known)
			number(k, src, "huge_pages", z->huge_pages);
	}
	if (z->bd_rc) {
		xasprintf(&p, "%s/%s", src, ZRAM_BD_STAT);
		failed(k, src, ZRAM_BD_STAT, p, z->bd_rc);
		free(p);
	} else {
		number(k, src, "bd_count", z->bd_count);
		number(k, src, "bd_reads", z->bd_reads);
		number(k, src, "bd_writes", z->bd_writes);
	}
	if (z->algorithm_rc) {
		xasprintf(&p, "%s/%s", src, ZRAM_COMP_ALGORITHM);
		failed(k, src, ZRAM_COMP_ALGORITHM, p, z->algorithm_rc);
		free(p);
	} else {
		line(k, src, ZRAM_COMP_ALGORITHM, z->algorithm, NULL);
	}
	free(src);
}

int show_counters(const struct ctl *ctl, const struct snapshot *s)
{
	struct counters k = { ctl, s, new_table(ctl, "counters") };
	size_t i;

	add_columns(ctl, k.tb);
	if (s->osrelease_rc)
		failed(&k, PATH_PROC_OSRELEASE, NULL, PATH_PROC_OSRELEASE, s->osrelease_rc);
	else
		line(&k, PATH_PROC_OSRELEASE, "osrelease", s->osrelease, NULL);
	kv(&k, PATH_PROC_MEMINFO, &s->meminfo, s->meminfo_rc);
	kv(&k, PATH_PROC_VMSTAT, &s->vmstat, s->vmstat_rc);
	dir(&k, PATH_ZSWAP_DEBUG, &s->zswap_dbg);
	dir(&k, PATH_VSWAP_DEBUG, &s->vswap_dbg);
	dir(&k, PATH_ZSWAP_PARAMS, &s->zswap_par);
	for (i = 0; !s->swaps_rc && i < s->swaps.n; i++) {
		if (s->zram[i].name[0])
			zram(&k, &s->zram[i]);
	}
	if (s->tiers_rc) {
		failed(&k, PATH_SWAP_TIERS, NULL, PATH_SWAP_TIERS, s->tiers_rc);
	} else {
		for (i = 0; i < s->tiers.n; i++) {
			char *v;

			xasprintf(&v, "%d..%d", s->tiers.v[i].prio_start, s->tiers.v[i].prio_end);
			line(&k, PATH_SWAP_TIERS, s->tiers.v[i].name, v, NULL);
			free(v);
		}
	}
	print_tables(ctl, &k.tb, 1);
	scols_unref_table(k.tb);
	return EXIT_SUCCESS;
}
