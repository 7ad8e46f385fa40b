/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * swapstat - what swap costs this machine, in RAM and on disk
 *
 * A ghost swap device adds its virtual size to SwapTotal, so free(1) can
 * show terabytes of swap that are really a slice of RAM held by zswap.
 * swapstat puts the figures the kernel reports side by side: virtual use
 * per device, where the data physically is (as far as the kernel tells),
 * the RAM zswap holds, the disk really used, and the capacity that really
 * backs swap. A figure the kernel does not provide is reported as missing,
 * with the reason, never as zero.
 */
#include <dirent.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <libsmartcols.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <time.h>
#include <unistd.h>

#include "c.h"
#include "kvfile.h"
#include "pathnames.h"
#include "sizes.h"
#include "swaps.h"
#include "sysroot.h"
#include "tiers.h"

#define MANIFEST_NAME "/swapstat.manifest"

/* ---------------------------------------------------------------------- */
/* What was read, and what could not be: the manifest behind --save.      */

/*
 * --save copies every file read, but a file that could not be read leaves
 * nothing to copy. The manifest records each path tried with its result so
 * that --sysroot replays "unreadable" as unreadable, not as "missing".
 */
struct mf_entry {
	char *path;
	int rc; /* 0 or -errno; 1: a directory that was empty */
};

static struct {
	struct mf_entry *v;
	size_t n;
} replay_mf, save_mf;

static char *save_root; /* the --save directory of this sample, or NULL */

static const char *errno_name(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "EIO";
}

static int errno_from_name(const char *name)
{
	int e;

	for (e = 1; e < 200; e++) {
		const char *s = strerrorname_np(e);

		if (s && !strcmp(s, name))
			return e;
	}
	return 0;
}

/* A manifest status word: "ok" 0, "empty" 1, an errno name -errno. */
static bool mf_status(const char *word, int *rc)
{
	int e;

	if (!strcmp(word, "ok"))
		*rc = 0;
	else if (!strcmp(word, "empty"))
		*rc = 1;
	else if ((e = errno_from_name(word)) > 0)
		*rc = -e;
	else
		return false;
	return true;
}

static void mf_free(void)
{
	size_t i;

	for (i = 0; i < replay_mf.n; i++)
		free(replay_mf.v[i].path);
	free(replay_mf.v);
	replay_mf.v = NULL;
	replay_mf.n = 0;
}

static int mf_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mf_entry *)a)->path, ((const struct mf_entry *)b)->path);
}

/* Load <sysroot>/swapstat.manifest, if the tree has one. */
static void mf_load(void)
{
	char *p, *buf = NULL, *line, *save = NULL;
	size_t len = 0;
	FILE *f;

	mf_free();
	if (sysroot_is_live())
		return;
	p = sysroot_path(MANIFEST_NAME);
	f = fopen(p, "re");
	free(p);
	if (!f)
		return;
	if (getdelim(&buf, &len, '\0', f) < 0) {
		fclose(f);
		free(buf);
		return;
	}
	fclose(f);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		int rc;

		if (*line == '#' || !tab || tab[1] != '/')
			continue;
		*tab = '\0';
		if (!mf_status(line, &rc))
			continue;
		replay_mf.v = xrealloc(replay_mf.v, (replay_mf.n + 1) * sizeof(*replay_mf.v));
		replay_mf.v[replay_mf.n].path = xstrdup(tab + 1);
		replay_mf.v[replay_mf.n].rc = rc;
		replay_mf.n++;
	}
	free(buf);
	if (replay_mf.n)
		qsort(replay_mf.v, replay_mf.n, sizeof(*replay_mf.v), mf_cmp);
}

/* Sorted once at load: a replay of many cgroups must not go quadratic. */
static const struct mf_entry *mf_find(const char *path)
{
	struct mf_entry key = { .path = (char *)path };

	if (!replay_mf.n)
		return NULL;
	return bsearch(&key, replay_mf.v, replay_mf.n, sizeof(key), mf_cmp);
}

/* The recorded error of @path, or 0 when nothing bars reading it. */
static int mf_replay(const char *path)
{
	const struct mf_entry *e = mf_find(path);

	return e && e->rc < 0 ? e->rc : 0;
}

static bool mf_replay_empty(const char *path)
{
	const struct mf_entry *e = mf_find(path);

	return e && e->rc == 1;
}

static void mf_record(const char *path, int rc)
{
	if (!save_root)
		return;
	/*
	 * An unreadable file still shows in its directory's listing: leave an
	 * empty stand-in so that a replay lists it, and fails it as recorded.
	 */
	if (rc < 0 && rc != -ENOENT) {
		char *dst, *s;
		int fd;

		xasprintf(&dst, "%s%s", save_root, path);
		for (s = strchr(dst + strlen(save_root) + 1, '/'); s; s = strchr(s + 1, '/')) {
			*s = '\0';
			mkdir(dst, 0755);
			*s = '/';
		}
		fd = open(dst, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0)
			close(fd);
		free(dst);
	}
	save_mf.v = xrealloc(save_mf.v, (save_mf.n + 1) * sizeof(*save_mf.v));
	save_mf.v[save_mf.n].path = xstrdup(path);
	save_mf.v[save_mf.n].rc = rc;
	save_mf.n++;
}

/*
 * Several runs may save into one directory (the default view, then -g,
 * then -C): keep what earlier runs recorded for paths this one did not read.
 */
static void mf_merge_old(const char *path)
{
	char *line = NULL;
	size_t len = 0, n = save_mf.n;
	FILE *f = fopen(path, "re");

	if (!f)
		return;
	while (getline(&line, &len, f) > 0) {
		struct mf_entry key;
		char *tab = strchr(line, '\t');
		int rc;

		if (*line == '#' || !tab)
			continue;
		*tab = '\0';
		tab[1 + strcspn(tab + 1, "\n")] = '\0';
		key.path = tab + 1;
		if (bsearch(&key, save_mf.v, n, sizeof(key), mf_cmp))
			continue;
		if (!mf_status(line, &rc))
			continue;
		mf_record(tab + 1, rc);
	}
	free(line);
	fclose(f);
	qsort(save_mf.v, save_mf.n, sizeof(*save_mf.v), mf_cmp);
}

static void mf_write(void)
{
	char *p;
	size_t i;
	FILE *f;

	if (!save_root)
		return;
	xasprintf(&p, "%s%s", save_root, MANIFEST_NAME);
	qsort(save_mf.v, save_mf.n, sizeof(*save_mf.v), mf_cmp);
	mf_merge_old(p);
	f = fopen(p, "we");
	if (!f)
		err(EXIT_FAILURE, _("cannot write %s"), p);
	fputs("# swapstat manifest: result<TAB>path of every file and directory read\n", f);
	for (i = 0; i < save_mf.n; i++) {
		const struct mf_entry *e = &save_mf.v[i];

		/* a path read twice in one sample is listed once */
		if (i + 1 < save_mf.n && !strcmp(e->path, save_mf.v[i + 1].path)) {
			free(e->path);
			continue;
		}
		fprintf(f, "%s\t%s\n",
			e->rc == 0   ? "ok"
			: e->rc == 1 ? "empty"
				     : errno_name(-e->rc),
			e->path);
		free(e->path);
	}
	if (fclose(f) != 0)
		err(EXIT_FAILURE, _("cannot write %s"), p);
	free(p);
	free(save_mf.v);
	save_mf.v = NULL;
	save_mf.n = 0;
}

/* sysroot_read_file(), honouring and feeding the manifest. */
static int ss_read_file(const char *path, char **buf)
{
	int rc = mf_replay(path);

	if (!rc)
		rc = sysroot_read_file(path, buf, NULL);
	mf_record(path, rc);
	return rc;
}

static int ss_read_kv(const char *path, struct kvfile *kf)
{
	int rc = mf_replay(path);

	memset(kf, 0, sizeof(*kf));
	if (!rc)
		rc = kvfile_read(path, kf);
	mf_record(path, rc);
	return rc;
}

/* A directory's entry names, sorted (readdir order differs between trees). */
static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ss_list_dir(const char *path, char ***names, size_t *n, bool dirs)
{
	struct dirent *d;
	DIR *dir;
	int rc = mf_replay(path);

	*names = NULL;
	*n = 0;
	if (rc) {
		mf_record(path, rc);
		return rc;
	}
	if (mf_replay_empty(path)) {
		mf_record(path, 1);
		return 0;
	}
	dir = sysroot_opendir(path);
	if (!dir) {
		rc = -errno;
		mf_record(path, rc);
		return rc;
	}
	while ((d = readdir(dir))) {
		bool isdir;

		if (d->d_name[0] == '.')
			continue;
		if (d->d_type == DT_UNKNOWN) {
			struct stat st;
			char *p;

			xasprintf(&p, "%s/%s", path, d->d_name);
			isdir = sysroot_stat(p, &st) == 0 && S_ISDIR(st.st_mode);
			free(p);
		} else {
			isdir = d->d_type == DT_DIR;
		}
		if (isdir != dirs)
			continue;
		*names = xrealloc(*names, (*n + 1) * sizeof(char *));
		(*names)[(*n)++] = xstrdup(d->d_name);
	}
	closedir(dir);
	if (*n)
		qsort(*names, *n, sizeof(char *), str_cmp);
	/* an empty directory leaves no trace in the saved tree: record it */
	mf_record(path, *n ? 0 : 1);
	return 0;
}

static void free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---------------------------------------------------------------------- */
/* One snapshot of everything swapstat reads.                             */

struct dirval {
	char *name;
	char *value; /* first line; NULL when rc != 0 */
	int rc;
};

struct dirvals {
	struct dirval *v;
	size_t n;
	int rc; /* of the directory itself */
};

struct snapshot {
	struct swap_list swaps;
	int swaps_rc;
	struct kvfile meminfo, vmstat;
	int meminfo_rc, vmstat_rc;
	struct dirvals zswap_dbg, vswap_dbg, zswap_par;
	int debugfs_rc; /* 0, -errno, or 1: empty (not mounted) */
	struct tier_list tiers;
	int tiers_rc;
	double uptime;
	int uptime_rc;
};

