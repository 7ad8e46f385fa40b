/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --watch: rates per second between samples. A live run samples every
 * interval; a replay takes one --sysroot tree per sample. --json prints
 * JSON Lines: one object per sample, one line each.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <time.h>

#include "c.h"
#include "swapstat.h"

enum {
	WCOL_TIME,
	WCOL_SWAPIN,
	WCOL_SWAPOUT,
	WCOL_ZSWAPIN,
	WCOL_ZSWAPOUT,
	WCOL_WRITEBACK,
	WCOL_USED,
	WCOL_POOL,
};

static const struct colinfo watch_cols[] = {
	[WCOL_TIME] = { "TIME", NULL, 8, SCOLS_FL_RIGHT, CT_NUMBER,
			N_("seconds since the first sample") },
	[WCOL_SWAPIN] = { "SWAPIN/s", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			  N_("read from disk swap (pswpin)") },
	[WCOL_SWAPOUT] = { "SWAPOUT/s", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("written to disk swap (pswpout)") },
	[WCOL_ZSWAPIN] = { "ZSWAPIN/s", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("loaded from zswap (zswpin)") },
	[WCOL_ZSWAPOUT] = { "ZSWAPOUT/s", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("stored into zswap (zswpout)") },
	[WCOL_WRITEBACK] = { "WRITEBACK/s", NULL, 11, SCOLS_FL_RIGHT, CT_SIZE,
			     N_("written back from zswap to disk (zswpwb)") },
	[WCOL_USED] = { "VIRT-USED", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			N_("virtual swap in use at the sample") },
	[WCOL_POOL] = { "ZSWAP-POOL", NULL, 10, SCOLS_FL_RIGHT, CT_SIZE,
			N_("RAM held by zswap at the sample") },
};
static const int watch_default[] = { WCOL_TIME,	    WCOL_SWAPIN,    WCOL_SWAPOUT, WCOL_ZSWAPIN,
				     WCOL_ZSWAPOUT, WCOL_WRITEBACK, WCOL_USED,	  WCOL_POOL };

const struct viewcols watch_columns = { watch_cols, ARRAY_SIZE(watch_cols), watch_default,
					ARRAY_SIZE(watch_default) };

/* the vmstat counters of WCOL_SWAPIN .. WCOL_WRITEBACK */
static const char *const watch_keys[] = { "pswpin", "pswpout", "zswpin", "zswpout", "zswpwb" };

struct sample {
	bool have[ARRAY_SIZE(watch_keys)];
	uint64_t ctr[ARRAY_SIZE(watch_keys)];
	bool used_known, pool_known;
	uint64_t used, pool;
	bool used_sat, pool_sat;
	double t; /* seconds: /proc/uptime, or the clock */
	size_t pagesize;
};

static void take_sample(const struct snapshot *s, const struct model *m, struct sample *w)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	w->pagesize = s->pagesize;
	for (i = 0; i < ARRAY_SIZE(watch_keys); i++)
		w->have[i] =
			!s->vmstat_rc && kvfile_get(&s->vmstat, watch_keys[i], &w->ctr[i]) == 0;
	w->used_known = m->fig[F_VIRT_USED].known;
	w->used = m->fig[F_VIRT_USED].val;
	w->used_sat = m->fig[F_VIRT_USED].saturated;
	w->pool_known = m->fig[F_POOL].known;
	w->pool = m->fig[F_POOL].val;
	w->pool_sat = m->fig[F_POOL].saturated;
	if (!s->uptime_rc) {
		w->t = s->uptime;
	} else {
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		w->t = ts.tv_sec + ts.tv_nsec / 1e9;
	}
}

/*
 * Every watch row is a table of its own, so libsmartcols sizes each one by
 * its own values; right-align every cell to a fixed width (the header's or
 * the width hint, whichever is wider) so that the rows line up.
 */
static void pad_cells(const struct ctl *ctl, struct libscols_line *ln)
{
	size_t c;

	for (c = 0; c < ctl->ncols; c++) {
		const struct colinfo *ci = &watch_cols[ctl->cols[c]];
		struct libscols_cell *cell = scols_line_get_cell(ln, c);
		const char *data = cell ? scols_cell_get_data(cell) : NULL;
		int width = strlen(ci->name) > ci->whint ? (int)strlen(ci->name) : (int)ci->whint;
		char *padded;

		if (!data)
			continue;
		xasprintf(&padded, "%*s", width, data);
		scols_cell_refer_data(cell, padded);
	}
}

