#!/bin/bash
# Build a test kernel for ghostswap-utils.
#
# Usage: kernel/build.sh [--variant ghost|stock|debug] [--kernel-source DIR] [-j N]
#
#   ghost  the patch series in kernel/series on top of kernel/ghostswap.config
#   stock  the same configuration without the series (unpatched baseline)
#   debug  the series with kernel/ghostswap-debug.config added (KASAN,
#          lockdep, DEBUG_VM, DEBUG_LIST)
#
# Everything is built in the cache directory
#   ${GHOSTSWAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghostswap-utils}
# never in the source tree.  A second run is incremental: the tree is only
# re-copied and re-patched when the series changes, and only reconfigured
# when a config fragment changes.  The path of the bzImage is the last line
# of stdout; progress goes to stderr, the full build log to
# $CACHE/logs/build-VARIANT.log.
#
# --kernel-source DIR (or GHOSTSWAP_KERNEL_SOURCE) uses an unpacked 7.3 tree
# the user already has instead of Debian's linux-source-7.3 (see
# kernel/fetch-source.sh).  That tree is only read.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${GHOSTSWAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghostswap-utils}
VARIANT=ghost
SOURCE=${GHOSTSWAP_KERNEL_SOURCE:-}
JOBS=${GHOSTSWAP_JOBS:-$(nproc)}

log() { echo "build.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit "${1:-2}"; }

while [ $# -gt 0 ]; do
	case $1 in
	--variant) VARIANT=${2:?}; shift 2 ;;
	--variant=*) VARIANT=${1#*=}; shift ;;
	--kernel-source) SOURCE=${2:?}; shift 2 ;;
	--kernel-source=*) SOURCE=${1#*=}; shift ;;
	-j) JOBS=${2:?}; shift 2 ;;
	-j*) JOBS=${1#-j}; shift ;;
	-h|--help) usage 0 ;;
	*) log "unknown argument: $1"; usage ;;
	esac
done

case $VARIANT in
ghost|debug) TREE_NAME=ghost; PATCHED=1 ;;
stock) TREE_NAME=stock; PATCHED=0 ;;
*) die "unknown variant '$VARIANT' (ghost, stock or debug)" ;;
esac

for tool in make gcc flex bison bc rsync patch sha256sum; do
	command -v "$tool" >/dev/null || die "$tool not found (see kernel/deps.txt)"
done

mkdir -p "$CACHE/logs" "$CACHE/tree" "$CACHE/out"
# The tree is prepared under an exclusive lock and built from under a
# shared one (ghost and debug share it); each output directory has its own.
exec 9>"$CACHE/.tree-$TREE_NAME.lock"
flock 9

# 1. The pristine source.
if [ -n "$SOURCE" ]; then
	SOURCE=$(cd "$SOURCE" && pwd) || die "no such kernel source: $SOURCE"
	if [ ! -f "$SOURCE/Makefile" ] || [ ! -f "$SOURCE/mm/swapfile.c" ]; then
		die "$SOURCE does not look like a Linux source tree"
	fi
	SOURCE_ID="user:$SOURCE"
else
	SOURCE=$("$HERE/fetch-source.sh" | tail -n1)
	SOURCE_ID="deb:$(cat "$SOURCE/.ghostswap-extracted")"
fi
kver=$(make -s -C "$SOURCE" kernelversion 2>/dev/null || true)
case $kver in
7.3|7.3.*) ;;
*) log "warning: kernel source is version '$kver', the series is for 7.3" ;;
esac

# 2. The (patched) tree for this variant, stamped with the hash of the
#    series and its patches.
series_files() {
	local p
	grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$HERE/series" | while read -r p; do
		echo "$HERE/patches/$p"
	done
}

TREE=$CACHE/tree/$TREE_NAME
if [ "$PATCHED" = 1 ]; then
	mapfile -t PATCHES < <(series_files)
	for p in "${PATCHES[@]}"; do
		[ -f "$p" ] || die "series names a missing patch: $p"
	done
	tree_stamp=$( { echo "$SOURCE_ID"; cat "$HERE/series" "${PATCHES[@]}"; } | sha256sum | cut -d' ' -f1)
else
	PATCHES=()
	tree_stamp=$(echo "$SOURCE_ID" | sha256sum | cut -d' ' -f1)
fi

