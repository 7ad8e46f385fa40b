/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --prometheus: the text exposition format, for node_exporter's textfile
 * collector. Base units only (bytes; page counts are multiplied by the page
 * size), one family per figure, "_total" on counters only, every family
 * with HELP and TYPE, and labels from bounded sets: device, type, tier and
 * priority of a swap device, cgroup paths (bounded by --depth), figure keys
 * and reason codes.
 */
#include <inttypes.h>

#include "c.h"
#include "satmath.h"
#include "swapstat.h"

/* Label values: backslash, double quote and newline escaped. */
static void label(const char *v)
{
	for (; *v; v++) {
		if (*v == '\\')
			fputs("\\\\", stdout);
		else if (*v == '"')
			fputs("\\\"", stdout);
		else if (*v == '\n')
			fputs("\\n", stdout);
		else
			fputc(*v, stdout);
	}
}

static void family(const char *name, const char *type, const char *help)
{
	printf("# HELP swapstat_%s %s\n# TYPE swapstat_%s %s\n", name, help, name, type);
}

/* --- devices ------------------------------------------------------------ */

enum devm { DM_SIZE, DM_USED, DM_CAPACITY, DM_DISK, DM_ZSWAP, DM_ZRAM, DM_ZERO, DM_ZRAM_MEM };

static const struct {
	const char *name, *help;
} devm[] = {
	[DM_SIZE] = { "device_size_bytes",
		      "Size of the swap device in /proc/swaps (virtual for ghost and zram)." },
	[DM_USED] = { "device_used_bytes", "Slots in use on the swap device." },
	[DM_CAPACITY] = { "device_capacity_bytes",
			  "Storage behind the swap device (0 for ghost and zram devices)." },
	[DM_DISK] = { "device_disk_bytes",
		      "Data of the device on disk (zram: on its backing device), where known." },
	[DM_ZSWAP] = { "device_zswap_bytes",
		       "Data of the device in zswap (uncompressed), where known." },
	[DM_ZRAM] = { "device_zram_bytes",
		      "Data of a zram device in its compressed RAM (uncompressed size)." },
	[DM_ZERO] = { "device_zero_bytes", "Zero-filled slots of the device, where known." },
	[DM_ZRAM_MEM] = { "device_zram_memory_bytes", "RAM a zram device holds." },
};

static bool device_value(const struct device *d, enum devm k, uint64_t *v)
{
	const struct devsplit *sp = &d->split;

	switch (k) {
	case DM_SIZE:
		*v = d->size;
		return true;
	case DM_USED:
		*v = d->used;
		return true;
	case DM_CAPACITY:
		*v = d->capacity;
		return true;
	case DM_DISK:
		*v = sp->disk;
		return sp->disk_known;
	case DM_ZSWAP:
		*v = sp->zswap;
		return sp->zswap_known;
	case DM_ZRAM:
		*v = sp->zram;
		return d->z && sp->zram_known;
	case DM_ZERO:
		*v = sp->zero;
		return sp->zero_known;
	case DM_ZRAM_MEM:
		*v = d->zram_mem;
		return d->zram_mem_known;
	}
	return false;
}

static void devices(const struct model *m)
{
	size_t k, i;

	for (k = 0; k < ARRAY_SIZE(devm); k++) {
		bool head = false;

		for (i = 0; i < m->ndev; i++) {
			const struct device *d = &m->dev[i];
			uint64_t v;

			if (!device_value(d, k, &v))
				continue;
			if (!head)
				family(devm[k].name, "gauge", devm[k].help);
			head = true;
			printf("swapstat_%s{device=\"", devm[k].name);
			label(d->e->path);
			printf("\",type=\"");
			label(d->type);
			printf("\",tier=\"");
			label(d->tier ? d->tier : "");
			printf("\",priority=\"%d\"} %" PRIu64 "\n", d->e->prio, v);
		}
	}
}

/* --- figures and vmstat ----------------------------------------------------- */

/* A figure in base units: pages become bytes. Returns whether it saturated. */
static bool base_value(const struct model *m, const struct figure *f, uint64_t *v)
{
	bool sat = f->saturated;

	*v = f->unit == U_PAGES ? sat_mul(f->val, m->pagesize, &sat) : f->val;
	return sat;
}

static void figures(const struct model *m)
{
	size_t i;

	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &m->fig[i];
		uint64_t v;

		if (!f->known || !model_shows(m, f))
			continue;
		/* a count of pages goes out in bytes: say so */
		printf("# HELP swapstat_%s %s%s.\n# TYPE swapstat_%s %s\n", f->prom, f->label,
		       f->unit == U_PAGES ? ", in bytes (pages x page size)" : "", f->prom,
		       f->counter ? "counter" : "gauge");
		if (f->unit == U_RATIO) {
			printf("swapstat_%s %.4f\n", f->prom, f->ratio);
			continue;
		}
		base_value(m, f, &v);
		printf("swapstat_%s %" PRIu64 "\n", f->prom, v);
	}
}

