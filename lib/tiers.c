/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The swap tiers table: parse what the kernel prints, write what it takes. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "c.h"
#include "pathnames.h"
#include "sizes.h"
#include "sysroot.h"
#include "tiers.h"

bool tiers_name_ok(const char *name)
{
	size_t i, len = strlen(name);

	if (len == 0 || len > TIER_NAME_MAX)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = name[i];

		if (!isascii(c) || !(isalnum(c) || c == '_'))
			return false;
	}
	return true;
}

static int parse_int(const char *s, int min, int max, int *out)
{
	int64_t v;

	if (parse_s64(s, min, max, &v))
		return -EINVAL;
	*out = (int)v;
	return 0;
}

/* One row: "NAME IDX START END", whitespace separated, nothing more. */
static int parse_row(char *line, struct swap_tier *t)
{
	char *f[5], *save = NULL, *tok;
	size_t n = 0;

	for (tok = strtok_r(line, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (n == ARRAY_SIZE(f))
			return -EINVAL;
		f[n++] = tok;
	}
	if (n != 4 || !tiers_name_ok(f[0]))
		return -EINVAL;
	memset(t, 0, sizeof(*t));
	strcpy(t->name, f[0]);
	if (parse_int(f[1], 0, INT_MAX, &t->idx) ||
	    parse_int(f[2], TIER_PRIO_MIN, TIER_PRIO_MAX, &t->prio_start) ||
	    parse_int(f[3], TIER_PRIO_MIN, TIER_PRIO_MAX, &t->prio_end) ||
	    t->prio_start > t->prio_end)
		return -EINVAL;
	return 0;
}

int tiers_parse(const char *text, struct tier_list *l)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	bool header = false;
	int rc = 0;

	memset(l, 0, sizeof(*l));
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct swap_tier t;

		if (line[strspn(line, " \t")] == '\0')
			continue;
		if (!header) {
			/* the first line names the columns */
			if (strncmp(line, "Name", 4) != 0 || !strstr(line, "PrioStart")) {
				rc = -EINVAL;
				break;
			}
			header = true;
			continue;
		}
		rc = parse_row(line, &t);
		if (rc)
			break;
		if (tiers_find_name(l, t.name)) {
			rc = -EINVAL;
			break;
		}
		l->v = xgrow(l->v, l->n, sizeof(*l->v));
		l->v[l->n++] = t;
	}
	free(copy);
	if (!rc && !header)
		rc = -EINVAL;
	if (rc)
		tiers_free(l);
	return rc;
}

int tiers_read(struct tier_list *l)
{
	char *buf;
	int rc;

	memset(l, 0, sizeof(*l));
	rc = sysroot_read_file(PATH_SWAP_TIERS, &buf, NULL);
	if (rc)
		return rc;
	rc = tiers_parse(buf, l);
	free(buf);
	return rc;
}

void tiers_free(struct tier_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const struct swap_tier *tiers_find_prio(const struct tier_list *l, int prio)
{
	size_t i;

	/* automatic priorities (-2, -3, ...) count as -1 */
	if (prio < TIER_PRIO_MIN)
		prio = TIER_PRIO_MIN;
	for (i = 0; i < l->n; i++) {
		if (prio >= l->v[i].prio_start && prio <= l->v[i].prio_end)
			return &l->v[i];
	}
	return NULL;
}

const struct swap_tier *tiers_find_name(const struct tier_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (!strcmp(l->v[i].name, name))
			return &l->v[i];
	}
	return NULL;
}

int tiers_parse_spec(const char *spec, char name[TIER_NAME_MAX + 1], int *start)
{
	const char *colon = strchr(spec, ':');
	size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
	char buf[TIER_NAME_MAX + 2];

	*start = INT_MIN;
	if (len == 0 || len > TIER_NAME_MAX)
		return -EINVAL;
	memcpy(buf, spec, len);
	buf[len] = '\0';
	if (!tiers_name_ok(buf))
		return -EINVAL;
	if (colon && parse_int(colon + 1, TIER_PRIO_MIN, TIER_PRIO_MAX, start))
		return -EINVAL;
	strcpy(name, buf);
	return 0;
}

int tiers_write(const char *ops)
{
	size_t len = strlen(ops);
	ssize_t n;
	int fd, rc = 0;

	fd = sysroot_open(PATH_SWAP_TIERS, O_WRONLY | O_TRUNC);
	if (fd < 0)
		return fd;
	/* sysfs takes the whole write at once: the kernel applies all or nothing */
	n = write(fd, ops, len);
	if (n < 0)
		rc = -errno;
	else if ((size_t)n != len)
		rc = -EIO;
	if (close(fd) != 0 && !rc)
		rc = -errno;
	return rc;
}

const char *tiers_strerror(int err)
{
	switch (err < 0 ? -err : err) {
	case 0:
		return _("success");
	case EEXIST:
		return _("a swap tier with that name already exists");
	case ENOSPC:
		return _("no free swap tier slot is left: remove an unused tier first");
	case EINVAL:
		return _("the kernel rejected the tier operation: a bad name or start, "
			 "or tiers that would not cover priorities -1 to 32767");
	case EBUSY:
		return _("the change would move an active swap device to another tier, "
			 "or remove a tier that still has devices");
	case ENOENT:
		return _("this kernel has no swap tiers (/sys/kernel/mm/swap/tiers is missing)");
	case EACCES:
	case EPERM:
		return _("permission denied: changing swap tiers needs root");
	default:
		return strerror(err < 0 ? -err : err);
	}
}
