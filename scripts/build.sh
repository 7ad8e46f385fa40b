#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Configure and build ghostswap-utils out of tree.
#
#   scripts/build.sh host   -Werror, ASan and UBSan: for the host test suite
#   scripts/build.sh host-clang  the same with clang (LeakSanitizer reports
#                           there too: make -C build/host-clang check)
#   scripts/build.sh vm     -Werror, installed into DIR/dest with prefix /usr:
#                           the tools that go into the test VM
#
# Build trees live in ${GHOSTSWAP_BUILD:-<source>/build}/{host,host-clang,vm}. Prints
# the build tree (or, for vm, the install root) as its last line.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:?usage: scripts/build.sh host|host-clang|vm}
root=${GHOSTSWAP_BUILD:-$top/build}
dir=$root/$kind
jobs=${GHOSTSWAP_JOBS:-$(nproc)}

[ -x "$top/configure" ] || (cd "$top" && ./autogen.sh >/dev/null)
mkdir -p "$dir"
cd "$dir"
case $kind in
host) flags=(--enable-werror --enable-sanitizers) ;;
host-clang) flags=(--enable-werror --enable-sanitizers CC=clang) ;;
vm) flags=(--enable-werror --prefix=/usr --sysconfdir=/etc) ;;
*) echo "build.sh: unknown kind $kind" >&2; exit 2 ;;
esac
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
	"$top/configure" "${flags[@]}" >configure.log 2>&1 ||
		{ tail -n 30 configure.log >&2; exit 1; }
fi
make -j"$jobs" >make.log 2>&1 || { grep -E 'error|warning' make.log | head -n 40 >&2; tail -n 20 make.log >&2; exit 1; }
if [ "$kind" = vm ]; then
	rm -rf dest
	make install DESTDIR="$dir/dest" >install.log 2>&1 || { tail -n 20 install.log >&2; exit 1; }
	echo "$dir/dest"
else
	echo "$dir"
fi
