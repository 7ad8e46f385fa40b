// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pagehog - map memory of a chosen kind, fill it with a known pattern and
 * drive it through swap with madvise(MADV_PAGEOUT), step by step.
 *
 * Where memhog makes memory pressure, pagehog swaps out exactly the pages
 * it is told to, without pressure, so a VM scenario can look at what one
 * swap-out or one swap-in did: large folios kept whole, slots freed after
 * swap-in, readahead, shmem pages, swapoff racing with faults.
 *
 * pagehog [options] MIB STEP...
 *   -t KIND     anon (default: whatever THP policy says), huge (2 MiB
 *               aligned, MADV_HUGEPAGE: THP and the enabled mTHP sizes),
 *               nohuge (MADV_NOHUGEPAGE: small pages only), shared
 *               (MAP_SHARED|MAP_ANONYMOUS: shmem)
 *   -f FILE     map FILE (created, MIB long) MAP_SHARED instead: on tmpfs
 *               its pages are shmem pages
 *   -p PATTERN  compressible (default), text, random, zero or mixed
 *   -m C:R:Z:T  weights of the mixed pattern (see memhog)
 *   -s SEED     seed of the content (default 1)
 *   -o ADJ      oom_score_adj (default 1000)
 * Steps, run in order:
 *   fill        write the pattern into every page, keep its checksum
 *   fill=PAT    switch to pattern PAT (as -p) and fill again
 *   pageout     madvise(MADV_PAGEOUT) over the whole mapping
 *   verify      read every page and compare its checksum (read faults only)
 *   touch=N     read one byte of every Nth page (read faults only)
 *   write=N     write one byte of every Nth page, the same byte back
 *               (both print the minor faults the step took)
 *   flip        invert one byte of every page (run it twice to restore
 *               the content); prints the minor faults it took
 *   fork        fork a child that shares the mapping and sleeps
 *   childverify wake the child: it verifies its copy against the pattern
 *               (a write of the parent must not reach it) and exits
 *   resident    print how many pages are resident (mincore)
 *   pfns        print how many resident pages moved to another page frame
 *               since the last pfns step (/proc/self/pagemap, root)
 *   wait=FILE   create FILE (holding the pid) and wait for SIGUSR1
 *   loop=SECS   pageout + verify again and again for SECS seconds
 *   sleep=SECS  sleep
 *
 * Prints one "pagehog: STEP ..." line per step, then "pagehog: OK PAGES
 * pages" or "pagehog: FAILED N bad pages".  Exit status: 0 every page
 * intact, 1 corrupted pages, 2 usage or allocation error, 3 a madvise or
 * mincore call failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pattern.h"

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

#define HPAGE_SIZE (2UL << 20)

enum kind { K_ANON, K_HUGE, K_NOHUGE, K_SHARED, K_FILE };

struct hog {
	struct page_pattern pat;
	size_t page_size, npages, len;
	unsigned char *mem;
	uint64_t *sums;
	unsigned char *tmp;
	size_t bad;
	pid_t child;	/* fork step: the child sharing the mapping */
	int child_fd;	/* writing to it wakes the child */
	uint64_t *pfns; /* pfns step: the frame of every page last time */
};

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

static void usage(void)
{
	fprintf(stderr, "usage: pagehog [-t anon|huge|nohuge|shared] [-f file] [-p pattern] "
			"[-m C:R:Z:T] [-s seed] [-o oom_adj] MIB STEP...\n"
			"steps: fill pageout verify touch=N write=N resident wait=FILE "
			"loop=SECS sleep=SECS\n");
	exit(2);
}

static int parse_kind(const char *s, enum kind *k)
{
	static const char *const names[] = { "anon", "huge", "nohuge", "shared" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			*k = (enum kind)i;
			return 0;
		}
	}
	return -1;
}

