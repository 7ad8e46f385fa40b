/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Generator messages: /dev/kmsg under systemd, stderr otherwise. */
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "genlog.h"
#include "sizes.h"

#define PATH_KMSG "/dev/kmsg"
/* the kernel refuses longer records; cut there rather than lose the line */
#define KMSG_LINE_MAX 900

static int kmsg_fd = -1;

/* systemd sets $SYSTEMD_EXEC_PID to the PID of each generator it runs */
static bool run_by_systemd(void)
{
	const char *e = secure_getenv("SYSTEMD_EXEC_PID");
	uint64_t pid;

	return e && parse_u64(e, 1, INT32_MAX, &pid) == 0 && (pid_t)pid == getpid();
}

void genlog_open(void)
{
	if (kmsg_fd >= 0 || !run_by_systemd())
		return;
	kmsg_fd = open(PATH_KMSG, O_WRONLY | O_NOCTTY | O_CLOEXEC);
}

void genlog(int prio, const char *fmt, ...)
{
	char msg[KMSG_LINE_MAX + 1], rec[KMSG_LINE_MAX + 64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(msg))
		memcpy(msg + sizeof(msg) - 4, "...", 4);

	if (kmsg_fd >= 0) {
		/* one write is one record; facility daemon, as systemd logs */
		n = snprintf(rec, sizeof(rec), "<%d>%s[%d]: %s\n", LOG_DAEMON | LOG_PRI(prio),
			     program_invocation_short_name, (int)getpid(), msg);
		if (n > 0 && write(kmsg_fd, rec, (size_t)n) == n)
			return;
	}
	fprintf(stderr, "%s: %s\n", program_invocation_short_name, msg);
}
