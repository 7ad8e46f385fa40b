/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A sample: the sysroot layer pointed at the tree to read (the live system,
 * or the one --sysroot for it) and, with --save, the capture layer at the
 * directory that keeps it. The default views take one sample, --watch many.
 */
#include <inttypes.h>

#include "c.h"
#include "capture.h"
#include "swapstat.h"
#include "sysroot.h"

void sample_begin(const struct ctl *ctl, uint64_t i, bool watch)
{
	if (ctl->nsysroots)
		sysroot_set(ctl->sysroots[ctl->nsysroots > 1 ? i : 0]);
	if (ctl->save_dir) {
		char sample[32];
		int rc;

		snprintf(sample, sizeof(sample), "%" PRIu64, i);
		rc = capture_save_begin(ctl->save_dir, watch ? sample : NULL);
		if (rc && watch)
			errx(EXIT_FAILURE, _("cannot create %s/%s: %s"), ctl->save_dir, sample,
			     strerror(-rc));
		if (rc)
			errx(EXIT_FAILURE, _("cannot create %s: %s"), ctl->save_dir, strerror(-rc));
	}
}

int sample_end(void)
{
	return capture_save_end();
}