static void read_dirvals(const char *dir, struct dirvals *dv)
{
	char **names;
	size_t n, i;

	memset(dv, 0, sizeof(*dv));
	dv->rc = ss_list_dir(dir, &names, &n, false);
	if (dv->rc)
		return;
	dv->v = xcalloc(n, sizeof(*dv->v));
	for (i = 0; i < n; i++) {
		struct dirval *e = &dv->v[dv->n++];
		char *p, *buf;

		e->name = names[i];
		xasprintf(&p, "%s/%s", dir, names[i]);
		e->rc = ss_read_file(p, &buf);
		if (!e->rc) {
			buf[strcspn(buf, "\n")] = '\0';
			e->value = buf;
		}
		free(p);
	}
	free(names);
}

static void free_dirvals(struct dirvals *dv)
{
	size_t i;

	for (i = 0; i < dv->n; i++) {
		free(dv->v[i].name);
		free(dv->v[i].value);
	}
	free(dv->v);
	memset(dv, 0, sizeof(*dv));
}

static const struct dirval *dirval_get(const struct dirvals *dv, const char *name)
{
	size_t i;

	for (i = 0; i < dv->n; i++) {
		if (!strcmp(dv->v[i].name, name))
			return &dv->v[i];
	}
	return NULL;
}

/* 0 and *val; -ENOENT absent; -errno unreadable; -EINVAL not a number. */
static int dirval_u64(const struct dirvals *dv, const char *name, uint64_t *val)
{
	const struct dirval *e;
	char *end;

	if (dv->rc)
		return dv->rc < 0 ? dv->rc : -ENOENT;
	e = dirval_get(dv, name);
	if (!e)
		return -ENOENT;
	if (e->rc)
		return e->rc;
	errno = 0;
	*val = strtoull(e->value, &end, 10);
	if (end == e->value || *end || errno || *e->value == '-')
		return -EINVAL;
	return 0;
}

static void read_snapshot(struct snapshot *s, bool want_tiers)
{
	char **names;
	size_t n;
	char *buf;

	memset(s, 0, sizeof(*s));
	s->swaps_rc = mf_replay(PATH_PROC_SWAPS);
	if (!s->swaps_rc)
		s->swaps_rc = swaps_read(&s->swaps);
	mf_record(PATH_PROC_SWAPS, s->swaps_rc);
	s->meminfo_rc = ss_read_kv(PATH_PROC_MEMINFO, &s->meminfo);
	s->vmstat_rc = ss_read_kv(PATH_PROC_VMSTAT, &s->vmstat);

	/* tells "debugfs not mounted" from "this kernel has no such files" */
	s->debugfs_rc = ss_list_dir(PATH_DEBUGFS, &names, &n, true);
	if (!s->debugfs_rc && !n)
		s->debugfs_rc = 1;
	free_names(names, n);

	read_dirvals(PATH_ZSWAP_DEBUG, &s->zswap_dbg);
	read_dirvals(PATH_VSWAP_DEBUG, &s->vswap_dbg);
	read_dirvals(PATH_ZSWAP_PARAMS, &s->zswap_par);

	s->tiers_rc = -ENOENT;
	if (want_tiers) {
		s->tiers_rc = mf_replay(PATH_SWAP_TIERS);
		if (!s->tiers_rc)
			s->tiers_rc = tiers_read(&s->tiers);
		mf_record(PATH_SWAP_TIERS, s->tiers_rc);
	}
	s->uptime_rc = ss_read_file(PATH_PROC_UPTIME, &buf);
	if (!s->uptime_rc) {
		char *end;

		s->uptime = strtod(buf, &end);
		if (end == buf)
			s->uptime_rc = -EINVAL;
		free(buf);
	}
}

static void free_snapshot(struct snapshot *s)
{
	swaps_free(&s->swaps);
	kvfile_free(&s->meminfo);
	kvfile_free(&s->vmstat);
	free_dirvals(&s->zswap_dbg);
	free_dirvals(&s->vswap_dbg);
	free_dirvals(&s->zswap_par);
	if (!s->tiers_rc)
		tiers_free(&s->tiers);
}

/* ---------------------------------------------------------------------- */
/* Figures: a value with where it came from, or why it is missing.        */

enum unit {
	U_BYTES,
	U_COUNT, /* events or pages, a plain number */
	U_RATIO,
};

struct figure {
	const char *key;   /* JSON and Prometheus name */
	const char *label; /* what people read */
	enum unit unit;
	bool known;
	uint64_t val;
	double ratio;
	char *from; /* derivation, or the reason it is missing */
};

struct ctl;
static char *reason_for(const struct snapshot *s, const char *path, int rc);

static bool is_ghost(const struct swap_entry *e)
{
	return !strcmp(e->type, "ghost") || !strcmp(e->type, "vswap");
}

/* Where a device's used slots physically are, as far as the kernel says. */
struct devsplit {
	bool disk_known, zswap_known, zero_known;
	uint64_t disk, zswap, zero; /* bytes */
};

struct totals {
	bool zswap_stored_known, pool_known;
	uint64_t zswap_stored; /* bytes, uncompressed */
	uint64_t pool;	       /* bytes of RAM */
	char *stored_from, *pool_from;
	uint64_t same_filled; /* bytes of zswap's entries that are same-filled (6.1) */
	size_t used_devices;  /* devices with slots in use */
	bool zero_skip_seen;  /* the kernel kept zero-filled pages off disk */
	bool zero_skip_known;
};

static long pagesize;

static void compute_totals(const struct snapshot *s, struct totals *t)
{
	uint64_t v;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (dirval_u64(&s->zswap_dbg, "stored_pages", &v) == 0) {
		t->zswap_stored_known = true;
		t->zswap_stored = v * pagesize;
		xasprintf(&t->stored_from, _("%s/stored_pages x page size"), PATH_ZSWAP_DEBUG);
	} else if (!s->meminfo_rc && kvfile_get(&s->meminfo, "Zswapped", &v) == 0) {
		t->zswap_stored_known = true;
		t->zswap_stored = v * 1024;
		t->stored_from = xstrdup(PATH_PROC_MEMINFO " Zswapped");
	}
	/* 6.1 keeps same-filled pages as zswap entries without pool memory */
	if (t->zswap_stored_known && dirval_u64(&s->zswap_dbg, "same_filled_pages", &v) == 0)
		t->same_filled = v * pagesize < t->zswap_stored ? v * pagesize : t->zswap_stored;
	if (dirval_u64(&s->zswap_dbg, "pool_total_size", &v) == 0) {
		t->pool_known = true;
		t->pool = v;
		t->pool_from = xstrdup(PATH_ZSWAP_DEBUG "/pool_total_size");
	} else if (!s->meminfo_rc && kvfile_get(&s->meminfo, "Zswap", &v) == 0) {
		t->pool_known = true;
		t->pool = v * 1024;
		t->pool_from = xstrdup(PATH_PROC_MEMINFO " Zswap");
	}
	for (i = 0; i < s->swaps.n; i++) {
		if (s->swaps.v[i].used_kib)
			t->used_devices++;
	}
	/* kernels with swpout_zero never write zero-filled pages to disk */
	if (!s->vmstat_rc) {
		if (kvfile_get(&s->vmstat, "swpout_zero", &v) == 0) {
			t->zero_skip_known = true;
			t->zero_skip_seen = v > 0;
		} else {
			t->zero_skip_known = true;
			t->zero_skip_seen = false;
		}
	}
}

static void free_totals(struct totals *t)
{
	free(t->stored_from);
	free(t->pool_from);
}

/*
 * The kernel keeps no per-device count of zswap entries or zero-filled
 * slots. A split is only certain when one device holds every used slot:
 * then all of zswap is that device's, and for a ghost device whatever is
 * not in zswap is zero-filled (nothing else can hold a ghost slot).
 */
static void split_device(const struct swap_entry *e, const struct totals *t, struct devsplit *d)
{
	uint64_t used = e->used_kib * 1024, rest;

	memset(d, 0, sizeof(*d));
	if (is_ghost(e))
		d->disk_known = true; /* no block I/O ever targets a ghost device */
	if (!used) {
		d->disk_known = d->zswap_known = d->zero_known = true;
		return;
	}
	if (!t->zswap_stored_known)
		return;
	if (t->zswap_stored == 0) {
		d->zswap = 0;
	} else if (t->used_devices == 1) {
		uint64_t z = t->zswap_stored - t->same_filled;

		d->zswap = z < used ? z : used;
	} else {
		return;
	}
	d->zswap_known = true;
	rest = used - d->zswap;
	if (is_ghost(e)) {
		d->zero_known = true;
		d->zero = rest;
	} else if (t->zero_skip_known && !t->zero_skip_seen) {
		/* same-filled zswap entries (6.1) are the only zero pages off disk */
		d->zero_known = d->disk_known = true;
		d->zero = t->same_filled < rest ? t->same_filled : rest;
		d->disk = rest - d->zero;
	}
}

static void fig_set(struct figure *f, uint64_t val, const char *fmt, ...) __printf(3, 4);
static void fig_set(struct figure *f, uint64_t val, const char *fmt, ...)
{
	va_list ap;

	f->known = true;
	f->val = val;
	free(f->from);
	va_start(ap, fmt);
	if (vasprintf(&f->from, fmt, ap) < 0)
		err(EXIT_FAILURE, _("cannot allocate string"));
	va_end(ap);
}

static void fig_missing(struct figure *f, const char *fmt, ...) __printf(2, 3);
static void fig_missing(struct figure *f, const char *fmt, ...)
{
	va_list ap;

	f->known = false;
	free(f->from);
	va_start(ap, fmt);
	if (vasprintf(&f->from, fmt, ap) < 0)
		err(EXIT_FAILURE, _("cannot allocate string"));
	va_end(ap);
}