static void vmstat(const struct snapshot *s)
{
	static const struct {
		const char *key, *name, *help;
	} vm[] = {
		{ "pswpin", "swap_in_bytes_total",
		  "Read from disk swap (vmstat pswpin x page size)." },
		{ "pswpout", "swap_out_bytes_total",
		  "Written to disk swap (vmstat pswpout x page size)." },
		{ "zswpin", "zswap_in_bytes_total",
		  "Loaded from zswap (vmstat zswpin x page size)." },
		{ "zswpout", "zswap_out_bytes_total",
		  "Stored into zswap (vmstat zswpout x page size)." },
		{ "swpin_zero", "zero_in_bytes_total",
		  "Zero-filled pages swapped in (vmstat swpin_zero x page size)." },
		{ "swpout_zero", "zero_out_bytes_total",
		  "Zero-filled pages swapped out (vmstat swpout_zero x page size)." },
	};
	size_t i;

	for (i = 0; !s->vmstat_rc && i < ARRAY_SIZE(vm); i++) {
		bool sat = false;
		uint64_t v;

		if (kvfile_get(&s->vmstat, vm[i].key, &v))
			continue;
		family(vm[i].name, "counter", vm[i].help);
		printf("swapstat_%s %" PRIu64 "\n", vm[i].name, sat_mul(v, s->pagesize, &sat));
	}
}

/* Figures that are missing (with a reason code) or stopped at 2^64 - 1. */
static void figure_states(const struct model *m)
{
	bool head = false;
	size_t i;

	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &m->fig[i];

		if (f->known || !model_shows(m, f))
			continue;
		if (!head)
			family("figure_missing", "gauge",
			       "A figure swapstat could not report; reason is a code, see swapstat(1).");
		head = true;
		printf("swapstat_figure_missing{figure=\"%s\",reason=\"%s\"} 1\n", f->key,
		       reason_code(f->code));
	}
	head = false;
	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &m->fig[i];
		uint64_t v;

		if (!f->known || f->unit == U_RATIO || !base_value(m, f, &v) || !model_shows(m, f))
			continue;
		if (!head)
			family("figure_saturated", "gauge",
			       "A figure that reached 2^64 - 1 and stopped there.");
		head = true;
		printf("swapstat_figure_saturated{figure=\"%s\"} 1\n", f->key);
	}
}

/* --- cgroups ------------------------------------------------------------------ */

static const struct {
	enum cg_file f;
	const char *name, *type, *help;
} cgm[] = {
	{ CGF_SWAP_CURRENT, "cgroup_swap_bytes", "gauge", "Swap in use (memory.swap.current)." },
	{ CGF_SWAP_MAX, "cgroup_swap_max_bytes", "gauge",
	  "Swap limit (memory.swap.max; +Inf for max)." },
	{ CGF_SWAP_PEAK, "cgroup_swap_peak_bytes", "gauge", "Peak swap (memory.swap.peak)." },
	{ CGF_SWAP_EVENTS, "cgroup_swap_fail_total", "counter",
	  "Failed swap allocations (memory.swap.events fail)." },
	{ CGF_ZSWAP_CURRENT, "cgroup_zswap_bytes", "gauge",
	  "zswap pool used (memory.zswap.current)." },
	{ CGF_ZSWAP_MAX, "cgroup_zswap_max_bytes", "gauge",
	  "zswap limit (memory.zswap.max; +Inf for max)." },
	{ CGF_STAT, "cgroup_zswapped_bytes", "gauge",
	  "Stored in zswap, uncompressed (memory.stat zswapped)." },
	{ CGF_ZSWAP_WRITEBACK, "cgroup_zswap_writeback", "gauge",
	  "1 if zswap may write back to disk (memory.zswap.writeback)." },
};

static void cgroups(const struct snapshot *s)
{
	const struct cgroup_tree *t = &s->cgroups;
	size_t k, i;

	for (k = 0; k < ARRAY_SIZE(cgm); k++) {
		bool head = false;

		for (i = 0; i < t->n; i++) {
			const struct cg_value *v = &t->v[i].f[cgm[k].f];

			if (v->rc < 0)
				continue;
			if (!head)
				family(cgm[k].name, cgm[k].type, cgm[k].help);
			head = true;
			printf("swapstat_%s{cgroup=\"", cgm[k].name);
			label(t->v[i].path);
			if (v->rc == CGV_MAX)
				printf("\"} +Inf\n");
			else
				printf("\"} %" PRIu64 "\n", v->val);
		}
	}
}

int show_prometheus(const struct ctl *ctl, const struct snapshot *s, const struct model *m)
{
	devices(m);
	figures(m);
	vmstat(s);
	figure_states(m);
	if (ctl->view == VIEW_CGROUPS)
		cgroups(s);
	return EXIT_SUCCESS;
}
