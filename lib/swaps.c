/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/swaps through libmount, so escapes are undone the way swapon does. */
#include <errno.h>
#include <libmount.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "c.h"
#include "pathnames.h"
#include "swaps.h"
#include "sysroot.h"

#define DELETED_SUFFIX " (deleted)"

static void add_entry(struct swap_list *l, struct libmnt_fs *fs, bool deleted, size_t *cap)
{
	struct swap_entry *e;
	const char *src = mnt_fs_get_source(fs);
	const char *type = mnt_fs_get_swaptype(fs);
	size_t len;

	/* doubling: growing by one entry copied the list at every row */
	if (l->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		l->v = xrealloc(l->v, *cap * sizeof(*l->v));
	}
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
	size_t n = 0;

	while (n < len && line[n] != ' ' && line[n] != '\t')
		n++;
	return n >= sizeof(sfx) - 1 && !memcmp(line + n - (sizeof(sfx) - 1), sfx, sizeof(sfx) - 1);
}

/*
 * The kernel's header: these column names in this order. The spacing is
 * not checked: rows are handed to libmount behind a header of our own.
 */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool header_ok(const char *line, size_t len)
{
	static const char *const cols[] = { "Filename", "Type", "Size", "Used", "Priority" };
	size_t i, pos = 0;

	for (i = 0; i < ARRAY_SIZE(cols); i++) {
		size_t n = strlen(cols[i]);

		while (pos < len && is_blank(line[pos]))
			pos++;
		if (len - pos < n || memcmp(line + pos, cols[i], n) != 0)
			return false;
		pos += n;
		if (pos < len && !is_blank(line[pos]))
			return false;
	}
	while (pos < len && is_blank(line[pos]))
		pos++;
	return pos == len;
}

/* Parse one row with a table of its own: linear in the number of rows. */
static void parse_row(struct swap_list *l, size_t *lcap, const char *row, size_t n, char **chunk,
		      size_t *cap)
{
	static const char hdr[] = "Filename\tType\tSize\tUsed\tPriority\n";
	struct libmnt_table *tb;
	struct libmnt_fs *fs;
	size_t len = sizeof(hdr) - 1 + n + 1;
	FILE *f;

	if (memchr(row, '\0', n)) {
		l->skipped++;
		return;
	}
	if (*cap < len + 1) {
		*cap = len + 1;
		*chunk = xrealloc(*chunk, *cap);
	}
	memcpy(*chunk, hdr, sizeof(hdr) - 1);
	memcpy(*chunk + sizeof(hdr) - 1, row, n);
	(*chunk)[len - 1] = '\n';
	(*chunk)[len] = '\0';

	tb = mnt_new_table();
	f = tb ? fmemopen(*chunk, len, "r") : NULL;
	if (!f)
		err(EXIT_FAILURE, _("cannot initialize libmount"));
	if (mnt_table_parse_stream(tb, f, PATH_PROC_SWAPS) == 0 && mnt_table_last_fs(tb, &fs) == 0)
		add_entry(l, fs, raw_deleted(row, n), lcap);
	else
		l->skipped++;
	fclose(f);
	mnt_unref_table(tb);
}

int swaps_parse(const char *text, size_t len, struct swap_list *l)
{
	const char *line, *end = text + len, *nl = memchr(text, '\n', len);
	size_t cap = 0, lcap = 0, n = nl ? (size_t)(nl - text) : len;
	char *chunk = NULL;

	memset(l, 0, sizeof(*l));
	if (!header_ok(text, n))
		return -EBADMSG;

	/*
	 * libmount drops " (deleted)" from the path without telling (2.38 has
	 * no getter for it), so hand it one row at a time and look at the raw
	 * row for the suffix.
	 */
	for (line = text + n; line < end; line += n) {
		line += (*line == '\n');
		nl = memchr(line, '\n', end - line);
		n = nl ? (size_t)(nl - line) : (size_t)(end - line);
		if (n)
			parse_row(l, &lcap, line, n, &chunk, &cap);
	}
	free(chunk);
	return 0;
}

int swaps_read(struct swap_list *l)
{
	char *buf;
	size_t len;
	int rc;

	memset(l, 0, sizeof(*l));
	rc = sysroot_read_file(PATH_PROC_SWAPS, &buf, &len);
	if (rc)
		return rc;
	rc = swaps_parse(buf, len, l);
	free(buf);
	return rc;
}

const char *swaps_strerror(int rc)
{
	if (rc == -EBADMSG)
		return _("not the kernel's format (unrecognised header)");
	return sysroot_strerror(rc);
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
