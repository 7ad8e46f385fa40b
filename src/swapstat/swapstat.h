/* SPDX-License-Identifier: GPL-2.0-or-later */
/* swapstat's control structure and the views it can print. */
#ifndef SWAPSTAT_H
#define SWAPSTAT_H

#include <libsmartcols.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "snapshot.h"

enum view {
	VIEW_DEFAULT, /* devices, then the summary */
	VIEW_DEVICES,
	VIEW_SUMMARY,
	VIEW_CGROUPS,
	VIEW_COUNTERS,
	VIEW_WATCH,
	NR_VIEWS
};

enum coltype {
	CT_TEXT,
	CT_SIZE,   /* bytes: the short form, or a number with --bytes */
	CT_NUMBER, /* always a number */
};

struct colinfo {
	const char *name; /* heading, and the name -o takes */
	const char *json; /* JSON key when not the lower-case name */
	double whint;
	int flags;
	enum coltype type;
	const char *help;
};

struct viewcols {
	const struct colinfo *info;
	size_t ninfo;
	const int *defaults;
	size_t ndefaults;
};

/* each view's columns, defined beside the view */
extern const struct viewcols devices_columns, cgroups_columns, counters_columns, watch_columns;

#define MAX_COLS 32

struct ctl {
	enum view view;
	int cols[MAX_COLS];
	size_t ncols;
	const char *outarg;
	bool output_all, list_columns;
	bool json, raw, bytes, noheadings, prometheus;

	const char **sysroots;
	size_t nsysroots;
	const char *save_dir;
	double interval; /* --watch */
	uint64_t count;
	bool count_set;
	int cg_depth; /* --depth; -1: the whole tree */
};

/* table.c: libsmartcols for every view */
const struct viewcols *view_columns(enum view v);
int setup_columns(struct ctl *ctl);
int list_columns(const struct ctl *ctl);
struct libscols_table *new_table(const struct ctl *ctl, const char *name);
void add_columns(const struct ctl *ctl, struct libscols_table *tb);
void add_column(const struct ctl *ctl, struct libscols_table *tb, const struct colinfo *ci);
struct libscols_line *new_line(struct libscols_table *tb);
void set_cell(const struct ctl *ctl, struct libscols_line *ln, size_t i, const char *data);
void set_cell_size(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
		   uint64_t bytes, bool saturated);
void set_cell_u64(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
		  uint64_t val, bool saturated);
void print_tables(const struct ctl *ctl, struct libscols_table **tbs, size_t n);

/* the views */
int show_devices_summary(const struct ctl *ctl, const struct model *m);
int show_cgroups(const struct ctl *ctl, const struct snapshot *s);
int show_counters(const struct ctl *ctl, const struct snapshot *s);
int show_prometheus(const struct ctl *ctl, const struct snapshot *s, const struct model *m);
int show_watch(struct ctl *ctl);

/* sample.c: point the sysroot and capture layers at sample @i, and finish it */
void sample_begin(const struct ctl *ctl, uint64_t i, bool watch);
int sample_end(void);

#endif