if [ "$(cat "$TREE/.ghostswap-stamp" 2>/dev/null)" != "$tree_stamp" ]; then
	# Patch a fresh copy of the pristine tree, then sync it into the tree
	# make uses by content (no timestamps kept): only files whose content
	# changed get a new mtime, so make rebuilds exactly what changed, also
	# when a patch is dropped or edited.
	log "preparing $TREE_NAME tree from $SOURCE"
	STAGE=$CACHE/tree/.stage-$TREE_NAME
	rm -rf "$STAGE"
	rsync -a "$SOURCE/" "$STAGE/"
	for p in "${PATCHES[@]}"; do
		log "applying $(basename "$p")"
		if ! out=$(patch -d "$STAGE" -p1 --batch --forward --no-backup-if-mismatch < "$p" 2>&1); then
			echo "$out" >&2
			rm -rf "$STAGE"
			die "patch $(basename "$p") does not apply to $SOURCE ($kver): the series needs updating for this kernel"
		fi
	done
	rm -f "$TREE/.ghostswap-stamp"
	mkdir -p "$TREE"
	rsync -rlp --checksum --delete --exclude=/.ghostswap-stamp "$STAGE/" "$TREE/"
	rm -rf "$STAGE"
	echo "$tree_stamp" > "$TREE/.ghostswap-stamp"
fi

flock -s 9
exec 8>"$CACHE/.out-$VARIANT.lock"
flock 8

# 3. Configuration: allnoconfig plus the fragments, checked symbol by symbol.
OUT=$CACHE/out/$VARIANT
mkdir -p "$OUT"
FRAGS=("$HERE/ghostswap.config")
[ "$VARIANT" = debug ] && FRAGS+=("$HERE/ghostswap-debug.config")
cfg_stamp=$( { echo "$tree_stamp"; cat "${FRAGS[@]}"; } | sha256sum | cut -d' ' -f1)
# make sees every variant's tree and output directory at the same two paths,
# bind mounts in a private mount namespace: the compiler command lines of
# the files the series does not touch are then the same for ghost and
# stock, and ccache compiles them once (in a run from an empty cache, stock
# reuses most of ghost's objects).  Without the namespace (not root, no
# unshare), make runs at the real paths and every variant compiles alone.
BUILD_SRC=$CACHE/build/src BUILD_OUT=$CACHE/build/out
if [ -z "${GHOSTSWAP_NO_SHARED_PATHS:-}" ] &&
	unshare -m --propagation private true 2>/dev/null; then
	mkdir -p "$BUILD_SRC" "$BUILD_OUT"
	MAKE=(unshare -m --propagation private -- sh -c
		'mount --bind "$1" "$3" && mount --bind "$2" "$4" && shift 4 && exec "$@"'
		sh "$TREE" "$OUT" "$BUILD_SRC" "$BUILD_OUT" make -C "$BUILD_SRC" O="$BUILD_OUT")
else
	MAKE=(make -C "$TREE" O="$OUT")
fi
MAKE+=(-j"$JOBS" KBUILD_BUILD_USER=ghostswap KBUILD_BUILD_HOST=ghostswap-utils)
if command -v ccache >/dev/null && [ -z "${GHOSTSWAP_NO_CCACHE:-}" ]; then
	export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
	MAKE+=(CC="ccache gcc")
fi
LOG=$CACHE/logs/build-$VARIANT.log

if [ "$(cat "$OUT/.ghostswap-config-stamp" 2>/dev/null)" != "$cfg_stamp" ] || [ ! -f "$OUT/.config" ]; then
	log "configuring $VARIANT in $OUT"
	cat "${FRAGS[@]}" > "$OUT/ghostswap.fragment"
	"${MAKE[@]}" KCONFIG_ALLCONFIG="$OUT/ghostswap.fragment" allnoconfig > "$LOG" 2>&1 ||
		{ tail -n 30 "$LOG" >&2; die "configuration failed (log: $LOG)"; }
	missing=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=n)
			if grep -q "^${line%%=*}=" "$OUT/.config"; then
				log "config: ${line%%=*} is set"; missing=1
			fi ;;
		CONFIG_*=*) grep -qxF "$line" "$OUT/.config" || { log "config: $line did not stick"; missing=1; } ;;
		esac
	done < <(grep -h '^CONFIG_' "${FRAGS[@]}")
	[ "$missing" = 0 ] || die "config fragment not satisfied (see above)"
	echo "$cfg_stamp" > "$OUT/.ghostswap-config-stamp"
fi

# 4. Build.
log "building $VARIANT kernel (make -j$JOBS, log: $LOG)"
start=$(date +%s)
if ! "${MAKE[@]}" bzImage >> "$LOG" 2>&1; then
	grep -E 'error|Error' "$LOG" | tail -n 20 >&2 || true
	die "kernel build failed (log: $LOG)"
fi
log "$VARIANT kernel ready in $(( $(date +%s) - start ))s"
echo "$OUT/arch/x86/boot/bzImage"
