/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fstab's swap entries, named as systemd-fstab-generator names them. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libmount.h>

#include "c.h"
#include "genlog.h"
#include "swapentry.h"
#include "swapspec.h"
#include "sysroot.h"
#include "unitname.h"

static const char *fstab_name;

static int parser_errcb(struct libmnt_table *tb, const char *filename, int line)
{
	genlog(LOG_WARNING, _("%s: parse error at line %d -- ignored"), fstab_name, line);
	return 1;
}

static bool has_our_options(const struct swap_opts *o)
{
	return o->ghost || o->tier_str || o->size_str ||
	       (o->errors & (SWAPOPTS_BAD_TIER | SWAPOPTS_BAD_SIZE));
}

static void add_entry(struct swapentry_list *l, struct libmnt_fs *fs)
{
	const char *src = mnt_fs_get_source(fs);
	struct swapentry *e;
	size_t i;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->source = xstrdup(src ? src : "");
	e->what = unitname_fstab_node(e->source);
	e->unit = unitname_from_path("", e->what, ".swap");
	swapopts_parse(mnt_fs_get_options(fs), &e->opts);
	e->ghost_device = swapspec_is_ghostswap_name(e->what);
	e->ours = e->ghost_device || has_our_options(&e->opts);

	for (i = 0; e->unit && i + 1 < l->n; i++) {
		if (l->v[i].unit && !strcmp(l->v[i].unit, e->unit)) {
			e->duplicate = true;
			break;
		}
	}
}

/*
 * Open fstab without blocking on a FIFO or reading a device: a regular
 * file or nothing. A missing file is an empty fstab (NULL, 0).
 */
static int open_fstab(const char *path, bool system, FILE **f)
{
	struct stat st;
	int fd, rc;

	*f = NULL;
	/* the system's fstab is resolved inside --sysroot, like every system file */
	fd = system ? sysroot_open(path, O_RDONLY)
		    : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && !system)
		fd = -errno;
	if (fd < 0)
		return fd == -ENOENT ? 0 : fd;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
		close(fd);
		return rc;
	}
	if (fcntl(fd, F_SETFL, 0) != 0 || !(*f = fdopen(fd, "r"))) {
		rc = -errno;
		close(fd);
		return rc;
	}
	return 0;
}

int swapentry_read(const char *path, bool system, const char *name, struct swapentry_list *l)
{
	struct libmnt_table *tb = mnt_new_table();
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	FILE *f = NULL;
	int rc;

	memset(l, 0, sizeof(*l));
	if (!tb || !itr) {
		rc = -ENOMEM;
		goto out;
	}
	rc = open_fstab(path, system, &f);
	if (rc || !f)
		goto out;
	fstab_name = name;
	mnt_table_set_parser_errcb(tb, parser_errcb);
	rc = mnt_table_parse_stream(tb, f, name);
	if (rc < 0)
		goto out;
	while (mnt_table_next_fs(tb, itr, &fs) == 0) {
		if (mnt_fs_is_swaparea(fs))
			add_entry(l, fs);
	}
	rc = 0;
out:
	if (f)
		fclose(f);
	mnt_free_iter(itr);
	mnt_unref_table(tb);
	return rc;
}

void swapentry_free(struct swapentry_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].source);
		free(l->v[i].what);
		free(l->v[i].unit);
		free(l->v[i].mkswap_unit);
		swapopts_free(&l->v[i].opts);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
