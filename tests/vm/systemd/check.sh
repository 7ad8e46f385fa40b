#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The systemd boot tests: boot a Debian system with systemd as PID 1 and
# the suite installed, on the ghost kernel, on the ghost kernel with zswap
# disabled (zswap.enabled=0: the ghost entries skipped, then activated by
# daemon-reload once zswap is on) and on the stock one, with the fstab of
# guest/fstab, and check what the boot made of it (guest/boottest.sh).
#
# Usage: tests/vm/systemd/check.sh (--deb FILE | --tools DESTDIR)
#                                  [--variants "ghost ghost-nozswap stock"]
#                                  [--kernel-source DIR] [--kernel VARIANT=BZIMAGE]...
#
#   --variants the boots: ghost, ghost-nozswap (the ghost kernel booted with
#              zswap.enabled=0), stock
#   --kernel   boot this kernel for VARIANT (ghost or stock) instead of the
#              one kernel/build.sh builds (or finds in its cache)
#
# Prints "PASS: vm-systemd/VARIANT/CHECK" (or FAIL) lines and, last,
# "N passed, N failed". Needs root (the root file system is built with
# mmdebstrap and unpacked with its owners). Logs in tests/vm/out/systemd
# ($GHOSTSWAP_VM_OUT/systemd): VARIANT/console.log is the whole console.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
VARIANTS=${GHOSTSWAP_SYSTEMD_VARIANTS:-ghost ghost-nozswap stock}
INSTALL=() KSRC=()
declare -A KERNEL=()
TIMEOUT=${GHOSTSWAP_SYSTEMD_TIMEOUT:-600}
while [ $# -gt 0 ]; do
	case $1 in
	--deb) INSTALL=(--deb "${2:?}"); shift 2 ;;
	--tools) INSTALL=(--tools "${2:?}"); shift 2 ;;
	--variants) VARIANTS=${2:?}; shift 2 ;;
	--kernel-source) KSRC=(--kernel-source "${2:?}"); shift 2 ;;
	--kernel) KERNEL[${2%%=*}]=${2#*=}; shift 2 ;;
	-h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "check.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ ${#INSTALL[@]} -gt 0 ] || { echo "check.sh: give --deb FILE or --tools DESTDIR" >&2; exit 2; }
OUT=${GHOSTSWAP_VM_OUT:-$TOP/tests/vm/out}/systemd
mkdir -p "$OUT"

passed=0 failed=0
report() { # report STATUS NAME [WHY]
	case $1 in PASS) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
	echo "$1: vm-systemd/$2${3:+ ($3)}"
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}

t0=$(date +%s)
if ! rootfs=$("$HERE/mkrootfs.sh" | tail -n 1); then
	report FAIL rootfs "see $OUT/../../out or the cache's rootfs/build.log"
	finish
fi
t_rootfs=$(( $(date +%s) - t0 ))
t0=$(date +%s)
if ! "$HERE/mkimage.sh" --rootfs "$rootfs" "${INSTALL[@]}" -o "$OUT/image" 2>"$OUT/mkimage.log"; then
	cat "$OUT/mkimage.log" >&2
	report FAIL image "see $OUT/mkimage.log"
	finish
fi
t_image=$(( $(date +%s) - t0 ))
echo "check.sh: root file system ${t_rootfs}s, image ${t_image}s" >&2

BAD='(WARNING:|BUG:|Oops|KASAN|possible circular locking|Kernel panic|general protection fault|UBSAN:|kernel BUG)'
for v in $VARIANTS; do
	t0=$(date +%s)
	kv=${v%%-*} extra=
	case $v in
	ghost | stock) ;;
	ghost-nozswap) extra=" zswap.enabled=0" ;;
	*) report FAIL "$v/variant" "unknown variant (ghost, ghost-nozswap, stock)"; continue ;;
	esac
	if [ -n "${KERNEL[$kv]:-}" ]; then
		kernel=${KERNEL[$kv]}
		[ -f "$kernel" ] || { report FAIL "$v/kernel" "no kernel $kernel"; continue; }
	elif ! kernel=$("$TOP/kernel/build.sh" --variant "$kv" "${KSRC[@]}" | tail -n 1) || [ ! -f "$kernel" ]; then
		report FAIL "$v/kernel" "kernel/build.sh --variant $kv failed"
		continue
	fi
	t_kernel=$(( $(date +%s) - t0 ))
	d=$OUT/$v
	rm -rf "$d"
	mkdir -p "$d"
	# each boot changes its disks (ghost files, swap signatures): fresh copies
	cp --sparse=always "$OUT/image/root.img" "$d/root.img"
	cp --sparse=always "$OUT/image/swap.img" "$d/swap.img"
	t0=$(date +%s)
	set +e
	# tsc=unstable: on a busy host the guest (no HPET or PM timer in our
	# config) calibrates the TSC against the PIT, gets 10 to 20 times too
	# low a frequency, and its clock runs that much fast: systemd's 90 s
	# device timeout then expired in a few real seconds (a disk swap unit
	# failed). Timer ticks count time as the host gives it.
	timeout -s KILL "$TIMEOUT" qemu-system-x86_64 \
		-machine pc -accel tcg -cpu max -m 512 -smp 2 \
		-kernel "$kernel" \
		-append "console=ttyS0,115200 root=/dev/vda rw panic=-1 loglevel=6 tsc=unstable gs.variant=$v$extra" \
		-drive "file=$d/root.img,if=virtio,format=raw,cache=unsafe" \
		-drive "file=$d/swap.img,if=virtio,format=raw,cache=unsafe" \
		-nographic -monitor none -no-reboot \
		-serial "file:$d/console.log" -serial "file:$d/results.log" \
		</dev/null >"$d/qemu.log" 2>&1
	qrc=$?
	set -e
	secs=$(( $(date +%s) - t0 ))
	echo "check.sh: $v: kernel ${t_kernel}s, boot and checks ${secs}s (qemu exit $qrc)" >&2
	tr -d '\r' < "$d/results.log" > "$d/results.txt"
	if ! grep -q '^@@GS BOOTED' "$d/results.txt"; then
		report FAIL "$v/boot" "the test never ran (timeout or crash after ${secs}s); see $d/console.log"
		continue
	fi
	report PASS "$v/boot" "${secs}s"
	while IFS= read -r line; do
		case $line in
		PASS:\ *) report PASS "$v/${line#PASS: }" ;;
		FAIL:\ *) report FAIL "$v/${line#FAIL: }" ;;
		esac
	done < "$d/results.txt"
	grep -q '^@@GS DONE' "$d/results.txt" ||
		report FAIL "$v/done" "the test did not finish; see $d/console.log"
	bad=$(tr -d '\r' < "$d/console.log" | grep -E "$BAD" | head -n 1 || true)
	[ -z "$bad" ] || report FAIL "$v/kernel-log" "$bad"
	[ "$qrc" = 0 ] || report FAIL "$v/shutdown" "qemu did not end by reboot (exit $qrc)"
	# the guest's journal, for the record (persistent: /var/log/journal)
	if command -v debugfs >/dev/null && command -v journalctl >/dev/null; then
		rm -rf "$d/journal"
		debugfs -R "rdump /var/log/journal $d" "$d/root.img" >/dev/null 2>&1 &&
			journalctl -D "$d/journal" -o short-monotonic --no-pager >"$d/journal.txt" 2>&1 || true
	fi
done
finish