static int map_memory(struct hog *h, enum kind kind, const char *file)
{
	unsigned char *p;

	switch (kind) {
	case K_FILE: {
		int fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600);

		if (fd < 0 || ftruncate(fd, (off_t)h->len)) {
			fprintf(stderr, "pagehog: %s: %s\n", file, strerror(errno));
			return -1;
		}
		p = mmap(NULL, h->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		close(fd);
		break;
	}
	case K_SHARED:
		p = mmap(NULL, h->len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		break;
	case K_HUGE:
		/* Over-allocate so that the range can start on a PMD boundary. */
		p = mmap(NULL, h->len + HPAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			p = (unsigned char *)(((uintptr_t)p + HPAGE_SIZE - 1) & ~(HPAGE_SIZE - 1));
			if (madvise(p, h->len, MADV_HUGEPAGE)) {
				perror("pagehog: madvise(MADV_HUGEPAGE)");
				return -1;
			}
		}
		break;
	default:
		p = mmap(NULL, h->len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED && kind == K_NOHUGE && madvise(p, h->len, MADV_NOHUGEPAGE)) {
			perror("pagehog: madvise(MADV_NOHUGEPAGE)");
			return -1;
		}
		break;
	}
	if (p == MAP_FAILED) {
		fprintf(stderr, "pagehog: mmap: %s\n", strerror(errno));
		return -1;
	}
	h->mem = p;
	return 0;
}

static void step_fill(struct hog *h)
{
	size_t i;

	for (i = 0; i < h->npages; i++) {
		pattern_fill(&h->pat, h->mem + i * h->page_size, i);
		h->sums[i] = page_checksum(h->mem + i * h->page_size, h->page_size);
	}
}

static size_t step_verify(struct hog *h)
{
	size_t i, bad = 0;

	for (i = 0; i < h->npages; i++) {
		unsigned char *pg = h->mem + i * h->page_size;

		if (page_checksum(pg, h->page_size) == h->sums[i])
			continue;
		pattern_fill(&h->pat, h->tmp, i);
		if (bad < 10)
			fprintf(stderr, "pagehog: page %zu corrupted (pattern %d, %s generator)\n",
				i, pattern_of(&h->pat, i),
				memcmp(h->tmp, pg, h->page_size) ? "differs from" : "matches");
		bad++;
	}
	h->bad += bad;
	return bad;
}

static int step_pageout(struct hog *h)
{
	if (madvise(h->mem, h->len, MADV_PAGEOUT)) {
		perror("pagehog: madvise(MADV_PAGEOUT)");
		return -1;
	}
	return 0;
}

/* Read (or rewrite) one byte of every nth page; returns the pages touched. */
static size_t step_touch(struct hog *h, size_t n, int write)
{
	volatile unsigned char *p = h->mem;
	size_t i, touched = 0;

	for (i = 0; i < h->npages; i += n) {
		unsigned char c = p[i * h->page_size + 100];

		if (write)
			p[i * h->page_size + 100] = c;
		touched++;
	}
	return touched;
}

/* Invert one byte of every page; returns the pages written. */
static size_t step_flip(struct hog *h)
{
	volatile unsigned char *p = h->mem;
	size_t i;

	for (i = 0; i < h->npages; i++)
		p[i * h->page_size + 100] ^= 0xff;
	return h->npages;
}

/* A child that keeps the mapping, shared copy-on-write, until woken. */
static int step_fork(struct hog *h)
{
	int fds[2];
	char c;

	if (h->child > 0 || pipe(fds)) {
		fprintf(stderr, "pagehog: fork: %s\n",
			h->child > 0 ? "one child only" : strerror(errno));
		return -1;
	}
	fflush(stdout);
	h->child = fork();
	if (h->child < 0) {
		perror("pagehog: fork");
		return -1;
	}
	if (h->child == 0) {
		close(fds[1]);
		if (read(fds[0], &c, 1) < 0)
			_exit(2);
		_exit(step_verify(h) ? 1 : 0);
	}
	close(fds[0]);
	h->child_fd = fds[1];
	return 0;
}

/*
 * Count the resident pages whose page frame changed since the last call
 * (migration, compaction), from /proc/self/pagemap (frames need root).
 * Returns the count, or -1 on error; the first call counts 0.
 */
static long step_pfns(struct hog *h)
{
	const uint64_t present = 1ULL << 63, pfn_mask = (1ULL << 55) - 1;
	uint64_t *now = calloc(h->npages, sizeof(*now));
	off_t off = (off_t)((uintptr_t)h->mem / h->page_size * sizeof(*now));
	size_t want = h->npages * sizeof(*now), i;
	long moved = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0 || !now || pread(fd, now, want, off) != (ssize_t)want) {
		perror("pagehog: /proc/self/pagemap");
		if (fd >= 0)
			close(fd);
		free(now);
		return -1;
	}
	close(fd);
	for (i = 0; i < h->npages; i++) {
		now[i] = (now[i] & present) ? now[i] & pfn_mask : 0;
		if (h->pfns && now[i] && h->pfns[i] && now[i] != h->pfns[i])
			moved++;
	}
	free(h->pfns);
	h->pfns = now;
	return moved;
}

