/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The target of mkswap: what it is, whether it may be used, and how it is
 * opened, created and committed. Every check runs before anything is opened
 * for writing; a new file is made unnamed (O_TMPFILE) and gets its name only
 * once the header is on disk, so that a failure never leaves a file behind.
 */
#include <fcntl.h>
#include <libmount.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "ghost.h"
#include "mkswap.h"
#include "pathnames.h"
#include "swaps.h"
#include "sysroot.h"

#ifndef CONFIGFS_MAGIC
#define CONFIGFS_MAGIC 0x62656570
#endif
#ifndef MQUEUE_MAGIC
#define MQUEUE_MAGIC 0x19800202
#endif
#ifndef FUSECTL_SUPER_MAGIC
#define FUSECTL_SUPER_MAGIC 0x65735543
#endif

/* A file made the classic way (no O_TMPFILE here): removed again on failure. */
static struct {
	char *path;
	dev_t dev;
	ino_t ino;
} created;

/*
 * Filesystems whose files the kernel makes up as they are read: none can
 * hold a swap area, and writing to their files changes the system.
 */
static const char *pseudo_fs_name(unsigned long type)
{
	static const struct {
		unsigned long magic;
		const char *name;
	} fs[] = {
		{ PROC_SUPER_MAGIC, "proc" },
		{ SYSFS_MAGIC, "sysfs" },
		{ DEBUGFS_MAGIC, "debugfs" },
		{ TRACEFS_MAGIC, "tracefs" },
		{ CGROUP_SUPER_MAGIC, "cgroup" },
		{ CGROUP2_SUPER_MAGIC, "cgroup2" },
		{ SECURITYFS_MAGIC, "securityfs" },
		{ SELINUX_MAGIC, "selinuxfs" },
		{ SMACK_MAGIC, "smackfs" },
		{ AAFS_MAGIC, "apparmorfs" },
		{ BPF_FS_MAGIC, "bpf" },
		{ PSTOREFS_MAGIC, "pstore" },
		{ EFIVARFS_MAGIC, "efivarfs" },
		{ CONFIGFS_MAGIC, "configfs" },
		{ DEVPTS_SUPER_MAGIC, "devpts" },
		{ MQUEUE_MAGIC, "mqueue" },
		{ BINFMTFS_MAGIC, "binfmt_misc" },
		{ FUSECTL_SUPER_MAGIC, "fusectl" },
		{ NSFS_MAGIC, "nsfs" },
		{ PIPEFS_MAGIC, "pipefs" },
		{ SOCKFS_MAGIC, "sockfs" },
		{ ANON_INODE_FS_MAGIC, "anon_inodefs" },
		{ HUGETLBFS_MAGIC, "hugetlbfs" },
		{ USBDEVICE_SUPER_MAGIC, "usbdevfs" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fs); i++)
		if (fs[i].magic == type)
			return fs[i].name;
	return NULL;
}

/* The directory a new file goes into; free() it. */
static char *parent_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	slash[slash == dir] = '\0';
	return dir;
}

void target_stat(struct mkswap_control *ctl)
{
	struct stat lst;

	if (stat(ctl->devname, &ctl->devstat) == 0) {
		ctl->existed = true;
		return;
	}
	if (errno != ENOENT || !(ctl->file || ctl->ghost) || !*ctl->devname)
		err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);
	/* a new file is never made at the far end of a symbolic link */
	if (lstat(ctl->devname, &lst) == 0)
		errx(EXIT_FAILURE,
		     _("error: %s is a symbolic link to nothing; will not create a file through it"),
		     ctl->devname);
	memset(&ctl->devstat, 0, sizeof(ctl->devstat));
	ctl->devstat.st_mode = S_IFREG;
}

/* Size of the device or file in bytes. */
uint64_t target_bytes(const struct mkswap_control *ctl)
{
	uint64_t bytes = 0;

	if (S_ISBLK(ctl->devstat.st_mode)) {
		if (ioctl(ctl->fd, BLKGETSIZE64, &bytes) != 0)
			err(EXIT_FAILURE, _("cannot determine size of %s"), ctl->devname);
		return bytes;
	}
	return ctl->devstat.st_size;
}

