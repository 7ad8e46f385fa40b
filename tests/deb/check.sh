#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package: build it, lint it, and install it into a Debian
# system, where it must take mkswap over from util-linux and give it back.
#
# Usage: tests/deb/check.sh (--tarball FILE | --deb FILE) [-o DIR]
#
#   --tarball  build the package with dpkg-buildpackage -b from this release
#              tarball (make dist), unpacked in DIR, as Debian builds it:
#              in the source tree, make check included
#   --deb      test this package instead of building one
#   -o DIR     where to build (default build/deb); the package ends up in
#              DIR/ghostswap-utils_VERSION_ARCH.deb, logs beside it
#
# The system is the Debian root file system of the systemd boot tests
# (tests/vm/systemd/mkrootfs.sh, cached), unpacked into DIR/chroot: the
# package is installed, installed again, removed, installed and purged
# there with dpkg, and after each step the diversions, util-linux's files
# (by checksum and by dpkg --verify) and the package's files are checked.
# Prints PASS/FAIL lines and "N passed, N failed" last. Needs root.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
TARBALL='' DEB='' OUT=$TOP/build/deb
while [ $# -gt 0 ]; do
	case $1 in
	--tarball) TARBALL=${2:?}; shift 2 ;;
	--deb) DEB=${2:?}; shift 2 ;;
	-o) OUT=${2:?}; shift 2 ;;
	-h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "check.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
{ [ -n "$TARBALL" ] || [ -n "$DEB" ]; } || { echo "check.sh: give --tarball FILE or --deb FILE" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "check.sh: needs root (chroot, dpkg)" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

passed=0 failed=0
report() { # report STATUS NAME [WHY]
	case $1 in PASS) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
	echo "$1: deb/$2${3:+ ($3)}"
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}
equal() { # equal NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		report PASS "$1"
	else
		report FAIL "$1" "expected '$(echo "$2" | tr '\n' '|')', got '$(echo "$3" | tr '\n' '|')'"
	fi
}

# 1. build, as Debian does: from the release tarball, in its source tree
if [ -n "$TARBALL" ]; then
	t0=$(date +%s)
	rm -rf "$OUT/src" "$OUT"/ghostswap-utils*_*
	mkdir -p "$OUT/src"
	tar -xf "$TARBALL" -C "$OUT/src"
	src=$(echo "$OUT"/src/ghostswap-utils-*)
	if (cd "$src" && dpkg-buildpackage -b -us -uc) >"$OUT/build.log" 2>&1; then
		report PASS build "$(( $(date +%s) - t0 ))s; $(grep -E '^[0-9]+ passed, ' "$OUT/build.log" | tail -n 1)"
	else
		tail -n 30 "$OUT/build.log"
		report FAIL build "dpkg-buildpackage failed, see $OUT/build.log"
		finish
	fi
	mv "$OUT"/src/ghostswap-utils*_* "$OUT"/
	DEB=$(ls "$OUT"/ghostswap-utils_*.deb)
fi
[ -f "$DEB" ] || { report FAIL package "no package $DEB"; finish; }

# 2. lintian: no error (warnings and infos are printed, for the record)
if command -v lintian >/dev/null; then
	changes=$(ls "$(dirname "$DEB")"/ghostswap-utils_*.changes 2>/dev/null | head -n 1)
	if lintian --fail-on error ${changes:-$DEB} >"$OUT/lintian.log" 2>&1; then
		report PASS lintian "$(grep -c '^[EWI]:' "$OUT/lintian.log" || true) tags, no error"
	else
		cat "$OUT/lintian.log"
		report FAIL lintian "errors, see $OUT/lintian.log"
	fi
	grep '^[EWI]:' "$OUT/lintian.log" | sed 's/^/    /' || true
else
	report FAIL lintian "lintian is not installed (scripts/install-deps.sh)"
fi

# 3. install, reinstall, remove, install, purge in a Debian system
if ! rootfs=$("$TOP/tests/vm/systemd/mkrootfs.sh" | tail -n 1); then
	report FAIL chroot "no Debian root file system (tests/vm/systemd/mkrootfs.sh)"
	finish
fi
R=$OUT/chroot
rm -rf "$R"
mkdir -p "$R"
tar -xpf "$rootfs" -C "$R" --numeric-owner
[ -e "$R/dev/null" ] || mknod -m 666 "$R/dev/null" c 1 3
cp "$DEB" "$R/tmp/ghostswap-utils.deb"
in_root() { chroot "$R" "$@"; }

