/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers for the fuzz targets: strings, and a private sysroot. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "fuzz.h"
#include "sysroot.h"

static char *root;

char *fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static void remove_tree(const char *dir)
{
	char *cmd;

	/* only ever our own mkdtemp() directory */
	xasprintf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		warnx("cannot remove %s", dir);
	free(cmd);
}

static void cleanup(void)
{
	if (root)
		remove_tree(root);
}

const char *fuzz_sysroot(void)
{
	if (!root) {
		const char *tmp = getenv("TMPDIR");

		xasprintf(&root, "%s/ghostswap-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(root))
			err(EXIT_FAILURE, "mkdtemp %s", root);
		atexit(cleanup);
		sysroot_set(root);
	}
	return root;
}

void fuzz_sysroot_file(const char *path, const uint8_t *data, size_t size)
{
	char *p, *s;
	int fd;

	xasprintf(&p, "%s%s", fuzz_sysroot(), path);
	for (s = strchr(p + strlen(root) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			err(EXIT_FAILURE, "mkdir %s", p);
		*s = '/';
	}
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) || close(fd) != 0)
		err(EXIT_FAILURE, "write %s", p);
	free(p);
}

/* Targets that need no setup leave this one in place. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}
