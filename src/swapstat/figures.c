/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The model: per-device split and summary figures, from one snapshot. */
#include <inttypes.h>
#include <stdarg.h>

#include "c.h"
#include "figures.h"
#include "ghost.h"
#include "kfeatures.h"
#include "pathnames.h"
#include "satmath.h"
#include "sysroot.h"

bool model_shows(const struct model *m, const struct figure *f)
{
	return !f->zram || m->any_zram;
}

static bool under_debugfs(const char *path)
{
	return !strncmp(path, PATH_DEBUGFS "/", sizeof(PATH_DEBUGFS));
}

char *source_reason(const struct snapshot *s, const char *path, int rc, enum reason *code)
{
	char *r;

	if (rc == -ENOENT && under_debugfs(path) &&
	    (s->debugfs_rc == DIRVALS_EMPTY || s->debugfs_rc == -ENOENT)) {
		*code = R_DEBUGFS_NOT_MOUNTED;
		xasprintf(&r, _("%s: debugfs is not mounted"), path);
	} else if (rc == -ENOENT && under_debugfs(path) && s->debugfs_rc < 0) {
		*code = R_ROOT_ONLY;
		xasprintf(&r, _("%s: %s (debugfs is readable by root only)"), path,
			  strerror(-s->debugfs_rc));
	} else if (rc == -ENOENT) {
		*code = R_NOT_PROVIDED;
		xasprintf(&r, _("%s: not provided by this kernel"), path);
	} else if ((rc == -EACCES || rc == -EPERM) && under_debugfs(path)) {
		*code = R_ROOT_ONLY;
		xasprintf(&r, _("%s: %s (debugfs is readable by root only)"), path, strerror(-rc));
	} else if (rc == -EACCES || rc == -EPERM) {
		*code = R_PERMISSION;
		xasprintf(&r, "%s: %s", path, strerror(-rc));
	} else if (rc == -EINVAL) {
		*code = R_MALFORMED;
		xasprintf(&r, _("%s: not a number"), path);
	} else if (rc == -ERANGE) {
		*code = R_MALFORMED;
		xasprintf(&r, _("%s: a number over 2^64 - 1"), path);
	} else if (rc == -EBADMSG) {
		*code = R_MALFORMED;
		xasprintf(&r, "%s: %s", path, swaps_strerror(rc));
	} else {
		*code = R_UNREADABLE;
		xasprintf(&r, "%s: %s", path, sysroot_strerror(rc));
	}
	return r;
}

/* --- setting figures ------------------------------------------------------ */

static void fig_set(struct figure *f, uint64_t val, bool sat, const char *fmt, ...) __printf(4, 5);
static void fig_set(struct figure *f, uint64_t val, bool sat, const char *fmt, ...)
{
	va_list ap;

	f->known = true;
	f->val = val;
	f->saturated = sat;
	va_start(ap, fmt);
	if (vasprintf(&f->from, fmt, ap) < 0)
		err(EXIT_FAILURE, _("cannot allocate string"));
	va_end(ap);
}

static void fig_ratio(struct figure *f, uint64_t num, uint64_t den, const char *from)
{
	f->known = true;
	f->ratio = (double)num / (double)den;
	f->from = xstrdup(from);
}

static void fig_missing(struct figure *f, enum reason code, const char *fmt, ...) __printf(3, 4);
static void fig_missing(struct figure *f, enum reason code, const char *fmt, ...)
{
	va_list ap;

	f->known = false;
	f->code = code;
	va_start(ap, fmt);
	if (vasprintf(&f->reason, fmt, ap) < 0)
		err(EXIT_FAILURE, _("cannot allocate string"));
	va_end(ap);
}

/* Missing because @path could not be read (@rc). */
static void fig_missing_src(struct figure *f, const struct snapshot *s, const char *path, int rc)
{
	f->known = false;
	f->reason = source_reason(s, path, rc, &f->code);
}

