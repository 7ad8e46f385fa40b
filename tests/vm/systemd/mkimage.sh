#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The disks of one systemd boot test: the root file system with the suite
# installed, and a disk with two swap partitions.
#
# Usage: tests/vm/systemd/mkimage.sh --rootfs TARBALL (--deb FILE | --tools DESTDIR)
#                                    -o DIR
#
#   --rootfs   the Debian system from mkrootfs.sh
#   --deb      install ghostswap-utils from this package (dpkg -i in a chroot:
#              its diversion of util-linux's mkswap included)
#   --tools    or copy this `make install DESTDIR=...` tree (prefix /usr)
#   -o DIR     writes DIR/root.img (ext2, no loop mount needed: mke2fs -d)
#              and DIR/swap.img (vdb1: swap; vdb2: swap labelled gstier)
#
# The root image also gets the fstab of the test, the test's unit and
# script (guest/), the directories the test expects, and no login prompt.
# Needs root (to unpack the tarball with its owners and to chroot).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOTFS='' DEB='' TOOLS='' OUT=''
while [ $# -gt 0 ]; do
	case $1 in
	--rootfs) ROOTFS=${2:?}; shift 2 ;;
	--deb) DEB=${2:?}; shift 2 ;;
	--tools) TOOLS=${2:?}; shift 2 ;;
	-o) OUT=${2:?}; shift 2 ;;
	-h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "mkimage.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
log() { echo "mkimage.sh: $*" >&2; }
[ -f "$ROOTFS" ] || { log "--rootfs TARBALL is required"; exit 2; }
[ -n "$OUT" ] || { log "-o DIR is required"; exit 2; }
{ [ -n "$DEB" ] && [ -z "$TOOLS" ]; } || { [ -z "$DEB" ] && [ -n "$TOOLS" ]; } ||
	{ log "give one of --deb FILE and --tools DESTDIR"; exit 2; }
[ "$(id -u)" = 0 ] || { log "needs root"; exit 1; }

mkdir -p "$OUT"
work=$(mktemp -d "${TMPDIR:-/tmp}/gs-image.XXXXXX")
root=$work/root
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir "$root"
tar -xpf "$ROOTFS" -C "$root" --numeric-owner

if [ -n "$DEB" ]; then
	# maintainer scripts write to /dev/null (mmdebstrap's tarball has one)
	[ -e "$root/dev/null" ] || mknod -m 666 "$root/dev/null" c 1 3
	cp "$DEB" "$root/tmp/ghostswap-utils.deb"
	chroot "$root" dpkg -i /tmp/ghostswap-utils.deb >"$OUT/dpkg.log" 2>&1 ||
		{ cat "$OUT/dpkg.log" >&2; log "dpkg -i failed"; exit 1; }
	rm -f "$root/tmp/ghostswap-utils.deb"
else
	cp -a "$TOOLS"/. "$root"/
fi

# the test
G=$root/usr/lib/ghostswap-boottest
mkdir -p "$G"
install -m 0755 "$HERE/guest/boottest.sh" "$G/boottest.sh"
install -m 0644 "$HERE/guest/gs-boottest.service" "$root/etc/systemd/system/"
ln -sf ../gs-boottest.service "$root/etc/systemd/system/multi-user.target.wants/gs-boottest.service"
install -m 0644 "$HERE/guest/fstab" "$root/etc/fstab"
# the ghost files' directory, and node_exporter's textfile directory
mkdir -p "$root/var/swap" "$root/var/lib/prometheus/node-exporter"
echo gs-boottest > "$root/etc/hostname"
# no login prompt on the console (its output would mix with the test's)
ln -sf /dev/null "$root/etc/systemd/system/serial-getty@ttyS0.service"
ln -sf /dev/null "$root/etc/systemd/system/getty@tty1.service"
ln -sf /dev/null "$root/etc/systemd/system/getty-static.service"

rm -f "$OUT/root.img"
mke2fs -q -F -t ext2 -b 4096 -L gsroot -d "$root" "$OUT/root.img" 768M

# vdb1: 64 MiB of swap at 1 MiB; vdb2: 64 MiB labelled gstier after it
rm -f "$OUT/swap.img" "$work/p1" "$work/p2"
truncate -s 160M "$OUT/swap.img"
printf 'label: dos\nstart=2048, size=131072, type=82\nstart=133120, size=131072, type=82\n' |
	sfdisk -q "$OUT/swap.img" >/dev/null
truncate -s 64M "$work/p1" "$work/p2"
mkswap -q "$work/p1"
mkswap -q -L gstier "$work/p2"
dd if="$work/p1" of="$OUT/swap.img" bs=512 seek=2048 conv=notrunc,sparse status=none
dd if="$work/p2" of="$OUT/swap.img" bs=512 seek=133120 conv=notrunc,sparse status=none
log "$OUT/root.img ($(du -h "$OUT/root.img" | cut -f1) used), $OUT/swap.img"