/* The capacity really backing swap comes right after what SwapTotal claims. */
enum {
	F_SWAPTOTAL,
	F_REAL_CAP,
	F_DISK_CAP,
	F_POOL_LIMIT,
	F_GHOST_VIRT,
	F_VIRT_USED,
	F_POOL,
	F_STORED,
	F_RATIO,
	F_DISK_USED,
	F_DISK_SLOTS,
	F_ZERO,
	F_REJECTED,
	F_RESIDENT,
	F_ALLOC_REJECT,
	F_WRITTEN_BACK,
	NR_FIGURES
};

static struct figure figures[NR_FIGURES] = {
	[F_SWAPTOTAL] = { "swap_total", N_("SwapTotal (what free shows)"), U_BYTES },
	[F_REAL_CAP] = { "real_capacity", N_("Capacity really backing swap"), U_BYTES },
	[F_DISK_CAP] = { "disk_capacity", N_("Disk devices capacity"), U_BYTES },
	[F_POOL_LIMIT] = { "zswap_pool_limit", N_("zswap pool limit"), U_BYTES },
	[F_GHOST_VIRT] = { "ghost_virtual_size", N_("Virtual size of ghost devices"), U_BYTES },
	[F_VIRT_USED] = { "virtual_used", N_("Virtual swap in use"), U_BYTES },
	[F_POOL] = { "zswap_pool", N_("RAM held by zswap"), U_BYTES },
	[F_STORED] = { "zswap_stored", N_("Stored in zswap (uncompressed)"), U_BYTES },
	[F_RATIO] = { "zswap_compression_ratio", N_("zswap compression ratio"), U_RATIO },
	[F_DISK_USED] = { "disk_used", N_("Disk actually used"), U_BYTES },
	[F_DISK_SLOTS] = { "disk_slots_used", N_("Slots used on disk devices"), U_BYTES },
	[F_ZERO] = { "zero_filled", N_("Zero-filled (no storage)"), U_BYTES },
	[F_REJECTED] = { "zswap_rejected_pages", N_("Pages refused by zswap"), U_COUNT },
	[F_RESIDENT] = { "ghost_kept_resident_pages", N_("Ghost pages kept resident"), U_COUNT },
	[F_ALLOC_REJECT] = { "ghost_alloc_reject_pages", N_("Swap allocations failed"), U_COUNT },
	[F_WRITTEN_BACK] = { "zswap_written_back_pages", N_("Written back by zswap"), U_COUNT },
};

static char *reason_for(const struct snapshot *s, const char *path, int rc)
{
	char *r;

	if (rc == -ENOENT && !strncmp(path, PATH_DEBUGFS "/", sizeof(PATH_DEBUGFS))) {
		if (s->debugfs_rc == 1 || s->debugfs_rc == -ENOENT)
			xasprintf(&r, _("%s: debugfs is not mounted"), path);
		else if (s->debugfs_rc < 0)
			xasprintf(&r, _("%s: %s (debugfs is readable by root only)"), path,
				  strerror(-s->debugfs_rc));
		else
			xasprintf(&r, _("%s: not provided by this kernel"), path);
	} else if (rc == -ENOENT) {
		xasprintf(&r, _("%s: not provided by this kernel"), path);
	} else if ((rc == -EACCES || rc == -EPERM) &&
		   !strncmp(path, PATH_DEBUGFS "/", sizeof(PATH_DEBUGFS))) {
		xasprintf(&r, _("%s: %s (debugfs is readable by root only)"), path, strerror(-rc));
	} else if (rc == -EINVAL) {
		xasprintf(&r, _("%s: not a number"), path);
	} else {
		xasprintf(&r, "%s: %s", path, strerror(-rc));
	}
	return r;
}

/* Missing because of @dir/@name: the directory's error or the file's. */
static void fig_missing_dv(struct figure *f, const struct snapshot *s, const struct dirvals *dv,
			   const char *dir, const char *name, int rc)
{
	char *p, *r;

	if (dv->rc && dv->rc != 1) {
		r = reason_for(s, dir, dv->rc);
	} else {
		xasprintf(&p, "%s/%s", dir, name);
		r = reason_for(s, p, rc);
		free(p);
	}
	fig_missing(f, "%s", r);
	free(r);
}

static void compute_figures(const struct snapshot *s, const struct totals *t)
{
	uint64_t v, sum, disk_cap = 0, ghost_virt = 0, used = 0, disk_slots = 0;
	bool disk_used_known = true;
	size_t i;
	int rc;

	for (i = 0; i < NR_FIGURES; i++) {
		free(figures[i].from);
		figures[i].from = NULL;
		figures[i].known = false;
		figures[i].val = 0;
	}
	if (!s->meminfo_rc && kvfile_get(&s->meminfo, "SwapTotal", &v) == 0) {
		fig_set(&figures[F_SWAPTOTAL], v * 1024, PATH_PROC_MEMINFO " SwapTotal");
	} else if (s->meminfo_rc) {
		char *r = reason_for(s, PATH_PROC_MEMINFO, s->meminfo_rc);

		fig_missing(&figures[F_SWAPTOTAL], "%s", r);
		free(r);
	} else {
		fig_missing(&figures[F_SWAPTOTAL], _("/proc/meminfo: no SwapTotal"));
	}

	if (s->swaps_rc) {
		char *r = reason_for(s, PATH_PROC_SWAPS, s->swaps_rc);

		static const int from_swaps[] = { F_GHOST_VIRT, F_DISK_CAP,   F_VIRT_USED,
						  F_DISK_USED,	F_DISK_SLOTS, F_ZERO };

		for (i = 0; i < ARRAY_SIZE(from_swaps); i++)
			fig_missing(&figures[from_swaps[i]], "%s", r);
		free(r);
	} else {
		for (i = 0; i < s->swaps.n; i++) {
			const struct swap_entry *e = &s->swaps.v[i];
			struct devsplit d;

			used += e->used_kib * 1024;
			if (is_ghost(e)) {
				ghost_virt += e->size_kib * 1024;
				continue;
			}
			disk_cap += e->size_kib * 1024;
			disk_slots += e->used_kib * 1024;
			split_device(e, t, &d);
			if (!d.disk_known)
				disk_used_known = false;
		}
		fig_set(&figures[F_GHOST_VIRT], ghost_virt,
			_("/proc/swaps Size of ghost and vswap devices; virtual, not capacity"));
		fig_set(&figures[F_DISK_CAP], disk_cap,
			_("/proc/swaps Size of partition and file devices"));
		fig_set(&figures[F_VIRT_USED], used, _("/proc/swaps Used, all devices"));
		fig_set(&figures[F_DISK_SLOTS], disk_slots,
			_("/proc/swaps Used of partition and file devices; upper bound of disk used"));
		if (disk_used_known) {
			sum = 0;
			for (i = 0; i < s->swaps.n; i++) {
				struct devsplit d;

				if (is_ghost(&s->swaps.v[i]))
					continue;
				split_device(&s->swaps.v[i], t, &d);
				sum += d.disk;
			}
			fig_set(&figures[F_DISK_USED], sum,
				_("slots of disk devices not in zswap and not zero-filled"));
		} else {
			fig_missing(
				&figures[F_DISK_USED],
				_("not broken down: the kernel does not report which slots of disk "
				  "devices are in zswap or zero-filled"));
		}
	}

	if (t->pool_known)
		fig_set(&figures[F_POOL], t->pool, "%s", t->pool_from);
	else
		fig_missing_dv(&figures[F_POOL], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG,
			       "pool_total_size", -ENOENT);
	if (t->zswap_stored_known)
		fig_set(&figures[F_STORED], t->zswap_stored, "%s", t->stored_from);
	else
		fig_missing_dv(&figures[F_STORED], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG,
			       "stored_pages", -ENOENT);
	if (t->pool_known && t->zswap_stored_known && t->pool) {
		figures[F_RATIO].known = true;
		figures[F_RATIO].ratio = (double)t->zswap_stored / (double)t->pool;
		figures[F_RATIO].from = xstrdup(_("stored / pool"));
	} else if (t->pool_known && t->zswap_stored_known) {
		fig_missing(&figures[F_RATIO], _("the zswap pool is empty"));
	} else {
		fig_missing(&figures[F_RATIO], _("needs both the pool size and the stored pages"));
	}

	/* the pool limit: max_pool_percent of MemTotal, when zswap is enabled */
	{
		const struct dirval *en = dirval_get(&s->zswap_par, "enabled");
		uint64_t pct, memtotal;

		if (s->zswap_par.rc == -ENOENT || s->zswap_par.rc == 1) {
			fig_set(&figures[F_POOL_LIMIT], 0, _("no zswap in this kernel"));
		} else if (s->zswap_par.rc) {
			char *r = reason_for(s, PATH_ZSWAP_PARAMS, s->zswap_par.rc);

			fig_missing(&figures[F_POOL_LIMIT], "%s", r);
			free(r);
		} else if (!en || en->rc) {
			fig_missing_dv(&figures[F_POOL_LIMIT], s, &s->zswap_par, PATH_ZSWAP_PARAMS,
				       "enabled", en ? en->rc : -ENOENT);
		} else if (strcmp(en->value, "Y") && strcmp(en->value, "1")) {
			fig_set(&figures[F_POOL_LIMIT], 0, _("zswap is disabled (%s/enabled)"),
				PATH_ZSWAP_PARAMS);
		} else if ((rc = dirval_u64(&s->zswap_par, "max_pool_percent", &pct)) != 0) {
			fig_missing_dv(&figures[F_POOL_LIMIT], s, &s->zswap_par, PATH_ZSWAP_PARAMS,
				       "max_pool_percent", rc);
		} else if (s->meminfo_rc || kvfile_get(&s->meminfo, "MemTotal", &memtotal)) {
			fig_missing(&figures[F_POOL_LIMIT], _("/proc/meminfo: no MemTotal"));
		} else {
			fig_set(&figures[F_POOL_LIMIT], memtotal * 1024 * pct / 100,
				_("MemTotal x max_pool_percent (%" PRIu64 "%%)"), pct);
		}
	}
	if (figures[F_DISK_CAP].known && figures[F_POOL_LIMIT].known)
		fig_set(&figures[F_REAL_CAP], disk_cap + figures[F_POOL_LIMIT].val,
			_("disk devices capacity + zswap pool limit"));
	else
		fig_missing(&figures[F_REAL_CAP],
			    _("needs the disk devices capacity and the zswap pool limit"));

	/* zero-filled pages held: a gauge only on old kernels, else derived */
	if (dirval_u64(&s->zswap_dbg, "same_filled_pages", &v) == 0) {
		fig_set(&figures[F_ZERO], v * pagesize, _("%s/same_filled_pages x page size"),
			PATH_ZSWAP_DEBUG);
	} else if (!s->swaps_rc && !used) {
		fig_set(&figures[F_ZERO], 0, _("no swap in use"));
	} else if (!s->swaps_rc && t->zswap_stored_known) {
		bool all_ghost = true, all_known = true;

		sum = 0;
		for (i = 0; i < s->swaps.n; i++) {
			struct devsplit d;

			if (s->swaps.v[i].used_kib && !is_ghost(&s->swaps.v[i]))
				all_ghost = false;
			split_device(&s->swaps.v[i], t, &d);
			all_known &= d.zero_known;
			sum += d.zero;
		}
		if (all_known)
			fig_set(&figures[F_ZERO], sum, _("sum of the devices' zero-filled slots"));
		else if (all_ghost)
			fig_set(&figures[F_ZERO],
				used > t->zswap_stored ? used - t->zswap_stored : 0,
				_("ghost slots in use - stored in zswap"));
		else
			fig_missing(&figures[F_ZERO],
				    _("not reported by this kernel while disk devices are in use"));
	} else if (!s->swaps_rc) {
		fig_missing(&figures[F_ZERO], _("needs the zswap stored pages"));
	}

	/* cumulative refusals: every reject_* counter of zswap */
	if (s->zswap_dbg.rc && s->zswap_dbg.rc != 1) {
		fig_missing_dv(&figures[F_REJECTED], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG, "", 0);
	} else {
		bool any = false;

		sum = 0;
		for (i = 0; i < s->zswap_dbg.n; i++) {
			const struct dirval *e = &s->zswap_dbg.v[i];

			if (strncmp(e->name, "reject_", 7) ||
			    dirval_u64(&s->zswap_dbg, e->name, &v))
				continue;
			sum += v;
			any = true;
		}
		if (any)
			fig_set(&figures[F_REJECTED], sum, _("%s/reject_*, since boot"),
				PATH_ZSWAP_DEBUG);
		else
			fig_missing_dv(&figures[F_REJECTED], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG,
				       "reject_*", -ENOENT);
	}
	if ((rc = dirval_u64(&s->zswap_dbg, "written_back_pages", &v)) == 0)
		fig_set(&figures[F_WRITTEN_BACK], v, PATH_ZSWAP_DEBUG "/written_back_pages");
	else
		fig_missing_dv(&figures[F_WRITTEN_BACK], s, &s->zswap_dbg, PATH_ZSWAP_DEBUG,
			       "written_back_pages", rc);
	if ((rc = dirval_u64(&s->vswap_dbg, "zswap_reject_resident", &v)) == 0)
		fig_set(&figures[F_RESIDENT], v, PATH_VSWAP_DEBUG "/zswap_reject_resident");
	else
		fig_missing_dv(&figures[F_RESIDENT], s, &s->vswap_dbg, PATH_VSWAP_DEBUG,
			       "zswap_reject_resident", rc);
	if ((rc = dirval_u64(&s->vswap_dbg, "alloc_reject", &v)) == 0)
		fig_set(&figures[F_ALLOC_REJECT], v, PATH_VSWAP_DEBUG "/alloc_reject");
	else
		fig_missing_dv(&figures[F_ALLOC_REJECT], s, &s->vswap_dbg, PATH_VSWAP_DEBUG,
			       "alloc_reject", rc);
}

