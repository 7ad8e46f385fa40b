/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What must hold before swapon(2), checked the same way by a real run and
 * by --dry-run: the area's type, header, page size and permissions, the
 * kernel's ghost support, and for a ghost file still to be created its
 * path and size.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "c.h"
#include "ghost.h"
#include "ghostswapon.h"
#include "pathnames.h"
#include "sizes.h"
#include "strutils.h"
#include "swapspec.h"
#include "sysroot.h"

void no_ghost_kernel(const char *path, const char *what)
{
	warnx(_("%s: %s, but %s has no ghost swap support (%s is missing); boot a kernel "
		"built with %s"),
	      path, what, kfeatures_kernel(), PATH_GHOSTSWAP_SIZE, KF_KERNEL_HINT);
}

static bool is_suspend_sig(const unsigned char *p)
{
	return !memcmp(p, "S1SUSPEND", 9) || !memcmp(p, "S2SUSPEND", 9) ||
	       !memcmp(p, "ULSUSPEND", 9) || !memcmp(p, "\xed\xc3\x02\xe9\x98\x56\xe5\x0c", 8) ||
	       !memcmp(p, "LINHIB0001", 10);
}

/* old software suspend data in place of the swap signature: page size or 0 */
static size_t find_suspend_sig(const unsigned char *buf, size_t len)
{
	size_t ps;

	for (ps = SWAP_MIN_PAGESIZE; ps <= SWAP_MAX_PAGESIZE && ps <= len; ps <<= 1) {
		if (is_suspend_sig(buf + ps - SWAP_SIGNATURE_LEN))
			return ps;
	}
	return 0;
}

static int rewrite_signature(struct swapon_ctl *ctl, const struct swap_target *t, size_t ps)
{
	int fd, rc = 0;

	if (ctl->dry_run) {
		printf(_("would rewrite the swap signature of %s\n"), t->path);
		return 0;
	}
	fd = open(t->path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		warn(_("cannot open %s"), t->path);
		return -1;
	}
	if (pwrite(fd, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN, ps - SWAP_SIGNATURE_LEN) !=
	    SWAP_SIGNATURE_LEN) {
		warn(_("%s: write signature failed"), t->path);
		rc = -1;
	}
	if (close(fd) != 0 && !rc) {
		warn(_("write failed: %s"), t->path);
		rc = -1;
	}
	return rc;
}

/*
 * /dev/ghostswap: the kernel synthesises its header, so there is nothing
 * to check but that the device is there. Its size is the kernel's choice.
 */
static int check_ghost_device(struct swapon_ctl *ctl, struct swap_target *t,
			      const struct swap_prop *p)
{
	uint64_t size = ctl->kf.ghost_size_rc ? 0 : ctl->kf.ghost_size, pages;
	struct swap_header h;
	struct stat st;
	char hbuf[32];
	int rc;

	switch (ctl->kf.devnode) {
	case KF_DEVNODE_MISSING:
		if (p->no_fail)
			return 1;
		if (ctl->kf.ghost)
			warnx(_("%s does not exist, but the kernel has ghost swap: create the node "
				"with 'mknod -m 0660 %s c %d %d'"),
			      t->path, PATH_DEV_GHOSTSWAP, GHOSTSWAP_MAJOR, GHOSTSWAP_MINOR);
		else
			warnx(_("%s does not exist: %s has no ghost swap device; boot a kernel "
				"built with %s"),
			      t->path, kfeatures_kernel(), KF_KERNEL_HINT);
		return -1;
	case KF_DEVNODE_WRONG:
		warnx(_("%s is not the ghost swap device (a character device %d:%d)"), t->path,
		      GHOSTSWAP_MAJOR, GHOSTSWAP_MINOR);
		return -1;
	case KF_DEVNODE_OK:
		break;
	}
	if (!ctl->kf.ghost) {
		no_ghost_kernel(t->path, _("the device node exists"));
		return -1;
	}
	if (sysroot_is_live()) {
		rc = swapspec_read_header(t->path, &h, &st);
		if (rc == -EINVAL) {
			warnx(_("%s: read swap header failed"), t->path);
			return -1;
		}
		if (rc) {
			errno = -rc;
			warn(_("cannot open %s"), t->path);
			return -1;
		}
		if ((st.st_mode & 07007) != 0)
			warnx(_("%s: insecure permissions %04o, %04o suggested."), t->path,
			      st.st_mode & 07777, 0660);
		t->vsize = ((uint64_t)h.last_page + 1) * h.pagesize;
	} else {
		/* a captured tree: the size the kernel would choose (mm/ghostswap.c) */
		if (ghost_device_pages(size, ctl->pagesize, &pages) != 0)
			pages = 0;
		t->vsize = pages * ctl->pagesize;
	}
	if (ctl->verbose) {
		if (size)
			warnx(_("%s: ghost swap device, virtual size %s (ghostswap.size)"), t->path,
			      size_to_human(t->vsize, hbuf, sizeof(hbuf)));
		else
			warnx(_("%s: ghost swap device, virtual size %s (8 x RAM)"), t->path,
			      size_to_human(t->vsize, hbuf, sizeof(hbuf)));
	}
	return 0;
}

