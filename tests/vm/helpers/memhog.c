// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memhog - fill anonymous memory with a known pattern, then verify it.
 *
 * Used by the ghostswap-utils VM scenarios to push memory into swap and to
 * prove that every page comes back intact.  Each page's content depends
 * only on (seed, page index, pattern), and a 64-bit checksum of each page
 * is kept outside the buffer, so a page that comes back with the wrong
 * content is reported with its index.
 *
 * memhog [options] MIB
 *   -p PATTERN  compressible (default), text, random, zero or mixed
 *   -m C:R:Z:T  weights of compressible, random, zero and text pages in
 *               the mixed pattern (default 1:1:1:1)
 *   -s SEED     seed of the content (default 1)
 *   -r N        verify N times (default 1, 0: fill only)
 *   -w FILE     after filling, create FILE and wait for SIGUSR1 before
 *               verifying (lets a scenario swapoff meanwhile)
 *   -W FILE     after verifying, create FILE and wait for SIGUSR1 before
 *               exiting (lets a scenario look at what swap-in left behind)
 *   -o ADJ      write ADJ to /proc/self/oom_score_adj (default 1000, so the
 *               OOM killer picks memhog rather than the scenario shell)
 *   -q          print only the summary lines
 *
 * Prints "memhog: fill MIB MiB in S s (R MiB/s)" and "memhog: verify ..."
 * lines, and "memhog: OK PAGES pages" at the end.  Exit status: 0 all pages
 * intact, 1 corrupted pages, 2 usage or allocation error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "pattern.h"

static long page_size;
static volatile sig_atomic_t go;

static void on_usr1(int sig)
{
	(void)sig;
	go = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Create FILE with our pid in it, then wait for SIGUSR1. */
static int wait_for_usr1(const char *file)
{
	struct sigaction sa;
	sigset_t block, old;
	int fd;

	go = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror("memhog: wait file");
		return -1;
	}
	dprintf(fd, "%d\n", getpid());
	close(fd);
	while (!go)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: memhog [-p compressible|text|random|zero|mixed] [-m C:R:Z:T] "
			"[-s seed] [-r passes] [-w file] [-W file] [-o oom_adj] [-q] MIB\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct page_pattern pat;
	int passes = 1, quiet = 0, opt, pass;
	const char *waitfile = NULL, *donefile = NULL, *oom_adj = "1000";
	unsigned char *mem, *tmp;
	uint64_t *sums;
	size_t mib, npages, i, bad_total = 0;
	double t0, dt;

	page_size = sysconf(_SC_PAGESIZE);
	pattern_init(&pat, page_size);
	while ((opt = getopt(argc, argv, "p:m:s:r:w:W:o:q")) != -1) {
		switch (opt) {
		case 'p':
			if (pattern_parse(optarg, &pat))
				usage();
			break;
		case 'm':
			if (pattern_parse_weights(optarg, &pat))
				usage();
			break;
		case 's':
			pat.seed = strtoull(optarg, NULL, 0);
			break;
		case 'r':
			passes = atoi(optarg);
			break;
		case 'w':
			waitfile = optarg;
			break;
		case 'W':
			donefile = optarg;
			break;
		case 'o':
			oom_adj = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	mib = strtoull(argv[optind], NULL, 0);
	if (!mib)
		usage();
	npages = mib * (1024 * 1024 / page_size);

	if (oom_adj && *oom_adj) {
		int fd = open("/proc/self/oom_score_adj", O_WRONLY);

		if (fd >= 0) {
			if (write(fd, oom_adj, strlen(oom_adj)) < 0)
				perror("memhog: oom_score_adj");
			close(fd);
		}
	}

	sums = calloc(npages, sizeof(*sums));
	tmp = malloc(page_size);
	mem = mmap(NULL, npages * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		   -1, 0);
	if (!sums || !tmp || mem == MAP_FAILED) {
		fprintf(stderr, "memhog: cannot allocate %zu MiB: %s\n", mib, strerror(errno));
		return 2;
	}

	t0 = now();
	for (i = 0; i < npages; i++) {
		pattern_fill(&pat, mem + i * page_size, i);
		sums[i] = page_checksum(mem + i * page_size, page_size);
		if (!quiet && i && i % (npages / 4 ? npages / 4 : 1) == 0)
			printf("memhog: filled %zu/%zu MiB\n", i * page_size >> 20, mib);
	}
	dt = now() - t0;
	printf("memhog: fill %zu MiB in %.2f s (%.1f MiB/s)\n", mib, dt,
	       mib / (dt > 0 ? dt : 1e-9));
	fflush(stdout);

	if (waitfile && wait_for_usr1(waitfile))
		return 2;

	for (pass = 0; pass < passes; pass++) {
		size_t bad = 0;

		t0 = now();
		for (i = 0; i < npages; i++) {
			unsigned char *pg = mem + i * page_size;

			if (page_checksum(pg, page_size) == sums[i])
				continue;
			pattern_fill(&pat, tmp, i);
			if (bad < 10)
				fprintf(stderr,
					"memhog: page %zu corrupted (pattern %d, %s generator)\n",
					i, pattern_of(&pat, i),
					memcmp(tmp, pg, page_size) ? "differs from" : "matches");
			bad++;
		}
		dt = now() - t0;
		printf("memhog: verify %zu MiB in %.2f s (%.1f MiB/s), %zu bad pages\n", mib, dt,
		       mib / (dt > 0 ? dt : 1e-9), bad);
		fflush(stdout);
		bad_total += bad;
	}
	if (donefile && wait_for_usr1(donefile))
		return 2;
	if (bad_total) {
		printf("memhog: FAILED %zu bad pages\n", bad_total);
		return 1;
	}
	printf("memhog: OK %zu pages\n", npages);
	return 0;
}
