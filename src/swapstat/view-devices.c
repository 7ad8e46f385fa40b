/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The default view: the swap devices, then the summary of figures. */
#include "c.h"
#include "swapstat.h"

enum {
	COL_NAME,
	COL_TYPE,
	COL_TIER,
	COL_PRIO,
	COL_SIZE,
	COL_USED,
	COL_DISK,
	COL_ZSWAP,
	COL_ZRAM,
	COL_ZERO,
	COL_WHERE,
	COL_CAPACITY,
	COL_ZRAM_MEM,
};

/* JSON keys name, type, size, used, prio, tier: the same as ghostswapon --show */
static const struct colinfo dev_cols[] = {
	[COL_NAME] = { "NAME", NULL, 0.3, 0, CT_TEXT, N_("device or file name") },
	[COL_TYPE] = { "TYPE", NULL, 5, 0, CT_TEXT, N_("partition, file, ghost, vswap or zram") },
	[COL_TIER] = { "TIER", NULL, 4, 0, CT_TEXT, N_("swap tier the priority places it in") },
	[COL_PRIO] = { "PRIO", NULL, 4, SCOLS_FL_RIGHT, CT_NUMBER, N_("swap priority") },
	[COL_SIZE] = { "VIRT-SIZE", "size", 5, SCOLS_FL_RIGHT, CT_SIZE,
		       N_("size in slots (virtual for ghost and zram)") },
	[COL_USED] = { "VIRT-USED", "used", 5, SCOLS_FL_RIGHT, CT_SIZE, N_("slots in use") },
	[COL_DISK] = { "DISK", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
		       N_("data on disk (zram: on its backing device)") },
	[COL_ZSWAP] = { "ZSWAP", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			N_("data in zswap (uncompressed)") },
	[COL_ZRAM] = { "ZRAM", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
		       N_("data in zram's compressed RAM (uncompressed)") },
	[COL_ZERO] = { "ZERO", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE, N_("zero-filled, no storage") },
	[COL_WHERE] = { "WHERE", NULL, 0.2, 0, CT_TEXT, N_("where the data physically is") },
	[COL_CAPACITY] = { "CAPACITY", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("storage behind the device") },
	[COL_ZRAM_MEM] = { "ZRAM-MEM", NULL, 5, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("RAM a zram device holds (mm_stat mem_used_total)") },
};
static const int dev_default[] = { COL_NAME, COL_TYPE, COL_TIER,  COL_PRIO, COL_SIZE,
				   COL_USED, COL_DISK, COL_ZSWAP, COL_ZRAM, COL_ZERO };

const struct viewcols devices_columns = { dev_cols, ARRAY_SIZE(dev_cols), dev_default,
					  ARRAY_SIZE(dev_default) };

static char *where_text(const struct device *d)
{
	const struct devsplit *sp = &d->split;
	const char *parts[4];
	size_t n = 0;

	if (!d->used)
		return xstrdup(_("nothing stored"));
	if (sp->disk_known && sp->zswap_known && sp->zram_known && sp->zero_known) {
		if (sp->disk)
			parts[n++] = d->z ? _("backing device") : _("disk");
		if (sp->zswap)
			parts[n++] = _("zswap");
		if (sp->zram)
			parts[n++] = _("RAM (compressed)");
		if (sp->zero)
			parts[n++] = _("zero-filled");
		if (n == 0)
			return xstrdup(_("swap cache only"));
	} else if (d->z) {
		if (sp->disk)
			parts[n++] = _("backing device");
		if (sp->zram)
			parts[n++] = _("RAM (compressed)");
		parts[n++] = _("zswap or zero-filled, not broken down");
	} else if (d->ghost) {
		return xstrdup(_("zswap or zero-filled, not broken down"));
	} else if (sp->zswap_known && !sp->zswap) {
		return xstrdup(_("disk or zero-filled, not broken down"));
	} else if (sp->zswap_known) {
		return xstrdup(_("zswap; the rest on disk or zero-filled, not broken down"));
	} else {
		return xstrdup(_("disk, zswap or zero-filled, not broken down"));
	}
	{
		char *r = xstrdup(parts[0]);
		size_t i;

		for (i = 1; i < n; i++) {
			char *t;

			xasprintf(&t, "%s, %s", r, parts[i]);
			free(r);
			r = t;
		}
		return r;
	}
}

