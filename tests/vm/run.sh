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
#   --append    more kernel command line for every boot (also
#               $GHOSTSWAP_VM_CMDLINE)
#   --keep-going  a failed check() does not end its scenario: every failed
#               check is reported (FAIL (going on): ...), the scenario
#               fails at its end (for debugging a kernel that fails many)
#
# Scenarios with a "# cmdline: ARGS" header need extra kernel parameters
# (e.g. cgroup_disable=memory): the scenarios are grouped by that line and
# the kernel is booted once per group, in the order of the first scenario
# of each group; the default group logs to console.log, the others to
# console+ARGS.log.
#
# Prints one line per scenario, "PASS: vm/VARIANT/NAME" (or FAIL, SKIP),
# plus "vm/VARIANT/boot" (or "vm/VARIANT/boot+ARGS") for each boot and the
# kernel log outside scenarios, then "N passed, N failed, N skipped".  A scenario fails if its exit status
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
	--keep-going) EXTRA_CMDLINE+=" gs.keep_going=1"; shift ;;
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

# variants_of, cmdline_of: what a scenario header says
. "$HERE/scenario-header.sh"
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
declare -A GROUP_OF=() GROUP_SEEN=()
GROUPS_ORDER=()
for f in "$HERE"/scenarios/*.sh; do
	name=$(basename "$f" .sh)
	selected "$name" || continue
	case " $(variants_of "$f") " in *" $VARIANT "*) ;; *) continue ;; esac
	SCENARIOS+=("$name")
	g=$(cmdline_of "$f")
	GROUP_OF[$name]=$g
	if [ -z "${GROUP_SEEN["x$g"]:-}" ]; then
		GROUP_SEEN["x$g"]=1
		GROUPS_ORDER+=("$g")
	fi
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

BAD='(WARNING:|BUG:|Oops|KASAN|possible circular locking|possible recursive locking|Kernel panic|general protection fault|UBSAN:|kernel BUG|INFO: task .* blocked)'
# Kernel-log problems per section of the console: before the first
# scenario, inside each scenario, after the last.
section_bad() { # section_bad CONSOLE NAME: bad lines between BEGIN NAME and RESULT NAME
	awk -v n="$2" '
		index($0, "@@GS BEGIN " n) { on = 1; next }
		index($0, "@@GS RESULT " n " ") { on = 0 }
		on' "$1" | tr -d '\r' | grep -E "$BAD" | head -n 5 || true
}
outside_bad() { # outside_bad CONSOLE
	awk '/@@GS BEGIN / { on = 1 } !on; /@@GS RESULT / { on = 0 }' "$1" |
		tr -d '\r' | grep -E "$BAD" | head -n 5 || true
}

# boot_group ARGS SCENARIO...: one boot with the extra kernel parameters
# ARGS (maybe empty) running the scenarios, then their results.
boot_group() {
	local args=$1 suffix='' boot=boot console results rtxt list cmdline total_timeout
	local start elapsed qrc booted done_ bad name line rc secs
	shift
	if [ -n "$args" ]; then
		suffix=+${args// /+}
		boot=boot$suffix
	fi
	console=$OUT/console$suffix.log results=$OUT/results$suffix.log rtxt=$OUT/results$suffix.txt
	: > "$console"; : > "$results"
	DRIVE=()
	if [ "$DISK" = 1 ]; then
		rm -f "$OUT/disk.img"
		truncate -s 1G "$OUT/disk.img"
		DRIVE=(-drive "file=$OUT/disk.img,if=virtio,format=raw,cache=unsafe,discard=unmap")
	fi
	list=$(IFS=,; echo "$*")
	cmdline="console=ttyS0,115200 panic=-1 oops=panic loglevel=6 gs.variant=$VARIANT gs.scenarios=$list gs.timeout=$TIMEOUT $EXTRA_CMDLINE $args"
	total_timeout=$(( TIMEOUT * $# + 300 ))

	echo "run.sh: booting $VARIANT kernel ($KERNEL), $MEM MiB, $SMP CPUs${args:+, with $args}: $*" >&2
	start=$(date +%s)
	set +e
	timeout -s KILL "$total_timeout" qemu-system-x86_64 \
		-machine pc -accel tcg -cpu max -m "$MEM" -smp "$SMP" \
		-kernel "$KERNEL" -initrd "$INITRAMFS" -append "$cmdline" \
		-nographic -monitor none -no-reboot \
		-serial "file:$console" -serial "file:$results" \
		"${DRIVE[@]}" < /dev/null > "$OUT/qemu$suffix.log" 2>&1
	qrc=$?
	set -e
	elapsed=$(( $(date +%s) - start ))
	echo "run.sh: qemu exited with $qrc after ${elapsed}s; console log: $console" >&2
	[ "$qrc" = 137 ] && echo "run.sh: VM killed after ${total_timeout}s" >&2

	tr -d '\r' < "$results" > "$rtxt"
	booted=$(grep -c '^@@GS BOOTED' "$rtxt" || true)
	done_=$(grep -c '^@@GS DONE' "$rtxt" || true)
	bad=$(outside_bad "$console")
	if [ "$booted" = 0 ]; then
		report FAIL "$boot" "the kernel did not reach /init; see $console"
	elif [ -n "$bad" ]; then
		report FAIL "$boot" "kernel log: $(echo "$bad" | head -n1)"
	elif [ "$done_" = 0 ]; then
		report FAIL "$boot" "VM did not finish (timeout or crash) after ${elapsed}s"
	else
		report PASS "$boot" "${elapsed}s"
	fi

	for name in "$@"; do
		line=$(grep -E "^@@GS RESULT $name [0-9]+" "$rtxt" | tail -n1 || true)
		bad=$(section_bad "$console" "$name")
		if [ -z "$line" ]; then
			if grep -q "^@@GS BEGIN $name\$" "$rtxt"; then
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
			report FAIL "$name" "exit $rc after ${secs}s; see $console"
		fi
	done
}

for g in "${GROUPS_ORDER[@]}"; do
	members=()
	for name in "${SCENARIOS[@]}"; do
		[ "${GROUP_OF[$name]}" = "$g" ] && members+=("$name")
	done
	boot_group "$g" "${members[@]}"
done
finish
