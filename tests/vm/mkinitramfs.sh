#!/bin/bash
# Build the initramfs of the ghostswap-utils test VM.
#
# Usage: tests/vm/mkinitramfs.sh [--tools DESTDIR] [--extra PROGRAM]... -o OUTPUT.cpio.gz
#
#   --tools DESTDIR  a tree made by `make install DESTDIR=...`; it is copied
#                    into the VM as is (so tools keep their installed paths),
#                    and mkswap, ghostswapon, ghostswapoff and swapstat are
#                    looked up in it.  Default: $GHOSTSWAP_TOOLS_DIR, else none.
#   --extra PROGRAM  a host executable (an absolute path, e.g. /usr/bin/perf)
#                    copied to the same path with the libraries it needs.
#
# Contents: Debian's busybox-static as /bin/busybox with its applets, the
# project's tools and the shared libraries they need (found with ldd, dynamic
# loader included), the system's util-linux swapon/swapoff/mkswap as
# /usr/lib/ghostswap-test/util-linux/*, the helpers in tests/vm/helpers/*.c
# (built statically with the host gcc) in /usr/lib/ghostswap-test/bin, the
# scenarios in /usr/lib/ghostswap-test/scenarios and /init.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
TOOLS=${GHOSTSWAP_TOOLS_DIR:-}
OUTPUT=
EXTRA=()
while [ $# -gt 0 ]; do
	case $1 in
	--tools) TOOLS=${2:?}; shift 2 ;;
	--tools=*) TOOLS=${1#*=}; shift ;;
	--extra) EXTRA+=("${2:?}"); shift 2 ;;
	-o) OUTPUT=${2:?}; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "mkinitramfs.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$OUTPUT" ] || { echo "mkinitramfs.sh: -o OUTPUT is required" >&2; exit 2; }
for x in "${EXTRA[@]}"; do
	case $x in
	/*) [ -f "$x" ] && [ -x "$x" ] || { echo "mkinitramfs.sh: --extra $x: not an executable file" >&2; exit 1; } ;;
	*) echo "mkinitramfs.sh: --extra $x: give an absolute path" >&2; exit 2 ;;
	esac
done

BUSYBOX=${GHOSTSWAP_BUSYBOX:-/bin/busybox}
bb_ldd=$(ldd "$BUSYBOX" 2>&1 || true)
if ! grep -qE 'not a dynamic executable|statically linked' <<<"$bb_ldd"; then
	echo "mkinitramfs.sh: $BUSYBOX is not static (install busybox-static)" >&2
	exit 1
fi

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/gs-initramfs.XXXXXX")
trap 'rm -rf "$ROOT"' EXIT
GS=$ROOT/usr/lib/ghostswap-test
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,root,etc} "$GS"/{bin,scenarios,util-linux}

# busybox and its applets; mkswap/swapon/swapoff stay out of PATH so that
# the tools under test are never shadowed by busybox (use `busybox swapon`).
cp "$BUSYBOX" "$ROOT/bin/busybox"
for applet in $("$BUSYBOX" --list); do
	case $applet in
	busybox|mkswap|swapon|swapoff|init|linuxrc) continue ;;
	esac
	ln -s busybox "$ROOT/bin/$applet"
done

# copy_elf FILE DEST: copy an executable and the libraries ldd lists.
copy_libs() {
	local lib libs
	libs=$({ ldd "$1" 2>/dev/null || true; } | grep -oE '/[^ ]+' || true)
	for lib in $libs; do
		[ -e "$lib" ] || continue
		if [ ! -e "$ROOT$lib" ]; then
			mkdir -p "$ROOT$(dirname "$lib")"
			cp -L "$lib" "$ROOT$lib"
		fi
	done
}
copy_elf() {
	mkdir -p "$(dirname "$2")"
	cp -L "$1" "$2"
	copy_libs "$1"
}

# The project's tools.
declare -A TOOL_PATH=()
if [ -n "$TOOLS" ]; then
	[ -d "$TOOLS" ] || { echo "mkinitramfs.sh: tools dir $TOOLS does not exist" >&2; exit 1; }
	cp -a "$TOOLS"/. "$ROOT"/
	while IFS= read -r f; do
		rel=${f#"$TOOLS"}
		name=$(basename "$f")
		case $name in
		mkswap|ghostswapon|ghostswapoff|swapstat)
			TOOL_PATH[$name]=$rel
			copy_libs "$f" ;;
		*) [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] && copy_libs "$f" ;;
		esac
	done < <(find "$TOOLS" -type f -perm -u+x)
fi
# Tools the project's source tree has: a scenario fails if one of these
# is missing from the VM instead of silently falling back.
PROJECT_TOOLS=
# (src/NAME.c, src/NAME/ or src/DIR/NAME.c).
for t in mkswap ghostswapon ghostswapoff swapstat; do
	if [ -f "$TOP/src/$t.c" ] || [ -d "$TOP/src/$t" ] || compgen -G "$TOP/src/*/$t.c" >/dev/null; then
		PROJECT_TOOLS+="$t "
	fi
