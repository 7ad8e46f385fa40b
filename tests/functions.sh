#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs one shell test (the first argument) with the helpers below defined.
# A test prints what it checks; the runner compares that with
# tests/expected. Print exit codes ("rc=N") so error paths are compared too.

TS_CMD_MKSWAP=$TS_BUILDDIR/mkswap
TS_CMD_GHOSTSWAPON=$TS_BUILDDIR/ghostswapon
TS_CMD_GHOSTSWAPOFF=$TS_BUILDDIR/ghostswapoff
TS_CMD_SWAPSTAT=$TS_BUILDDIR/swapstat
TS_CMD_GENERATOR=$TS_BUILDDIR/ghostswap-generator
export TS_CMD_MKSWAP TS_CMD_GHOSTSWAPON TS_CMD_GHOSTSWAPOFF TS_CMD_SWAPSTAT TS_CMD_GENERATOR

# ts_skip REASON: this test cannot run here.
ts_skip() {
	echo "$*"
	exit 77
}

# ts_need_cmd CMD...: skip unless every command exists.
ts_need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || ts_skip "$c not installed"
	done
}

# ts_run CMD ARGS...: run, then print "rc=N".
ts_run() {
	"$@"
	echo "rc=$?"
}

# ts_hexhdr FILE [OFFSET]: the swap header fields of FILE, as hex dump lines.
ts_hexhdr() {
	od -A d -t x1 -j $((${2:-0} + 1024)) -N 48 "$1"
}

# ts_sha FILE: content hash, to show that a file did not change.
ts_sha() {
	sha256sum <"$1" | cut -c1-16
}

# util-linux's own mkswap: the reference for byte-for-byte comparisons
TS_UL_MKSWAP=${TS_UL_MKSWAP:-/sbin/mkswap}

# ts_need_ul_mkswap: skip unless util-linux mkswap is there to compare with.
ts_need_ul_mkswap() {
	[ -x "$TS_UL_MKSWAP" ] || ts_skip "util-linux mkswap not found at $TS_UL_MKSWAP"
}

# ts_mkfile NAME SIZE: a file with real blocks (no holes), mode 0600.
ts_mkfile() {
	rm -f "$1"
	fallocate -l "$2" "$1" 2>/dev/null || dd if=/dev/zero of="$1" bs=1024 count=$(($2 / 1024)) status=none
	chmod 600 "$1"
}

# ts_swap32 FILE OFFSET: reverse the byte order of the u32 at OFFSET.
ts_swap32() {
	local b
	b=$(od -A n -t x1 -j "$2" -N 4 "$1" | tr -d ' \n')
	printf "\\x${b:6:2}\\x${b:4:2}\\x${b:2:2}\\x${b:0:2}" |
		dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# ts_same A B: say whether two files are byte-identical (and where not).
ts_same() {
	if cmp "$1" "$2" >/dev/null 2>&1; then
		echo "identical: $(basename "$1") $(basename "$2")"
	else
		echo "DIFFERENT: $(basename "$1") $(basename "$2"): $(cmp "$1" "$2" 2>&1 | head -n 1)"
	fi
}

# ts_proc_swaps PATH TYPE SIZE USED PRIO [...]: a /proc/swaps as the kernel
# prints it (header, path padded to column 40 with at least one space).
ts_proc_swaps() {
	printf 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n'
	while [ $# -ge 5 ]; do
		local pad=$((40 - ${#1}))
		[ $pad -lt 1 ] && pad=1
		printf '%s%*s%s\t\t%s\t\t%s\t\t%s\n' "$1" $pad "" "$2" "$3" "$4" "$5"
		shift 5
	done
}

# ts_tree DIR: every file under DIR with its content and every symlink with
# its target, in name order: a generator's whole output, byte for byte.
ts_tree() {
	(cd "$1" && find . \( -type f -o -type l \) | LC_ALL=C sort | while IFS= read -r f; do
		if [ -L "$f" ]; then
			echo "${f#./} -> $(readlink "$f")"
		else
			echo "== ${f#./}"
			cat "$f"
		fi
	done)
}

# ts_gen_sysroot DIR KIND [TIERS...]: a system for ghostswap-generator to
# read: KIND ghost (ghost swap and tiers), notiers (ghost swap only), stock
# (neither), all with zswap enabled ($TS_ZSWAP: its enabled parameter, Y
# unless set; "none" for a kernel without zswap); TIERS are
# "NAME START END" lines the kernel already has.
ts_gen_sysroot() {
	local dir=$1 kind=$2 t i=0
	shift 2
	mkdir -p "$dir/proc" "$dir/etc" "$dir/dev" "$dir/sys/kernel/mm"
	echo "console=ttyS0 root=/dev/vda" > "$dir/proc/cmdline"
	rm -rf "$dir/sys/module/zswap"
	if [ "${TS_ZSWAP:-Y}" != none ]; then
		mkdir -p "$dir/sys/module/zswap/parameters"
		echo "${TS_ZSWAP:-Y}" > "$dir/sys/module/zswap/parameters/enabled"
	fi
	case $kind in
	ghost | notiers)
		mkdir -p "$dir/sys/module/ghostswap/parameters"
		echo 0 > "$dir/sys/module/ghostswap/parameters/size"
		echo "char 1:13" > "$dir/dev/ghostswap" ;;
	esac
	if [ "$kind" = ghost ]; then
		mkdir -p "$dir/sys/kernel/mm/swap"
		printf '%-16s %-5s %-11s %s\n' Name Idx PrioStart PrioEnd > "$dir/sys/kernel/mm/swap/tiers"
		for t in "$@"; do
			# shellcheck disable=SC2086
			set -- $t
			printf '%-16s %-5d %-11d %d\n' "$1" $i "$2" "$3" >> "$dir/sys/kernel/mm/swap/tiers"
			i=$((i + 1))
		done
	fi
}

# ts_generate SYSROOT: run the generator on SYSROOT/etc/fstab into
# out/{normal,early,late}, print its messages and status, then the output
# with the installed paths of mkswap and the generator as <mkswap> and
# <generator>.
ts_generate() {
	rm -rf out
	mkdir -p out/normal out/early out/late
	"$TS_CMD_GENERATOR" --sysroot "$1" out/normal out/early out/late
	echo "rc=$?"
	ts_tree out | sed -e "s|${TS_MKSWAP_PATH:?run through make check}|<mkswap>|g" \
		-e "s|${TS_GENERATOR_PATH:?run through make check}|<generator>|g"
}

set -u
# shellcheck disable=SC1090
. "$1"
