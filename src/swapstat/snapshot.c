/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Read one snapshot of the system (or of a --sysroot tree). */
#include <math.h>
#include <unistd.h>

#include "c.h"
#include "pathnames.h"
#include "snapshot.h"
#include "sysroot.h"

static void read_uptime(struct snapshot *s)
{
	char *buf, *end;

	s->uptime_rc = sysroot_read_file(PATH_PROC_UPTIME, &buf, NULL);
	if (s->uptime_rc)
		return;
	s->uptime = strtod(buf, &end);
	if (end == buf || !isfinite(s->uptime) || s->uptime < 0)
		s->uptime_rc = -EINVAL;
	free(buf);
}

static void read_zram(struct snapshot *s)
{
	size_t i;

	s->zram = xcalloc(s->swaps.n, sizeof(*s->zram));
	for (i = 0; i < s->swaps.n; i++) {
		char name[32];

		if (zram_name(s->swaps.v[i].path, name))
			zram_read(name, &s->zram[i]);
	}
}

void snapshot_read(struct snapshot *s, unsigned int what, int cg_depth)
{
	struct sysroot_dirent *ents;
	size_t n;

	memset(s, 0, sizeof(*s));
	s->pagesize = sysconf(_SC_PAGESIZE);
	s->osrelease_rc = sysroot_read_line(PATH_PROC_OSRELEASE, &s->osrelease);

	s->swaps_rc = swaps_read(&s->swaps);
	read_zram(s);
	s->meminfo_rc = kvfile_read(PATH_PROC_MEMINFO, &s->meminfo);
	s->vmstat_rc = kvfile_read(PATH_PROC_VMSTAT, &s->vmstat);

	s->debugfs_rc = sysroot_list_dir(PATH_DEBUGFS, &ents, &n);
	if (!s->debugfs_rc && !n)
		s->debugfs_rc = DIRVALS_EMPTY;
	sysroot_dirents_free(ents, n);
	dirvals_read(PATH_ZSWAP_DEBUG, &s->zswap_dbg);
	dirvals_read(PATH_VSWAP_DEBUG, &s->vswap_dbg);
	dirvals_read(PATH_ZSWAP_PARAMS, &s->zswap_par);

	s->tiers_rc = -ENOENT;
	if (what & SNAP_TIERS)
		s->tiers_rc = tiers_read(&s->tiers);
	read_uptime(s);
	if (what & SNAP_CGROUPS)
		cgroups_read(&s->cgroups, cg_depth);
}

void snapshot_free(struct snapshot *s)
{
	size_t i;

	for (i = 0; s->zram && i < s->swaps.n; i++)
		zram_free(&s->zram[i]);
	free(s->zram);
	swaps_free(&s->swaps);
	kvfile_free(&s->meminfo);
	kvfile_free(&s->vmstat);
	dirvals_free(&s->zswap_dbg);
	dirvals_free(&s->vswap_dbg);
	dirvals_free(&s->zswap_par);
	if (!s->tiers_rc)
		tiers_free(&s->tiers);
	free(s->osrelease);
	cgroups_free(&s->cgroups);
	memset(s, 0, sizeof(*s));
}
