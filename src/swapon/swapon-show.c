/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswapon --show and --summary: util-linux swapon's table and -s output,
 * byte for byte, plus the TIER and KIND columns. JSON uses the device keys
 * swapstat uses (name, type, size, used, prio, tier).
 */
#include <inttypes.h>
#include <strings.h>
#include <unistd.h>

#include <blkid.h>
#include <libsmartcols.h>

#include "c.h"
#include "ghost.h"
#include "ghostswapon.h"
#include "pathnames.h"
#include "strutils.h"
#include "swaps.h"
#include "swapspec.h"
#include "sysroot.h"
#include "zram.h"

enum {
	COL_PATH,
	COL_TYPE,
	COL_SIZE,
	COL_USED,
	COL_PRIO,
	COL_UUID,
	COL_LABEL,
	COL_TIER,
	COL_KIND,
};

struct colinfo {
	const char *name;
	double whint;
	int flags;
	const char *help;
};

/* the first seven are util-linux swapon's, with its width hints and flags */
static const struct colinfo infos[] = {
	[COL_PATH] = { "NAME", 0.20, 0, N_("device file or partition path") },
	[COL_TYPE] = { "TYPE", 0.20, SCOLS_FL_TRUNC, N_("type of the device") },
	[COL_SIZE] = { "SIZE", 0.20, SCOLS_FL_RIGHT, N_("size of the swap area") },
	[COL_USED] = { "USED", 0.20, SCOLS_FL_RIGHT, N_("bytes in use") },
	[COL_PRIO] = { "PRIO", 0.20, SCOLS_FL_RIGHT, N_("swap priority") },
	[COL_UUID] = { "UUID", 0.20, 0, N_("swap uuid") },
	[COL_LABEL] = { "LABEL", 0.20, 0, N_("swap label") },
	[COL_TIER] = { "TIER", 0.10, 0, N_("swap tier the priority falls in") },
	[COL_KIND] = { "KIND", 0.10, 0, N_("partition, file, ghost-device, ghost-file or zram") },
};

static int column_id(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(infos); i++) {
		if (!strncasecmp(name, infos[i].name, len) && !infos[i].name[len])
			return i;
	}
	return -1;
}

int show_parse_columns(struct swapon_ctl *ctl, const char *list)
{
	return parse_column_list(list, column_id, ctl->columns, &ctl->ncolumns,
				 ARRAY_SIZE(ctl->columns));
}

void show_all_columns(struct swapon_ctl *ctl)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(infos); i++)
		ctl->columns[i] = i;
	ctl->ncolumns = ARRAY_SIZE(infos);
}

void show_default_columns(struct swapon_ctl *ctl)
{
	static const int defaults[] = { COL_PATH, COL_TYPE, COL_SIZE, COL_USED, COL_PRIO };

	if (ctl->ncolumns)
		return;
	memcpy(ctl->columns, defaults, sizeof(defaults));
	ctl->ncolumns = ARRAY_SIZE(defaults);
}

void show_usage_columns(FILE *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(infos); i++)
		fprintf(out, " %-5s  %s\n", infos[i].name, _(infos[i].help));
}

static bool wants(const struct swapon_ctl *ctl, int col)
{
	size_t i;

	for (i = 0; i < ctl->ncolumns; i++) {
		if (ctl->columns[i] == col)
			return true;
	}
	return false;
}

struct tags {
	char uuid[SWAPSPEC_UUID_STR_LEN];
	char label[SWAP_LABEL_LEN + 1];
};

/*
 * LABEL and UUID: libblkid for devices and ordinary files, the header
 * itself for one-page ghost files (libblkid does not know them). The area
 * is opened once, without blocking, and never if it is not a block device
 * or a regular file: a FIFO listed in /proc/swaps hangs nothing.
 */
static void read_tags(const struct swap_entry *e, bool ghost, struct tags *t)
{
	const char *v;
	struct stat st;
	blkid_probe pr;
	int fd;

	memset(t, 0, sizeof(*t));
	fd = swapspec_open(e->path, &st);
	if (fd < 0)
		return;
	if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
		close(fd);
		return;
	}
	pr = blkid_new_probe();
	if (pr && blkid_probe_set_device(pr, fd, 0, 0) == 0) {
		blkid_probe_enable_superblocks(pr, 1);
		blkid_probe_filter_superblocks_type(pr, BLKID_FLTR_ONLYIN,
						    (char *[]){ "swap", NULL });
		blkid_probe_set_superblocks_flags(pr, BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID);
		if (blkid_do_safeprobe(pr) == 0) {
			if (!blkid_probe_lookup_value(pr, "UUID", &v, NULL))
				snprintf(t->uuid, sizeof(t->uuid), "%s", v);
			if (!blkid_probe_lookup_value(pr, "LABEL", &v, NULL))
				snprintf(t->label, sizeof(t->label), "%s", v);
		}
	}
	if (pr)
		blkid_free_probe(pr);
	if (!*t->uuid && !*t->label && ghost) {
		struct swap_header h;

		if (swapspec_read_header_fd(fd, &h) == 0) {
			swapspec_uuid_str(&h, t->uuid);
			snprintf(t->label, sizeof(t->label), "%s", h.label);
		}
	}
	close(fd);
}

