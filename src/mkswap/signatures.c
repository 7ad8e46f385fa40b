/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What was on the target before: old signatures are wiped (and named), a
 * partition table's boot bits are kept, and a ghost header replaces only a
 * swap header or an empty file unless --force.
 */
#include <blkid.h>
#include <unistd.h>

#include "ghost.h"
#include "mkswap.h"
#include "pathnames.h"

static blkid_probe new_probe(const struct mkswap_control *ctl)
{
	blkid_probe pr = blkid_new_probe();

	if (!pr)
		errx(EXIT_FAILURE, _("unable to alloc new libblkid probe"));
	if (blkid_probe_set_device(pr, ctl->fd, ctl->offset, 0) != 0)
		errx(EXIT_FAILURE, _("unable to assign device to libblkid probe"));
	return pr;
}

/*
 * Keep a partition table's boot bits unless --force; otherwise clear them
 * and every old filesystem signature, saying which ones.
 */
void signatures_wipe(const struct mkswap_control *ctl)
{
	static const char zeros[SWAP_BOOTBITS_LEN];
	blkid_probe pr = NULL;
	char *pttype = NULL;

	if (!ctl->force) {
		const char *v = NULL;

		pr = new_probe(ctl);
		blkid_probe_enable_partitions(pr, 1);
		blkid_probe_enable_superblocks(pr, 0);
		if (blkid_do_fullprobe(pr) == 0 &&
		    blkid_probe_lookup_value(pr, "PTTYPE", &v, NULL) == 0 && v)
			pttype = xstrdup(v);
	}

	if (pttype) {
		qwarnx(ctl, _("%s: warning: don't erase bootbits sectors"), ctl->devname);
		if (!ctl->quiet)
			fprintf(stderr,
				_("        (%s partition table detected). Use -f to force.\n"),
				pttype);
		free(pttype);
		blkid_free_probe(pr);
		return;
	}

	if (pwrite(ctl->fd, zeros, sizeof(zeros), ctl->offset) != (ssize_t)sizeof(zeros))
		err(EXIT_FAILURE, _("unable to erase bootbits sectors"));

	if (!pr)
		pr = new_probe(ctl);
	blkid_probe_enable_partitions(pr, 0);
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_set_superblocks_flags(pr, BLKID_SUBLKS_MAGIC | BLKID_SUBLKS_TYPE);
	while (blkid_do_probe(pr) == 0) {
		const char *type = NULL;

		if (blkid_probe_lookup_value(pr, "TYPE", &type, NULL) == 0 && type)
			qwarnx(ctl, _("%s: warning: wiping old %s signature."), ctl->devname, type);
		blkid_do_wipe(pr, 0);
	}
	blkid_free_probe(pr);
}

/*
 * A ghost header may replace a swap header (of any size) or fill an empty
 * file; anything else is somebody's data and needs --force.
 */
void signatures_check_ghost_target(const struct mkswap_control *ctl)
{
	struct swap_header h;
	unsigned char *buf;
	const char *type = NULL;
	blkid_probe pr;
	ssize_t n;

	if (S_ISBLK(ctl->devstat.st_mode) || S_ISCHR(ctl->devstat.st_mode))
		errx(EXIT_FAILURE,
		     _("error: %s is a device; a ghost swap area is a regular file "
		       "(use %s for a ghost device)"),
		     ctl->devname, PATH_DEV_GHOSTSWAP);
	if (!S_ISREG(ctl->devstat.st_mode))
		errx(EXIT_FAILURE, _("error: %s is not a regular file"), ctl->devname);
	if (!ctl->existed || ctl->devstat.st_size == 0)
		return;

	buf = xcalloc(1, SWAP_MAX_PAGESIZE);
	n = pread(ctl->fd, buf, SWAP_MAX_PAGESIZE, 0);
	if (n < 0)
		err(EXIT_FAILURE, _("cannot read %s"), ctl->devname);
	if (swap_header_decode(buf, n, &h) == 0) {
		/* as util-linux says when it replaces a swap area, with its UUID */
		qwarnx(ctl, _("%s: warning: wiping old %s signature."), ctl->devname, "swap");
		free(buf);
		return;
	}
	free(buf);

	pr = new_probe(ctl);
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_enable_partitions(pr, 1);
	if (blkid_do_safeprobe(pr) == 0 && blkid_probe_lookup_value(pr, "TYPE", &type, NULL) != 0)
		blkid_probe_lookup_value(pr, "PTTYPE", &type, NULL);

	if (type && ctl->force)
		qwarnx(ctl, _("%s: warning: replacing the %s signature with a ghost swap header."),
		       ctl->devname, type);
	else if (type)
		errx(EXIT_FAILURE,
		     _("error: %s: %s signature found; will not replace it with a "
		       "ghost swap header (use --force)"),
		     ctl->devname, type);
	else if (ctl->force)
		qwarnx(ctl, _("%s: warning: replacing %jd bytes of data with a ghost swap header."),
		       ctl->devname, (intmax_t)ctl->devstat.st_size);
	else
		errx(EXIT_FAILURE,
		     _("error: %s is not empty and holds no swap header; will not "
		       "replace it with a ghost swap header (use --force)"),
		     ctl->devname);
	blkid_free_probe(pr);
}
