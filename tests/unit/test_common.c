/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * close_stdout_atexit(): a failed write to stdout makes the exit status 1,
 * and stderr stays open after it has run, for the reports a sanitizer
 * writes later at exit (issue 12, item 13).
 */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "c.h"
#include "unit.h"

static void late_report(void)
{
	/* what LeakSanitizer does at exit: a raw write to fd 2 */
	if (write(STDERR_FILENO, "late report\n", 12) != 12)
		_exit(3);
	fputs("late stdio report\n", stderr);
}

/* Run a child that writes to @out_fd, with stderr into a pipe; its stderr text. */
static char *child(int out_fd, int *status)
{
	static char buf[4096];
	int pfd[2];
	ssize_t n, len = 0;
	pid_t pid;

	CHECK(pipe(pfd) == 0);
	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], STDERR_FILENO);
		dup2(out_fd, STDOUT_FILENO);
		close(pfd[0]);
		atexit(late_report); /* registered first: runs after close_stdout */
		close_stdout_atexit();
		printf("hello\n");
		exit(0);
	}
	close(pfd[1]);
	while ((n = read(pfd[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(pfd[0]);
	waitpid(pid, status, 0);
	return buf;
}

int main(void)
{
	int status, fd;
	char *err;

	fd = open("/dev/null", O_WRONLY);
	err = child(fd, &status);
	close(fd);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(strstr(err, "late report\n") != NULL);
	CHECK(strstr(err, "late stdio report\n") != NULL);

	/* a full disk: the lost output is an error, with a message */
	fd = open("/dev/full", O_WRONLY);
	if (fd >= 0) {
		err = child(fd, &status);
		close(fd);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
		CHECK(strstr(err, "write error") != NULL);
	}
	return unit_done("test_common");
}
