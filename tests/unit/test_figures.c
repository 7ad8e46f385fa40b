/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * swapstat's model on its own: snapshots built in memory, figures and the
 * per-device split checked, with zram, missing sources and figures that
 * would wrap (2^64 - 1, 2^63, 2^31).
 */
#include <errno.h>
#include <stdlib.h>

#include "c.h"
#include "figures.h"
#include "unit.h"

static void snap_init(struct snapshot *s)
{
	memset(s, 0, sizeof(*s));
	s->pagesize = 4096;
	s->tiers_rc = s->uptime_rc = s->osrelease_rc = -ENOENT;
	s->zswap_dbg.rc = s->vswap_dbg.rc = s->zswap_par.rc = -ENOENT;
	s->meminfo_rc = s->vmstat_rc = -ENOENT;
	s->zram = xcalloc(1, sizeof(*s->zram));
}

static size_t add_swap(struct snapshot *s, const char *path, const char *type, uint64_t size_kib,
		       uint64_t used_kib, int prio)
{
	struct swap_entry *e;

	s->swaps.v = xrealloc(s->swaps.v, (s->swaps.n + 1) * sizeof(*s->swaps.v));
	s->zram = xrealloc(s->zram, (s->swaps.n + 1) * sizeof(*s->zram));
	memset(&s->zram[s->swaps.n], 0, sizeof(*s->zram));
	e = &s->swaps.v[s->swaps.n];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	e->type = xstrdup(type);
	e->size_kib = size_kib;
	e->used_kib = used_kib;
	e->prio = prio;
	return s->swaps.n++;
}

static int dv_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dirval *)a)->name, ((const struct dirval *)b)->name);
}

/* "name=value" pairs, NULL-terminated */
static void set_dir(struct dirvals *dv, const char *const *pairs)
{
	size_t n = 0;

	while (pairs[n])
		n++;
	memset(dv, 0, sizeof(*dv));
	dv->v = xcalloc(n ? n : 1, sizeof(*dv->v));
	for (dv->n = 0; dv->n < n; dv->n++) {
		const char *eq = strchr(pairs[dv->n], '=');

		dv->v[dv->n].name = strndup(pairs[dv->n], eq - pairs[dv->n]);
		dv->v[dv->n].value = xstrdup(eq + 1);
	}
	qsort(dv->v, dv->n, sizeof(*dv->v), dv_cmp);
}

static const struct figure *fig(const struct model *m, const char *key)
{
	size_t i;

	for (i = 0; i < NR_FIGURES; i++) {
		if (!strcmp(m->fig[i].key, key))
			return &m->fig[i];
	}
	fprintf(stderr, "no figure %s\n", key);
	abort();
}

#define CHECK_FIG(m, key, value)                       \
	do {                                           \
		const struct figure *f_ = fig(m, key); \
		CHECK(f_->known);                      \
		CHECK_EQ_U64(f_->val, value);          \
	} while (0)

#define CHECK_MISSING(m, key, code_)                   \
	do {                                           \
		const struct figure *f_ = fig(m, key); \
		CHECK(!f_->known);                     \
		CHECK(f_->code == (code_));            \
		CHECK(f_->reason && * f_->reason);     \
	} while (0)