static const char *kind(const struct swap_entry *e, bool ghost)
{
	char zram[32];

	/* a ghost file never lives in /dev (devtmpfs) */
	if (ghost)
		return !strncmp(e->path, PATH_DEV_DIR "/", sizeof(PATH_DEV_DIR)) ? "ghost-device"
										 : "ghost-file";
	if (zram_name(e->path, zram))
		return "zram";
	return !strcmp(e->type, "partition") ? "partition" : "file";
}

/* Bytes of @kib: over 2^54 KiB they would wrap, so stop at 2^64 - 1, marked "+". */
static const char *size_cell(const struct swapon_ctl *ctl, uint64_t kib, char *buf, size_t sz)
{
	bool sat = kib > UINT64_MAX / 1024;
	uint64_t bytes = sat ? UINT64_MAX : kib * 1024;

	if (!ctl->bytes)
		return size_to_short(bytes, sat, buf, sz);
	/* a JSON number cannot carry the mark */
	snprintf(buf, sz, "%" PRIu64 "%s", bytes, sat && !ctl->json ? "+" : "");
	return buf;
}

static void add_line(const struct swapon_ctl *ctl, struct libscols_table *table,
		     const struct swap_entry *e, const struct tier_list *tiers)
{
	struct libscols_line *line = scols_table_new_line(table, NULL);
	bool ghost = ghost_swap_type(e->type);
	struct tags tags = { 0 };
	size_t i;

	if (!line)
		err(EXIT_FAILURE, _("failed to allocate output line"));
	if (wants(ctl, COL_UUID) || wants(ctl, COL_LABEL))
		read_tags(e, ghost, &tags);

	for (i = 0; i < ctl->ncolumns; i++) {
		const struct swap_tier *t;
		char buf[64];
		const char *str = NULL;
		uint64_t kib;

		switch (ctl->columns[i]) {
		case COL_PATH:
			/* as util-linux: libmount drops the " (deleted)" mark */
			str = e->path;
			break;
		case COL_TYPE:
			str = e->type;
			break;
		case COL_SIZE:
		case COL_USED:
			kib = ctl->columns[i] == COL_SIZE ? e->size_kib : e->used_kib;
			str = size_cell(ctl, kib, buf, sizeof(buf));
			break;
		case COL_PRIO:
			snprintf(buf, sizeof(buf), "%d", e->prio);
			str = buf;
			break;
		case COL_UUID:
			str = *tags.uuid ? tags.uuid : NULL;
			break;
		case COL_LABEL:
			str = *tags.label ? tags.label : NULL;
			break;
		case COL_TIER:
			t = tiers_find_prio(tiers, e->prio);
			str = t ? t->name : NULL;
			break;
		case COL_KIND:
			str = kind(e, ghost);
			break;
		}
		if (str && scols_line_set_data(line, i, str))
			err(EXIT_FAILURE, _("failed to add output data"));
	}
}

int show_table(const struct swapon_ctl *ctl)
{
	struct libscols_table *table;
	struct tier_list tiers = { 0 };
	struct swap_list l;
	size_t i;
	int rc;

	rc = swaps_read(&l);
	if (rc) {
		warnx(_("cannot read %s: %s"), PATH_PROC_SWAPS, swaps_strerror(rc));
		return -1;
	}
	if (wants(ctl, COL_TIER))
		tiers_read(&tiers);

	scols_init_debug(0);
	table = scols_new_table();
	if (!table)
		err(EXIT_FAILURE, _("failed to allocate output table"));
	scols_table_enable_raw(table, ctl->raw);
	scols_table_enable_noheadings(table, ctl->noheadings);
	if (ctl->json) {
		scols_table_enable_json(table, 1);
		scols_table_set_name(table, "swapdevices");
	}
	for (i = 0; i < ctl->ncolumns; i++) {
		const struct colinfo *col = &infos[ctl->columns[i]];
		struct libscols_column *cl;

		cl = scols_table_new_column(table, col->name, col->whint, col->flags);
		if (!cl)
			err(EXIT_FAILURE, _("failed to allocate output column"));
		if (ctl->json) {
			int id = ctl->columns[i];

			if (id == COL_PRIO || (ctl->bytes && (id == COL_SIZE || id == COL_USED)))
				scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
		}
	}
	for (i = 0; i < l.n; i++)
		add_line(ctl, table, &l.v[i], &tiers);
	scols_print_table(table);
	scols_unref_table(table);
	tiers_free(&tiers);
	swaps_free(&l);
	return 0;
}

/* -s: what util-linux 2.38 prints, aligned like /proc/swaps */
int show_summary(void)
{
	struct swap_list l;
	size_t i;
	int rc = swaps_read(&l);

	if (rc) {
		warnx(_("cannot read %s: %s"), PATH_PROC_SWAPS, swaps_strerror(rc));
		return -1;
	}
	if (l.n)
		printf(_("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"));
	for (i = 0; i < l.n; i++) {
		const struct swap_entry *e = &l.v[i];
		int srclen = strlen(e->path), typelen = strlen(e->type);

		printf("%s%*s%s%s\t%" PRIu64 "%s\t%" PRIu64 "%s\t%d\n", e->path,
		       srclen < 40 ? 40 - srclen : 1, " ", e->type, typelen < 8 ? "\t" : "",
		       e->size_kib, e->size_kib < 10000000 ? "\t" : "", e->used_kib,
		       e->used_kib < 10000000 ? "\t" : "", e->prio);
	}
	swaps_free(&l);
	return 0;
}
