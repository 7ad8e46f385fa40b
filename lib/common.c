/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that cannot fail, version and usage boilerplate, stdout checks. */
#include <stdarg.h>
#include <unistd.h>

#include "c.h"

void nls_init(void)
{
	/*
	 * lets the test suite use freshly built catalogs before install; a
	 * program running with raised privileges takes no catalog from the user
	 */
	const char *dir = secure_getenv("GHOSTSWAP_LOCALEDIR");

	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		err(EXIT_FAILURE, _("cannot allocate %zu bytes"), size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		err(EXIT_FAILURE, _("cannot allocate %zu bytes"), nmemb * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		err(EXIT_FAILURE, _("cannot allocate %zu bytes"), size);
	return p;
}

void *xgrow(void *ptr, size_t n, size_t size)
{
	size_t cap;

	/* the capacity is the power of two at or above n: full only at a power of two */
	if (n & (n - 1))
		return ptr;
	cap = n ? 2 * n : 1;
	if (cap < n || cap > SIZE_MAX / size)
		errx(EXIT_FAILURE, _("cannot allocate %zu bytes"), SIZE_MAX);
	return xrealloc(ptr, cap * size);
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		err(EXIT_FAILURE, _("cannot allocate %zu bytes"), strlen(s) + 1);
	return p;
}

int xasprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(strp, fmt, ap);
	va_end(ap);
	if (rc < 0)
		err(EXIT_FAILURE, _("cannot allocate string"));
	return rc;
}

void errtryhelp(int status)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"),
		program_invocation_short_name);
	exit(status);
}

void print_version(int status)
{
	printf(_("%s from %s\n"), program_invocation_short_name, PACKAGE_STRING);
	exit(status);
}

void usage_help_options(FILE *out, int width)
{
	fprintf(out, " -h, --help%*s%s\n", width - 10, "", _("display this help"));
	fprintf(out, " -V, --version%*s%s\n", width - 13, "", _("display version"));
}

void usage_man_tail(FILE *out, const char *manpage)
{
	fprintf(out, _("\nFor more details see %s.\n"), manpage);
}

/*
 * At exit: a failed write to stdout is data the user never saw, so it is an
 * error. stderr is flushed, never closed: a sanitizer reports leaks after
 * this handler has run, on file descriptor 2.
 */
static void close_stdout(void)
{
	int prev_fail = ferror(stdout) != 0;

	if (fclose(stdout) != 0 || prev_fail) {
		if (errno == EPIPE && !prev_fail)
			_exit(EXIT_SUCCESS);
		warn(_("write error"));
		_exit(EXIT_FAILURE);
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		_exit(EXIT_FAILURE);
}

void close_stdout_atexit(void)
{
	atexit(close_stdout);
}