/* ---------------------------------------------------------------------- */
/* Output.                                                                */

enum view {
	VIEW_DEFAULT, /* devices, then the summary */
	VIEW_DEVICES,
	VIEW_SUMMARY,
	VIEW_CGROUPS,
	VIEW_COUNTERS,
	VIEW_WATCH,
};

enum coltype {
	CT_TEXT,
	CT_SIZE,   /* bytes: human, or a number with --bytes */
	CT_NUMBER, /* always a number */
};

struct colinfo {
	const char *name;
	double whint;
	int flags;
	enum coltype type;
	const char *help;
};

enum {
	COL_NAME,
	COL_TYPE,
	COL_TIER,
	COL_PRIO,
	COL_SIZE,
	COL_USED,
	COL_DISK,
	COL_ZSWAP,
	COL_ZERO,
	COL_WHERE,
	COL_CAPACITY,
};

static const struct colinfo dev_cols[] = {
	[COL_NAME] = { "NAME", 0.3, 0, CT_TEXT, N_("device or file name") },
	[COL_TYPE] = { "TYPE", 5, 0, CT_TEXT, N_("partition, file, ghost or vswap") },
	[COL_TIER] = { "TIER", 4, 0, CT_TEXT, N_("swap tier the priority places it in") },
	[COL_PRIO] = { "PRIO", 4, SCOLS_FL_RIGHT, CT_NUMBER, N_("swap priority") },
	[COL_SIZE] = { "VIRT-SIZE", 5, SCOLS_FL_RIGHT, CT_SIZE,
		       N_("size in slots (virtual for ghost)") },
	[COL_USED] = { "VIRT-USED", 5, SCOLS_FL_RIGHT, CT_SIZE, N_("slots in use") },
	[COL_DISK] = { "DISK", 5, SCOLS_FL_RIGHT, CT_SIZE, N_("data on disk") },
	[COL_ZSWAP] = { "ZSWAP", 5, SCOLS_FL_RIGHT, CT_SIZE, N_("data in zswap (uncompressed)") },
	[COL_ZERO] = { "ZERO", 5, SCOLS_FL_RIGHT, CT_SIZE, N_("zero-filled, no storage") },
	[COL_WHERE] = { "WHERE", 0.2, 0, CT_TEXT, N_("where the data physically is") },
	[COL_CAPACITY] = { "CAPACITY", 5, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("storage behind the device") },
};
static const int dev_default[] = { COL_NAME, COL_TYPE, COL_TIER,  COL_PRIO, COL_SIZE,
				   COL_USED, COL_DISK, COL_ZSWAP, COL_ZERO };

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
	[CCOL_CGROUP] = { "CGROUP", 0.3, 0, CT_TEXT, N_("cgroup path") },
	[CCOL_SWAP] = { "SWAP", 5, SCOLS_FL_RIGHT, CT_SIZE,
			N_("swap in use (memory.swap.current)") },
	[CCOL_SWAPMAX] = { "SWAP-MAX", 5, SCOLS_FL_RIGHT, CT_TEXT,
			   N_("swap limit (memory.swap.max)") },
	[CCOL_SWAPPEAK] = { "SWAP-PEAK", 5, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("peak swap (memory.swap.peak)") },
	[CCOL_SWAPFAIL] = { "SWAP-FAIL", 5, SCOLS_FL_RIGHT, CT_NUMBER,
			    N_("failed swap allocations (memory.swap.events fail)") },
	[CCOL_ZSWAP] = { "ZSWAP", 5, SCOLS_FL_RIGHT, CT_SIZE,
			 N_("zswap pool used (memory.zswap.current)") },
	[CCOL_ZSWAPMAX] = { "ZSWAP-MAX", 5, SCOLS_FL_RIGHT, CT_TEXT,
			    N_("zswap limit (memory.zswap.max)") },
	[CCOL_ZSWAPPED] = { "ZSWAPPED", 5, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("stored in zswap, uncompressed (memory.stat zswapped)") },
	[CCOL_WRITEBACK] = { "WRITEBACK", 3, 0, CT_TEXT,
			     N_("zswap may write back (memory.zswap.writeback)") },
	[CCOL_TIERS] = { "TIERS", 0.2, 0, CT_TEXT, N_("tiers allowed (memory.swap.tiers.max)") },
};
static const int cg_default[] = { CCOL_CGROUP,	 CCOL_SWAP,	CCOL_SWAPMAX, CCOL_ZSWAP,
				  CCOL_ZSWAPMAX, CCOL_ZSWAPPED, CCOL_TIERS };

enum {
	KCOL_SOURCE,
	KCOL_NAME,
	KCOL_VALUE,
	KCOL_NOTE,
};

static const struct colinfo cnt_cols[] = {
	[KCOL_SOURCE] = { "SOURCE", 0.3, 0, CT_TEXT, N_("file or directory read") },
	[KCOL_NAME] = { "NAME", 0.2, 0, CT_TEXT, N_("counter name") },
	[KCOL_VALUE] = { "VALUE", 0.1, SCOLS_FL_RIGHT, CT_TEXT,
			 N_("value as the kernel wrote it") },
	[KCOL_NOTE] = { "NOTE", 0.2, 0, CT_TEXT, N_("why a source could not be read") },
};
static const int cnt_default[] = { KCOL_SOURCE, KCOL_NAME, KCOL_VALUE, KCOL_NOTE };

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
	[WCOL_TIME] = { "TIME", 8, SCOLS_FL_RIGHT, CT_NUMBER,
			N_("seconds since the first sample") },
	[WCOL_SWAPIN] = { "SWAPIN/s", 10, SCOLS_FL_RIGHT, CT_SIZE,
			  N_("read from disk swap (pswpin)") },
	[WCOL_SWAPOUT] = { "SWAPOUT/s", 10, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("written to disk swap (pswpout)") },
	[WCOL_ZSWAPIN] = { "ZSWAPIN/s", 10, SCOLS_FL_RIGHT, CT_SIZE,
			   N_("loaded from zswap (zswpin)") },
	[WCOL_ZSWAPOUT] = { "ZSWAPOUT/s", 10, SCOLS_FL_RIGHT, CT_SIZE,
			    N_("stored into zswap (zswpout)") },
	[WCOL_WRITEBACK] = { "WRITEBACK/s", 11, SCOLS_FL_RIGHT, CT_SIZE,
			     N_("written back from zswap to disk (zswpwb)") },
	[WCOL_USED] = { "VIRT-USED", 10, SCOLS_FL_RIGHT, CT_SIZE,
			N_("virtual swap in use at the sample") },
	[WCOL_POOL] = { "ZSWAP-POOL", 10, SCOLS_FL_RIGHT, CT_SIZE,
			N_("RAM held by zswap at the sample") },
};
static const int watch_default[] = { WCOL_TIME,	    WCOL_SWAPIN,    WCOL_SWAPOUT, WCOL_ZSWAPIN,
				     WCOL_ZSWAPOUT, WCOL_WRITEBACK, WCOL_USED,	  WCOL_POOL };

