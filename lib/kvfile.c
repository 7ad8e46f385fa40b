/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parser for the key/value files of /proc. */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "c.h"
#include "kvfile.h"
#include "pathnames.h"
#include "sysroot.h"

static void parse_line(struct kvfile *kf, char *line)
{
	char *key = line, *p, *end;
	unsigned long long v;

	p = line + strcspn(line, ": \t");
	if (p == line || !*p)
		return;
	*p++ = '\0';
	while (*p == ' ' || *p == '\t' || *p == ':')
		p++;
	if (!isdigit((unsigned char)*p))
		return;
	errno = 0;
	v = strtoull(p, &end, 10);
	if (errno || (*end && *end != ' '))
		return;

	kf->v = xrealloc(kf->v, (kf->n + 1) * sizeof(*kf->v));
	kf->v[kf->n].key = xstrdup(key);
	kf->v[kf->n].value = v;
	kf->n++;
}

int kvfile_read(const char *path, struct kvfile *kf)
{
	char *buf, *line, *save = NULL;
	int rc;

	memset(kf, 0, sizeof(*kf));
	rc = sysroot_read_file(path, &buf, NULL);
	if (rc)
		return rc;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		parse_line(kf, line);
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
	int rc = kvfile_read(PATH_PROC_MEMINFO, &kf);

	if (rc)
		return rc;
	rc = kvfile_get(&kf, "MemTotal", &kib);
	kvfile_free(&kf);
	if (!rc)
		*bytes = kib * 1024;
	return rc;
}
