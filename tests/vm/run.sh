#!/bin/bash
# Boot one kernel in qemu (TCG, no KVM) and run VM scenarios in it.
#
# Usage: tests/vm/run.sh --kernel BZIMAGE --initramfs FILE [--variant NAME]
#                        [--mem MIB] [--smp N] [--timeout SECONDS]
#                        [--out DIR] [--no-disk] [--summary FILE] [SCENARIO...]
#
#   --variant   ghost (default), stock or debug: selects the scenarios whose
#               "# variants:" header names it, and is passed to the guest
#   SCENARIO    names (e.g. 02-ghost-pressure) or globs; default: all
#               scenarios for the variant
#   --timeout   per scenario (default 900); the whole VM gets the sum plus
#               boot time, after which qemu is killed and the scenarios
#               without a result fail
#   --out       where console.log, results.log and the disk image go
#               (default tests/vm/out/VARIANT)
#   --summary   also write "PASSED FAILED SKIPPED" to FILE
#
# Prints one line per scenario, "PASS: vm/VARIANT/NAME" (or FAIL, SKIP),
# plus "vm/VARIANT/boot" for the boot and the kernel log outside scenarios,
# then "N passed, N failed, N skipped".  A scenario fails if its exit status
# is not 0 (77 = skip) or if the kernel logged a WARNING, BUG, Oops, KASAN
# report, lockdep splat or panic while it ran.  Exit status 1 on any failure.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KERNEL='' INITRAMFS='' VARIANT=ghost MEM=${GHOSTSWAP_VM_MEM:-256} SMP=${GHOSTSWAP_VM_SMP:-2}
TIMEOUT=${GHOSTSWAP_VM_TIMEOUT:-900} OUT='' DISK=1 SUMMARY='' EXTRA_CMDLINE=${GHOSTSWAP_VM_CMDLINE:-}
PATTERNS=()
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) KERNEL=${2:?}; shift 2 ;;
	--initramfs) INITRAMFS=${2:?}; shift 2 ;;
	--variant) VARIANT=${2:?}; shift 2 ;;
	--mem) MEM=${2:?}; MEM_SET=1; shift 2 ;;
	--smp) SMP=${2:?}; shift 2 ;;
	--timeout) TIMEOUT=${2:?}; shift 2 ;;
	--out) OUT=${2:?}; shift 2 ;;
	--no-disk) DISK=0; shift ;;
	--summary) SUMMARY=${2:?}; shift 2 ;;
	--append) EXTRA_CMDLINE+=" ${2:?}"; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) PATTERNS+=("$1"); shift ;;
	esac
done
[ -f "$KERNEL" ] || { echo "run.sh: --kernel BZIMAGE is required" >&2; exit 2; }
[ -f "$INITRAMFS" ] || { echo "run.sh: --initramfs FILE is required" >&2; exit 2; }
OUT=${OUT:-${GHOSTSWAP_VM_OUT:-$HERE/out}/$VARIANT}
# KASAN takes an eighth of RAM for its shadow plus its quarantine: give the
# debug kernel more, so that scenarios see about the same usable memory.
if [ "$VARIANT" = debug ] && [ -z "${MEM_SET:-}" ]; then
	MEM=$(( MEM * 3 / 2 ))
fi
mkdir -p "$OUT"