struct viewcols {
	const struct colinfo *info;
	size_t ninfo;
	const int *defaults;
	size_t ndefaults;
};

static const struct viewcols viewcols[] = {
	[VIEW_DEFAULT] = { dev_cols, ARRAY_SIZE(dev_cols), dev_default, ARRAY_SIZE(dev_default) },
	[VIEW_DEVICES] = { dev_cols, ARRAY_SIZE(dev_cols), dev_default, ARRAY_SIZE(dev_default) },
	[VIEW_SUMMARY] = { NULL, 0, NULL, 0 },
	[VIEW_CGROUPS] = { cg_cols, ARRAY_SIZE(cg_cols), cg_default, ARRAY_SIZE(cg_default) },
	[VIEW_COUNTERS] = { cnt_cols, ARRAY_SIZE(cnt_cols), cnt_default, ARRAY_SIZE(cnt_default) },
	[VIEW_WATCH] = { watch_cols, ARRAY_SIZE(watch_cols), watch_default,
			 ARRAY_SIZE(watch_default) },
};

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
};

static int column_by_name(const struct viewcols *vc, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < vc->ninfo; i++) {
		if (!strncasecmp(vc->info[i].name, name, len) && !vc->info[i].name[len])
			return i;
	}
	warnx(_("unknown column: %.*s"), (int)len, name);
	return -1;
}

/* -o LIST, -o +LIST (appended to the defaults), --output-all. */
static void setup_columns(struct ctl *ctl)
{
	const struct viewcols *vc = &viewcols[ctl->view];
	const char *p;
	size_t i;

	ctl->ncols = 0;
	if (ctl->output_all) {
		for (i = 0; i < vc->ninfo; i++)
			ctl->cols[ctl->ncols++] = i;
		return;
	}
	if (!ctl->outarg || *ctl->outarg == '+') {
		for (i = 0; i < vc->ndefaults; i++)
			ctl->cols[ctl->ncols++] = vc->defaults[i];
	}
	if (!ctl->outarg)
		return;
	p = ctl->outarg + (*ctl->outarg == '+');
	if (!*p) {
		warnx(_("no columns in: '%s'"), ctl->outarg);
		errtryhelp(EXIT_FAILURE);
	}
	while (*p) {
		size_t len = strcspn(p, ",");
		int id;

		if (!len) {
			warnx(_("empty column name in: %s"), ctl->outarg);
			errtryhelp(EXIT_FAILURE);
		}
		id = column_by_name(vc, p, len);
		if (id < 0)
			errtryhelp(EXIT_FAILURE);
		if (ctl->ncols >= MAX_COLS)
			errx(EXIT_FAILURE, _("too many columns: %s"), ctl->outarg);
		ctl->cols[ctl->ncols++] = id;
		p += len;
		if (*p == ',')
			p++;
	}
}

static struct libscols_table *new_table(const struct ctl *ctl, const char *name)
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

static void add_columns(const struct ctl *ctl, struct libscols_table *tb)
{
	const struct colinfo *info = viewcols[ctl->view].info;
	size_t i;

	for (i = 0; i < ctl->ncols; i++) {
		const struct colinfo *ci = &info[ctl->cols[i]];
		struct libscols_column *cl;

		cl = scols_table_new_column(tb, ci->name, ci->whint, ci->flags);
		if (!cl)
			err(EXIT_FAILURE, _("failed to allocate output column"));
		if (ctl->json) {
			if (ci->type == CT_NUMBER || (ci->type == CT_SIZE && ctl->bytes))
				scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
		}
	}
}

static struct libscols_line *new_line(struct libscols_table *tb)
{
	struct libscols_line *ln = scols_table_new_line(tb, NULL);

	if (!ln)
		err(EXIT_FAILURE, _("failed to allocate output line"));
	return ln;
}

/* A missing value: "-" for people, null in JSON. */
static void set_cell(const struct ctl *ctl, struct libscols_line *ln, size_t i, const char *data)
{
	if (!data)
		data = ctl->json ? "" : "-";
	if (scols_line_set_data(ln, i, data))
		err(EXIT_FAILURE, _("failed to add output data"));
}

static void set_cell_size(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
			  uint64_t bytes)
{
	char buf[64];

	if (!known) {
		set_cell(ctl, ln, i, NULL);
		return;
	}
	if (ctl->bytes)
		snprintf(buf, sizeof(buf), "%" PRIu64, bytes);
	else
		size_to_human(bytes, buf, sizeof(buf));
	set_cell(ctl, ln, i, buf);
}

static void set_cell_u64(const struct ctl *ctl, struct libscols_line *ln, size_t i, bool known,
			 uint64_t val)
{
	char buf[32];

	if (!known) {
		set_cell(ctl, ln, i, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%" PRIu64, val);
	set_cell(ctl, ln, i, buf);
}

/*
 * Several tables make one JSON document: print each to a string and splice
 * the members of the outer objects together.
 */
static void print_tables(const struct ctl *ctl, struct libscols_table **tbs, size_t n)
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

static const char *tier_of(const struct snapshot *s, int prio)
{
	const struct swap_tier *t;

	if (s->tiers_rc)
		return NULL;
	t = tiers_find_prio(&s->tiers, prio);
	return t ? t->name : NULL;
}

static char *where_text(const struct swap_entry *e, const struct devsplit *d)
{
	char *r = NULL;

	if (!e->used_kib)
		return xstrdup(_("nothing stored"));
	if (d->disk_known && d->zswap_known && d->zero_known) {
		const char *parts[3];
		size_t n = 0;

		if (d->disk)
			parts[n++] = _("disk");
		if (d->zswap)
			parts[n++] = _("zswap");
		if (d->zero)
			parts[n++] = _("zero-filled");
		if (n == 1)
			r = xstrdup(parts[0]);
		else if (n == 2)
			xasprintf(&r, "%s, %s", parts[0], parts[1]);
		else if (n == 3)
			xasprintf(&r, "%s, %s, %s", parts[0], parts[1], parts[2]);
		else
			r = xstrdup(_("swap cache only"));
		return r;
	}
	if (is_ghost(e))
		return xstrdup(_("zswap or zero-filled, not broken down"));
	if (d->zswap_known && !d->zswap)
		return xstrdup(_("disk or zero-filled, not broken down"));
	if (d->zswap_known)
		return xstrdup(_("zswap; the rest on disk or zero-filled, not broken down"));
	return xstrdup(_("disk, zswap or zero-filled, not broken down"));
}

static struct libscols_table *devices_table(const struct ctl *ctl, const struct snapshot *s,
					    const struct totals *t)
{
	struct libscols_table *tb = new_table(ctl, "swapdevices");
	size_t i, c;

	add_columns(ctl, tb);
	for (i = 0; i < s->swaps.n; i++) {
		const struct swap_entry *e = &s->swaps.v[i];
		struct libscols_line *ln = new_line(tb);
		struct devsplit d;
		char *str;

		split_device(e, t, &d);
		for (c = 0; c < ctl->ncols; c++) {
			switch (ctl->cols[c]) {
			case COL_NAME:
				if (e->deleted) {
					xasprintf(&str, _("%s (deleted)"), e->path);
					set_cell(ctl, ln, c, str);
					free(str);
				} else {
					set_cell(ctl, ln, c, e->path);
				}
				break;
			case COL_TYPE:
				set_cell(ctl, ln, c, e->type);
				break;
			case COL_TIER:
				set_cell(ctl, ln, c, tier_of(s, e->prio));
				break;
			case COL_PRIO:
				xasprintf(&str, "%d", e->prio);
				set_cell(ctl, ln, c, str);
				free(str);
				break;
			case COL_SIZE:
				set_cell_size(ctl, ln, c, true, e->size_kib * 1024);
				break;
			case COL_USED:
				set_cell_size(ctl, ln, c, true, e->used_kib * 1024);
				break;
			case COL_DISK:
				set_cell_size(ctl, ln, c, d.disk_known, d.disk);
				break;
			case COL_ZSWAP:
				set_cell_size(ctl, ln, c, d.zswap_known, d.zswap);
				break;
			case COL_ZERO:
				set_cell_size(ctl, ln, c, d.zero_known, d.zero);
				break;
			case COL_WHERE:
				str = where_text(e, &d);
				set_cell(ctl, ln, c, str);
				free(str);
				break;
			case COL_CAPACITY:
				/* a ghost device's size is a number, not storage */
				set_cell_size(ctl, ln, c, true,
					      is_ghost(e) ? 0 : e->size_kib * 1024);
				break;
			}
		}
	}
	return tb;
}

static struct libscols_table *summary_table(const struct ctl *ctl)
{
	struct libscols_table *tb = new_table(ctl, "summary");
	struct libscols_column *cl;
	size_t i, c = 0;
	bool key = ctl->json;

	if (key && !scols_table_new_column(tb, "KEY", 0, 0))
		err(EXIT_FAILURE, _("failed to allocate output column"));
	if (!scols_table_new_column(tb, "FIGURE", 0, 0))
		err(EXIT_FAILURE, _("failed to allocate output column"));
	cl = scols_table_new_column(tb, "VALUE", 0, SCOLS_FL_RIGHT);
	if (!cl || !scols_table_new_column(tb, "FROM", 0, 0))
		err(EXIT_FAILURE, _("failed to allocate output column"));
	if (ctl->json && ctl->bytes)
		scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);

	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &figures[i];
		struct libscols_line *ln = new_line(tb);
		char buf[64];

		c = 0;
		if (key)
			set_cell(ctl, ln, c++, f->key);
		set_cell(ctl, ln, c++, _(f->label));
		if (!f->known) {
			set_cell(ctl, ln, c++, NULL);
		} else if (f->unit == U_BYTES) {
			set_cell_size(ctl, ln, c++, true, f->val);
		} else if (f->unit == U_RATIO) {
			snprintf(buf, sizeof(buf), "%.2f", f->ratio);
			set_cell(ctl, ln, c++, buf);
		} else {
			set_cell_u64(ctl, ln, c++, true, f->val);
		}
		set_cell(ctl, ln, c, f->known ? f->from : NULL);
		if (!f->known) {
			char *m;

			xasprintf(&m, _("missing: %s"), f->from);
			set_cell(ctl, ln, c, m);
			free(m);
		}
	}
	return tb;
}

