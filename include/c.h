/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small helpers every tool uses: allocation, messages, usage boilerplate. */
#ifndef GHOSTSWAP_C_H
#define GHOSTSWAP_C_H

#include <err.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#ifndef __noreturn
#define __noreturn __attribute__((__noreturn__))
#endif
#define __printf(f, a) __attribute__((__format__(__printf__, f, a)))

/* program_invocation_short_name comes from <errno.h> with _GNU_SOURCE */

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/*
 * Room for element @n (0-based) of an array of @size-byte elements that
 * holds @n now and only ever grows through here: the allocation doubles at
 * each power of two, so filling it is linear (xrealloc() by one element is
 * quadratic where realloc() copies, as under ASan).
 */
void *xgrow(void *ptr, size_t n, size_t size);
char *xstrdup(const char *s);
int xasprintf(char **strp, const char *fmt, ...) __printf(2, 3);

/* "Try 'prog --help' for more information." and exit. */
void __noreturn errtryhelp(int status);

/* The -V/--version line: "prog from ghostswap-utils X.Y.Z". */
void __noreturn print_version(int status);

/* The shared tail of every usage(): help/version lines and man page. */
void usage_help_options(FILE *out, int width);
void usage_man_tail(FILE *out, const char *manpage);

/* Register an atexit() handler that reports write errors on stdout. */
void close_stdout_atexit(void);

#endif