# Scenarios for this variant: "# variants: a b c" in the first 10 lines;
# without that header a scenario runs on ghost and debug.
variants_of() {
	local v
	v=$(head -n 10 "$1" | sed -n 's/^# *variants: *//p' | head -n1)
	echo "${v:-ghost debug}"
}
selected() {
	local p
	[ ${#PATTERNS[@]} -eq 0 ] && return 0
	for p in "${PATTERNS[@]}"; do
		# shellcheck disable=SC2053
		[[ $1 == $p || $1 == $p.sh ]] && return 0
	done
	return 1
}
SCENARIOS=()
for f in "$HERE"/scenarios/*.sh; do
	name=$(basename "$f" .sh)
	selected "$name" || continue
	case " $(variants_of "$f") " in *" $VARIANT "*) SCENARIOS+=("$name") ;; esac
done

passed=0 failed=0 skipped=0
report() { # report STATUS NAME [REASON]
	case $1 in
	PASS) passed=$((passed + 1)) ;;
	FAIL) failed=$((failed + 1)) ;;
	SKIP) skipped=$((skipped + 1)) ;;
	esac
	echo "$1: vm/$VARIANT/$2${3:+ ($3)}"
}
finish() {
	echo "$passed passed, $failed failed, $skipped skipped"
	[ -z "$SUMMARY" ] || echo "$passed $failed $skipped" > "$SUMMARY"
	[ "$failed" = 0 ]
	exit $?
}
if [ ${#SCENARIOS[@]} -eq 0 ]; then
	echo "run.sh: no scenario selected for variant $VARIANT" >&2
	finish
fi

command -v qemu-system-x86_64 >/dev/null || { echo "run.sh: qemu-system-x86_64 not found" >&2; exit 1; }

CONSOLE=$OUT/console.log RESULTS=$OUT/results.log
: > "$CONSOLE"; : > "$RESULTS"
DRIVE=()
if [ "$DISK" = 1 ]; then
	rm -f "$OUT/disk.img"
	truncate -s 1G "$OUT/disk.img"
	DRIVE=(-drive "file=$OUT/disk.img,if=virtio,format=raw,cache=unsafe,discard=unmap")
fi
list=$(IFS=,; echo "${SCENARIOS[*]}")
CMDLINE="console=ttyS0,115200 panic=-1 oops=panic loglevel=6 gs.variant=$VARIANT gs.scenarios=$list gs.timeout=$TIMEOUT $EXTRA_CMDLINE"
total_timeout=$(( TIMEOUT * ${#SCENARIOS[@]} + 300 ))

echo "run.sh: booting $VARIANT kernel ($KERNEL), $MEM MiB, $SMP CPUs: ${SCENARIOS[*]}" >&2
start=$(date +%s)
set +e
timeout -s KILL "$total_timeout" qemu-system-x86_64 \
	-machine pc -accel tcg -cpu max -m "$MEM" -smp "$SMP" \
	-kernel "$KERNEL" -initrd "$INITRAMFS" -append "$CMDLINE" \
	-nographic -monitor none -no-reboot \
	-serial "file:$CONSOLE" -serial "file:$RESULTS" \
	"${DRIVE[@]}" < /dev/null > "$OUT/qemu.log" 2>&1
qrc=$?
set -e
elapsed=$(( $(date +%s) - start ))
echo "run.sh: qemu exited with $qrc after ${elapsed}s; console log: $CONSOLE" >&2
[ "$qrc" = 137 ] && echo "run.sh: VM killed after ${total_timeout}s" >&2

BAD='(WARNING:|BUG:|Oops|KASAN|possible circular locking|possible recursive locking|Kernel panic|general protection fault|UBSAN:|kernel BUG|INFO: task .* blocked)'
# Kernel-log problems per section of the console: before the first
# scenario, inside each scenario, after the last.
section_bad() { # section_bad NAME: bad lines between BEGIN NAME and RESULT NAME
	awk -v n="$1" '
		index($0, "@@GS BEGIN " n) { on = 1; next }
		index($0, "@@GS RESULT " n " ") { on = 0 }
		on' "$CONSOLE" | tr -d '\r' | grep -E "$BAD" | head -n 5 || true
}
outside_bad() {
	awk '/@@GS BEGIN / { on = 1 } !on; /@@GS RESULT / { on = 0 }' "$CONSOLE" |
		tr -d '\r' | grep -E "$BAD" | head -n 5 || true
}

tr -d '\r' < "$RESULTS" > "$OUT/results.txt"
booted=$(grep -c '^@@GS BOOTED' "$OUT/results.txt" || true)
done_=$(grep -c '^@@GS DONE' "$OUT/results.txt" || true)
bad=$(outside_bad)
if [ "$booted" = 0 ]; then
	report FAIL boot "the kernel did not reach /init; see $CONSOLE"
elif [ -n "$bad" ]; then
	report FAIL boot "kernel log: $(echo "$bad" | head -n1)"
elif [ "$done_" = 0 ]; then
	report FAIL boot "VM did not finish (timeout or crash) after ${elapsed}s"
else
	report PASS boot "${elapsed}s"
fi

for name in "${SCENARIOS[@]}"; do
	line=$(grep -E "^@@GS RESULT $name [0-9]+" "$OUT/results.txt" | tail -n1 || true)
	bad=$(section_bad "$name")
	if [ -z "$line" ]; then
		if grep -q "^@@GS BEGIN $name\$" "$OUT/results.txt"; then
			report FAIL "$name" "no result: VM hung, crashed or timed out${bad:+; kernel log: $(echo "$bad" | head -n1)}"
		else
			report FAIL "$name" "not run"
		fi
		continue
	fi
	read -r _ _ _ rc secs <<<"$line"
	if [ -n "$bad" ]; then
		report FAIL "$name" "kernel log: $(echo "$bad" | head -n1)"
	elif [ "$rc" = 0 ]; then
		report PASS "$name" "${secs}s"
	elif [ "$rc" = 77 ]; then
		report SKIP "$name" "${secs}s"
	else
		report FAIL "$name" "exit $rc after ${secs}s; see $CONSOLE"
	fi
done
finish
