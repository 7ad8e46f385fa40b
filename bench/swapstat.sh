#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# swapstat benchmarks, as ratios measured in the same run (hyperfine):
#   1. swapstat's default view against util-linux `swapon --show` on the
#      same /proc/swaps (swapon reads it from LIBMOUNT_SWAPS, swapstat from
#      --sysroot), at 1 and 32 devices;
#   2. the cgroup view (--cgroups --output-all) at 1, 100 and 1000 cgroups:
#      the cost per cgroup must stay the same (linear growth).
#
#   bench/swapstat.sh [SWAPSTAT]   default: a fresh -O2 build (scripts/build.sh vm)
#   RUNS=N (default 50), BENCH_DIR=DIR (default: a temporary dir on /var/tmp)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ours=${1:-}
if [ -z "$ours" ]; then
	dest=$("$top/scripts/build.sh" vm | tail -n 1) || { echo "bench: build failed" >&2; exit 1; }
	ours=$dest/usr/bin/swapstat
fi
[ -x "$ours" ] || { echo "bench: no swapstat at $ours" >&2; exit 1; }
command -v hyperfine > /dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v jq > /dev/null || { echo "bench: needs jq" >&2; exit 1; }
swapon=${UL_SWAPON:-$(command -v swapon)}
runs=${RUNS:-50}
dir=$(mktemp -d "${BENCH_DIR:-/var/tmp}/swapstat-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fx=$top/tests/fixtures/swapstat-ghost-tiers

# sysroot_with DIR NDEV: the ghost-tiers fixture with NDEV swap devices
sysroot_with() {
	local d=$1 n=$2 i
	mkdir -p "$d"
	cp -a "$fx/proc" "$fx/sys" "$d/"
	rm -rf "$d/sys/fs"
	{
		printf 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n'
		printf '%-40s%s\t\t%s\t%s\t\t%s\n' /dev/ghostswap ghost 201326592 3145728 100
		for ((i = 1; i < n; i++)); do
			printf '%-40s%s\t%s\t%s\t\t%s\n' "/dev/vd$(printf "\\x$(printf %x $((97 + i % 26)))")$i" \
				partition 16777212 $((i * 4096)) $((-1 - i))
		done
	} > "$d/proc/swaps"
}

# cgroups DIR N: a cgroup v2 tree of N cgroups, 10 per parent
cgroups() {
	local d=$1/sys/fs/cgroup n=$2 i p
	mkdir -p "$d"
	echo 'cpuset cpu io memory pids' > "$d/cgroup.controllers"
	for ((i = 0; i < n; i++)); do
		if ((i < 10)); then p=$d/g$i; else p=$d/g$((i % 10))/c$i; fi
		mkdir -p "$p"
		echo $((i * 4096)) > "$p/memory.swap.current"
		echo max > "$p/memory.swap.max"
		echo $((i * 8192)) > "$p/memory.swap.peak"
		printf 'high 0\nmax 0\nfail 0\n' > "$p/memory.swap.events"
		echo $((i * 1024)) > "$p/memory.zswap.current"
		echo max > "$p/memory.zswap.max"
		printf 'anon 4096\nfile 0\nzswap %d\nzswapped %d\n' $((i * 1024)) $((i * 4096)) > "$p/memory.stat"
		echo 1 > "$p/memory.zswap.writeback"
		printf 'fast max\ndisk max\n' > "$p/memory.swap.tiers.max"
	done
}

# hf NAME CMD...: hyperfine over the commands; JSON into $dir/NAME.json
hf() {
	local name=$1
	shift
	hyperfine -N --style none --warmup 5 --runs "$runs" --export-json "$dir/$name.json" "$@" > /dev/null
}
# median CMDINDEX NAME: median seconds of a command of a run, in microseconds
median_us() { jq -r ".results[$2].median * 1e6 | floor" "$dir/$1.json"; }

echo "swapstat: $ours"
echo "swapon:   $swapon ($("$swapon" --version))"
echo "runs: $runs per command (hyperfine median; ratio of medians measured in the same run)"
echo
echo "1. default view vs swapon --show, same /proc/swaps"
for n in 1 32; do
	sysroot_with "$dir/sr$n" $n
	hf dev$n "$ours --sysroot $dir/sr$n" "env LIBMOUNT_SWAPS=$dir/sr$n/proc/swaps $swapon --show"
	a=$(median_us dev$n 0) b=$(median_us dev$n 1)
	printf '   %2d devices: swapstat %6d us, swapon --show %6d us, ratio %s\n' $n "$a" "$b" \
		"$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
echo
echo "2. --cgroups --output-all"
for n in 1 100 1000; do
	mkdir -p "$dir/cg$n"
	cgroups "$dir/cg$n" $n
done
hf cg "$ours --sysroot $dir/cg1 -g --output-all" "$ours --sysroot $dir/cg100 -g --output-all" \
	"$ours --sysroot $dir/cg1000 -g --output-all"
t1=$(median_us cg 0) t100=$(median_us cg 1) t1000=$(median_us cg 2)
printf '   %4d cgroups: %7d us\n' 1 "$t1" 100 "$t100" 1000 "$t1000"
awk -v a="$t1" -v b="$t100" -v c="$t1000" 'BEGIN {
	p100 = (b - a) / 99; p1000 = (c - a) / 999
	printf "   per cgroup: %.1f us (1..100), %.1f us (1..1000); ratio %.2f (1.00 = linear)\n",
		p100, p1000, p1000 / p100
}'
