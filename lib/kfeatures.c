/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel feature probes, all through the sysroot so tests can fake them. */
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "c.h"
#include "ghost.h"
#include "kfeatures.h"
#include "pathnames.h"
#include "strutils.h"
#include "sysroot.h"

/*
 * A captured tree cannot hold device nodes (git, unprivileged tests): there a
 * regular file whose first line is "char MAJOR:MINOR" stands for the node.
 */
static enum kf_devnode fixture_devnode(void)
{
	unsigned int maj, min;
	char *line;
	int ok;

	if (sysroot_read_line(PATH_DEV_GHOSTSWAP, &line))
		return KF_DEVNODE_WRONG;
	ok = sscanf(line, "char %u:%u", &maj, &min) == 2 && maj == GHOSTSWAP_MAJOR &&
	     min == GHOSTSWAP_MINOR;
	free(line);
	return ok ? KF_DEVNODE_OK : KF_DEVNODE_WRONG;
}

static enum kf_devnode probe_devnode(void)
{
	struct stat st;

	/* lstat: a symlink named /dev/ghostswap is not the device */
	if (sysroot_lstat(PATH_DEV_GHOSTSWAP, &st) != 0)
		return KF_DEVNODE_MISSING;
	if (!sysroot_is_live() && S_ISREG(st.st_mode))
		return fixture_devnode();
	if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != GHOSTSWAP_MAJOR ||
	    minor(st.st_rdev) != GHOSTSWAP_MINOR)
		return KF_DEVNODE_WRONG;
	return KF_DEVNODE_OK;
}

bool kfeatures_param_true(const char *value)
{
	return !strcmp(value, "Y") || !strcmp(value, "1");
}

static bool param_false(const char *value)
{
	return !strcmp(value, "N") || !strcmp(value, "0");
}

enum kf_zswap kfeatures_zswap(void)
{
	enum kf_zswap z = KF_ZSWAP_UNKNOWN;
	char *value;
	int rc = sysroot_read_line(PATH_ZSWAP_ENABLED, &value);

	/* no /sys/module/zswap at all: not built (a loaded module has it) */
	if (rc == -ENOENT || rc == -ENOTDIR)
		return sysroot_exists(PATH_ZSWAP_PARAMS) ? KF_ZSWAP_UNKNOWN : KF_ZSWAP_MISSING;
	if (rc)
		return KF_ZSWAP_UNKNOWN;
	if (kfeatures_param_true(value))
		z = KF_ZSWAP_ON;
	else if (param_false(value))
		z = KF_ZSWAP_OFF;
	free(value);
	return z;
}

void kfeatures_probe(struct kfeatures *kf)
{
	int rc;

	memset(kf, 0, sizeof(*kf));
	/* read, not only looked at, so that --save keeps the size too */
	rc = sysroot_read_u64(PATH_GHOSTSWAP_SIZE, &kf->ghost_size);
	kf->ghost = rc != -ENOENT && rc != -ENOTDIR;
	kf->ghost_size_rc = rc;
	kf->devnode = probe_devnode();
	kf->tiers = sysroot_exists(PATH_SWAP_TIERS);
}

const char *kfeatures_kernel(void)
{
	return sysroot_is_live() ? _("the running kernel") : _("the kernel of the --sysroot tree");
}
