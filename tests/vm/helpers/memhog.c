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
 *   -s SEED     seed of the content (default 1)
 *   -r N        verify N times (default 1, 0: fill only)
 *   -w FILE     after filling, create FILE and wait for SIGUSR1 before
 *               verifying (lets a scenario swapoff meanwhile)
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

enum pattern { P_COMPRESSIBLE, P_TEXT, P_RANDOM, P_ZERO, P_MIXED };

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

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static enum pattern page_pattern(enum pattern p, size_t idx)
{
	static const enum pattern cycle[] = { P_COMPRESSIBLE, P_RANDOM, P_ZERO, P_TEXT };

	if (p != P_MIXED)
		return p;
	return cycle[mix64(idx) % 4];
}

/* Generate the content of page idx into buf. */
static void gen_page(unsigned char *buf, enum pattern p, uint64_t seed, size_t idx)
{
	static const char words[] = "ghost swap keeps pages in zswap; slots are only numbers. ";
	uint64_t state = mix64(seed * 0x9e3779b97f4a7c15ULL + idx + 1);
	size_t i;

	switch (page_pattern(p, idx)) {
	case P_ZERO:
		memset(buf, 0, page_size);
		break;
	case P_RANDOM:
		for (i = 0; i < (size_t)page_size; i += 8) {
			state = mix64(state + 0x9e3779b97f4a7c15ULL);
			memcpy(buf + i, &state, 8);
		}
		break;
	case P_COMPRESSIBLE:
		/* A unique 32-byte head, then a short repeated run: ~20:1. */
		for (i = 0; i < 32; i += 8) {
			state = mix64(state + i);
			memcpy(buf + i, &state, 8);
		}
		memset(buf + 32, (int)(idx & 0x7f) | 1, page_size - 32);
		break;
	case P_TEXT:
		/* Words with a random word order: roughly 2-3:1 with lz4. */
		for (i = 0; i < (size_t)page_size;) {
			size_t off, n;

			state = mix64(state + i);
			off = state % (sizeof(words) - 1);
			n = sizeof(words) - 1 - off;
			if (n > (size_t)page_size - i)
				n = page_size - i;
			memcpy(buf + i, words + off, n);
			i += n;
			if (i + 8 <= (size_t)page_size) {
				memcpy(buf + i, &state, 2);
				i += 2;
			}
		}
		break;
	case P_MIXED:
		break;
	}
}

static uint64_t checksum(const unsigned char *buf)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	long i;

	for (i = 0; i < page_size; i++) {
		h ^= buf[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int parse_pattern(const char *s, enum pattern *p)
{
	static const char *const names[] = { "compressible", "text", "random", "zero", "mixed" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			*p = (enum pattern)i;
			return 0;
		}
	}
	return -1;
}

static void usage(void)
{
	fprintf(stderr, "usage: memhog [-p compressible|text|random|zero|mixed] "
			"[-s seed] [-r passes] [-w file] [-o oom_adj] [-q] MIB\n");
	exit(2);
}

int main(int argc, char **argv)
{
	enum pattern pat = P_COMPRESSIBLE;
	uint64_t seed = 1;
	int passes = 1, quiet = 0, opt, pass;
	const char *waitfile = NULL, *oom_adj = "1000";
	unsigned char *mem, *tmp;
	uint64_t *sums;
	size_t mib, npages, i, bad_total = 0;
	double t0, dt;

	page_size = sysconf(_SC_PAGESIZE);
	while ((opt = getopt(argc, argv, "p:s:r:w:o:q")) != -1) {
		switch (opt) {
		case 'p':
			if (parse_pattern(optarg, &pat))
				usage();
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'r':
			passes = atoi(optarg);
			break;
		case 'w':
			waitfile = optarg;
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
		gen_page(mem + i * page_size, pat, seed, i);
		sums[i] = checksum(mem + i * page_size);
		if (!quiet && i && i % (npages / 4 ? npages / 4 : 1) == 0)
			printf("memhog: filled %zu/%zu MiB\n", i * page_size >> 20, mib);
	}
	dt = now() - t0;
	printf("memhog: fill %zu MiB in %.2f s (%.1f MiB/s)\n", mib, dt,
	       mib / (dt > 0 ? dt : 1e-9));
	fflush(stdout);

	if (waitfile) {
		struct sigaction sa;
		sigset_t block, old;
		int fd;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sigaction(SIGUSR1, &sa, NULL);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigprocmask(SIG_BLOCK, &block, &old);
		fd = open(waitfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0) {
			perror("memhog: wait file");
			return 2;
		}
		dprintf(fd, "%d\n", getpid());
		close(fd);
		while (!go)
			sigsuspend(&old);
		sigprocmask(SIG_SETMASK, &old, NULL);
	}

	for (pass = 0; pass < passes; pass++) {
		size_t bad = 0;

		t0 = now();
		for (i = 0; i < npages; i++) {
			unsigned char *pg = mem + i * page_size;

			if (checksum(pg) == sums[i])
				continue;
			gen_page(tmp, pat, seed, i);
			if (bad < 10)
				fprintf(stderr,
					"memhog: page %zu corrupted (pattern %d, %s generator)\n",
					i, page_pattern(pat, i),
					memcmp(tmp, pg, page_size) ? "differs from" : "matches");
			bad++;
		}
		dt = now() - t0;
		printf("memhog: verify %zu MiB in %.2f s (%.1f MiB/s), %zu bad pages\n", mib, dt,
		       mib / (dt > 0 ? dt : 1e-9), bad);
		bad_total += bad;
	}
	if (bad_total) {
		printf("memhog: FAILED %zu bad pages\n", bad_total);
		return 1;
	}
	printf("memhog: OK %zu pages\n", npages);
	return 0;
}
