#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkswap benchmarks, as ratios against a reference measured in the same run:
#   1. our mkswap against the system's util-linux mkswap on the same 1 GiB
#      file (median wall time of RUNS alternating runs each);
#   2. mkswap --ghost at 16 TiB virtual size (the largest a header holds)
#      against --ghost at 1 GiB: the cost must not grow with the size.
#
#   bench/mkswap.sh [MKSWAP]     default: a fresh -O2 build (scripts/build.sh vm)
#   RUNS=N (default 21), BENCH_DIR=DIR (default: a temporary dir on /var/tmp)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ours=${1:-}
if [ -z "$ours" ]; then
	dest=$("$top/scripts/build.sh" vm | tail -n 1) || { echo "bench: build failed" >&2; exit 1; }
	ours=$dest/usr/sbin/mkswap
fi
[ -x "$ours" ] || { echo "bench: no mkswap at $ours" >&2; exit 1; }
ref=${UL_MKSWAP:-/sbin/mkswap}
runs=${RUNS:-21}
dir=$(mktemp -d "${BENCH_DIR:-/var/tmp}/mkswap-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

now() { date +%s%N; }
# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_one OUTFILE CMD...: append the wall time of CMD in nanoseconds
time_one() {
	local out=$1 t0 t1
	shift
	t0=$(now)
	"$@" >/dev/null 2>&1
	t1=$(now)
	echo $((t1 - t0)) >>"$out"
}

fallocate -l 1G "$dir/ours.img"
fallocate -l 1G "$dir/ref.img"
chmod 600 "$dir"/*.img
: >"$dir/t.ours"
: >"$dir/t.ref"
for _ in $(seq "$runs"); do
	time_one "$dir/t.ours" "$ours" -q "$dir/ours.img"
	time_one "$dir/t.ref" "$ref" -q "$dir/ref.img"
done
o=$(median <"$dir/t.ours")
r=$(median <"$dir/t.ref")

: >"$dir/t.g1"
: >"$dir/t.g16"
for _ in $(seq "$runs"); do
	time_one "$dir/t.g1" "$ours" -q --ghost --size 1G "$dir/g1"
	time_one "$dir/t.g16" "$ours" -q --ghost --size $((4294967295 * 4096)) "$dir/g16"
done
g1=$(median <"$dir/t.g1")
g16=$(median <"$dir/t.g16")

echo "mkswap, 1 GiB file, median of $runs runs:"
printf '  ours        %8.3f ms\n' "$(echo "$o / 1000000" | bc -l)"
printf '  util-linux  %8.3f ms   (%s)\n' "$(echo "$r / 1000000" | bc -l)" "$("$ref" -V)"
printf '  ratio ours/util-linux = %.2f\n' "$(echo "$o / $r" | bc -l)"
echo "mkswap --ghost, median of $runs runs:"
printf '  1 GiB virtual   %8.3f ms, %s bytes on disk\n' "$(echo "$g1 / 1000000" | bc -l)" "$(stat -c %s "$dir/g1")"
printf '  16 TiB virtual  %8.3f ms, %s bytes on disk\n' "$(echo "$g16 / 1000000" | bc -l)" "$(stat -c %s "$dir/g16")"
printf '  ratio 16TiB/1GiB = %.2f\n' "$(echo "$g16 / $g1" | bc -l)"