/* One ghost device holds every used slot: all of zswap is its, the rest zero. */
static void ghost_alone(void)
{
	static const char *const zswap[] = { "stored_pages=1024",      "pool_total_size=1048576",
					     "reject_compress_poor=3", "reject_alloc_fail=4",
					     "written_back_pages=0",   NULL };
	struct snapshot s;
	struct model m;

	snap_init(&s);
	add_swap(&s, "/dev/ghostswap", "ghost", 8388608, 8192, 100);
	add_swap(&s, "/dev/vda", "partition", 1048576, 0, -2);
	set_dir(&s.zswap_dbg, zswap);
	kvfile_parse("MemTotal: 1000 kB\nSwapTotal: 9437184 kB\n", &s.meminfo);
	s.meminfo_rc = 0;
	kvfile_parse("swpout_zero 5\n", &s.vmstat);
	s.vmstat_rc = 0;
	model_compute(&s, &m);

	CHECK_EQ_U64(m.ndev, 2);
	CHECK(m.dev[0].ghost && m.dev[0].split.zswap_known && m.dev[0].split.zero_known);
	CHECK_EQ_U64(m.dev[0].split.zswap, 4 << 20);
	CHECK_EQ_U64(m.dev[0].split.zero, (8 << 20) - (4 << 20));
	CHECK_EQ_U64(m.dev[0].split.disk, 0);
	CHECK_EQ_U64(m.dev[0].capacity, 0);
	CHECK_EQ_U64(m.dev[1].capacity, 1ULL << 30);
	CHECK_FIG(&m, "ghost_virtual_size", 8ULL << 30);
	CHECK_FIG(&m, "disk_capacity", 1ULL << 30);
	CHECK_FIG(&m, "virtual_used", 8 << 20);
	CHECK_FIG(&m, "zswap_stored", 4 << 20);
	CHECK_FIG(&m, "zswap_pool", 1 << 20);
	CHECK(fig(&m, "zswap_compression_ratio")->known &&
	      fig(&m, "zswap_compression_ratio")->ratio == 4.0);
	CHECK_FIG(&m, "disk_used", 0);
	CHECK_FIG(&m, "zero_filled", 4 << 20);
	CHECK_FIG(&m, "zswap_rejected_pages", 7);
	CHECK_FIG(&m, "swap_total", 9437184ULL * 1024);
	/* no zswap parameters in this snapshot: the limit's reason is the kernel's */
	CHECK_FIG(&m, "zswap_pool_limit", 0);
	CHECK_FIG(&m, "real_capacity", 1ULL << 30);
	CHECK_MISSING(&m, "ghost_kept_resident_pages", R_NOT_PROVIDED);
	CHECK(!model_shows(&m, fig(&m, "zram_ram")));
	model_free(&m);
	snapshot_free(&s);
}

/* Two devices in use share zswap: the kernel does not say whose it is. */
static void shared_zswap(void)
{
	static const char *const zswap[] = { "stored_pages=10", "pool_total_size=0", NULL };
	struct snapshot s;
	struct model m;

	snap_init(&s);
	add_swap(&s, "/dev/ghostswap", "ghost", 1024, 512, 100);
	add_swap(&s, "/swapfile", "file", 1024, 512, -2);
	set_dir(&s.zswap_dbg, zswap);
	s.vmstat_rc = 0;
	model_compute(&s, &m);
	CHECK(!m.dev[0].split.zswap_known && m.dev[0].split.disk_known);
	CHECK(!m.dev[1].split.zswap_known && !m.dev[1].split.disk_known);
	CHECK_MISSING(&m, "disk_used", R_NOT_BROKEN_DOWN);
	CHECK_MISSING(&m, "zero_filled", R_NOT_BROKEN_DOWN);
	CHECK_MISSING(&m, "zswap_compression_ratio", R_EMPTY);
	CHECK_FIG(&m, "disk_slots_used", 512 * 1024);
	model_free(&m);
	snapshot_free(&s);
}

static void set_zram(struct zram_stat *z, const char *name, const char *mm, const char *bd)
{
	memset(z, 0, sizeof(*z));
	snprintf(z->name, sizeof(z->name), "%s", name);
	z->mm_rc = zram_parse_mm_stat(mm, z);
	z->bd_rc = bd ? zram_parse_bd_stat(bd, z) : -ENOENT;
	z->algorithm = xstrdup("lz4");
}

