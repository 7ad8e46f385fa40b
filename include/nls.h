/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Native language support: every user-facing string goes through _(). */
#ifndef GHOSTSWAP_NLS_H
#define GHOSTSWAP_NLS_H

#include <locale.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)			gettext(s)
#define P_(singular, plural, n) ngettext(singular, plural, n)
#else
#define _(s)			(s)
#define P_(singular, plural, n) ((n) == 1 ? (singular) : (plural))
#define textdomain(d)
#define bindtextdomain(d, dir)
#endif
#define N_(s) (s)

/* Call first thing in main(). */
void nls_init(void);

#endif