UL_FILES="/sbin/mkswap /usr/share/man/man8/mkswap.8.gz /usr/share/bash-completion/completions/mkswap"
sums() { # sums SUFFIX: checksums of util-linux's files, at their names + SUFFIX
	local f
	for f in $UL_FILES; do
		case $f in
		*.8.gz) f=${f%.8.gz}$1.8.gz ;;
		*) f=$f$1 ;;
		esac
		echo "$(sha256sum < "$R$f" 2>&1 | cut -d" " -f1) $f"
	done
}
ul_orig=$(sums "")
DIVERSIONS="diversion of /sbin/mkswap to /sbin/mkswap.util-linux by ghostswap-utils
diversion of /usr/share/bash-completion/completions/mkswap to /usr/share/bash-completion/completions/mkswap.util-linux by ghostswap-utils
diversion of /usr/share/man/man8/mkswap.8.gz to /usr/share/man/man8/mkswap.util-linux.8.gz by ghostswap-utils"
diversions() { in_root dpkg-divert --list | grep 'by ghostswap-utils$' | sort; }

installed() { # installed STEP: the package is in, util-linux's files moved aside
	equal "$1/diversions" "$DIVERSIONS" "$(diversions)"
	equal "$1/util-linux-files-moved" "$(echo "$ul_orig" | sed 's|mkswap.8.gz|mkswap.util-linux.8.gz|; s|\(mkswap\)$|\1.util-linux|')" \
		"$(sums .util-linux)"
	equal "$1/util-linux-verifies" "" "$(in_root dpkg --verify util-linux 2>&1)"
	equal "$1/package-verifies" "" "$(in_root dpkg --verify ghostswap-utils 2>&1)"
	equal "$1/mkswap-is-ours" "mkswap from ghostswap-utils" \
		"$(in_root /sbin/mkswap --version 2>&1 | sed 's/ [0-9.]*$//')"
	equal "$1/mkswap.util-linux" "mkswap.util-linux from util-linux" \
		"$(in_root mkswap.util-linux --version 2>&1 | sed 's/ [0-9.]*$//')"
	# the mkswap ghostswapon runs (--fixpgsz of an area made for 64 KiB pages)
	rm -f "$R/tmp/p64k"
	in_root mkswap -q -p 65536 -U 11111111-2222-4333-8444-555555555555 --file /tmp/p64k --size 1M
	equal "$1/ghostswapon-runs-its-mkswap" \
		"would run: /sbin/mkswap -U 11111111-2222-4333-8444-555555555555 /tmp/p64k" \
		"$(in_root ghostswapon --dry-run --fixpgsz /tmp/p64k 2>&1 | grep '^would run')"
	missing=$(in_root dpkg -L ghostswap-utils | grep '^/' | while read -r f; do
		[ -e "$R$f" ] || echo "$f"
	done)
	equal "$1/files-present" "" "$missing"
	equal "$1/generator" "ghostswap-generator from ghostswap-utils" \
		"$(in_root /lib/systemd/system-generators/ghostswap-generator --version 2>&1 | sed 's/ [0-9.]*$//')"
	equal "$1/timer-not-enabled" "" \
		"$(ls "$R/etc/systemd/system/timers.target.wants" | grep swapstat || true)"
}
gone() { # gone STEP: util-linux's files are back, byte for byte, nothing of ours left
	equal "$1/no-diversions" "" "$(diversions)"
	equal "$1/util-linux-files-back" "$ul_orig" "$(sums "")"
	equal "$1/util-linux-verifies" "" "$(in_root dpkg --verify util-linux 2>&1)"
	equal "$1/mkswap-is-util-linux" "mkswap from util-linux" \
		"$(in_root /sbin/mkswap --version 2>&1 | sed 's/ [0-9.]*$//')"
	left=$(cd "$R" && ls -d sbin/ghostswapon sbin/ghostswapoff usr/bin/swapstat \
		lib/systemd/system-generators/ghostswap-generator lib/udev/rules.d/60-ghostswap.rules \
		usr/share/man/man8/ghostswapon.8.gz usr/libexec/ghostswap-utils 2>/dev/null || true)
	equal "$1/files-removed" "" "$left"
}
step() { # step NAME COMMAND...: run a dpkg command in the chroot
	local name=$1
	shift
	if out=$(in_root "$@" 2>&1); then
		report PASS "$name"
	else
		report FAIL "$name" "$(echo "$out" | tail -n 3 | tr '\n' ' ')"
	fi
}

equal util-linux-before "mkswap from util-linux" "$(in_root /sbin/mkswap --version 2>&1 | sed 's/ [0-9.]*$//')"
step install dpkg -i /tmp/ghostswap-utils.deb
installed install
step reinstall dpkg -i /tmp/ghostswap-utils.deb
installed reinstall
step remove dpkg -r ghostswap-utils
gone remove
step install-again dpkg -i /tmp/ghostswap-utils.deb
installed install-again
step purge dpkg -P ghostswap-utils
gone purge
equal purge/not-known "" "$(in_root dpkg-query -W -f='${db:Status-Status}' ghostswap-utils 2>/dev/null || true)"
rm -rf "$R"
finish