/* One JSON Lines record: the same cells, as one compact object. */
static void print_json_line(const struct ctl *ctl, struct libscols_line *ln)
{
	size_t c;

	putchar('{');
	for (c = 0; c < ctl->ncols; c++) {
		const struct colinfo *ci = &watch_cols[ctl->cols[c]];
		struct libscols_cell *cell = scols_line_get_cell(ln, c);
		const char *data = cell ? scols_cell_get_data(cell) : NULL;
		bool number = ci->type == CT_NUMBER || (ci->type == CT_SIZE && ctl->bytes);
		const char *p;

		putchar('"');
		for (p = ci->name; *p; p++)
			putchar(tolower((unsigned char)*p));
		fputs("\":", stdout);
		if (!data || !*data)
			fputs("null", stdout);
		else if (number)
			fputs(data, stdout);
		else
			printf("\"%s\"", data); /* sizes and numbers: nothing to escape */
		if (c + 1 < ctl->ncols)
			putchar(',');
	}
	fputs("}\n", stdout);
}

static void watch_row(const struct ctl *ctl, const struct sample *first, const struct sample *a,
		      const struct sample *b, bool headings)
{
	struct libscols_table *tb = new_table(ctl, "rates");
	struct libscols_line *ln;
	double dt = b->t - a->t;
	char buf[32];
	size_t c;

	if (!headings)
		scols_table_enable_noheadings(tb, true);
	add_columns(ctl, tb);
	ln = new_line(tb);
	for (c = 0; c < ctl->ncols; c++) {
		int id = ctl->cols[c];

		if (id == WCOL_TIME) {
			snprintf(buf, sizeof(buf), "%.1f", b->t - first->t);
			set_cell(ctl, ln, c, buf);
		} else if (id >= WCOL_SWAPIN && id <= WCOL_WRITEBACK) {
			size_t k = id - WCOL_SWAPIN;
			bool ok = a->have[k] && b->have[k] && dt > 0 && b->ctr[k] >= a->ctr[k];
			double rate = ok ? (b->ctr[k] - a->ctr[k]) * (double)b->pagesize / dt : 0;
			bool sat = rate >= 0x1p64;

			set_cell_size(ctl, ln, c, ok, sat ? UINT64_MAX : (uint64_t)llround(rate),
				      sat);
		} else if (id == WCOL_USED) {
			set_cell_size(ctl, ln, c, b->used_known, b->used, b->used_sat);
		} else if (id == WCOL_POOL) {
			set_cell_size(ctl, ln, c, b->pool_known, b->pool, b->pool_sat);
		}
	}
	if (ctl->json) {
		print_json_line(ctl, ln);
	} else {
		if (!ctl->raw)
			pad_cells(ctl, ln);
		scols_print_table(tb);
	}
	scols_unref_table(tb);
	fflush(stdout);
}

int show_watch(struct ctl *ctl)
{
	struct sample first = { 0 }, prev = { 0 }, cur;
	bool live = !ctl->nsysroots;
	int rc = EXIT_SUCCESS;
	uint64_t i, n;

	/* a replay has as many intervals as trees, less one */
	if (ctl->nsysroots > 1) {
		n = ctl->nsysroots - 1;
		if (ctl->count_set && ctl->count < n)
			n = ctl->count;
	} else if (ctl->count_set) {
		n = ctl->count;
	} else {
		n = live ? UINT64_MAX : 1;
	}
	for (i = 0; i <= n; i++) {
		struct snapshot s;
		struct model m;

		if (i && live) {
			struct timespec ts = { (time_t)ctl->interval,
					       (long)((ctl->interval - (time_t)ctl->interval) *
						      1e9) };

			while (nanosleep(&ts, &ts) && errno == EINTR)
				;
		}
		sample_begin(ctl, i, true);
		snapshot_read(&s, 0, 0);
		model_compute(&s, &m);
		take_sample(&s, &m, &cur);
		model_free(&m);
		snapshot_free(&s);
		if (sample_end())
			rc = EXIT_FAILURE;
		if (!i)
			first = cur;
		else
			watch_row(ctl, &first, &prev, &cur, i == 1 && !ctl->noheadings);
		prev = cur;
	}
	return rc;
}
