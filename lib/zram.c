/* SPDX-License-Identifier: GPL-2.0-or-later */
/* zram devices' statistics from sysfs. */
#include "c.h"
#include "pathnames.h"
#include "strutils.h"
#include "sysroot.h"
#include "zram.h"

bool zram_name(const char *devpath, char name[32])
{
	const char *base = strrchr(devpath, '/');
	size_t plen = strlen(ZRAM_NAME_PREFIX), n;

	base = base ? base + 1 : devpath;
	if (strncmp(devpath, PATH_DEV_DIR "/", sizeof(PATH_DEV_DIR)) ||
	    strncmp(base, ZRAM_NAME_PREFIX, plen))
		return false;
	n = strlen(base + plen);
	if (!n || n > 10 || strspn(base + plen, "0123456789") != n)
		return false;
	snprintf(name, 32, "%s", base);
	return true;
}

/* Up to @max whitespace-separated numbers into @v; returns how many, or -EINVAL. */
static int numbers(const char *text, uint64_t *v, size_t max)
{
	const char *p = text;
	size_t n = 0;

	for (;;) {
		size_t len;

		p += strspn(p, " \t\n");
		if (!*p)
			return n;
		len = strcspn(p, " \t\n");
		if (n == max || strn_to_u64(p, len, &v[n]))
			return -EINVAL;
		n++;
		p += len;
	}
}

int zram_parse_mm_stat(const char *text, struct zram_stat *z)
{
	uint64_t v[9];
	int n = numbers(text, v, ARRAY_SIZE(v));

	/* seven fields since 4.7; huge_pages since 4.19 */
	if (n < 7)
		return -EINVAL;
	z->orig_data_size = v[0];
	z->compr_data_size = v[1];
	z->mem_used_total = v[2];
	z->mem_limit = v[3];
	z->same_pages = v[5];
	z->huge_known = n >= 8;
	z->huge_pages = n >= 8 ? v[7] : 0;
	return 0;
}

int zram_parse_bd_stat(const char *text, struct zram_stat *z)
{
	uint64_t v[3];

	if (numbers(text, v, ARRAY_SIZE(v)) != 3)
		return -EINVAL;
	z->bd_count = v[0];
	z->bd_reads = v[1];
	z->bd_writes = v[2];
	return 0;
}

char *zram_parse_algorithm(const char *text)
{
	const char *b = strchr(text, '['), *e;

	if (!b)
		return NULL;
	e = strchr(b + 1, ']');
	if (!e || e == b + 1)
		return NULL;
	return strndup(b + 1, e - b - 1);
}

static int read_attr(const char *name, const char *attr, char **buf)
{
	char *p;
	int rc;

	xasprintf(&p, "%s/%s/%s", PATH_SYS_BLOCK, name, attr);
	rc = sysroot_read_file(p, buf, NULL);
	free(p);
	return rc;
}

void zram_read(const char *name, struct zram_stat *z)
{
	char *buf;

	memset(z, 0, sizeof(*z));
	snprintf(z->name, sizeof(z->name), "%s", name);

	z->disksize_rc = read_attr(name, ZRAM_DISKSIZE, &buf);
	if (!z->disksize_rc) {
		buf[strcspn(buf, "\n")] = '\0';
		z->disksize_rc = str_to_u64(buf, &z->disksize) ? -EINVAL : 0;
		free(buf);
	}
	z->mm_rc = read_attr(name, ZRAM_MM_STAT, &buf);
	if (!z->mm_rc) {
		z->mm_rc = zram_parse_mm_stat(buf, z);
		free(buf);
	}
	z->bd_rc = read_attr(name, ZRAM_BD_STAT, &buf);
	if (!z->bd_rc) {
		z->bd_rc = zram_parse_bd_stat(buf, z);
		free(buf);
	}
	z->algorithm_rc = read_attr(name, ZRAM_COMP_ALGORITHM, &buf);
	if (!z->algorithm_rc) {
		z->algorithm = zram_parse_algorithm(buf);
		if (!z->algorithm)
			z->algorithm_rc = -EINVAL;
		free(buf);
	}
}

void zram_free(struct zram_stat *z)
{
	free(z->algorithm);
	z->algorithm = NULL;
}