/* ---------------------------------------------------------------------- */
/* Cgroups.                                                               */

struct missing {
	char **v; /* "what: why", distinct */
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

static const char *cg_reason(int rc)
{
	if (rc == -ENOENT)
		return _("not provided by this kernel or controller");
	if (rc == -EINVAL)
		return _("not a number");
	return strerror(-rc);
}

/* One cgroup file as bytes: 0, -errno, or 1 for "max". */
static int cg_u64(const char *dir, const char *file, uint64_t *val, struct missing *m)
{
	char *p, *buf, *end;
	int rc;

	xasprintf(&p, "%s/%s", dir, file);
	rc = ss_read_file(p, &buf);
	free(p);
	if (rc) {
		missing_add(m, file, cg_reason(rc));
		return rc;
	}
	buf[strcspn(buf, "\n")] = '\0';
	if (!strcmp(buf, "max")) {
		free(buf);
		return 1;
	}
	errno = 0;
	*val = strtoull(buf, &end, 10);
	rc = (end == buf || *end || errno || *buf == '-') ? -EINVAL : 0;
	free(buf);
	if (rc)
		missing_add(m, file, cg_reason(rc));
	return rc;
}

static void cg_limit_cell(const struct ctl *ctl, struct libscols_line *ln, size_t c, int rc,
			  uint64_t val)
{
	if (rc == 1)
		set_cell(ctl, ln, c, "max");
	else
		set_cell_size(ctl, ln, c, rc == 0, val);
}

/* "HDD max\nNET 0\n" -> "HDD": the tiers a cgroup may allocate from. */
static char *cg_tiers(const char *dir, struct missing *m)
{
	char *p, *buf, *line, *save = NULL, *r = NULL;
	size_t len = 0;
	int rc;

	xasprintf(&p, "%s/" CG_SWAP_TIERS_MAX, dir);
	rc = ss_read_file(p, &buf);
	free(p);
	if (rc) {
		missing_add(m, CG_SWAP_TIERS_MAX, cg_reason(rc));
		return NULL;
	}
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *val = strchr(line, ' ');

		if (!val || !strcmp(val + 1, "0"))
			continue;
		*val = '\0';
		r = xrealloc(r, len + strlen(line) + 2);
		len += sprintf(r + len, "%s%s", len ? "," : "", line);
	}
	free(buf);
	return r ? r : xstrdup(_("none"));
}

static void cg_row(const struct ctl *ctl, struct libscols_table *tb, const char *dir,
		   const char *name, struct missing *m)
{
	struct libscols_line *ln;
	struct kvfile kf;
	uint64_t swap = 0, v = 0;
	char *p, *str;
	size_t c;
	int rc, swap_rc;

	/* no memory.swap.current: the memory controller is not enabled here */
	xasprintf(&p, "%s/" CG_SWAP_CURRENT, dir);
	rc = mf_replay(p);
	if (!rc) {
		char *buf;

		rc = sysroot_read_file(p, &buf, NULL);
		if (!rc) {
			char *end;

			errno = 0;
			swap = strtoull(buf, &end, 10);
			if (end == buf || (*end && *end != '\n') || errno)
				rc = -EINVAL;
			free(buf);
		}
	}
	mf_record(p, rc);
	free(p);
	if (rc == -ENOENT)
		return;
	if (rc)
		missing_add(m, CG_SWAP_CURRENT, cg_reason(rc));
	swap_rc = rc;

	ln = new_line(tb);
	for (c = 0; c < ctl->ncols; c++) {
		switch (ctl->cols[c]) {
		case CCOL_CGROUP:
			set_cell(ctl, ln, c, name);
			break;
		case CCOL_SWAP:
			set_cell_size(ctl, ln, c, swap_rc == 0, swap);
			break;
		case CCOL_SWAPMAX:
			rc = cg_u64(dir, CG_SWAP_MAX, &v, m);
			cg_limit_cell(ctl, ln, c, rc, v);
			break;
		case CCOL_SWAPPEAK:
			rc = cg_u64(dir, CG_SWAP_PEAK, &v, m);
			set_cell_size(ctl, ln, c, rc == 0, v);
			break;
		case CCOL_SWAPFAIL:
			xasprintf(&p, "%s/" CG_SWAP_EVENTS, dir);
			if (ss_read_kv(p, &kf) == 0 && kvfile_get(&kf, "fail", &v) == 0) {
				set_cell_u64(ctl, ln, c, true, v);
			} else {
				set_cell(ctl, ln, c, NULL);
				missing_add(m, CG_SWAP_EVENTS, cg_reason(-ENOENT));
			}
			kvfile_free(&kf);
			free(p);
			break;
		case CCOL_ZSWAP:
			rc = cg_u64(dir, CG_ZSWAP_CURRENT, &v, m);
			set_cell_size(ctl, ln, c, rc == 0, v);
			break;
		case CCOL_ZSWAPMAX:
			rc = cg_u64(dir, CG_ZSWAP_MAX, &v, m);
			cg_limit_cell(ctl, ln, c, rc, v);
			break;
		case CCOL_ZSWAPPED:
			xasprintf(&p, "%s/" CG_MEMORY_STAT, dir);
			rc = ss_read_kv(p, &kf);
			if (!rc && kvfile_get(&kf, "zswapped", &v) == 0) {
				set_cell_size(ctl, ln, c, true, v);
			} else {
				set_cell(ctl, ln, c, NULL);
				missing_add(m, rc ? CG_MEMORY_STAT : CG_MEMORY_STAT " zswapped",
					    cg_reason(rc ? rc : -ENOENT));
			}
			kvfile_free(&kf);
			free(p);
			break;
		case CCOL_WRITEBACK:
			xasprintf(&p, "%s/" CG_ZSWAP_WRITEBACK, dir);
			rc = ss_read_file(p, &str);
			if (!rc) {
				str[strcspn(str, "\n")] = '\0';
				set_cell(ctl, ln, c, !strcmp(str, "0") ? _("no") : _("yes"));
				free(str);
			} else {
				set_cell(ctl, ln, c, NULL);
				missing_add(m, CG_ZSWAP_WRITEBACK, cg_reason(rc));
			}
			free(p);
			break;
		case CCOL_TIERS:
			str = cg_tiers(dir, m);
			set_cell(ctl, ln, c, str);
			free(str);
			break;
		}
	}
}