/* Missing because of @dir/@name: the directory's error or the file's. */
static void fig_missing_dv(struct figure *f, const struct snapshot *s, const struct dirvals *dv,
			   const char *dir, const char *name, int rc)
{
	char *p;

	if (dv->rc && dv->rc != DIRVALS_EMPTY) {
		fig_missing_src(f, s, dir, dv->rc);
		return;
	}
	xasprintf(&p, "%s/%s", dir, name);
	fig_missing_src(f, s, p, rc);
	free(p);
}

/* --- zswap, zram and the split between devices ----------------------------- */

struct totals {
	bool stored_known, pool_known, stored_sat, pool_sat;
	uint64_t stored;      /* bytes in zswap, uncompressed */
	uint64_t pool;	      /* bytes of RAM */
	uint64_t same_filled; /* of stored: zswap's same-filled entries (6.1) */
	char *stored_from, *pool_from;
	size_t used_devices;  /* devices with slots in use */
	bool zero_skip_known; /* the kernel tells whether it keeps zero pages off disk */
	bool zero_skip_seen;
};

static void compute_totals(const struct snapshot *s, struct totals *t)
{
	uint64_t v;
	bool sat = false;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (dirvals_u64(&s->zswap_dbg, "stored_pages", &v) == 0) {
		t->stored_known = true;
		t->stored = sat_mul(v, s->pagesize, &t->stored_sat);
		xasprintf(&t->stored_from, _("%s/stored_pages x page size"), PATH_ZSWAP_DEBUG);
	} else if (!s->meminfo_rc && kvfile_get(&s->meminfo, "Zswapped", &v) == 0) {
		t->stored_known = true;
		t->stored = sat_mul(v, 1024, &t->stored_sat);
		t->stored_from = xstrdup(PATH_PROC_MEMINFO " Zswapped");
	}
	/* 6.1 keeps same-filled pages as zswap entries without pool memory */
	if (t->stored_known && dirvals_u64(&s->zswap_dbg, "same_filled_pages", &v) == 0) {
		v = sat_mul(v, s->pagesize, &sat);
		t->same_filled = v < t->stored ? v : t->stored;
	}
	if (dirvals_u64(&s->zswap_dbg, "pool_total_size", &v) == 0) {
		t->pool_known = true;
		t->pool = v;
		t->pool_from = xstrdup(PATH_ZSWAP_DEBUG "/pool_total_size");
	} else if (!s->meminfo_rc && kvfile_get(&s->meminfo, "Zswap", &v) == 0) {
		t->pool_known = true;
		t->pool = sat_mul(v, 1024, &t->pool_sat);
		t->pool_from = xstrdup(PATH_PROC_MEMINFO " Zswap");
	}
	for (i = 0; !s->swaps_rc && i < s->swaps.n; i++) {
		if (s->swaps.v[i].used_kib)
			t->used_devices++;
	}
	/* kernels with swpout_zero never write zero-filled pages to disk */
	if (!s->vmstat_rc) {
		t->zero_skip_known = true;
		t->zero_skip_seen = kvfile_get(&s->vmstat, "swpout_zero", &v) == 0 && v > 0;
	}
}