/*
 * The mount table, read through the sysroot so that the checks below are
 * testable; NULL (after a warning) when it cannot be read: the kernel
 * still refuses a mounted block device.
 */
static struct libmnt_table *read_mounts(void)
{
	struct libmnt_table *tb = NULL;
	char *buf;
	size_t len;
	FILE *f;
	int rc;

	rc = sysroot_read_file(PATH_PROC_MOUNTINFO, &buf, &len);
	if (rc) {
		if (rc != -ENOENT)
			warnx(_("warning: cannot read %s: %s"), PATH_PROC_MOUNTINFO,
			      sysroot_strerror(rc));
		return NULL;
	}
	f = len ? fmemopen(buf, len, "r") : NULL;
	if (f) {
		tb = mnt_new_table();
		if (tb && mnt_table_parse_stream(tb, f, PATH_PROC_MOUNTINFO) != 0) {
			mnt_unref_table(tb);
			tb = NULL;
		}
		fclose(f);
	}
	free(buf);
	return tb;
}

/* A mounted device never becomes swap, --force or not. */
static bool is_mounted(const struct mkswap_control *ctl, struct libmnt_table *tb)
{
	struct libmnt_iter *itr = mnt_new_iter(MNT_ITER_FORWARD);
	struct libmnt_fs *fs;
	bool found = false;

	while (itr && !found && mnt_table_next_fs(tb, itr, &fs) == 0) {
		const char *src = mnt_fs_get_srcpath(fs);
		struct stat st;

		if (S_ISBLK(ctl->devstat.st_mode) && mnt_fs_get_devno(fs) == ctl->devstat.st_rdev)
			found = true;
		else if (src && !strcmp(src, ctl->devname))
			found = true;
		else if (src && ctl->existed && stat(src, &st) == 0)
			found = S_ISBLK(st.st_mode) ? st.st_rdev == ctl->devstat.st_rdev &&
							      S_ISBLK(ctl->devstat.st_mode)
						    : st.st_dev == ctl->devstat.st_dev &&
							      st.st_ino == ctl->devstat.st_ino;
	}
	mnt_free_iter(itr);
	return found;
}

/*
 * No swap file in /dev (devtmpfs, or the tmpfs a container mounts there):
 * it would look like a device and be gone at the next boot. Above all no
 * regular file named /dev/ghostswap, which --ghost would make on a kernel
 * that has no ghost swap device.
 */
static void refuse_device_dir(const struct mkswap_control *ctl, struct libmnt_table *tb)
{
	char *dir = parent_dir(ctl->devname), *real = realpath(dir, NULL);
	const char *base = strrchr(ctl->devname, '/');
	bool in_dev = real && !strcmp(real, PATH_DEV_DIR);
	struct stat st;

	if (!in_dev && tb && stat(dir, &st) == 0) {
		struct libmnt_fs *fs = mnt_table_find_devno(tb, st.st_dev, MNT_ITER_BACKWARD);

		in_dev = fs && mnt_fs_get_fstype(fs) && !strcmp(mnt_fs_get_fstype(fs), "devtmpfs");
	}
	free(dir);
	free(real);
	if (!in_dev)
		return;
	base = base ? base + 1 : ctl->devname;
	if (ctl->ghost && !ctl->existed && !strcmp(base, strrchr(PATH_DEV_GHOSTSWAP, '/') + 1))
		errx(EXIT_FAILURE,
		     _("error: %s does not exist: this kernel has no ghost swap device "
		       "(see ghostswap(7)); will not make a file of that name"),
		     ctl->devname);
	errx(EXIT_FAILURE,
	     _("error: %s is a file in the device directory; will not make swapspace there"),
	     ctl->devname);
}

/*
 * An active swap area is never overwritten, --force or not. When
 * /proc/swaps cannot be read, the kernel's own refusal (EBUSY, ETXTBSY)
 * still protects an active area: say so and go on.
 */