done

# Extra host programs (bench/vm/run.sh --only profile: perf).
for x in "${EXTRA[@]}"; do
	copy_elf "$x" "$ROOT$x"
done

# util-linux for compatibility scenarios.
for t in swapon swapoff mkswap; do
	for d in /sbin /usr/sbin; do
		if [ -x "$d/$t" ]; then copy_elf "$d/$t" "$GS/util-linux/$t"; break; fi
	done
done

# Helpers.
HELPERS_OUT=${GHOSTSWAP_VM_OUT:-$HERE/out}/helpers
mkdir -p "$HELPERS_OUT"
for c in "$HERE"/helpers/*.c; do
	name=$(basename "$c" .c)
	stale=0
	for src in "$c" "$HERE"/helpers/*.h; do
		if [ -f "$src" ] && [ "$src" -nt "$HELPERS_OUT/$name" ]; then stale=1; fi
	done
	if [ ! -x "$HELPERS_OUT/$name" ] || [ "$stale" = 1 ]; then
		gcc -O2 -Wall -Wextra -static -o "$HELPERS_OUT/$name" "$c" 2>/dev/null ||
			gcc -O2 -Wall -Wextra -o "$HELPERS_OUT/$name" "$c"
	fi
	copy_elf "$HELPERS_OUT/$name" "$GS/bin/$name"
done

# Scenarios, shared library, init.
cp "$HERE"/scenarios/*.sh "$GS/scenarios/"
cp "$HERE"/guest/*.sh "$GS/"
[ -d "$TOP/bench/vm/guest" ] && cp "$TOP"/bench/vm/guest/*.sh "$GS/"
cp "$HERE/guest/init" "$ROOT/init"
chmod 755 "$ROOT/init" "$GS"/scenarios/*.sh

{
	echo "# generated by tests/vm/mkinitramfs.sh"
	for t in mkswap ghostswapon ghostswapoff swapstat; do
		var=GS_$(echo "$t" | tr '[:lower:]' '[:upper:]')
		echo "export $var=${TOOL_PATH[$t]:-}"
	done
	echo "export GS_PROJECT_TOOLS='${PROJECT_TOOLS% }'"
	echo "export GS_UL=/usr/lib/ghostswap-test/util-linux"
	echo "[ -b /dev/vda ] && export GS_DISK=/dev/vda"
	# Directories the tools were installed into go first in PATH.
	dirs=
	for t in "${!TOOL_PATH[@]}"; do
		d=$(dirname "${TOOL_PATH[$t]}")
		case ":$dirs:" in *":$d:"*) ;; *) dirs+="$d:" ;; esac
	done
	echo "export PATH=${dirs}\$PATH"
} > "$GS/env"
echo "root:x:0:0:root:/root:/bin/sh" > "$ROOT/etc/passwd"
echo "root:x:0:" > "$ROOT/etc/group"

mkdir -p "$(dirname "$OUTPUT")"
(cd "$ROOT" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) | gzip -1 > "$OUTPUT.tmp"
mv "$OUTPUT.tmp" "$OUTPUT"
found="${!TOOL_PATH[*]}"
echo "mkinitramfs.sh: $OUTPUT ($(du -h "$OUTPUT" | cut -f1)); project tools: ${found:-none}" >&2