static void device_row(const struct ctl *ctl, struct libscols_table *tb, const struct device *d)
{
	struct libscols_line *ln = new_line(tb);
	const struct devsplit *sp = &d->split;
	size_t c;
	char *str;

	for (c = 0; c < ctl->ncols; c++) {
		switch (ctl->cols[c]) {
		case COL_NAME:
			/* JSON names the path, the same as ghostswapon --show */
			if (d->e->deleted && !ctl->json) {
				xasprintf(&str, _("%s (deleted)"), d->e->path);
				set_cell(ctl, ln, c, str);
				free(str);
			} else {
				set_cell(ctl, ln, c, d->e->path);
			}
			break;
		case COL_TYPE:
			set_cell(ctl, ln, c, d->type);
			break;
		case COL_TIER:
			set_cell(ctl, ln, c, d->tier);
			break;
		case COL_PRIO:
			xasprintf(&str, "%d", d->e->prio);
			set_cell(ctl, ln, c, str);
			free(str);
			break;
		case COL_SIZE:
			set_cell_size(ctl, ln, c, true, d->size, d->size_sat);
			break;
		case COL_USED:
			set_cell_size(ctl, ln, c, true, d->used, d->used_sat);
			break;
		case COL_DISK:
			set_cell_size(ctl, ln, c, sp->disk_known, sp->disk, false);
			break;
		case COL_ZSWAP:
			set_cell_size(ctl, ln, c, sp->zswap_known, sp->zswap, false);
			break;
		case COL_ZRAM:
			set_cell_size(ctl, ln, c, sp->zram_known, sp->zram, false);
			break;
		case COL_ZERO:
			set_cell_size(ctl, ln, c, sp->zero_known, sp->zero, false);
			break;
		case COL_WHERE:
			str = where_text(d);
			set_cell(ctl, ln, c, str);
			free(str);
			break;
		case COL_CAPACITY:
			set_cell_size(ctl, ln, c, true, d->capacity,
				      d->ghost || d->z ? false : d->size_sat);
			break;
		case COL_ZRAM_MEM:
			set_cell_size(ctl, ln, c, d->zram_mem_known, d->zram_mem, false);
			break;
		}
	}
}

static struct libscols_table *devices_table(const struct ctl *ctl, const struct model *m)
{
	struct libscols_table *tb = new_table(ctl, "swapdevices");
	size_t i;

	add_columns(ctl, tb);
	for (i = 0; i < m->ndev; i++)
		device_row(ctl, tb, &m->dev[i]);
	return tb;
}

enum { SCOL_KEY, SCOL_FIGURE, SCOL_VALUE, SCOL_FROM, SCOL_REASON };

static const struct colinfo summary_cols[] = {
	[SCOL_KEY] = { "KEY", NULL, 0, 0, CT_TEXT, NULL },
	[SCOL_FIGURE] = { "FIGURE", NULL, 0, 0, CT_TEXT, NULL },
	[SCOL_VALUE] = { "VALUE", NULL, 0, SCOLS_FL_RIGHT, CT_SIZE, NULL },
	[SCOL_FROM] = { "FROM", NULL, 0, 0, CT_TEXT, NULL },
	[SCOL_REASON] = { "REASON", NULL, 0, 0, CT_TEXT, NULL },
};

/*
 * People read FIGURE VALUE FROM, a missing figure's reason in FROM; JSON
 * gets the key, and the derivation and the reason each in their own key.
 */
static struct libscols_table *summary_table(const struct ctl *ctl, const struct model *m)
{
	struct libscols_table *tb = new_table(ctl, "summary");
	size_t i;

	for (i = ctl->json ? SCOL_KEY : SCOL_FIGURE; i <= (ctl->json ? SCOL_REASON : SCOL_FROM);
	     i++)
		add_column(ctl, tb, &summary_cols[i]);

	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &m->fig[i];
		struct libscols_line *ln;
		size_t c = 0;
		char buf[64];

		if (!model_shows(m, f))
			continue;
		ln = new_line(tb);
		if (ctl->json)
			set_cell(ctl, ln, c++, f->key);
		set_cell(ctl, ln, c++, _(f->label));
		if (!f->known) {
			set_cell(ctl, ln, c++, NULL);
		} else if (f->unit == U_BYTES) {
			set_cell_size(ctl, ln, c++, true, f->val, f->saturated);
		} else if (f->unit == U_RATIO) {
			snprintf(buf, sizeof(buf), "%.2f", f->ratio);
			set_cell(ctl, ln, c++, buf);
		} else {
			set_cell_u64(ctl, ln, c++, true, f->val, f->saturated);
		}
		if (ctl->json) {
			set_cell(ctl, ln, c++, f->known ? f->from : NULL);
			set_cell(ctl, ln, c, f->known ? NULL : f->reason);
		} else if (f->known) {
			set_cell(ctl, ln, c, f->from);
		} else {
			char *s;

			xasprintf(&s, _("missing: %s"), f->reason);
			set_cell(ctl, ln, c, s);
			free(s);
		}
	}
	return tb;
}

int show_devices_summary(const struct ctl *ctl, const struct model *m)
{
	struct libscols_table *tbs[2];
	size_t n = 0, i;

	if (ctl->view != VIEW_SUMMARY)
		tbs[n++] = devices_table(ctl, m);
	if (ctl->view != VIEW_DEVICES)
		tbs[n++] = summary_table(ctl, m);
	print_tables(ctl, tbs, n);
	for (i = 0; i < n; i++)
		scols_unref_table(tbs[i]);
	return EXIT_SUCCESS;
}