static void cg_walk(const struct ctl *ctl, struct libscols_table *tb, const char *dir,
		    const char *name, struct missing *m)
{
	char **subs;
	size_t n, i;

	cg_row(ctl, tb, dir, name, m);
	if (ss_list_dir(dir, &subs, &n, true))
		return;
	for (i = 0; i < n; i++) {
		char *sd, *sn;

		xasprintf(&sd, "%s/%s", dir, subs[i]);
		xasprintf(&sn, "%s%s%s", name, strcmp(name, "/") ? "/" : "", subs[i]);
		cg_walk(ctl, tb, sd, sn, m);
		free(sd);
		free(sn);
	}
	free_names(subs, n);
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

static int show_cgroups(const struct ctl *ctl)
{
	static const char *const roots[] = { PATH_CGROUP2, PATH_CGROUP2_HYBRID };
	struct libscols_table *tbs[2];
	struct missing m = { 0 };
	const char *root = NULL;
	size_t i, n = 1;

	/* cgroup v2 is at /sys/fs/cgroup, or beside v1 on hybrid systems */
	for (i = 0; i < ARRAY_SIZE(roots) && !root; i++) {
		char *p, *buf;

		xasprintf(&p, "%s/" CG_CONTROLLERS, roots[i]);
		if (ss_read_file(p, &buf) == 0) {
			root = roots[i];
			free(buf);
		}
		free(p);
	}
	tbs[0] = new_table(ctl, "cgroups");
	add_columns(ctl, tbs[0]);
	if (root) {
		cg_walk(ctl, tbs[0], root, "/", &m);
		if (!scols_table_get_nlines(tbs[0]))
			missing_add(&m, root, _("no cgroup has the memory controller enabled"));
	} else
		missing_add(&m, "/sys/fs/cgroup", _("no cgroup v2 hierarchy found"));
	if (m.n)
		tbs[n++] = missing_table(ctl, &m);
	print_tables(ctl, tbs, n);
	for (i = 0; i < n; i++)
		scols_unref_table(tbs[i]);
	return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Raw counters: everything found, by source.                             */

static void cnt_line(const struct ctl *ctl, struct libscols_table *tb, const char *source,
		     const char *name, const char *value, const char *note)
{
	struct libscols_line *ln = new_line(tb);
	size_t c;

	for (c = 0; c < ctl->ncols; c++) {
		switch (ctl->cols[c]) {
		case KCOL_SOURCE:
			set_cell(ctl, ln, c, source);
			break;
		case KCOL_NAME:
			set_cell(ctl, ln, c, name);
			break;
		case KCOL_VALUE:
			set_cell(ctl, ln, c, value);
			break;
		case KCOL_NOTE:
			set_cell(ctl, ln, c, note ? note : "");
			break;
		}
	}
}

/* Swap's share of meminfo and vmstat (kswapd's counters are reclaim, not swap). */
static bool swap_key(const char *k)
{
	return strstr(k, "swp") || !strncmp(k, "swap", 4) || !strncmp(k, "nr_swap", 7) ||
	       !strncmp(k, "Swap", 4) || !strncmp(k, "Zswap", 5) || !strcmp(k, "MemTotal");
}

static void cnt_kv(const struct ctl *ctl, struct libscols_table *tb, const struct snapshot *s,
		   const char *src, const struct kvfile *kf, int rc)
{
	char buf[32];
	size_t i;

	if (rc) {
		char *r = reason_for(s, src, rc);

		cnt_line(ctl, tb, src, NULL, NULL, r);
		free(r);
		return;
	}
	for (i = 0; i < kf->n; i++) {
		if (!swap_key(kf->v[i].key))
			continue;
		snprintf(buf, sizeof(buf), "%" PRIu64, kf->v[i].value);
		cnt_line(ctl, tb, src, kf->v[i].key, buf, NULL);
	}
}

static void cnt_dir(const struct ctl *ctl, struct libscols_table *tb, const struct snapshot *s,
		    const char *src, const struct dirvals *dv)
{
	size_t i;

	if (dv->rc) {
		char *r = reason_for(s, src, dv->rc);

		cnt_line(ctl, tb, src, NULL, NULL, r);
		free(r);
		return;
	}
	for (i = 0; i < dv->n; i++) {
		const struct dirval *e = &dv->v[i];

		if (e->rc) {
			char *p, *r;

			xasprintf(&p, "%s/%s", src, e->name);
			r = reason_for(s, p, e->rc);
			cnt_line(ctl, tb, src, e->name, NULL, r);
			free(r);
			free(p);
		} else {
			cnt_line(ctl, tb, src, e->name, e->value, NULL);
		}
	}
}

static int show_counters(const struct ctl *ctl, const struct snapshot *s)
{
	struct libscols_table *tb = new_table(ctl, "counters");

	add_columns(ctl, tb);
	cnt_kv(ctl, tb, s, PATH_PROC_MEMINFO, &s->meminfo, s->meminfo_rc);
	cnt_kv(ctl, tb, s, PATH_PROC_VMSTAT, &s->vmstat, s->vmstat_rc);
	cnt_dir(ctl, tb, s, PATH_ZSWAP_DEBUG, &s->zswap_dbg);
	cnt_dir(ctl, tb, s, PATH_VSWAP_DEBUG, &s->vswap_dbg);
	cnt_dir(ctl, tb, s, PATH_ZSWAP_PARAMS, &s->zswap_par);
	if (s->tiers_rc) {
		char *r = reason_for(s, PATH_SWAP_TIERS, s->tiers_rc);

		cnt_line(ctl, tb, PATH_SWAP_TIERS, NULL, NULL, r);
		free(r);
	} else {
		size_t i;

		for (i = 0; i < s->tiers.n; i++) {
			char *v;

			xasprintf(&v, "%d..%d", s->tiers.v[i].prio_start, s->tiers.v[i].prio_end);
			cnt_line(ctl, tb, PATH_SWAP_TIERS, s->tiers.v[i].name, v, NULL);
			free(v);
		}
	}
	print_tables(ctl, &tb, 1);
	scols_unref_table(tb);
	return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Prometheus text exposition format.                                     */

static void prom_label(const char *v)
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

static void prom_head(const char *name, const char *type, const char *help)
{
	printf("# HELP swapstat_%s %s\n# TYPE swapstat_%s %s\n", name, help, name, type);
}

struct prom_dev_metric {
	const char *name;
	const char *help;
};

static void show_prometheus(const struct snapshot *s, const struct totals *t)
{
	static const struct prom_dev_metric devm[] = {
		{ "device_size_bytes",
		  "Size of the swap device in /proc/swaps (virtual for ghost devices)." },
		{ "device_used_bytes", "Slots in use on the swap device." },
		{ "device_capacity_bytes",
		  "Storage behind the swap device (0 for ghost devices)." },
		{ "device_disk_bytes", "Data of the device on disk, where the kernel tells." },
		{ "device_zswap_bytes",
		  "Data of the device in zswap (uncompressed), where the kernel tells." },
		{ "device_zero_bytes", "Zero-filled slots of the device, where the kernel tells." },
	};
	static const struct {
		const char *key, *metric, *help;
	} vm[] = {
		{ "pswpin", "swap_in_pages_total", "Pages read from disk swap (vmstat pswpin)." },
		{ "pswpout", "swap_out_pages_total",
		  "Pages written to disk swap (vmstat pswpout)." },
		{ "zswpin", "zswap_in_pages_total", "Pages loaded from zswap (vmstat zswpin)." },
		{ "zswpout", "zswap_out_pages_total", "Pages stored into zswap (vmstat zswpout)." },
		{ "zswpwb", "zswap_writeback_pages_total",
		  "Pages written back from zswap (vmstat zswpwb)." },
		{ "swpin_zero", "zero_in_pages_total",
		  "Zero-filled pages swapped in (vmstat swpin_zero)." },
		{ "swpout_zero", "zero_out_pages_total",
		  "Zero-filled pages swapped out (vmstat swpout_zero)." },
	};
	size_t i, k;
	bool any_missing = false;

	for (k = 0; k < ARRAY_SIZE(devm); k++) {
		bool head = false;

		for (i = 0; i < s->swaps.n; i++) {
			const struct swap_entry *e = &s->swaps.v[i];
			const char *tier = tier_of(s, e->prio);
			struct devsplit d;
			bool known = true;
			uint64_t v = 0;

			split_device(e, t, &d);
			switch (k) {
			case 0:
				v = e->size_kib * 1024;
				break;
			case 1:
				v = e->used_kib * 1024;
				break;
			case 2:
				v = is_ghost(e) ? 0 : e->size_kib * 1024;
				break;
			case 3:
				known = d.disk_known;
				v = d.disk;
				break;
			case 4:
				known = d.zswap_known;
				v = d.zswap;
				break;
			case 5:
				known = d.zero_known;
				v = d.zero;
				break;
			}
			if (!known)
				continue;
			if (!head) {
				prom_head(devm[k].name, "gauge", devm[k].help);
				head = true;
			}
			printf("swapstat_%s{device=\"", devm[k].name);
			prom_label(e->path);
			printf("\",type=\"");
			prom_label(e->type);
			printf("\",tier=\"");
			prom_label(tier ? tier : "");
			printf("\",priority=\"%d\"} %" PRIu64 "\n", e->prio, v);
		}
	}
	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &figures[i];
		char *name;

		if (!f->known)
			continue;
		if (f->unit == U_BYTES)
			xasprintf(&name, "%s_bytes", f->key);
		else if (f->unit == U_COUNT)
			xasprintf(&name, "%s_total", f->key);
		else
			name = xstrdup(f->key);
		prom_head(name, f->unit == U_COUNT ? "counter" : "gauge", f->label);
		if (f->unit == U_RATIO)
			printf("swapstat_%s %.4f\n", name, f->ratio);
		else
			printf("swapstat_%s %" PRIu64 "\n", name, f->val);
		free(name);
	}
	for (i = 0; !s->vmstat_rc && i < ARRAY_SIZE(vm); i++) {
		uint64_t v;

		if (kvfile_get(&s->vmstat, vm[i].key, &v))
			continue;
		prom_head(vm[i].metric, "counter", vm[i].help);
		printf("swapstat_%s %" PRIu64 "\n", vm[i].metric, v);
	}
	for (i = 0; i < NR_FIGURES; i++) {
		const struct figure *f = &figures[i];

		if (f->known)
			continue;
		if (!any_missing)
			prom_head("figure_missing", "gauge",
				  "A figure swapstat could not report, and why.");
		any_missing = true;
		printf("swapstat_figure_missing{figure=\"%s\",reason=\"", f->key);
		prom_label(f->from);
		printf("\"} 1\n");
	}
}

/* ---------------------------------------------------------------------- */
/* --watch: rates between samples.                                        */

struct sample {
	bool have[5];
	uint64_t ctr[5]; /* pswpin pswpout zswpin zswpout zswpwb */
	bool used_known, pool_known;
	uint64_t used, pool;
	double t; /* seconds: /proc/uptime, or the clock */
};

static const char *const watch_keys[5] = { "pswpin", "pswpout", "zswpin", "zswpout", "zswpwb" };

static void take_sample(const struct snapshot *s, struct sample *w)
{
	struct totals t;
	size_t i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < ARRAY_SIZE(watch_keys); i++)
		w->have[i] =
			!s->vmstat_rc && kvfile_get(&s->vmstat, watch_keys[i], &w->ctr[i]) == 0;
	if (!s->swaps_rc) {
		w->used_known = true;
		for (i = 0; i < s->swaps.n; i++)
			w->used += s->swaps.v[i].used_kib * 1024;
	}
	compute_totals(s, &t);
	w->pool_known = t.pool_known;
	w->pool = t.pool;
	free_totals(&t);
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
static void pad_watch_cells(const struct ctl *ctl, struct libscols_line *ln)
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
			double rate = ok ? (b->ctr[k] - a->ctr[k]) * (double)pagesize / dt : 0;

			set_cell_size(ctl, ln, c, ok, (uint64_t)llround(rate));
		} else if (id == WCOL_USED) {
			set_cell_size(ctl, ln, c, b->used_known, b->used);
		} else if (id == WCOL_POOL) {
			set_cell_size(ctl, ln, c, b->pool_known, b->pool);
		}
	}
	if (!ctl->raw && !ctl->json)
		pad_watch_cells(ctl, ln);
	scols_print_table(tb);
	scols_unref_table(tb);
	fflush(stdout);
}

