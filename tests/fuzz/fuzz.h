/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every fuzz target shares. A target defines LLVMFuzzerTestOneInput();
 * built with --enable-fuzzing it links libFuzzer, otherwise driver.c runs it
 * over files (the seeds and the kept regression inputs) in make check.
 * A broken invariant is a crash: fuzz_fail() prints it and aborts.
 */
#ifndef GHOSTSWAP_FUZZ_H
#define GHOSTSWAP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define fuzz_fail(...)                                                            \
	do {                                                                      \
		fprintf(stderr, "%s:%d: invariant broken: ", __FILE__, __LINE__); \
		fprintf(stderr, __VA_ARGS__);                                     \
		fputc('\n', stderr);                                              \
		abort();                                                          \
	} while (0)

#define fuzz_assert(cond)                       \
	do {                                    \
		if (!(cond))                    \
			fuzz_fail("%s", #cond); \
	} while (0)

/* @data as a NUL-terminated string (cut at the first NUL); free() it. */
char *fuzz_strdup(const uint8_t *data, size_t size);

/*
 * A private sysroot directory for targets that read through the sysroot
 * layer, removed at exit. fuzz_sysroot_file() writes @data to @path under
 * it (an absolute system path such as "/proc/meminfo").
 */
const char *fuzz_sysroot(void);
void fuzz_sysroot_file(const char *path, const uint8_t *data, size_t size);

#endif
