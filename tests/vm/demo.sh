#!/bin/bash
# Boot the ghost kernel and show ghost swap at work: a ghost swapfile made
# with mkswap --ghost, activated (ghostswapon if installed, else swapon(2)),
# filled by memhog, and reported (swapstat if installed, else /proc/swaps
# and the vswap counters).  The guest's session is printed to the terminal.
#
# Usage: tests/vm/demo.sh [--tools DESTDIR] [--kernel BZIMAGE] [--mem MIB]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
TOOLS=${GHOSTSWAP_TOOLS_DIR:-}
KERNEL='' MEM=256
while [ $# -gt 0 ]; do
	case $1 in
	--tools) TOOLS=${2:?}; shift 2 ;;
	--kernel) KERNEL=${2:?}; shift 2 ;;
	--mem) MEM=${2:?}; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "demo.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
OUT=${GHOSTSWAP_VM_OUT:-$HERE/out}/demo
mkdir -p "$OUT"
[ -n "$KERNEL" ] || KERNEL=$("$TOP/kernel/build.sh" --variant ghost | tail -n1)
"$HERE/mkinitramfs.sh" ${TOOLS:+--tools "$TOOLS"} -o "$OUT/initramfs.cpio.gz"

# The guest runs guest/demo.sh (installed as /usr/lib/ghostswap-test/demo.sh);
# its output and the kernel's messages both go to the serial console.
timeout -s KILL 1200 qemu-system-x86_64 -machine pc -accel tcg -cpu max \
	-m "$MEM" -smp 2 -kernel "$KERNEL" -initrd "$OUT/initramfs.cpio.gz" \
	-append "console=ttyS0,115200 panic=-1 loglevel=4 gs.variant=ghost gs.interactive=demo.sh" \
	-nographic -monitor none -no-reboot -serial stdio -serial null < /dev/null |
	tr -d '\r' | tee "$OUT/console.log" | grep -v '^@@GS '
