/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ghostswapon runs mkswap: to create an fstab "ghost" file, and for --fixpgsz. */
#include <inttypes.h>
#include <sys/wait.h>
#include <unistd.h>

#include "c.h"
#include "ghostswapon.h"
#include "swapspec.h"

/*
 * GHOSTSWAP_MKSWAP lets the tests run the mkswap of the build tree. With
 * raised privileges (setuid, file capabilities) secure_getenv() ignores
 * it: nobody may point a privileged ghostswapon at a program of theirs.
 */
static const char *mkswap_path(void)
{
	const char *p = secure_getenv("GHOSTSWAP_MKSWAP");

	return p && *p ? p : MKSWAP_PATH;
}

static void print_argv(const char *const *argv)
{
	size_t i;

	for (i = 0; argv[i]; i++)
		printf("%s%s", i ? " " : "", argv[i]);
	putchar('\n');
}

/* Run our mkswap with @argv (argv[0] is replaced by its path). */
static int run_mkswap(struct swapon_ctl *ctl, const char **argv)
{
	pid_t pid;
	int status, rc;

	argv[0] = mkswap_path();
	if (ctl->dry_run) {
		printf(_("would run: "));
		print_argv(argv);
		return 0;
	}
	if (ctl->verbose) {
		printf(_("running: "));
		print_argv(argv);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn(_("fork failed"));
		return -1;
	}
	if (pid == 0) {
		execv(argv[0], (char *const *)argv);
		warn(_("failed to execute %s"), argv[0]);
		_exit(EXIT_FAILURE);
	}
	do {
		rc = waitpid(pid, &status, 0);
	} while (rc < 0 && errno == EINTR);
	if (rc < 0) {
		warn(_("waitpid failed"));
		return -1;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* An fstab "ghost" entry whose file does not exist yet (checked before). */
int create_ghost_file(struct swapon_ctl *ctl, const struct swap_prop *p, const char *path)
{
	const char *argv[8];
	char sizebuf[32];
	size_t n = 1;

	argv[n++] = "--ghost";
	if (p->size_set) {
		snprintf(sizebuf, sizeof(sizebuf), "%" PRIu64, p->size);
		argv[n++] = "--size";
		argv[n++] = sizebuf;
	}
	if (!ctl->verbose && !ctl->dry_run)
		argv[n++] = "--quiet";
	argv[n++] = path;
	argv[n] = NULL;
	if (!ctl->dry_run && ctl->verbose)
		warnx(_("%s: creating the ghost swap file"), path);
	if (run_mkswap(ctl, argv) != 0) {
		warnx(_("%s: cannot create the ghost swap file"), path);
		return -1;
	}
	return 0;
}

int reinitialize(struct swapon_ctl *ctl, const struct swap_target *t, const struct swap_header *h)
{
	const char *argv[12];
	char uuid[SWAPSPEC_UUID_STR_LEN], sizebuf[32];
	size_t n = 1;

	warnx(_("%s: reinitializing the swap."), t->path);
	swapspec_uuid_str(h, uuid);
	if (t->ghost_file) {
		argv[n++] = "--ghost";
		snprintf(sizebuf, sizeof(sizebuf), "%" PRIu64, t->vsize);
		argv[n++] = "--size";
		argv[n++] = sizebuf;
	}
	if (h->label[0]) {
		argv[n++] = "-L";
		argv[n++] = h->label;
	}
	if (uuid[0]) {
		argv[n++] = "-U";
		argv[n++] = uuid;
	}
	argv[n++] = t->path;
	argv[n] = NULL;
	return run_mkswap(ctl, argv);
}