/* zram is compressed RAM: its own split, never disk capacity. */
static void zram(void)
{
	static const char *const params[] = { "enabled=Y", "max_pool_percent=20", NULL };
	struct snapshot s;
	struct model m;
	size_t i;

	snap_init(&s);
	/*
	 * 64 MiB in 20 MiB of RAM, 1000 same pages, 10 huge, 256 pages on the
	 * backing disk: orig_data_size counts all of them (7.x)
	 */
	i = add_swap(&s, "/dev/zram0", "partition", 262144, 70560, 100);
	set_zram(&s.zram[i], "zram0", "72253440 16777216 20971520 0 20971520 1000 0 10 10\n",
		 "256 3 300\n");
	add_swap(&s, "/dev/vda", "partition", 1048576, 0, 5);
	kvfile_parse("MemTotal: 1048576 kB\nZswap: 0 kB\nZswapped: 0 kB\n", &s.meminfo);
	s.meminfo_rc = 0;
	set_dir(&s.zswap_par, params);
	s.vmstat_rc = 0;
	model_compute(&s, &m);

	CHECK(m.any_zram);
	CHECK_STR(m.dev[0].type, "zram");
	CHECK_EQ_U64(m.dev[0].capacity, 0);
	CHECK(m.dev[0].split.zram_known && m.dev[0].split.zero_known && m.dev[0].split.disk_known &&
	      m.dev[0].split.zswap_known);
	CHECK_EQ_U64(m.dev[0].split.zram, 64 << 20);
	CHECK_EQ_U64(m.dev[0].split.zero, 1000 * 4096);
	CHECK_EQ_U64(m.dev[0].split.disk, 256 * 4096);
	CHECK_EQ_U64(m.dev[0].split.zswap, 0);
	CHECK(m.dev[0].zram_mem_known);
	CHECK_EQ_U64(m.dev[0].zram_mem, 20 << 20);
	CHECK_FIG(&m, "disk_capacity", 1ULL << 30);
	CHECK_FIG(&m, "zram_disk_size", 256 << 20);
	CHECK_FIG(&m, "zram_ram", 20 << 20);
	CHECK_FIG(&m, "zram_stored", 64 << 20);
	CHECK(fig(&m, "zram_compression_ratio")->ratio == 64.0 / 20);
	CHECK_FIG(&m, "zram_huge_pages", 10);
	CHECK_FIG(&m, "zram_backing_used", 256 * 4096);
	CHECK_FIG(&m, "zram_written_back", 300 * 4096);
	CHECK_FIG(&m, "compressed_ram", 20 << 20);
	CHECK_FIG(&m, "disk_slots_used", 0);
	CHECK_FIG(&m, "zero_filled", 1000 * 4096);
	/* no mem_limit: zram may take all RAM, so no capacity can be named */
	CHECK_MISSING(&m, "zram_mem_limit", R_NO_LIMIT);
	CHECK_MISSING(&m, "real_capacity", R_NEEDS_INPUT);
	CHECK(model_shows(&m, fig(&m, "zram_ram")));
	model_free(&m);

	s.zram[0].mem_limit = 32 << 20;
	model_compute(&s, &m);
	CHECK_FIG(&m, "zram_mem_limit", 32 << 20);
	CHECK_FIG(&m, "real_capacity", (1ULL << 30) + 214748364 + (32 << 20));
	model_free(&m);

	/* written back pages that outnumber orig_data_size never make it negative */
	s.zram[0].bd_count = 1ULL << 40;
	model_compute(&s, &m);
	CHECK_FIG(&m, "zram_stored", 0);
	CHECK_EQ_U64(m.dev[0].split.zram, 0);
	model_free(&m);

	/* mm_stat unreadable: the zram figures say why */
	s.zram[0].mm_rc = -EACCES;
	model_compute(&s, &m);
	CHECK(!m.dev[0].split.zram_known);
	CHECK_MISSING(&m, "zram_ram", R_PERMISSION);
	CHECK_MISSING(&m, "compressed_ram", R_NEEDS_INPUT);
	model_free(&m);
	snapshot_free(&s);
}