/* After the header: page size, ghost file or ordinary area. 0 or -1. */
static int check_header(struct swapon_ctl *ctl, struct swap_target *t, const struct stat *st,
			const struct swap_header *h, uint64_t devsize)
{
	uint64_t swapsize = ((uint64_t)h->last_page + 1) * h->pagesize;

	t->vsize = swapsize;
	t->ghost_file = swapspec_is_ghost_file(st, h);
	if (ctl->verbose)
		warnx(_("%s: found signature [pagesize=%zu, signature=%s]"), t->path, h->pagesize,
		      t->ghost_file ? "ghost" : "swap");

	if (t->ghost_file) {
		if (h->pagesize != ctl->pagesize) {
			if (!ctl->fixpgsz) {
				warnx(_("%s: ghost swap file made for %zu-byte pages, the kernel "
					"uses %zu (use --fixpgsz to reinitialize it)"),
				      t->path, h->pagesize, ctl->pagesize);
				return -1;
			}
			warnx(_("%s: swap format pagesize does not match."), t->path);
			if (reinitialize(ctl, t, h) != 0)
				return -1;
		}
		if (!ctl->kf.ghost) {
			no_ghost_kernel(t->path, _("this is a one-page ghost swap file"));
			return -1;
		}
		return 0;
	}

	if (ctl->verbose)
		warnx(_("%s: pagesize=%zu, swapsize=%" PRIu64 ", devsize=%" PRIu64), t->path,
		      h->pagesize, swapsize, devsize);
	if (swapsize > devsize) {
		if (ctl->verbose)
			warnx(_("%s: last_page 0x%08" PRIx64 " is larger than actual size of "
				"swapspace"),
			      t->path, swapsize);
	} else if (h->pagesize != ctl->pagesize) {
		if (ctl->fixpgsz) {
			warnx(_("%s: swap format pagesize does not match."), t->path);
			if (reinitialize(ctl, t, h) != 0)
				return -1;
		} else {
			warnx(_("%s: swap format pagesize does not match. (Use --fixpgsz to "
				"reinitialize it.)"),
			      t->path);
		}
	}
	return 0;
}

/* Software suspend data where the signature should be: put the signature back. */
static int check_suspended(struct swapon_ctl *ctl, struct swap_target *t, unsigned char *buf,
			   ssize_t len)
{
	struct swap_header h;
	size_t ps = len > 0 ? find_suspend_sig(buf, len) : 0;
	int rc;

	if (!ps) {
		warnx(_("%s: read swap header failed"), t->path);
		return -1;
	}
	warnx(_("%s: software suspend data detected. Rewriting the swap signature."), t->path);
	rc = rewrite_signature(ctl, t, ps);
	/* what the header says once the signature is back */
	memcpy(buf + ps - SWAP_SIGNATURE_LEN, SWAP_SIGNATURE, SWAP_SIGNATURE_LEN);
	if (!rc && swap_header_decode(buf, len, &h) == 0)
		t->vsize = ((uint64_t)h.last_page + 1) * h.pagesize;
	return rc;
}

