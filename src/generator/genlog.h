/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where a generator's messages go. systemd runs generators before the
 * journal is up: what they write to /dev/kmsg reaches the journal later
 * under their name, which is what systemd's own generators do. Run by hand
 * (or by the tests) the messages go to stderr like any tool's.
 */
#ifndef GHOSTSWAP_GENLOG_H
#define GHOSTSWAP_GENLOG_H

#include <syslog.h>

#include "c.h"

/* Decide where messages go: kmsg when systemd runs us, else stderr. */
void genlog_open(void);

/* One message of syslog priority @prio (LOG_ERR, LOG_WARNING, ...). */
void genlog(int prio, const char *fmt, ...) __printf(2, 3);

#endif