static void free_totals(struct totals *t)
{
	free(t->stored_from);
	free(t->pool_from);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/*
 * What a zram device holds, in bytes: same-filled pages (no storage), pages
 * written back to its backing device (whole pages, in 4 KiB units), and the
 * rest, compressed in RAM, at its uncompressed size. orig_data_size counts
 * all three (7.x). False when mm_stat or bd_stat could not be read.
 */
static bool zram_parts(const struct zram_stat *z, size_t pagesize, uint64_t *ram, uint64_t *zero,
		       uint64_t *disk)
{
	bool sat = false;
	uint64_t other;

	/* without CONFIG_ZRAM_WRITEBACK nothing is ever on a backing device */
	if (z->mm_rc || (z->bd_rc && z->bd_rc != -ENOENT))
		return false;
	*zero = sat_mul(z->same_pages, pagesize, &sat);
	*disk = z->bd_rc ? 0 : sat_mul(z->bd_count, ZRAM_BD_UNIT, &sat);
	other = sat_add(*zero, *disk, &sat);
	*ram = z->orig_data_size > other ? z->orig_data_size - other : 0;
	return true;
}

/*
 * The kernel keeps no per-device count of zswap entries or zero-filled
 * slots. A split is only certain when one device holds every used slot:
 * then all of zswap is that device's, and for a ghost device whatever is
 * not in zswap is zero-filled (nothing else can hold a ghost slot). zram
 * tells its own share: compressed in RAM, same-filled, on its backing device.
 */
static void split_device(const struct device *d, const struct totals *t, size_t pagesize,
			 struct devsplit *sp)
{
	uint64_t used = d->used, rest, ram, zero = 0, disk;
	/* a kernel that keeps no zero pages off its devices: zram's same pages are all */
	bool same_all = t->zero_skip_known && !t->zero_skip_seen;

	memset(sp, 0, sizeof(*sp));
	if (d->ghost)
		sp->disk_known = true; /* no block I/O ever targets a ghost device */
	if (!d->z)
		sp->zram_known = true; /* only zram stores in zram */
	if (!used) {
		sp->disk_known = sp->zswap_known = sp->zram_known = sp->zero_known = true;
		return;
	}
	if (d->z && zram_parts(d->z, pagesize, &ram, &zero, &disk)) {
		sp->zram_known = sp->disk_known = true;
		sp->zram = min_u64(ram, used);
		sp->disk = min_u64(disk, used - sp->zram);
		zero = min_u64(zero, used - sp->zram - sp->disk);
		sp->zero_known = same_all;
		sp->zero = same_all ? zero : 0;
	}
	if (!t->stored_known)
		return;
	if (t->stored == 0) {
		sp->zswap = 0;
	} else if (t->used_devices == 1) {
		sp->zswap = min_u64(t->stored - t->same_filled, used - sp->zram - sp->disk);
	} else {
		return;
	}
	sp->zswap_known = true;
	rest = used - sp->zswap - sp->zram - sp->disk;
	if (d->z) {
		/* same pages, and the zero pages the swap core kept off the device */
		sp->zero_known = sp->zram_known;
		sp->zero = sp->zram_known ? rest : 0;
	} else if (d->ghost) {
		sp->zero_known = true;
		sp->zero = rest;
	} else if (same_all) {
		/* same-filled zswap entries (6.1) are the only zero pages off disk */
		sp->zero_known = sp->disk_known = true;
		sp->zero = min_u64(t->same_filled, rest);
		sp->disk = rest - sp->zero;
	}
}

static void compute_devices(const struct snapshot *s, const struct totals *t, struct model *m)
{
	size_t i;

	if (s->swaps_rc)
		return;
	m->ndev = s->swaps.n;
	m->dev = xcalloc(m->ndev ? m->ndev : 1, sizeof(*m->dev));
	for (i = 0; i < m->ndev; i++) {
		struct device *d = &m->dev[i];
		const struct swap_tier *tier;

		d->e = &s->swaps.v[i];
		d->z = s->zram[i].name[0] ? &s->zram[i] : NULL;
		d->ghost = ghost_swap_type(d->e->type);
		d->type = d->z ? "zram" : d->e->type;
		tier = s->tiers_rc ? NULL : tiers_find_prio(&s->tiers, d->e->prio);
		d->tier = tier ? tier->name : NULL;
		d->size = sat_mul(d->e->size_kib, 1024, &d->size_sat);
		d->used = sat_mul(d->e->used_kib, 1024, &d->used_sat);
		/* a ghost device's size is a number and zram's is RAM: neither is storage */
		d->capacity = d->ghost || d->z ? 0 : d->size;
		if (d->z && !d->z->mm_rc) {
			d->zram_mem_known = true;
			d->zram_mem = d->z->mem_used_total;
		}
		m->any_zram |= d->z != NULL;
		split_device(d, t, s->pagesize, &d->split);
	}
}

/* --- the summary ------------------------------------------------------------- */

static void figures_from_swaps(const struct snapshot *s, struct model *m)
{
	static const int from_swaps[] = { F_GHOST_VIRT, F_ZRAM_SIZE, F_DISK_CAP,
					  F_VIRT_USED,	F_DISK_USED, F_DISK_SLOTS };
	uint64_t disk_cap = 0, ghost_virt = 0, zram_size = 0, used = 0, slots = 0, disk = 0;
	bool sat_cap = false, sat_virt = false, sat_zram = false, sat_used = false;
	bool sat_slots = false, sat_disk = false, disk_known = true;
	size_t i;

	if (s->swaps_rc) {
		for (i = 0; i < ARRAY_SIZE(from_swaps); i++)
			fig_missing_src(&m->fig[from_swaps[i]], s, PATH_PROC_SWAPS, s->swaps_rc);
		return;
	}
	for (i = 0; i < m->ndev; i++) {
		const struct device *d = &m->dev[i];

		used = sat_add(used, d->used, &sat_used);
		sat_used |= d->used_sat;
		if (d->ghost) {
			ghost_virt = sat_add(ghost_virt, d->size, &sat_virt);
			sat_virt |= d->size_sat;
		} else if (d->z) {
			zram_size = sat_add(zram_size, d->size, &sat_zram);
			sat_zram |= d->size_sat;
		} else {
			disk_cap = sat_add(disk_cap, d->size, &sat_cap);
			sat_cap |= d->size_sat;
			slots = sat_add(slots, d->used, &sat_slots);
			sat_slots |= d->used_sat;
			disk_known &= d->split.disk_known;
			disk = sat_add(disk, d->split.disk, &sat_disk);
		}
	}
	fig_set(&m->fig[F_GHOST_VIRT], ghost_virt, sat_virt,
		_("/proc/swaps Size of ghost and vswap devices; virtual, not capacity"));
	fig_set(&m->fig[F_ZRAM_SIZE], zram_size, sat_zram,
		_("/proc/swaps Size of zram devices; uncompressed, not capacity"));
	fig_set(&m->fig[F_DISK_CAP], disk_cap, sat_cap,
		_("/proc/swaps Size of partition and file devices"));
	fig_set(&m->fig[F_VIRT_USED], used, sat_used, _("/proc/swaps Used, all devices"));
	fig_set(&m->fig[F_DISK_SLOTS], slots, sat_slots,
		_("/proc/swaps Used of partition and file devices; upper bound of disk used"));
	if (disk_known)
		fig_set(&m->fig[F_DISK_USED], disk, sat_disk,
			_("slots of disk devices not in zswap and not zero-filled"));
	else
		fig_missing(&m->fig[F_DISK_USED], R_NOT_BROKEN_DOWN,
			    _("not broken down: the kernel does not report which slots of disk "
			      "devices are in zswap or zero-filled"));
}

static void figures_zswap(const struct snapshot *s, const struct totals *t, struct model *m)
{
	struct figure *fig = m->fig;
	uint64_t v;

	/* missing: the reason of the debugfs file, the first source tried */
	if (t->pool_known)
		fig_set(&fig[F_POOL], t->pool, t->pool_sat, "%s", t->pool_from);
	else
		fig_missing_dv(&fig[F_POOL], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG, "pool_total_size",
			       dirvals_u64(&s->zswap_dbg, "pool_total_size", &v));
	if (t->stored_known)
		fig_set(&fig[F_STORED], t->stored, t->stored_sat, "%s", t->stored_from);
	else
		fig_missing_dv(&fig[F_STORED], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG, "stored_pages",
			       dirvals_u64(&s->zswap_dbg, "stored_pages", &v));
	if (t->pool_known && t->stored_known && t->pool)
		fig_ratio(&fig[F_RATIO], t->stored, t->pool, _("stored / pool"));
	else if (t->pool_known && t->stored_known)
		fig_missing(&fig[F_RATIO], R_EMPTY, _("the zswap pool is empty"));
	else
		fig_missing(&fig[F_RATIO], R_NEEDS_INPUT,
			    _("needs both the pool size and the stored pages"));
}

/* The pool limit: max_pool_percent of MemTotal, when zswap is enabled. */
static void figure_pool_limit(const struct snapshot *s, struct model *m)
{
	struct figure *f = &m->fig[F_POOL_LIMIT];
	const struct dirval *en = dirvals_get(&s->zswap_par, "enabled");
	uint64_t pct, memtotal, bytes;
	bool sat = false;
	int rc;

	if (s->zswap_par.rc == -ENOENT || s->zswap_par.rc == DIRVALS_EMPTY) {
		fig_set(f, 0, false, _("no zswap in this kernel"));
	} else if (s->zswap_par.rc) {
		fig_missing_src(f, s, PATH_ZSWAP_PARAMS, s->zswap_par.rc);
	} else if (!en || en->rc) {
		fig_missing_dv(f, s, &s->zswap_par, PATH_ZSWAP_PARAMS, "enabled",
			       en ? en->rc : -ENOENT);
	} else if (!kfeatures_param_true(en->value)) {
		fig_set(f, 0, false, _("zswap is disabled (%s/enabled)"), PATH_ZSWAP_PARAMS);
	} else if ((rc = dirvals_u64(&s->zswap_par, "max_pool_percent", &pct)) != 0) {
		fig_missing_dv(f, s, &s->zswap_par, PATH_ZSWAP_PARAMS, "max_pool_percent", rc);
	} else if (s->meminfo_rc || kvfile_get(&s->meminfo, "MemTotal", &memtotal)) {
		fig_missing(f, R_NEEDS_INPUT, _("/proc/meminfo: no MemTotal"));
	} else {
		/* (bytes * pct) / 100, exact, without wrapping on the way */
		bytes = sat_mul(memtotal, 1024, &sat);
		bytes = sat_add(sat_mul(bytes / 100, pct, &sat), (bytes % 100) * pct / 100, &sat);
		fig_set(f, bytes, sat, _("MemTotal x max_pool_percent (%" PRIu64 "%%)"), pct);
	}
}

static void figures_zram(const struct snapshot *s, struct model *m)
{
	uint64_t ram = 0, stored = 0, huge = 0, limit = 0, backing = 0, writes = 0;
	bool sat_ram = false, sat_stored = false, sat_huge = false, sat_lim = false;
	bool sat_back = false, sat_wr = false, huge_known = true;
	const char *nolimit = NULL;
	const struct zram_stat *bad = NULL;
	struct figure *fig = m->fig;
	size_t i;

	for (i = 0; i < m->ndev; i++) {
		const struct zram_stat *z = m->dev[i].z;
		uint64_t in_ram, zero, disk;

		if (!z)
			continue;
		if (!zram_parts(z, s->pagesize, &in_ram, &zero, &disk)) {
			bad = bad ? bad : z;
			continue;
		}
		ram = sat_add(ram, z->mem_used_total, &sat_ram);
		stored = sat_add(stored, in_ram, &sat_stored);
		huge = sat_add(huge, z->huge_pages, &sat_huge);
		huge_known &= z->huge_known;
		limit = sat_add(limit, z->mem_limit, &sat_lim);
		if (!z->mem_limit && !nolimit)
			nolimit = z->name;
		backing = sat_add(backing, disk, &sat_back);
		writes = sat_add(writes, sat_mul(z->bd_writes, ZRAM_BD_UNIT, &sat_wr), &sat_wr);
	}
	if (bad) {
		static const int from_zram[] = {
			F_ZRAM_RAM,   F_ZRAM_STORED,  F_ZRAM_HUGE,
			F_ZRAM_LIMIT, F_ZRAM_BACKING, F_ZRAM_WRITTEN_BACK
		};
		const char *file = bad->mm_rc ? ZRAM_MM_STAT : ZRAM_BD_STAT;
		char *p;

		xasprintf(&p, "%s/%s/%s", PATH_SYS_BLOCK, bad->name, file);
		for (i = 0; i < ARRAY_SIZE(from_zram); i++)
			fig_missing_src(&fig[from_zram[i]], s, p,
					bad->mm_rc ? bad->mm_rc : bad->bd_rc);
		free(p);
	} else {
		fig_set(&fig[F_ZRAM_RAM], ram, sat_ram, _("%s mem_used_total of the zram devices"),
			ZRAM_MM_STAT);
		fig_set(&fig[F_ZRAM_STORED], stored, sat_stored,
			_("%s orig_data_size - same_pages - bd_count"), ZRAM_MM_STAT);
		if (huge_known)
			fig_set(&fig[F_ZRAM_HUGE], huge, sat_huge, _("%s huge_pages"),
				ZRAM_MM_STAT);
		else
			fig_missing(&fig[F_ZRAM_HUGE], R_NOT_PROVIDED,
				    _("%s: no huge_pages in this kernel"), ZRAM_MM_STAT);
		if (nolimit)
			fig_missing(&fig[F_ZRAM_LIMIT], R_NO_LIMIT,
				    _("%s has no mem_limit: it may take any amount of RAM"),
				    nolimit);
		else
			fig_set(&fig[F_ZRAM_LIMIT], limit, sat_lim,
				_("%s mem_limit of the zram devices"), ZRAM_MM_STAT);
		fig_set(&fig[F_ZRAM_BACKING], backing, sat_back,
			_("%s bd_count x 4 KiB (none without writeback)"), ZRAM_BD_STAT);
		fig_set(&fig[F_ZRAM_WRITTEN_BACK], writes, sat_wr, _("%s bd_writes x 4 KiB"),
			ZRAM_BD_STAT);
	}
	if (fig[F_ZRAM_RAM].known && fig[F_ZRAM_RAM].val)
		fig_ratio(&fig[F_ZRAM_RATIO], stored, ram, _("stored in RAM / RAM held"));
	else if (fig[F_ZRAM_RAM].known)
		fig_missing(&fig[F_ZRAM_RATIO], R_EMPTY, _("zram holds nothing"));
	else
		fig_missing(&fig[F_ZRAM_RATIO], R_NEEDS_INPUT, _("needs the zram memory figures"));

	if (fig[F_ZRAM_RAM].known && fig[F_POOL].known) {
		bool sat = fig[F_ZRAM_RAM].saturated;

		fig_set(&fig[F_COMPRESSED_RAM], sat_add(fig[F_POOL].val, ram, &sat), sat,
			_("zswap pool + zram memory"));
	} else {
		fig_missing(&fig[F_COMPRESSED_RAM], R_NEEDS_INPUT,
			    _("needs the zswap pool and the zram memory"));
	}
}

static void figure_capacity(struct model *m)
{
	struct figure *fig = m->fig;
	bool sat = fig[F_DISK_CAP].saturated || fig[F_POOL_LIMIT].saturated;
	uint64_t v;

	if (!fig[F_DISK_CAP].known || !fig[F_POOL_LIMIT].known) {
		fig_missing(&fig[F_REAL_CAP], R_NEEDS_INPUT,
			    _("needs the disk devices capacity and the zswap pool limit"));
		return;
	}
	v = sat_add(fig[F_DISK_CAP].val, fig[F_POOL_LIMIT].val, &sat);
	if (!m->any_zram) {
		fig_set(&fig[F_REAL_CAP], v, sat, _("disk devices capacity + zswap pool limit"));
	} else if (fig[F_ZRAM_LIMIT].known) {
		sat |= fig[F_ZRAM_LIMIT].saturated;
		v = sat_add(v, fig[F_ZRAM_LIMIT].val, &sat);
		fig_set(&fig[F_REAL_CAP], v, sat,
			_("disk devices capacity + zswap pool limit + zram memory limit"));
	} else {
		fig_missing(&fig[F_REAL_CAP], R_NEEDS_INPUT,
			    _("needs the zram memory limit: zram may take any amount of RAM"));
	}
}

/* Zero-filled pages held: a gauge only on old kernels and zram, else derived. */
static void figure_zero(const struct snapshot *s, const struct totals *t, struct model *m)
{
	struct figure *f = &m->fig[F_ZERO];
	uint64_t v, used = m->fig[F_VIRT_USED].val, sum = 0, zram = 0;
	bool all_ghost = true, all_known = true, sat = false;
	size_t i;

	for (i = 0; i < m->ndev; i++) {
		const struct device *d = &m->dev[i];

		if (d->used && !d->ghost)
			all_ghost = false;
		all_known &= d->split.zero_known;
		sum = sat_add(sum, d->split.zero, &sat);
		if (d->z)
			zram = sat_add(zram, d->split.zero, &sat);
	}
	if (dirvals_u64(&s->zswap_dbg, "same_filled_pages", &v) == 0) {
		v = sat_add(sat_mul(v, s->pagesize, &sat), zram, &sat);
		if (m->any_zram)
			fig_set(f, v, sat, _("%s/same_filled_pages x page size + zram same_pages"),
				PATH_ZSWAP_DEBUG);
		else
			fig_set(f, v, sat, _("%s/same_filled_pages x page size"), PATH_ZSWAP_DEBUG);
	} else if (s->swaps_rc) {
		fig_missing_src(f, s, PATH_PROC_SWAPS, s->swaps_rc);
	} else if (!used) {
		fig_set(f, 0, false, _("no swap in use"));
	} else if (all_known) {
		fig_set(f, sum, sat, _("sum of the devices' zero-filled slots"));
	} else if (!t->stored_known) {
		fig_missing(f, R_NEEDS_INPUT, _("needs the zswap stored pages"));
	} else if (all_ghost) {
		fig_set(f, used > t->stored ? used - t->stored : 0, false,
			_("ghost slots in use - stored in zswap"));
	} else {
		fig_missing(f, R_NOT_BROKEN_DOWN,
			    _("not reported by this kernel while disk devices are in use"));
	}
}

/* A counter in pages from a debugfs file, or from a vmstat line instead. */
static void figure_counter(const struct snapshot *s, struct figure *f, const struct dirvals *dv,
			   const char *dir, const char *name, const char *vmstat_key)
{
	uint64_t v;
	int rc = dirvals_u64(dv, name, &v);

	if (!rc)
		fig_set(f, v, false, "%s/%s", dir, name);
	else if (vmstat_key && !s->vmstat_rc && kvfile_get(&s->vmstat, vmstat_key, &v) == 0)
		fig_set(f, v, false, "%s %s", PATH_PROC_VMSTAT, vmstat_key);
	else
		fig_missing_dv(f, s, dv, dir, name, rc);
}

/* The kernel's ghost cluster metadata, in bytes (series v2). */
static void figure_ghost_metadata(const struct snapshot *s, struct figure *f)
{
	uint64_t v;
	int rc = dirvals_u64(&s->vswap_dbg, "metadata_bytes", &v);

	if (!rc)
		fig_set(f, v, false, "%s/metadata_bytes", PATH_VSWAP_DEBUG);
	else
		fig_missing_dv(f, s, &s->vswap_dbg, PATH_VSWAP_DEBUG, "metadata_bytes", rc);
}

/* Cumulative refusals: every reject_* counter of zswap. */
static void figure_rejected(const struct snapshot *s, struct figure *f)
{
	const struct dirvals *dv = &s->zswap_dbg;
	uint64_t v, sum = 0;
	bool any = false, sat = false;
	size_t i;

	if (dv->rc && dv->rc != DIRVALS_EMPTY) {
		fig_missing_src(f, s, PATH_ZSWAP_DEBUG, dv->rc);
		return;
	}
	for (i = 0; i < dv->n; i++) {
		if (strncmp(dv->v[i].name, "reject_", 7) || dirvals_u64(dv, dv->v[i].name, &v))
			continue;
		sum = sat_add(sum, v, &sat);
		any = true;
	}
	if (any)
		fig_set(f, sum, sat, _("%s/reject_*, since boot"), PATH_ZSWAP_DEBUG);
	else
		fig_missing_dv(f, s, dv, PATH_ZSWAP_DEBUG, "reject_*", -ENOENT);
}

void model_compute(const struct snapshot *s, struct model *m)
{
	struct figure *fig;
	struct totals t;
	uint64_t v;
	size_t i;

	memset(m, 0, sizeof(*m));
	m->pagesize = s->pagesize;
	fig = m->fig;
	for (i = 0; i < NR_FIGURES; i++)
		fig[i] = figure_defs[i];

	compute_totals(s, &t);
	compute_devices(s, &t, m);

	if (!s->meminfo_rc && kvfile_get(&s->meminfo, "SwapTotal", &v) == 0) {
		bool sat = false;

		v = sat_mul(v, 1024, &sat);
		fig_set(&fig[F_SWAPTOTAL], v, sat, PATH_PROC_MEMINFO " SwapTotal");
	} else if (s->meminfo_rc) {
		fig_missing_src(&fig[F_SWAPTOTAL], s, PATH_PROC_MEMINFO, s->meminfo_rc);
	} else {
		fig_missing(&fig[F_SWAPTOTAL], R_NOT_PROVIDED, _("/proc/meminfo: no SwapTotal"));
	}
	figures_from_swaps(s, m);
	figures_zswap(s, &t, m);
	figure_pool_limit(s, m);
	figures_zram(s, m);
	figure_capacity(m);
	figure_zero(s, &t, m);
	figure_rejected(s, &fig[F_REJECTED]);
	figure_counter(s, &fig[F_WRITTEN_BACK], &s->zswap_dbg, PATH_ZSWAP_DEBUG,
		       "written_back_pages", "zswpwb");
	figure_counter(s, &fig[F_RESIDENT], &s->vswap_dbg, PATH_VSWAP_DEBUG,
		       "zswap_reject_resident", NULL);
	figure_counter(s, &fig[F_RESIDENT_CACHED], &s->vswap_dbg, PATH_VSWAP_DEBUG,
		       "zswap_reject_cached", NULL);
	figure_counter(s, &fig[F_RESIDENT_RETRY], &s->vswap_dbg, PATH_VSWAP_DEBUG,
		       "zswap_reject_retry", NULL);
	figure_counter(s, &fig[F_RESIDENT_SKIP], &s->vswap_dbg, PATH_VSWAP_DEBUG,
		       "zswap_reject_skip", NULL);
	figure_counter(s, &fig[F_ALLOC_REJECT], &s->vswap_dbg, PATH_VSWAP_DEBUG, "alloc_reject",
		       NULL);
	figure_counter(s, &fig[F_REDIRECTED], &s->vswap_dbg, PATH_VSWAP_DEBUG, "redirected", NULL);
	figure_ghost_metadata(s, &fig[F_GHOST_METADATA]);
	free_totals(&t);
}

void model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < NR_FIGURES; i++) {
		free(m->fig[i].from);
		free(m->fig[i].reason);
	}
	free(m->dev);
	memset(m, 0, sizeof(*m));
}
