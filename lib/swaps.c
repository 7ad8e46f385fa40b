/* /proc/swaps through libmount, so escapes are undone the way swapon does. */
#include <libmount.h>
#include <string.h>
#include <sys/stat.h>

#include "c.h"
#include "swaps.h"
#include "sysroot.h"

#define DELETED_SUFFIX " (deleted)"

static void add_entry(struct swap_list *l, struct libmnt_fs *fs, bool deleted)
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
	e->deleted = deleted;

	/* libmount >= 2.36 strips the suffix itself; older ones leave it */
	len = strlen(e->path);
	if (len > strlen(DELETED_SUFFIX) &&
	    !strcmp(e->path + len - strlen(DELETED_SUFFIX), DELETED_SUFFIX)) {
		e->path[len - strlen(DELETED_SUFFIX)] = '\0';
		e->deleted = true;
	}
}

/* The kernel escapes the space of " (deleted)" like any other: "\\040(deleted)". */
static bool raw_deleted(const char *line, size_t len)
{
	static const char sfx[] = "\\040(deleted)";
	size_t n = strcspn(line, " \t\n");

	if (n > len)
		n = len;
	return n >= sizeof(sfx) - 1 && !memcmp(line + n - (sizeof(sfx) - 1), sfx, sizeof(sfx) - 1);
}

int swaps_read(struct swap_list *l)
{
	struct libmnt_table *tb;
	struct libmnt_fs *fs;
	char *buf, *line, *next;
	size_t len, hdrlen;
	int rc = 0;

	memset(l, 0, sizeof(*l));
	rc = sysroot_read_file("/proc/swaps", &buf, &len);
	if (rc)
		return rc;

	tb = mnt_new_table();
	if (!tb)
		err(EXIT_FAILURE, _("cannot initialize libmount"));

	/*
	 * libmount drops " (deleted)" from the path without telling (2.38 has
	 * no getter for it), so hand it one row at a time, behind the header,
	 * and look at the raw row for the suffix. The bytes are the ones we
	 * read, so --save keeps exactly these.
	 */
	hdrlen = strcspn(buf, "\n");
	for (line = buf + hdrlen; *line; line = next) {
		size_t n;
		char *chunk;
		FILE *f;
		int before = mnt_table_get_nents(tb);

		line += (*line == '\n');
		n = strcspn(line, "\n");
		next = line + n;
		if (!n)
			continue;
		xasprintf(&chunk, "%.*s\n%.*s\n", (int)hdrlen, buf, (int)n, line);
		f = fmemopen(chunk, strlen(chunk), "r");
		if (!f)
			err(EXIT_FAILURE, _("cannot initialize libmount"));
		rc = mnt_table_parse_stream(tb, f, "/proc/swaps");
		fclose(f);
		free(chunk);
		if (rc < 0)
			break;
		rc = 0;
		if (mnt_table_get_nents(tb) > before && mnt_table_last_fs(tb, &fs) == 0)
			add_entry(l, fs, raw_deleted(line, n));
	}
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
