/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main() for a fuzz target without libFuzzer: runs every file named on the
 * command line (or every file in a directory named there) through
 * LLVMFuzzerTestOneInput(), as libFuzzer does with a file argument.
 * Prints how many inputs ran; a broken invariant aborts.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "c.h"
#include "fuzz.h"

static size_t nrun;

static void run_file(const char *path)
{
	unsigned char *buf;
	size_t len = 0, cap = 4096;
	FILE *f = fopen(path, "rb");

	if (!f)
		err(EXIT_FAILURE, "%s", path);
	buf = xmalloc(cap);
	for (;;) {
		size_t n = fread(buf + len, 1, cap - len, f);

		len += n;
		if (len < cap)
			break;
		cap *= 2;
		buf = xrealloc(buf, cap);
	}
	if (ferror(f))
		err(EXIT_FAILURE, "%s", path);
	fclose(f);
	/* an exact-size copy, so that ASan sees a read past the end */
	{
		unsigned char *exact = xmalloc(len);

		memcpy(exact, buf, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	free(buf);
	nrun++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;
	struct dirent *d;
	char **names = NULL;
	size_t n = 0, i;
	DIR *dir;

	if (stat(path, &st) != 0)
		err(EXIT_FAILURE, "%s", path);
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	dir = opendir(path);
	if (!dir)
		err(EXIT_FAILURE, "%s", path);
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		xasprintf(&names[n++], "%s/%s", path, d->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		run_path(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%s: %zu inputs\n", program_invocation_short_name, nrun);
	return 0;
}