/* ---------------------------------------------------------------------- */

static void __noreturn usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options]\n"), program_invocation_short_name);
	fputs(_("\nShow what swap costs this machine: virtual use, RAM held by zswap,\n"
		"disk really used, and the capacity that really backs swap.\n"),
	      out);

	fputs(_("\nViews:\n"), out);
	fputs(_(" -D, --devices          the swap devices only\n"), out);
	fputs(_(" -S, --summary          the summary only\n"), out);
	fputs(_(" -g, --cgroups          swap and zswap use and limits per cgroup\n"), out);
	fputs(_(" -C, --counters         every raw counter found, by source\n"), out);
	fputs(_(" -w, --watch SECONDS    rates per second, every SECONDS\n"), out);
	fputs(_(" -c, --count N          with --watch: stop after N lines\n"), out);
	fputs(_("     --prometheus       text exposition format for node_exporter\n"), out);

	fputs(_("\nOutput:\n"), out);
	fputs(_(" -o, --output LIST      columns to show (+LIST adds to the defaults)\n"), out);
	fputs(_("     --output-all       show all columns\n"), out);
	fputs(_(" -H, --list-columns     list the columns of the view and exit\n"), out);
	fputs(_(" -J, --json             JSON output\n"), out);
	fputs(_(" -r, --raw              raw output\n"), out);
	fputs(_(" -b, --bytes            sizes in bytes (numbers in JSON)\n"), out);
	fputs(_(" -n, --noheadings       don't print headings\n"), out);

	fputs(_("\nSources:\n"), out);
	fputs(_("     --sysroot DIR      read a saved tree instead of the system;\n"
		"                        repeat it to replay --watch samples\n"),
	      out);
	fputs(_("     --save DIR         copy every file read into DIR, for --sysroot\n"), out);
	fputs("\n", out);
	usage_help_options(out, 23);
	usage_man_tail(out, "swapstat(1)");
	exit(EXIT_SUCCESS);
}

static int list_columns(const struct ctl *ctl)
{
	const struct viewcols *vc = &viewcols[ctl->view];
	struct libscols_table *tb = new_table(ctl, "columns");
	size_t i;

	if (!vc->ninfo)
		errx(EXIT_FAILURE, _("the summary has fixed columns: FIGURE, VALUE, FROM"));
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

/* Point the sysroot layer at sample @i: its tree, its save directory. */
static void select_sample(const struct ctl *ctl, uint64_t i, bool watch)
{
	if (ctl->nsysroots)
		sysroot_set(ctl->sysroots[ctl->nsysroots > 1 ? i : 0]);
	mf_load();
	if (ctl->save_dir) {
		char *dir;
		int rc;

		free(save_root);
		if (watch)
			xasprintf(&dir, "%s/%" PRIu64, ctl->save_dir, i);
		else
			dir = xstrdup(ctl->save_dir);
		rc = sysroot_set_save_dir(dir);
		if (rc)
			errx(EXIT_FAILURE, _("cannot create %s: %s"), dir, strerror(-rc));
		save_root = dir;
	}
}

static int do_watch(struct ctl *ctl)
{
	struct sample first = { 0 }, prev = { 0 }, cur;
	struct snapshot s;
	uint64_t i, n;
	bool live = !ctl->nsysroots;

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
		if (i && live) {
			struct timespec ts = { (time_t)ctl->interval,
					       (long)((ctl->interval - (time_t)ctl->interval) *
						      1e9) };

			while (nanosleep(&ts, &ts) && errno == EINTR)
				;
		}
		select_sample(ctl, i, true);
		read_snapshot(&s, false);
		take_sample(&s, &cur);
		free_snapshot(&s);
		mf_write();
		if (!i)
			first = cur;
		else
			watch_row(ctl, &first, &prev, &cur, i == 1 && !ctl->noheadings);
		prev = cur;
	}
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	enum {
		OPT_OUTPUT_ALL = CHAR_MAX + 1,
		OPT_SYSROOT,
		OPT_SAVE,
		OPT_PROMETHEUS,
	};
	static const struct option longopts[] = {
		{ "devices", no_argument, NULL, 'D' },
		{ "summary", no_argument, NULL, 'S' },
		{ "cgroups", no_argument, NULL, 'g' },
		{ "counters", no_argument, NULL, 'C' },
		{ "watch", required_argument, NULL, 'w' },
		{ "count", required_argument, NULL, 'c' },
		{ "prometheus", no_argument, NULL, OPT_PROMETHEUS },
		{ "output", required_argument, NULL, 'o' },
		{ "output-all", no_argument, NULL, OPT_OUTPUT_ALL },
		{ "list-columns", no_argument, NULL, 'H' },
		{ "json", no_argument, NULL, 'J' },
		{ "raw", no_argument, NULL, 'r' },
		{ "bytes", no_argument, NULL, 'b' },
		{ "noheadings", no_argument, NULL, 'n' },
		{ "sysroot", required_argument, NULL, OPT_SYSROOT },
		{ "save", required_argument, NULL, OPT_SAVE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctl ctl = { .view = VIEW_DEFAULT };
	struct libscols_table *tbs[2];
	struct snapshot s;
	struct totals t;
	int c, nviews = 0, rc = EXIT_SUCCESS;
	size_t i;

	nls_init();
	close_stdout_atexit();
	pagesize = sysconf(_SC_PAGESIZE);

	while ((c = getopt_long(argc, argv, "DSgCw:c:o:HJrbnhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'D':
			ctl.view = VIEW_DEVICES;
			nviews++;
			break;
		case 'S':
			ctl.view = VIEW_SUMMARY;
			nviews++;
			break;
		case 'g':
			ctl.view = VIEW_CGROUPS;
			nviews++;
			break;
		case 'C':
			ctl.view = VIEW_COUNTERS;
			nviews++;
			break;
		case 'w': {
			char *end;

			errno = 0;
			ctl.interval = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(ctl.interval > 0) ||
			    ctl.interval > 86400)
				errx(EXIT_FAILURE, _("invalid --watch interval: %s"), optarg);
			ctl.view = VIEW_WATCH;
			nviews++;
			break;
		}
		case 'c':
			if (parse_u64(optarg, 1, UINT64_MAX, &ctl.count))
				errx(EXIT_FAILURE, _("invalid --count: %s"), optarg);
			ctl.count_set = true;
			break;
		case OPT_PROMETHEUS:
			ctl.prometheus = true;
			break;
		case 'o':
			ctl.outarg = optarg;
			break;
		case OPT_OUTPUT_ALL:
			ctl.output_all = true;
			break;
		case 'H':
			ctl.list_columns = true;
			break;
		case 'J':
			ctl.json = true;
			break;
		case 'r':
			ctl.raw = true;
			break;
		case 'b':
			ctl.bytes = true;
			break;
		case 'n':
			ctl.noheadings = true;
			break;
		case OPT_SYSROOT:
			ctl.sysroots =
				xrealloc(ctl.sysroots, (ctl.nsysroots + 1) * sizeof(*ctl.sysroots));
			ctl.sysroots[ctl.nsysroots++] = optarg;
			break;
		case OPT_SAVE:
			ctl.save_dir = optarg;
			break;
		case 'h':
			usage();
		case 'V':
			print_version(EXIT_SUCCESS);
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	if (optind < argc) {
		warnx(_("unexpected argument: %s"), argv[optind]);
		errtryhelp(EXIT_FAILURE);
	}
	if (nviews > 1) {
		warnx(_("--devices, --summary, --cgroups, --counters and --watch are mutually exclusive"));
		errtryhelp(EXIT_FAILURE);
	}
	if (ctl.prometheus && (nviews || ctl.json || ctl.raw || ctl.outarg || ctl.output_all)) {
		warnx(_("--prometheus takes no view or output format option"));
		errtryhelp(EXIT_FAILURE);
	}
	if (ctl.json && ctl.raw) {
		warnx(_("--json and --raw are mutually exclusive"));
		errtryhelp(EXIT_FAILURE);
	}
	/* output for programs reads the same in every language */
	if (ctl.json || ctl.prometheus)
		setlocale(LC_ALL, "C");
	if (ctl.count_set && ctl.view != VIEW_WATCH) {
		warnx(_("--count needs --watch"));
		errtryhelp(EXIT_FAILURE);
	}
	if (ctl.nsysroots > 1 && ctl.view != VIEW_WATCH) {
		warnx(_("more than one --sysroot needs --watch"));
		errtryhelp(EXIT_FAILURE);
	}
	if (ctl.view == VIEW_SUMMARY && (ctl.outarg || ctl.output_all)) {
		warnx(_("the summary has fixed columns"));
		errtryhelp(EXIT_FAILURE);
	}
	if (ctl.list_columns)
		return list_columns(&ctl);
	setup_columns(&ctl);

	if (ctl.view == VIEW_WATCH) {
		rc = do_watch(&ctl);
		goto done;
	}

	select_sample(&ctl, 0, false);
	if (ctl.view == VIEW_CGROUPS) {
		rc = show_cgroups(&ctl);
		mf_write();
		goto done;
	}
	read_snapshot(&s, true);
	compute_totals(&s, &t);
	compute_figures(&s, &t);
	mf_write();

	if (ctl.prometheus) {
		show_prometheus(&s, &t);
	} else if (ctl.view == VIEW_COUNTERS) {
		rc = show_counters(&ctl, &s);
	} else {
		size_t n = 0;

		if (ctl.view != VIEW_SUMMARY)
			tbs[n++] = devices_table(&ctl, &s, &t);
		if (ctl.view != VIEW_DEVICES)
			tbs[n++] = summary_table(&ctl);
		print_tables(&ctl, tbs, n);
		for (i = 0; i < n; i++)
			scols_unref_table(tbs[i]);
	}
	free_totals(&t);
	free_snapshot(&s);
	for (i = 0; i < NR_FIGURES; i++)
		free(figures[i].from);
done:
	mf_free();
	free(save_root);
	free(ctl.sysroots);
	return rc;
}