/* Figures stop at 2^64 - 1 and say so; they never wrap. */
static void saturation(void)
{
	static const char *const params[] = { "enabled=Y", "max_pool_percent=100", NULL };
	static const char *const zswap[] = { "stored_pages=18446744073709551615",
					     "reject_a=18446744073709551615", "reject_b=1", NULL };
	struct snapshot s;
	struct model m;

	snap_init(&s);
	/* two 2^64 - 1 KiB areas, and two of 2^63 bytes */
	add_swap(&s, "/a", "file", UINT64_MAX, 0, 1);
	add_swap(&s, "/b", "file", UINT64_MAX, 0, 2);
	model_compute(&s, &m);
	CHECK(m.dev[0].size_sat && m.dev[0].size == UINT64_MAX);
	CHECK(fig(&m, "disk_capacity")->saturated);
	CHECK_FIG(&m, "disk_capacity", UINT64_MAX);
	model_free(&m);
	snapshot_free(&s);

	snap_init(&s);
	add_swap(&s, "/a", "file", 1ULL << 53, 1ULL << 53, 1);
	model_compute(&s, &m);
	CHECK(!m.dev[0].size_sat && m.dev[0].size == 1ULL << 63);
	CHECK(!fig(&m, "disk_capacity")->saturated);
	model_free(&m);
	add_swap(&s, "/b", "file", 1ULL << 53, 1ULL << 53, 2147483647);
	model_compute(&s, &m);
	CHECK(fig(&m, "disk_capacity")->saturated);
	CHECK(fig(&m, "virtual_used")->saturated);
	CHECK_FIG(&m, "virtual_used", UINT64_MAX);
	CHECK(m.dev[1].e->prio == 2147483647);
	model_free(&m);
	snapshot_free(&s);

	/* a MemTotal that wraps when multiplied, a page count too, a sum too */
	snap_init(&s);
	kvfile_parse("MemTotal: 18446744073709551615 kB\nSwapTotal: 9223372036854775808 kB\n",
		     &s.meminfo);
	s.meminfo_rc = 0;
	set_dir(&s.zswap_par, params);
	set_dir(&s.zswap_dbg, zswap);
	model_compute(&s, &m);
	CHECK(fig(&m, "zswap_pool_limit")->saturated);
	CHECK(fig(&m, "swap_total")->saturated);
	CHECK(fig(&m, "zswap_stored")->saturated);
	CHECK(fig(&m, "zswap_rejected_pages")->saturated);
	CHECK_FIG(&m, "zswap_rejected_pages", UINT64_MAX);
	/* 2^31 pages of 4 KiB: 8 TiB, exact */
	model_free(&m);
	dirvals_free(&s.zswap_dbg);
	{
		static const char *const two31[] = { "stored_pages=2147483648", NULL };

		set_dir(&s.zswap_dbg, two31);
	}
	model_compute(&s, &m);
	CHECK(!fig(&m, "zswap_stored")->saturated);
	CHECK_FIG(&m, "zswap_stored", 2147483648ULL * 4096);
	model_free(&m);
	snapshot_free(&s);
}

/*
 * Series v2: ghost devices out of SwapTotal, and the vswap counters it adds
 * (metadata_bytes, redirected, zswap_reject_cached, since 0023
 * zswap_reject_retry and since 0024 zswap_reject_skip); v1 lacks them.
 */
static void series_v2(void)
{
	static const char *const v2[] = { "used=300",
					  "alloc_reject=7",
					  "zswap_reject_resident=40",
					  "zswap_reject_cached=2",
					  "zswap_reject_retry=9",
					  "zswap_reject_skip=11",
					  "redirected=123",
					  "devices=1",
					  "virtual_total=2097152",
					  "clusters=3",
					  "metadata_bytes=15648",
					  NULL };
	static const char *const v1[] = {
		"used=300",  "alloc_reject=7",	      "zswap_reject_resident=40",
		"devices=1", "virtual_total=2097152", NULL
	};
	struct snapshot s;
	struct model m;

	snap_init(&s);
	add_swap(&s, "/dev/ghostswap", "ghost", 8388608, 1200, 10);
	add_swap(&s, "/dev/vda", "partition", 49152, 4096, 5);
	/* SwapTotal is the disk alone: the figures from /proc/swaps do not depend on it */
	kvfile_parse("MemTotal: 262144 kB\nSwapTotal: 49152 kB\nSwapFree: 45056 kB\n", &s.meminfo);
	s.meminfo_rc = 0;
	set_dir(&s.vswap_dbg, v2);
	s.vswap_dbg.rc = 0;
	model_compute(&s, &m);
	CHECK_FIG(&m, "swap_total", 49152 * 1024);
	CHECK_FIG(&m, "ghost_virtual_size", 8ULL << 30);
	CHECK_FIG(&m, "disk_capacity", 48 << 20);
	CHECK_FIG(&m, "virtual_used", (1200 + 4096) * 1024);
	CHECK_FIG(&m, "ghost_metadata", 15648);
	CHECK_FIG(&m, "ghost_redirected_pages", 123);
	CHECK_FIG(&m, "ghost_kept_resident_pages", 40);
	CHECK_FIG(&m, "ghost_kept_cached_pages", 2);
	CHECK_FIG(&m, "ghost_refused_again_pages", 9);
	CHECK_FIG(&m, "ghost_passed_over_pages", 11);
	CHECK_FIG(&m, "ghost_alloc_reject_pages", 7);
	CHECK(fig(&m, "ghost_redirected_pages")->counter);
	CHECK(fig(&m, "ghost_refused_again_pages")->counter);
	CHECK(strstr(fig(&m, "ghost_refused_again_pages")->from,
		     "/sys/kernel/debug/vswap/zswap_reject_retry"));
	CHECK(fig(&m, "ghost_passed_over_pages")->counter);
	CHECK(strstr(fig(&m, "ghost_passed_over_pages")->from,
		     "/sys/kernel/debug/vswap/zswap_reject_skip"));
	CHECK(!fig(&m, "ghost_metadata")->counter);
	CHECK(strstr(fig(&m, "ghost_metadata")->from, "/sys/kernel/debug/vswap/metadata_bytes"));
	model_free(&m);

	/* the v1 series: what it does not report is missing, never zero */
	dirvals_free(&s.vswap_dbg);
	set_dir(&s.vswap_dbg, v1);
	s.vswap_dbg.rc = 0;
	model_compute(&s, &m);
	CHECK_MISSING(&m, "ghost_metadata", R_NOT_PROVIDED);
	CHECK_MISSING(&m, "ghost_redirected_pages", R_NOT_PROVIDED);
	CHECK_MISSING(&m, "ghost_kept_cached_pages", R_NOT_PROVIDED);
	CHECK_MISSING(&m, "ghost_refused_again_pages", R_NOT_PROVIDED);
	CHECK_MISSING(&m, "ghost_passed_over_pages", R_NOT_PROVIDED);
	CHECK_FIG(&m, "ghost_kept_resident_pages", 40);
	CHECK(strstr(fig(&m, "ghost_metadata")->reason, "metadata_bytes: not provided"));
	model_free(&m);

	/* vswap unreadable without root: every vswap figure says so */
	dirvals_free(&s.vswap_dbg);
	s.vswap_dbg.rc = -EACCES;
	model_compute(&s, &m);
	CHECK_MISSING(&m, "ghost_metadata", R_ROOT_ONLY);
	CHECK_MISSING(&m, "ghost_redirected_pages", R_ROOT_ONLY);
	model_free(&m);
	snapshot_free(&s);
}