static void refuse_active_swap(const struct mkswap_control *ctl)
{
	struct swap_list swaps;
	const struct swap_entry *e;
	int rc = swaps_read(&swaps);

	if (rc == -ENOENT)
		return;
	if (rc) {
		warnx(_("warning: cannot read %s: %s"), PATH_PROC_SWAPS, swaps_strerror(rc));
		return;
	}
	e = swaps_find(&swaps, ctl->devname, ctl->existed ? &ctl->devstat : NULL);
	if (e) {
		swaps_free(&swaps);
		errx(EXIT_FAILURE, _("error: %s is an active swap area; will not make swapspace"),
		     ctl->devname);
	}
	swaps_free(&swaps);
}

/* Files of procfs, sysfs and the like are never a place for swap. */
static void refuse_pseudo_fs(const struct mkswap_control *ctl)
{
	struct statfs sfs;
	const char *name;
	char *dir = NULL;
	int rc;

	if (ctl->existed) {
		rc = statfs(ctl->devname, &sfs);
	} else {
		dir = parent_dir(ctl->devname);
		rc = statfs(dir, &sfs);
		free(dir);
	}
	if (rc != 0)
		return; /* open() will say what is wrong */
	name = pseudo_fs_name((unsigned long)sfs.f_type);
	if (name)
		errx(EXIT_FAILURE,
		     _("error: %s is on %s, a pseudo filesystem; will not make swapspace"),
		     ctl->devname, name);
}

void target_check(const struct mkswap_control *ctl)
{
	struct libmnt_table *tb;

	if (ctl->existed && !S_ISREG(ctl->devstat.st_mode)) {
		if (ctl->ghost)
			signatures_check_ghost_target(ctl); /* exits with the reason */
		if (ctl->file)
			errx(EXIT_FAILURE, _("error: %s is not a regular file"), ctl->devname);
		if (!S_ISBLK(ctl->devstat.st_mode))
			errx(EXIT_FAILURE,
			     _("error: %s is neither a block device nor a regular file"),
			     ctl->devname);
	}
	if (!S_ISBLK(ctl->devstat.st_mode))
		refuse_pseudo_fs(ctl);
	tb = read_mounts();
	if (!S_ISBLK(ctl->devstat.st_mode))
		refuse_device_dir(ctl, tb);
	if (tb && is_mounted(ctl, tb))
		errx(EXIT_FAILURE, _("error: %s is mounted; will not make swapspace"),
		     ctl->devname);
	mnt_unref_table(tb);
	refuse_active_swap(ctl);
}

/* The --lock / $LOCK_BLOCK_DEVICE mode as flock() operation; 0 for none. */
int target_lock_operation(const struct mkswap_control *ctl)
{
	const char *mode = ctl->lockmode ? ctl->lockmode : getenv("LOCK_BLOCK_DEVICE");

	if (!mode || !strcasecmp(mode, "no") || !strcmp(mode, "0"))
		return 0;
	if (!strcasecmp(mode, "yes") || !strcmp(mode, "1"))
		return LOCK_EX;
	if (!strcasecmp(mode, "nonblock"))
		return LOCK_EX | LOCK_NB;
	errx(EXIT_FAILURE, _("unsupported lock mode: %s"), mode);
}

void target_lock(const struct mkswap_control *ctl, int op)
{
	if (!op || !S_ISBLK(ctl->devstat.st_mode))
		return;
	if (flock(ctl->fd, op | LOCK_NB) == 0)
		return;
	if (errno != EWOULDBLOCK)
		err(EXIT_FAILURE, _("%s: failed to get lock"), ctl->devname);
	if (op & LOCK_NB)
		errx(EXIT_FAILURE, _("%s: device already locked"), ctl->devname);
	if (!ctl->quiet)
		fprintf(stderr, _("%s: %s: device already locked, waiting to get lock ... "),
			program_invocation_short_name, ctl->devname);
	if (flock(ctl->fd, op) != 0)
		err(EXIT_FAILURE, _("%s: failed to get lock"), ctl->devname);
	if (!ctl->quiet)
		fputs(_("OK\n"), stderr);
}

