/* /proc/swaps through libmount, so escapes are undone the way swapon does. */
#include <libmount.h>
#include <string.h>
#include <sys/stat.h>

#include "c.h"
#include "swaps.h"
#include "sysroot.h"

#define DELETED_SUFFIX " (deleted)"

static void add_entry(struct swap_list *l, struct libmnt_fs *fs)
{
	struct swap_entry *e;
	const char *src = mnt_fs_get_source(fs);
	const char *type = mnt_fs_get_swaptype(fs);
	size_t len;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(src ? src : "");
	e->type = xstrdup(type ? type : "");
	e->size_kib = mnt_fs_get_size(fs);
	e->used_kib = mnt_fs_get_usedsize(fs);
	e->prio = mnt_fs_get_priority(fs);

	len = strlen(e->path);
	if (len > strlen(DELETED_SUFFIX) &&
	    !strcmp(e->path + len - strlen(DELETED_SUFFIX), DELETED_SUFFIX)) {
		e->path[len - strlen(DELETED_SUFFIX)] = '\0';
		e->deleted = true;
	}
}

int swaps_read(struct swap_list *l)
{
	struct libmnt_table *tb;
	struct libmnt_iter *itr;
	struct libmnt_fs *fs;
	char *buf;
	size_t len;
	FILE *f;
	int rc;

	memset(l, 0, sizeof(*l));
	rc = sysroot_read_file("/proc/swaps", &buf, &len);
	if (rc)
		return rc;

	tb = mnt_new_table();
	itr = mnt_new_iter(MNT_ITER_FORWARD);
	if (!tb || !itr)
		err(EXIT_FAILURE, _("cannot initialize libmount"));

	/* hand libmount the bytes we read, so --save keeps exactly these */
	f = len ? fmemopen(buf, len, "r") : NULL;
	if (f) {
		rc = mnt_table_parse_stream(tb, f, "/proc/swaps");
		fclose(f);
	}
	if (!rc) {
		while (mnt_table_next_fs(tb, itr, &fs) == 0)
			add_entry(l, fs);
	}
	mnt_free_iter(itr);
	mnt_unref_table(tb);
	free(buf);
	return rc < 0 ? rc : 0;
}

void swaps_free(struct swap_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].type);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const struct swap_entry *swaps_find(const struct swap_list *l, const char *path,
				    const struct stat *st)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct swap_entry *e = &l->v[i];
		struct stat est;

		if (!strcmp(e->path, path))
			return e;
		if (!st || e->deleted || stat(e->path, &est) != 0)
			continue;
		if (S_ISBLK(st->st_mode) && S_ISBLK(est.st_mode) && st->st_rdev == est.st_rdev)
			return e;
		if (S_ISREG(st->st_mode) && S_ISREG(est.st_mode) && st->st_dev == est.st_dev &&
		    st->st_ino == est.st_ino)
			return e;
	}
	return NULL;
}
