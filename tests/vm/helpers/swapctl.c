// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * swapctl - call swapon(2)/swapoff(2) directly, without any of the checks
 * swapon(8) makes, so the VM scenarios test exactly what the kernel does.
 *
 *   swapctl on [-p PRIO] [-d] PATH
 *   swapctl off PATH
 *
 * Exit status 0 on success; otherwise prints the errno name and message
 * and exits with 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/swap.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: swapctl on [-p prio] [-d] PATH | swapctl off PATH\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int flags = 0, opt;

	if (argc < 3)
		usage();
	if (!strcmp(argv[1], "off")) {
		if (argc != 3)
			usage();
		if (swapoff(argv[2])) {
			printf("swapctl: swapoff %s: %s (%s)\n", argv[2], strerrorname_np(errno),
			       strerror(errno));
			return 1;
		}
		return 0;
	}
	if (strcmp(argv[1], "on"))
		usage();
	optind = 2;
	while ((opt = getopt(argc, argv, "p:d")) != -1) {
		switch (opt) {
		case 'p':
			flags |= SWAP_FLAG_PREFER |
				 ((atoi(optarg) << SWAP_FLAG_PRIO_SHIFT) & SWAP_FLAG_PRIO_MASK);
			break;
		case 'd':
			flags |= SWAP_FLAG_DISCARD;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	if (swapon(argv[optind], flags)) {
		printf("swapctl: swapon %s: %s (%s)\n", argv[optind], strerrorname_np(errno),
		       strerror(errno));
		return 1;
	}
	return 0;
}
