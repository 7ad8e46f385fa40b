#!/bin/bash
# Entry point of the VM tests: build the kernels, the initramfs, and run
# every variant's scenarios.
#
# Usage: tests/vm/check.sh [--tools DESTDIR] [--variants "ghost stock debug"]
#                          [--kernel-source DIR] [SCENARIO...]
#
#   --tools DESTDIR   tree made by `make install DESTDIR=...` (default
#                     $GHOSTSWAP_TOOLS_DIR; without it the scenarios use
#                     util-linux and the test helpers only)
#   --variants LIST   kernel variants to test (default: ghost stock debug,
#                     or $GHOSTSWAP_VM_VARIANTS)
#   SCENARIO          names or globs, passed to run.sh
#
# Prints PASS/FAIL/SKIP lines for every variant and scenario, then
# "N passed, N failed, N skipped" as the last line.  Exit status 1 on any
# failure.  Logs: tests/vm/out/ (or $GHOSTSWAP_VM_OUT), kernel build logs in
# the cache (see kernel/build.sh).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
TOOLS=${GHOSTSWAP_TOOLS_DIR:-}
VARIANTS=${GHOSTSWAP_VM_VARIANTS:-ghost stock debug}
KSRC=()
PATTERNS=()
while [ $# -gt 0 ]; do
	case $1 in
	--tools) TOOLS=${2:?}; shift 2 ;;
	--variants) VARIANTS=${2:?}; shift 2 ;;
	--kernel-source) KSRC=(--kernel-source "${2:?}"); shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) echo "check.sh: unknown option $1" >&2; exit 2 ;;
	*) PATTERNS+=("$1"); shift ;;
	esac
done
OUT=${GHOSTSWAP_VM_OUT:-$HERE/out}
export GHOSTSWAP_VM_OUT=$OUT
mkdir -p "$OUT"

passed=0 failed=0 skipped=0
t_all=$(date +%s)

INITRAMFS=$OUT/initramfs.cpio.gz
if ! "$HERE/mkinitramfs.sh" ${TOOLS:+--tools "$TOOLS"} -o "$INITRAMFS" 2> "$OUT/mkinitramfs.log"; then
	cat "$OUT/mkinitramfs.log" >&2
	echo "FAIL: vm/initramfs"
	echo "0 passed, 1 failed, 0 skipped"
	exit 1
fi
cat "$OUT/mkinitramfs.log" >&2

for v in $VARIANTS; do
	t0=$(date +%s)
	if ! kernel=$("$TOP/kernel/build.sh" --variant "$v" "${KSRC[@]}" | tail -n1) || [ ! -f "$kernel" ]; then
		echo "FAIL: vm/$v/build"
		failed=$((failed + 1))
		continue
	fi
	echo "check.sh: $v kernel built in $(( $(date +%s) - t0 ))s: $kernel" >&2
	set +e
	"$HERE/run.sh" --kernel "$kernel" --initramfs "$INITRAMFS" --variant "$v" \
		--summary "$OUT/$v.summary" "${PATTERNS[@]}" | grep -E '^(PASS|FAIL|SKIP): '
	set -e
	if read -r p f s < "$OUT/$v.summary"; then
		passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	else
		echo "FAIL: vm/$v/run"
		failed=$((failed + 1))
	fi
	rm -f "$OUT/$v.summary"
done
echo "check.sh: all done in $(( $(date +%s) - t_all ))s" >&2
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
