/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Numbers, column lists and short sizes. */
#include <ctype.h>
#include <inttypes.h>
#include <locale.h>
#include <strings.h>

#include "c.h"
#include "strutils.h"

int strn_to_u64(const char *s, size_t len, uint64_t *val)
{
	uint64_t v = 0;
	size_t i;

	if (!len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		unsigned int d;

		if (!isdigit((unsigned char)s[i]))
			return -EINVAL;
		d = s[i] - '0';
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*val = v;
	return 0;
}

int str_to_u64(const char *s, uint64_t *val)
{
	return strn_to_u64(s, strlen(s), val);
}

int parse_column_list(const char *list, int (*column_id)(const char *name, size_t len), int *cols,
		      size_t *ncols, size_t max)
{
	const char *p = list;

	if (*p == '+')
		p++;
	else
		*ncols = 0;
	if (!*p) {
		warnx(_("no column names in '%s'"), list);
		return -1;
	}
	for (;;) {
		size_t len = strcspn(p, ",");
		int id;

		if (!len) {
			warnx(_("empty column name in '%s'"), list);
			return -1;
		}
		id = column_id(p, len);
		if (id < 0) {
			warnx(_("unknown column: %.*s"), (int)len, p);
			return -1;
		}
		if (*ncols >= max) {
			warnx(_("too many columns in '%s'"), list);
			return -1;
		}
		cols[(*ncols)++] = id;
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

char *path_normalize(const char *path)
{
	char *out = xmalloc(strlen(path) + 2);
	const char *p = path;
	bool absolute = *p == '/';
	/* out[0..keep) is never taken back: the root, or a relative path's leading ".." */
	size_t len = 0, keep;

	if (absolute)
		out[len++] = '/';
	keep = len;
	while (*p) {
		size_t n;

		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (!n)
			break;
		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && len > keep) {
			/* drop the last component and the '/' before it */
			while (len > keep && out[len - 1] != '/')
				len--;
			if (len > keep)
				len--;
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && absolute) {
			/* ".." above the root stays at the root */
		} else {
			if (len && out[len - 1] != '/')
				out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
			/* a relative path's ".." before any name cannot be folded */
			if (n == 2 && p[0] == '.' && p[1] == '.')
				keep = len;
		}
		p += n;
	}
	if (!len)
		out[len++] = '.';
	out[len] = '\0';
	return out;
}

bool path_in_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

char *size_to_short(uint64_t bytes, bool saturated, char *buf, size_t bufsz)
{
	static const char letters[] = "BKMGTPE";
	const struct lconv *l = localeconv();
	const char *dp = l && l->decimal_point && *l->decimal_point ? l->decimal_point : ".";
	const char *plus = saturated ? "+" : "";
	unsigned int exp;
	uint64_t whole, frac;

	for (exp = 10; exp <= 60; exp += 10) {
		if (bytes < (1ULL << exp))
			break;
	}
	exp -= 10;
	whole = exp ? bytes >> exp : bytes;
	frac = exp ? bytes & ((1ULL << exp) - 1) : 0;
	if (frac) {
		/* util-linux: three digits truncated, then rounded to one */
		if (frac >= UINT64_MAX / 1000)
			frac = ((frac / 1024) * 1000) / (1ULL << (exp - 10));
		else
			frac = (frac * 1000) / (1ULL << exp);
		frac = (frac + 50) / 100;
		if (frac == 10) {
			whole++;
			frac = 0;
		}
	}
	if (frac)
		snprintf(buf, bufsz, "%" PRIu64 "%s%" PRIu64 "%c%s", whole, dp, frac,
			 letters[exp / 10], plus);
	else
		snprintf(buf, bufsz, "%" PRIu64 "%c%s", whole, letters[exp / 10], plus);
	return buf;
}
