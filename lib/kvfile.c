/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parser for the key/value files of /proc and cgroupfs. */
#include "c.h"
#include "kvfile.h"
#include "pathnames.h"
#include "satmath.h"
#include "strutils.h"
#include "sysroot.h"

/* "Key:   123 kB", "key 123": a key, separators, digits, then the end or a space. */
static void parse_line(struct kvfile *kf, const char *line, size_t len)
{
	size_t klen = strcspn(line, ": \t"), i, d;
	uint64_t v;

	if (!klen || klen >= len)
		return;
	for (i = klen; i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == ':'); i++)
		;
	for (d = i; d < len && line[d] >= '0' && line[d] <= '9'; d++)
		;
	if (d < len && line[d] != ' ')
		return;
	if (strn_to_u64(line + i, d - i, &v))
		return;
	kf->v = xgrow(kf->v, kf->n, sizeof(*kf->v));
	kf->v[kf->n].key = strndup(line, klen);
	if (!kf->v[kf->n].key)
		err(EXIT_FAILURE, _("cannot allocate string"));
	kf->v[kf->n].value = v;
	kf->n++;
}

void kvfile_parse(const char *text, struct kvfile *kf)
{
	const char *p = text;

	memset(kf, 0, sizeof(*kf));
	while (*p) {
		size_t len = strcspn(p, "\n");

		parse_line(kf, p, len);
		p += len + (p[len] == '\n');
	}
}

int kvfile_read(const char *path, struct kvfile *kf)
{
	char *buf;
	int rc;

	memset(kf, 0, sizeof(*kf));
	rc = sysroot_read_file(path, &buf, NULL);
	if (rc)
		return rc;
	kvfile_parse(buf, kf);
	free(buf);
	return 0;
}

int kvfile_get(const struct kvfile *kf, const char *key, uint64_t *val)
{
	size_t i;

	for (i = 0; i < kf->n; i++) {
		if (!strcmp(kf->v[i].key, key)) {
			*val = kf->v[i].value;
			return 0;
		}
	}
	return -ENOENT;
}

void kvfile_free(struct kvfile *kf)
{
	size_t i;

	for (i = 0; i < kf->n; i++)
		free(kf->v[i].key);
	free(kf->v);
	memset(kf, 0, sizeof(*kf));
}

int meminfo_total_bytes(uint64_t *bytes)
{
	struct kvfile kf;
	uint64_t kib;
	bool sat = false;
	int rc = kvfile_read(PATH_PROC_MEMINFO, &kf);

	if (rc)
		return rc;
	rc = kvfile_get(&kf, "MemTotal", &kib);
	kvfile_free(&kf);
	if (!rc)
		*bytes = sat_mul(kib, 1024, &sat);
	return rc;
}
