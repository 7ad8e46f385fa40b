#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian root file system of the systemd boot tests, cached.
#
# Usage: tests/vm/systemd/mkrootfs.sh
#
# Builds a small Debian bookworm system (mmdebstrap, essential packages
# plus systemd-sysv and udev) from Debian's archive and keeps it as a
# tarball in ${GHOSTSWAP_CACHE:-~/.cache/ghostswap-utils}/rootfs, named by
# a hash of this script (which holds the package list), the suite and the
# mirror: a second run, or another clone, reuses it. Prints the tarball's
# path as its last line. Needs root (mmdebstrap's root mode; the tarball
# keeps owners and modes) and the network to the mirror
# ($GHOSTSWAP_DEBIAN_MIRROR, default http://deb.debian.org/debian).
set -euo pipefail

SUITE=bookworm
MIRROR=${GHOSTSWAP_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# systemd as PID 1 and udev; the rest of what the tests and the package
# need (dpkg, util-linux, libmount, libsmartcols, libcap-ng...) is essential
PACKAGES=systemd-sysv,udev
CACHE=${GHOSTSWAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghostswap-utils}

log() { echo "mkrootfs.sh: $*" >&2; }
[ "$(id -u)" = 0 ] || { log "needs root (mmdebstrap --mode=root)"; exit 1; }
command -v mmdebstrap >/dev/null || { log "mmdebstrap not found (scripts/install-deps.sh)"; exit 1; }

key=$( { cat "$0"; echo "$SUITE $MIRROR $PACKAGES"; } | sha256sum | cut -c1-16)
dir=$CACHE/rootfs
tarball=$dir/$SUITE-$key.tar
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if [ -s "$tarball" ]; then
	log "cached: $tarball"
	echo "$tarball"
	exit 0
fi

start=$(date +%s)
log "building $SUITE from $MIRROR ($PACKAGES), log in $dir/build.log"
rm -f "$tarball.tmp"
if ! mmdebstrap --mode=root --variant=essential --include="$PACKAGES" \
	--format=tar "$SUITE" "$tarball.tmp" "$MIRROR" >"$dir/build.log" 2>&1; then
	tail -n 20 "$dir/build.log" >&2
	rm -f "$tarball.tmp"
	log "mmdebstrap failed"
	exit 1
fi
mv "$tarball.tmp" "$tarball"
# older tarballs of other keys are what a changed package list left behind
find "$dir" -maxdepth 1 -name "$SUITE-*.tar" ! -name "$(basename "$tarball")" -delete
log "built in $(( $(date +%s) - start ))s: $tarball ($(du -h "$tarball" | cut -f1))"
echo "$tarball"