/* Wake the child and wait for its verdict: 1 corrupted pages, 0 intact, -1 error. */
static long step_childverify(struct hog *h)
{
	int status;

	if (h->child <= 0 || write(h->child_fd, "v", 1) != 1 ||
	    waitpid(h->child, &status, 0) != h->child) {
		fprintf(stderr, "pagehog: childverify: no child to wake\n");
		return -1;
	}
	close(h->child_fd);
	h->child = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return -1;
	return WEXITSTATUS(status);
}

/* Minor page faults of this process so far. */
static long minor_faults(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? -1 : ru.ru_minflt;
}

static long step_resident(struct hog *h)
{
	unsigned char *vec = malloc(h->npages);
	size_t i;
	long n = 0;

	if (!vec || mincore(h->mem, h->len, vec)) {
		perror("pagehog: mincore");
		free(vec);
		return -1;
	}
	for (i = 0; i < h->npages; i++)
		n += vec[i] & 1;
	free(vec);
	return n;
}

static int step_wait(const char *file)
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
		perror("pagehog: wait file");
		return -1;
	}
	dprintf(fd, "%d\n", getpid());
	close(fd);
	while (!go)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return 0;
}

/* Run one step; returns the exit status to stop with, or -1 to go on. */
static int run_step(struct hog *h, const char *step)
{
	const char *arg = strchr(step, '=');
	size_t nlen = arg ? (size_t)(arg - step) : strlen(step);
	double t0 = now();
	long n;

	if (arg)
		arg++;
#define IS(name) (nlen == strlen(name) && !strncmp(step, name, nlen))
	if (IS("fill") && (!arg || !pattern_parse(arg, &h->pat))) {
		step_fill(h);
		printf("pagehog: fill %zu pages%s%s in %.3f s\n", h->npages, arg ? " with " : "",
		       arg ? arg : "", now() - t0);
	} else if (IS("pageout") && !arg) {
		if (step_pageout(h))
			return 3;
		printf("pagehog: pageout in %.3f s\n", now() - t0);
	} else if (IS("verify") && !arg) {
		n = (long)step_verify(h);
		printf("pagehog: verify %zu pages in %.3f s, %ld bad\n", h->npages, now() - t0, n);
	} else if ((IS("touch") || IS("write")) && arg && atol(arg) > 0) {
		long f0 = minor_faults();

		n = (long)step_touch(h, (size_t)atol(arg), IS("write"));
		printf("pagehog: %.*s %ld pages (1 in %s) in %.3f s, %ld minor faults\n", (int)nlen,
		       step, n, arg, now() - t0, minor_faults() - f0);
	} else if (IS("flip") && !arg) {
		long f0 = minor_faults();

		n = (long)step_flip(h);
		printf("pagehog: flip %ld pages in %.3f s, %ld minor faults\n", n, now() - t0,
		       minor_faults() - f0);
	} else if (IS("fork") && !arg) {
		if (step_fork(h))
			return 2;
		printf("pagehog: fork child %d\n", (int)h->child);
	} else if (IS("childverify") && !arg) {
		n = step_childverify(h);
		if (n < 0)
			return 2;
		printf("pagehog: childverify: the child found %s\n",
		       n ? "corrupted pages" : "every page intact");
		h->bad += (size_t)n;
	} else if (IS("pfns") && !arg) {
		n = step_pfns(h);
		if (n < 0)
			return 3;
		printf("pagehog: pfns: %ld pages moved to another frame\n", n);
	} else if (IS("resident") && !arg) {
		n = step_resident(h);
		if (n < 0)
			return 3;
		printf("pagehog: resident %ld of %zu pages\n", n, h->npages);
	} else if (IS("wait") && arg && *arg) {
		fflush(stdout);
		if (step_wait(arg))
			return 2;
	} else if (IS("loop") && arg && atof(arg) > 0) {
		long rounds = 0;
		size_t bad = 0;

		while (now() - t0 < atof(arg)) {
			if (step_pageout(h))
				return 3;
			bad += step_verify(h);
			rounds++;
		}
		printf("pagehog: loop %ld rounds of pageout + verify in %.3f s, %zu bad\n", rounds,
		       now() - t0, bad);
	} else if (IS("sleep") && arg && atof(arg) >= 0) {
		fflush(stdout);
		usleep((useconds_t)(atof(arg) * 1e6));
	} else {
		fprintf(stderr, "pagehog: bad step '%s'\n", step);
		usage();
	}
#undef IS
	fflush(stdout);
	return -1;
}