/* The catalogue: one key and one family per figure, _total on counters only. */
static void catalogue(void)
{
	size_t i, j;

	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &figure_defs[i];
		size_t n;

		CHECK(f->key && f->prom && f->label && *f->label);
		n = strlen(f->prom);
		CHECK(f->counter == (n > 6 && !strcmp(f->prom + n - 6, "_total")));
		/* base units: a page count goes out in bytes */
		CHECK(f->unit == U_RATIO || strstr(f->prom, "_bytes") != NULL);
		CHECK(strstr(f->prom, "pages") == NULL);
		for (j = 0; j < i; j++) {
			CHECK(strcmp(f->key, figure_defs[j].key) != 0);
			CHECK(strcmp(f->prom, figure_defs[j].prom) != 0);
		}
	}
}

/* Missing sources give a reason code and a sentence naming the file. */
static void reasons(void)
{
	struct snapshot s;
	struct model m;

	snap_init(&s);
	s.swaps_rc = -EACCES;
	s.meminfo_rc = -ENOENT;
	s.debugfs_rc = DIRVALS_EMPTY;
	s.zswap_par.rc = -EACCES;
	model_compute(&s, &m);
	CHECK_MISSING(&m, "swap_total", R_NOT_PROVIDED);
	CHECK_MISSING(&m, "disk_capacity", R_PERMISSION);
	CHECK(strstr(fig(&m, "disk_capacity")->reason, "/proc/swaps"));
	CHECK_MISSING(&m, "zswap_pool", R_DEBUGFS_NOT_MOUNTED);
	CHECK_MISSING(&m, "zswap_pool_limit", R_PERMISSION);
	CHECK_MISSING(&m, "real_capacity", R_NEEDS_INPUT);
	CHECK_MISSING(&m, "zero_filled", R_PERMISSION);
	CHECK_STR(reason_code(R_DEBUGFS_NOT_MOUNTED), "debugfs_not_mounted");
	model_free(&m);
	snapshot_free(&s);
}

int main(void)
{
	ghost_alone();
	shared_zswap();
	zram();
	saturation();
	reasons();
	series_v2();
	catalogue();
	return unit_done("test_figures");
}
