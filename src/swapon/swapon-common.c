/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fstab, tags and privileges, the same for ghostswapon and ghostswapoff. */
#include <cap-ng.h>

#include "c.h"
#include "pathnames.h"
#include "swapon-common.h"
#include "swapspec.h"
#include "sysroot.h"

bool have_sys_admin(void)
{
	capng_get_caps_process();
	return capng_have_capability(CAPNG_EFFECTIVE, CAP_SYS_ADMIN);
}

static int parser_errcb(struct libmnt_table *tb, const char *filename, int line)
{
	warnx(_("%s: parse error at line %d -- ignored"), filename, line);
	return 1;
}

struct libmnt_table *fstab_read(const char *path, int *rc, char **name)
{
	struct libmnt_table *tb;
	char *buf;
	size_t len;
	FILE *f;

	if (path) {
		*name = xstrdup(path);
		*rc = sysroot_read_user_file(path, &buf, &len);
	} else if (!sysroot_is_live()) {
		xasprintf(name, "%s%s", sysroot_get(), PATH_FSTAB);
		*rc = sysroot_read_file(PATH_FSTAB, &buf, &len);
	} else {
		*name = xstrdup(mnt_get_fstab_path());
		*rc = sysroot_read_user_file(*name, &buf, &len);
	}
	if (*rc)
		return NULL;
	tb = mnt_new_table();
	if (!tb)
		err(EXIT_FAILURE, _("failed to initialize libmount table"));
	mnt_table_set_parser_errcb(tb, parser_errcb);
	f = len ? fmemopen(buf, len, "r") : NULL;
	if (len && !f)
		err(EXIT_FAILURE, _("failed to initialize libmount table"));
	if (f) {
		*rc = mnt_table_parse_stream(tb, f, *name);
		fclose(f);
	}
	free(buf);
	if (*rc < 0) {
		mnt_unref_table(tb);
		return NULL;
	}
	*rc = 0;
	return tb;
}

int parse_tag_spec(const char *spec, char **tag, char **value)
{
	size_t n = strspn(spec, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");
	size_t len;

	*tag = *value = NULL;
	/* NAME=value with an upper-case NAME, as libblkid takes them */
	if (!n || spec[n] != '=')
		return 0;
	if (!spec[n + 1])
		return -1;
	*tag = strndup(spec, n);
	*value = xstrdup(spec + n + 1);
	if (!*tag)
		err(EXIT_FAILURE, _("cannot allocate string"));
	/* "quoted" as fstab may write it */
	len = strlen(*value);
	if (len > 1 && (*value)[0] == '"' && (*value)[len - 1] == '"') {
		memmove(*value, *value + 1, len - 2);
		(*value)[len - 2] = '\0';
	}
	return 1;
}

char *resolve_blkid_tag(struct libmnt_cache *cache, const char *tag, const char *value)
{
	char *p;

	if (!sysroot_is_live())
		return NULL;
	p = mnt_resolve_tag(tag, value, cache);
	return p ? xstrdup(p) : NULL;
}

char *resolve_header_tag(const char *const *paths, size_t n, const char *tag, const char *value)
{
	size_t i;

	if (strcmp(tag, "LABEL") && strcmp(tag, "UUID"))
		return NULL;
	for (i = 0; i < n; i++) {
		if (swapspec_header_matches(paths[i], tag, value))
			return xstrdup(paths[i]);
	}
	return NULL;
}