/* Returns 0 to go on, 1 to skip quietly, -1 on failure (message printed). */
int swapon_checks(struct swapon_ctl *ctl, struct swap_target *t, const struct swap_prop *p)
{
	struct swap_header h;
	unsigned char *buf;
	struct stat st;
	uint64_t devsize = 0;
	ssize_t len;
	int fd, mask, rc = -1;

	if (swapspec_is_ghostswap_name(t->path)) {
		t->ghost_dev = true;
		return check_ghost_device(ctl, t, p);
	}

	/* never blocks, and refuses a FIFO, a socket or a directory */
	fd = swapspec_open(t->path, &st);
	if (fd == -ENOENT && p->no_fail)
		return 1;
	if (fd == -SYSROOT_ENOTREG || fd == -EISDIR) {
		warnx(_("%s: not a block device, a regular file or %s"), t->path,
		      PATH_DEV_GHOSTSWAP);
		return -1;
	}
	if (fd < 0) {
		errno = -fd;
		warn(_("cannot open %s"), t->path);
		return -1;
	}
	if (S_ISCHR(st.st_mode) && major(st.st_rdev) == GHOSTSWAP_MAJOR &&
	    minor(st.st_rdev) == GHOSTSWAP_MINOR) {
		/* /dev/ghostswap under another name */
		close(fd);
		t->ghost_dev = true;
		ctl->kf.devnode = KF_DEVNODE_OK;
		return check_ghost_device(ctl, t, p);
	}

	mask = S_ISBLK(st.st_mode) ? 07007 : 07077;
	if ((st.st_mode & mask) != 0)
		warnx(_("%s: insecure permissions %04o, %04o suggested."), t->path,
		      st.st_mode & 07777, ~mask & 0666);
	if (S_ISREG(st.st_mode) && st.st_uid != 0)
		warnx(_("%s: insecure file owner %d, 0 (root) suggested."), t->path,
		      (int)st.st_uid);

	if (S_ISREG(st.st_mode)) {
		if ((uint64_t)st.st_blocks * 512 < (uint64_t)st.st_size) {
			warnx(_("%s: skipping - it appears to have holes."), t->path);
			goto out;
		}
		devsize = st.st_size;
	} else if (S_ISBLK(st.st_mode)) {
		off_t end = lseek(fd, 0, SEEK_END);

		if (end < 0) {
			warnx(_("%s: get size failed"), t->path);
			goto out;
		}
		devsize = end;
	} else {
		warnx(_("%s: not a block device, a regular file or %s"), t->path,
		      PATH_DEV_GHOSTSWAP);
		goto out;
	}

	buf = xmalloc(SWAP_MAX_PAGESIZE);
	do {
		len = pread(fd, buf, SWAP_MAX_PAGESIZE, 0);
	} while (len < 0 && errno == EINTR);
	if (len < 0 || swap_header_decode(buf, len, &h) != 0)
		rc = check_suspended(ctl, t, buf, len);
	else
		rc = check_header(ctl, t, &st, &h, devsize);
	free(buf);
out:
	close(fd);
	return rc;
}

/*
 * A ghost swap file fstab asks for and that does not exist yet: what mkswap
 * --ghost would refuse, refused here first, for a real run and a dry run
 * alike. The path is judged normalised ("//dev/x" and "/tmp/../dev/x" are
 * in /dev) and by where its directory really is (a symlink into /dev).
 * @vsize: the virtual size the file will have.
 */
int check_new_ghost_file(const struct swapon_ctl *ctl, const struct swap_prop *p, const char *path,
			 uint64_t *vsize)
{
	char *norm, *dir, *real = NULL, hbuf[32];
	struct stat st;
	uint64_t pages;
	bool in_dev;
	int rc;

	if (*path != '/') {
		warnx(_("%s: a ghost swap file to create must be an absolute path outside /dev"),
		      path);
		return -1;
	}
	norm = path_normalize(path);
	dir = xstrdup(norm);
	*strrchr(dir, '/') = '\0';
	if (*dir)
		real = realpath(dir, NULL);
	in_dev = path_in_dir(norm, PATH_DEV_DIR) || (real && path_in_dir(real, PATH_DEV_DIR));
	free(real);
	free(dir);
	free(norm);
	if (in_dev) {
		warnx(_("%s: a ghost swap file to create must be an absolute path outside /dev"),
		      path);
		return -1;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		warnx(_("%s: a symlink to nothing; no ghost swap file is created through it"),
		      path);
		return -1;
	}
	if (p->size_set) {
		rc = ghost_file_pages(p->size, ctl->pagesize, &pages);
		if (rc == -ERANGE) {
			warnx(_("%s: virtual size %s is over the %" PRIu32 " pages a swap header "
				"can describe (%zu-byte pages)"),
			      path, size_to_human(p->size, hbuf, sizeof(hbuf)), SWAP_MAX_PAGES,
			      ctl->pagesize);
			return -1;
		}
		if (rc) {
			warnx(_("%s: virtual size %s is under the minimum of %d pages (%zu KiB)"),
			      path, size_to_human(p->size, hbuf, sizeof(hbuf)), SWAP_MIN_GOODPAGES,
			      SWAP_MIN_GOODPAGES * ctl->pagesize / 1024);
			return -1;
		}
	} else if ((rc = ghost_default_pages(ctl->pagesize, &pages)) != 0) {
		warnx(_("%s: cannot read the RAM size from %s: %s; give size="), path,
		      PATH_PROC_MEMINFO, sysroot_strerror(rc));
		return -1;
	}
	*vsize = pages * ctl->pagesize;
	return 0;
}