/* Remove the file we made if we exit before it is complete. */
static void remove_created(void)
{
	struct stat st;

	if (created.path && lstat(created.path, &st) == 0 && st.st_dev == created.dev &&
	    st.st_ino == created.ino)
		unlink(created.path);
}

/*
 * A new file: unnamed in its directory until target_commit(), where the
 * filesystem supports that; otherwise created, and removed again on failure.
 */
static void create_target(struct mkswap_control *ctl)
{
	char *dir = parent_dir(ctl->devname);

	ctl->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	free(dir);
	if (ctl->fd >= 0) {
		ctl->tmpfile = true;
		return;
	}
	if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);

	ctl->fd = open(ctl->devname, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (ctl->fd < 0)
		err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);
	if (fstat(ctl->fd, &ctl->devstat) != 0)
		err(EXIT_FAILURE, _("stat of %s failed"), ctl->devname);
	created.path = xstrdup(ctl->devname);
	created.dev = ctl->devstat.st_dev;
	created.ino = ctl->devstat.st_ino;
	atexit(remove_created);
}

void target_open(struct mkswap_control *ctl)
{
	const struct stat before = ctl->devstat;
	int flags = O_RDWR | O_CLOEXEC | O_NOCTTY;

	if (!ctl->existed) {
		create_target(ctl);
	} else {
		if (S_ISBLK(ctl->devstat.st_mode))
			flags |= O_EXCL; /* the kernel refuses it if mounted or swapping */
		ctl->fd = open(ctl->devname, flags);
		if (ctl->fd < 0)
			err(EXIT_FAILURE, _("cannot open %s"), ctl->devname);
	}
	if (fstat(ctl->fd, &ctl->devstat) != 0)
		err(EXIT_FAILURE, _("stat of %s failed"), ctl->devname);
	/* what was checked is what was opened */
	if (ctl->existed &&
	    ((before.st_mode ^ ctl->devstat.st_mode) & S_IFMT ||
	     before.st_dev != ctl->devstat.st_dev || before.st_ino != ctl->devstat.st_ino))
		errx(EXIT_FAILURE, _("error: %s changed while it was checked"), ctl->devname);
	if (!ctl->existed && !ctl->ghost)
		blocks_set_nocow(ctl);
}

/* Make the header durable and, for a new file, give it its name. */
void target_commit(struct mkswap_control *ctl)
{
	char proc[64];
	int e;

	/* swapon reads the header from disk: it must be there before we exit */
	if (fsync(ctl->fd) != 0)
		err(EXIT_FAILURE, _("write failed"));
	if (ctl->tmpfile) {
		snprintf(proc, sizeof(proc), PATH_PROC_SELF_FD "/%d", ctl->fd);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, ctl->devname, AT_SYMLINK_FOLLOW) != 0) {
			/* without /proc, the privileged way */
			e = errno;
			if (e == EEXIST ||
			    linkat(ctl->fd, "", AT_FDCWD, ctl->devname, AT_EMPTY_PATH) != 0) {
				errno = e;
				err(EXIT_FAILURE, _("cannot create %s"), ctl->devname);
			}
		}
	}
	free(created.path);
	created.path = NULL;
	if (close(ctl->fd) != 0)
		err(EXIT_FAILURE, _("write failed"));
	ctl->fd = -1;
}

void target_check_permissions(const struct mkswap_control *ctl)
{
	mode_t mask = S_ISBLK(ctl->devstat.st_mode) ? 07007 : 07077;

	if (ctl->devstat.st_mode & mask)
		qwarnx(ctl, _("%s: insecure permissions %04o, fix with: chmod %04o %s"),
		       ctl->devname, ctl->devstat.st_mode & 07777, ~mask & 0666, ctl->devname);
	if (getuid() == 0 && S_ISREG(ctl->devstat.st_mode) && ctl->devstat.st_uid != 0)
		qwarnx(ctl, _("%s: insecure file owner %d, fix with: chown 0:0 %s"), ctl->devname,
		       (int)ctl->devstat.st_uid, ctl->devname);
}
