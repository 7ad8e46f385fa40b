/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit names as systemd derives them from paths, so that the generator
 * names the same .swap unit that systemd-fstab-generator writes for an
 * fstab entry (systemd-escape --path --suffix=swap), and fstab tags as the
 * udev symlinks systemd uses for them (LABEL=x is /dev/disk/by-label/x).
 */
#ifndef GHOSTSWAP_UNITNAME_H
#define GHOSTSWAP_UNITNAME_H

/* systemd's limit for a unit name, with the suffix, without the NUL */
#define UNIT_NAME_MAX 255

/*
 * The node systemd uses for an fstab source: LABEL=, UUID=, PARTUUID= and
 * PARTLABEL= become /dev/disk/by-*\/VALUE with udev's escaping, anything
 * else is returned as it is. free() the result.
 */
char *unitname_fstab_node(const char *source);

/*
 * @prefix + escaped @path + @suffix ("", "/var/swap", ".swap" gives
 * "var-swap.swap"). NULL when systemd would refuse the path (".." in it)
 * or the name would be longer than UNIT_NAME_MAX. free() the result.
 */
char *unitname_from_path(const char *prefix, const char *path, const char *suffix);

#endif
