/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ghostswap-generator --setup-tiers NAME:START...: what ghostswap-tiers.service
 * runs at boot. Creates the tiers that do not exist yet, in one write (the
 * kernel applies it whole or not at all), and accepts tiers that exist
 * with the same start, so that running it again changes nothing.
 */
#ifndef GHOSTSWAP_SETUPTIERS_H
#define GHOSTSWAP_SETUPTIERS_H

/* Returns the exit status: 0, or 1 after a message on stderr. */
int setup_tiers(int nspecs, char **specs);

#endif
