/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Columns and libsmartcols tables, the same way for every view. */
#include <inttypes.h>
#include <strings.h>

#include "c.h"
#include "strutils.h"
#include "swapstat.h"

static const struct viewcols no_columns;

static const struct viewcols *const views[NR_VIEWS] = {
	[VIEW_DEFAULT] = &devices_columns,   [VIEW_DEVICES] = &devices_columns,
	[VIEW_SUMMARY] = &no_columns,	     [VIEW_CGROUPS] = &cgroups_columns,
	[VIEW_COUNTERS] = &counters_columns, [VIEW_WATCH] = &watch_columns,
};

const struct viewcols *view_columns(enum view v)
{
	return views[v];
}

/* the view parse_column_list() looks names up in */
static const struct viewcols *lookup_view;

static int column_id(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < lookup_view->ninfo; i++) {
		const char *cn = lookup_view->info[i].name;

		if (!strncasecmp(cn, name, len) && !cn[len])
			return i;
	}
	return -1;
}

/* -o LIST, -o +LIST (appended to the defaults), --output-all. */
int setup_columns(struct ctl *ctl)
{
	const struct viewcols *vc = view_columns(ctl->view);
	size_t i;

	ctl->ncols = 0;
	if (ctl->output_all) {
		for (i = 0; i < vc->ninfo; i++)
			ctl->cols[ctl->ncols++] = i;
		return 0;
	}
	for (i = 0; i < vc->ndefaults; i++)
		ctl->cols[ctl->ncols++] = vc->defaults[i];
	if (!ctl->outarg)
		return 0;
	lookup_view = vc;
	return parse_column_list(ctl->outarg, column_id, ctl->cols, &ctl->ncols, MAX_COLS);
}

struct libscols_table *new_table(const struct ctl *ctl, const char *name)
{
	struct libscols_table *tb = scols_new_table();

	if (!tb)
		err(EXIT_FAILURE, _("failed to allocate output table"));
	scols_table_enable_json(tb, ctl->json);
	scols_table_set_name(tb, name);
	scols_table_enable_raw(tb, ctl->raw);
	scols_table_enable_noheadings(tb, ctl->noheadings);
	return tb;
}

void add_column(const struct ctl *ctl, struct libscols_table *tb, const struct colinfo *ci)
{
	struct libscols_column *cl;

	/* a JSON key is the column's name there: the same key in every tool */
	cl = scols_table_new_column(tb, ctl->json && ci->json ? ci->json : ci->name, ci->whint,
				    ci->flags);
	if (!cl)
		err(EXIT_FAILURE, _("failed to allocate output column"));
	if (ctl->json && (ci->type == CT_NUMBER || (ci->type == CT_SIZE && ctl->bytes)))
		scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
}

void add_columns(const struct ctl *ctl, struct libscols_table *tb)
{
	const struct colinfo *info = view_columns(ctl->view)->info;
	size_t i;

	for (i = 0; i < ctl->ncols; i++)
		add_column(ctl, tb, &info[ctl->cols[i]]);
}

int list_columns(const struct ctl *ctl)
{
	const struct viewcols *vc = view_columns(ctl->view);
	struct libscols_table *tb;
	size_t i;

	if (!vc->ninfo)
		errx(EXIT_FAILURE, _("the summary has fixed columns: FIGURE, VALUE, FROM"));
	tb = new_table(ctl, "columns");
	if (!scols_table_new_column(tb, "NAME", 0, 0) ||
	    !scols_table_new_column(tb, "DESCRIPTION", 0, 0))
		err(EXIT_FAILURE, _("failed to allocate output column"));
	for (i = 0; i < vc->ninfo; i++) {
		struct libscols_line *ln = new_line(tb);

		set_cell(ctl, ln, 0, vc->info[i].name);
		set_cell(ctl, ln, 1, _(vc->info[i].help));
	}
	scols_print_table(tb);
	scols_unref_table(tb);
	return EXIT_SUCCESS;
}

struct libscols_line *new_line(struct libscols_table *tb)
{
	struct libscols_line *ln = scols_table_new_line(tb, NULL);

	if (!ln)
		err(EXIT_FAILURE, _("failed to allocate output line"));
	return ln;
}

/* A missing value: "-" for people, null in JSON. */
void set_cell(const struct ctl *ctl, struct libscols_line *ln, size_t i, const char *data)
{
	if (!data)
		data = ctl->json ? "" : "-";
	if (scols_line_set_data(ln, i, data))
		err(EXIT_FAILURE, _("failed to add output data"));
}

/* A saturated number is marked "+", except where JSON wants a bare number. */
void set_cell_u64(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
		  uint64_t val, bool saturated)
{
	char buf[32];

	if (!known) {
		set_cell(ctl, ln, i, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%" PRIu64 "%s", val, saturated && !ctl->json ? "+" : "");
	set_cell(ctl, ln, i, buf);
}

void set_cell_size(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
		   uint64_t bytes, bool saturated)
{
	char buf[32];

	if (known && !ctl->bytes)
		set_cell(ctl, ln, i, size_to_short(bytes, saturated, buf, sizeof(buf)));
	else
		set_cell_u64(ctl, ln, i, known, bytes, saturated);
}

/*
 * Several tables make one JSON document: print each to a string and splice
 * the members of the outer objects together.
 */
void print_tables(const struct ctl *ctl, struct libscols_table **tbs, size_t n)
{
	size_t i;

	if (!ctl->json) {
		bool first = true;

		/* libsmartcols prints nothing for a table without lines */
		for (i = 0; i < n; i++) {
			if (!scols_table_get_nlines(tbs[i]))
				continue;
			if (!first)
				fputc('\n', stdout);
			scols_print_table(tbs[i]);
			first = false;
		}
		return;
	}
	fputs("{\n", stdout);
	for (i = 0; i < n; i++) {
		char *data = NULL, *b, *e;

		if (scols_print_table_to_string(tbs[i], &data) || !data)
			err(EXIT_FAILURE, _("failed to print output table"));
		/* drop the first "{\n" and the closing "}" */
		b = strchr(data, '\n');
		e = strrchr(data, '}');
		if (!b || !e || e < b)
			errx(EXIT_FAILURE, _("unexpected JSON from libsmartcols"));
		while (e > b && (e[-1] == '\n' || e[-1] == ' '))
			e--;
		fwrite(b + 1, 1, e - b - 1, stdout);
		fputs(i + 1 < n ? ",\n" : "\n", stdout);
		free(data);
	}
	fputs("}\n", stdout);
}
