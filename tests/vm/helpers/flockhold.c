/*
 * flockhold FILE READY SECONDS: take an exclusive flock() on FILE, create
 * READY to say so, hold the lock for SECONDS, then exit. Busybox has no
 * flock applet; mkswap --lock is tested against this.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd, ready;

	if (argc != 4) {
		fprintf(stderr, "usage: flockhold FILE READY SECONDS\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		perror(argv[1]);
		return 1;
	}
	ready = open(argv[2], O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (ready < 0) {
		perror(argv[2]);
		return 1;
	}
	close(ready);
	sleep(atoi(argv[3]));
	return 0;
}