int main(int argc, char **argv)
{
	struct hog h;
	enum kind kind = K_ANON;
	const char *file = NULL, *oom_adj = "1000";
	size_t mib;
	int opt, i;

	memset(&h, 0, sizeof(h));
	h.page_size = (size_t)sysconf(_SC_PAGESIZE);
	pattern_init(&h.pat, h.page_size);
	while ((opt = getopt(argc, argv, "+t:f:p:m:s:o:")) != -1) {
		switch (opt) {
		case 't':
			if (parse_kind(optarg, &kind))
				usage();
			break;
		case 'f':
			file = optarg;
			kind = K_FILE;
			break;
		case 'p':
			if (pattern_parse(optarg, &h.pat))
				usage();
			break;
		case 'm':
			if (pattern_parse_weights(optarg, &h.pat))
				usage();
			break;
		case 's':
			h.pat.seed = strtoull(optarg, NULL, 0);
			break;
		case 'o':
			oom_adj = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc - 1)
		usage();
	mib = strtoull(argv[optind], NULL, 0);
	if (!mib || mib > (1UL << 20))
		usage();
	h.npages = mib * ((1UL << 20) / h.page_size);
	h.len = h.npages * h.page_size;

	if (*oom_adj) {
		int fd = open("/proc/self/oom_score_adj", O_WRONLY);

		if (fd >= 0) {
			if (write(fd, oom_adj, strlen(oom_adj)) < 0)
				perror("pagehog: oom_score_adj");
			close(fd);
		}
	}
	h.sums = calloc(h.npages, sizeof(*h.sums));
	h.tmp = malloc(h.page_size);
	if (!h.sums || !h.tmp) {
		perror("pagehog: malloc");
		return 2;
	}
	if (map_memory(&h, kind, file))
		return 2;

	for (i = optind + 1; i < argc; i++) {
		int rc = run_step(&h, argv[i]);

		if (rc >= 0)
			return rc;
	}
	if (h.bad) {
		printf("pagehog: FAILED %zu bad pages\n", h.bad);
		return 1;
	}
	printf("pagehog: OK %zu pages\n", h.npages);
	return 0;
}
