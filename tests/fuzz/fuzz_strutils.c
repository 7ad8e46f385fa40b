/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib/strutils: the one number rule (str_to_u64, against strtoull), the
 * column-list parser, the short size form, and the lexical path rule that
 * decides whether a ghost file to create is "outside /dev" and what is a
 * system path under --sysroot (path_normalize, against a component-stack
 * reference, absolute and relative paths; path_in_dir on the result). The
 * input is split at its first NUL into a string and a column list.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "c.h"
#include "fuzz.h"
#include "strutils.h"

static int column_id(const char *name, size_t len)
{
	static const char *const names[] = { "NAME", "TYPE", "SIZE", "USED", "PRIO" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i]) == len && !strncasecmp(names[i], name, len))
			return (int)i;
	return -1;
}

/*
 * A path folded by a stack of components, the reference: ".." pops a name,
 * stops at the root of an absolute path, and stays at the start of a
 * relative one; "" and a relative path that folds away are ".".
 */
/*
 * Nothing left to fold: no empty or "." component, and ".." only in the
 * leading run of a relative path ("../../x"), where it cannot be folded.
 */
static bool is_folded(const char *norm)
{
	bool leading = *norm != '/';
	const char *p = norm + !leading;
	size_t n;

	if (!strcmp(norm, ".") || !strcmp(norm, "/"))
		return true;
	for (;;) {
		n = strcspn(p, "/");
		if (!n || (n == 1 && p[0] == '.'))
			return false;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (!leading)
				return false;
		} else {
			leading = false;
		}
		p += n;
		if (!*p)
			return true;
		p++;
	}
}

static char *ref_normalize(const char *path)
{
	const char **comp = xcalloc(strlen(path) + 1, sizeof(*comp));
	size_t *clen = xcalloc(strlen(path) + 1, sizeof(*clen));
	char *out = xmalloc(strlen(path) + 2);
	bool absolute = *path == '/';
	size_t depth = 0, len = 0, i, n;
	const char *p = path;

	while (*p) {
		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (!n)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (depth && !(clen[depth - 1] == 2 && !strncmp(comp[depth - 1], "..", 2)))
				depth--;
			else if (!absolute)
				comp[depth] = p, clen[depth++] = n;
		} else if (!(n == 1 && p[0] == '.')) {
			comp[depth] = p;
			clen[depth++] = n;
		}
		p += n;
	}
	if (absolute)
		out[len++] = '/';
	for (i = 0; i < depth; i++) {
		if (i)
			out[len++] = '/';
		memcpy(out + len, comp[i], clen[i]);
		len += clen[i];
	}
	if (!len)
		out[len++] = '.';
	out[len] = '\0';
	free(comp);
	free(clen);
	return out;
}

static bool ref_in_dir(const char *norm, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(norm, dir, n) && (norm[n] == '\0' || norm[n] == '/');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_strdup(data, size), *list, *norm, *again, *ref, *end, buf[32];
	const char *nul = memchr(data, '\0', size);
	static int devnull = -2;
	int cols[4], rc, saved;
	size_t ncols = 1;
	uint64_t v;

	if (devnull == -2)
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	list = nul ? fuzz_strdup((const uint8_t *)nul + 1, size - (nul + 1 - (const char *)data))
		   : xstrdup("");

	/* numbers: digits only, and exactly strtoull's value */
	rc = str_to_u64(s, &v);
	if (!rc) {
		errno = 0;
		fuzz_assert(*s >= '0' && *s <= '9' && strtoull(s, &end, 10) == v && !*end &&
			    !errno);
	} else {
		fuzz_assert(rc == -EINVAL || rc == -ERANGE);
	}

	/* the short size form of whatever number the input starts with */
	memcpy(&v, (const char[8]){ 0 }, 8);
	memcpy(&v, data, size < 8 ? size : 8);
	size_to_short(v, size & 1, buf, sizeof(buf));
	fuzz_assert(strlen(buf) < sizeof(buf) - 1 && buf[0] >= '0' && buf[0] <= '9');

	/* column lists (their messages go nowhere: most lists are bad) */
	cols[0] = 0;
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	if (saved >= 0 && devnull >= 0)
		dup2(devnull, STDERR_FILENO);
	rc = parse_column_list(list, column_id, cols, &ncols, ARRAY_SIZE(cols));
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (rc == 0) {
		size_t i;

		fuzz_assert(ncols >= 1 && ncols <= ARRAY_SIZE(cols));
		for (i = 0; i < ncols; i++)
			fuzz_assert(cols[i] >= 0 && cols[i] < 5);
	}

	/* paths, absolute and relative: exact, idempotent, nothing left to fold */
	norm = path_normalize(s);
	again = path_normalize(norm);
	if (strcmp(norm, again))
		fuzz_fail("path_normalize(\"%s\") = \"%s\", then \"%s\"", s, norm, again);
	ref = ref_normalize(s);
	if (strcmp(norm, ref))
		fuzz_fail("path_normalize(\"%s\") = \"%s\", reference \"%s\"", s, norm, ref);
	fuzz_assert(path_in_dir(norm, "/dev") == ref_in_dir(ref, "/dev"));
	fuzz_assert(is_folded(norm));
	free(ref);
	free(again);
	free(norm);
	free(list);
	free(s);
	return 0;
}
