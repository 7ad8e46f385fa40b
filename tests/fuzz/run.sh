#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Build the libFuzzer targets with clang (in ${GHOSTSWAP_BUILD:-build}/fuzz)
# and run each one, one after the other.
#
#   tests/fuzz/run.sh [--time SECONDS | --runs N] [TARGET...]
#
#   --time S   run each target for S seconds (default 10: what check-all
#              runs, 1 to 3 minutes with the build)
#   --runs N   run each target for N executions instead; the long run:
#              nice -n 15 tests/fuzz/run.sh --runs 10000000
#
# A target starts from tests/fuzz/corpus/<target>, the matching files of
# tests/fixtures and tests/fuzz/regressions/<target>; what it learns stays in
# the build tree (fuzz/corpus/<target>), never in the source tree. A crash
# or a broken invariant fails the run and leaves the input in
# fuzz/crashes/<target>/: fix the bug, then keep the input as
# tests/fuzz/regressions/<target>/<what-it-was> (make check replays it).
# Prints one line per target with its executions; last line
# "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
root=${GHOSTSWAP_BUILD:-$top/build}
dir=$root/fuzz
limit=(-max_total_time=10)
while [ $# -gt 0 ]; do
	case $1 in
	--time) limit=(-max_total_time="$2"); shift 2 ;;
	--runs) limit=(-runs="$2"); shift 2 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
. "$top/tests/fuzz/targets.sh"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(fuzz_targets)

command -v clang >/dev/null || { echo "run.sh: clang not installed" >&2; exit 77; }
[ -x "$top/configure" ] || (cd "$top" && ./autogen.sh >/dev/null)
mkdir -p "$dir"
cd "$dir" || exit 1
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
	CC=clang "$top/configure" --enable-werror --enable-fuzzing >configure.log 2>&1 ||
		{ tail -n 20 configure.log >&2; echo "0 passed, 1 failed"; exit 1; }
fi
progs=()
for t in "${targets[@]}"; do progs+=("tests/fuzz/fuzz_$t"); done
make -j"${GHOSTSWAP_JOBS:-$(nproc)}" "${progs[@]}" >make.log 2>&1 ||
	{ grep -E 'error|warning' make.log | head -n 20 >&2; echo "0 passed, 1 failed"; exit 1; }

# the kvfile target writes its input to a file: keep that off the disk
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0 failed=0
for t in "${targets[@]}"; do
	corpus=$dir/corpus/$t crashes=$dir/crashes/$t
	mkdir -p "$corpus" "$crashes"
	n=0
	mkdir -p "$dir/seeds/$t"
	while read -r f; do
		[ -n "$f" ] || continue
		cp "$f" "$corpus/fixture-$(echo "$f" | sha256sum | cut -c1-12)"
		n=$((n + 1))
	done < <(fuzz_fixture_seeds "$t" "$dir/seeds/$t")
	maxlen=8192
	asan=$ASAN_OPTIONS
	[ "$t" = swapheader ] && maxlen=65536
	# a tree per input: the fixture trees are under 10 KiB; a smaller ASan
	# quarantine (still many inputs deep) saves a third of the time
	[ "$t" = sysroot ] && maxlen=16384 && asan=quarantine_size_mb=16:$asan
	dict=()
	[ -f "$top/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$top/tests/fuzz/dict/$t.dict")
	seeds=()
	for d in "$top/tests/fuzz/corpus/$t" "$top/tests/fuzz/regressions/$t"; do
		[ -d "$d" ] && seeds+=("$d")
	done
	log=$dir/fuzz_$t.log
	start=$(date +%s)
	ASAN_OPTIONS=$asan "$dir/tests/fuzz/fuzz_$t" "${limit[@]}" "${dict[@]}" -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=2048 -max_len=$maxlen -artifact_prefix="$crashes/" \
		"$corpus" "${seeds[@]}" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	secs=$(($(date +%s) - start))
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		echo "PASS: fuzz/$t (${execs:-?} executions in ${secs} s, corpus $(ls "$corpus" | wc -l) files)"
	else
		failed=$((failed + 1))
		echo "FAIL: fuzz/$t (exit $rc after ${execs:-?} executions; input in $crashes, log $log)"
		grep -E 'ERROR|invariant|SUMMARY|^    #[0-4] ' "$log" | head -n 12 | sed 's/^/    /'
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
