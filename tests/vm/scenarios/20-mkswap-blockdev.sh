#!/bin/sh
# variants: ghost
# mkswap on a real block device (the virtio scratch disk): -c, byte parity
# with util-linux, partition tables, an active swap partition, a mounted
# filesystem, old signatures, --lock, and --ghost's refusal of devices.
. "$GS_DIR/lib.sh"

[ -n "$GS_MKSWAP" ] || fail "the project's mkswap is not in the VM"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk"
D=$GS_DISK
U=0badc0de-0000-4000-8000-0000000000b1
page0() { dd if="$D" bs=4096 count=1 2>/dev/null | sha256sum | cut -c1-16; }
boot() { dd if="$D" bs=1024 count=1 2>/dev/null | sha256sum | cut -c1-16; }
zap() { dd if=/dev/zero of="$D" bs=1M count=4 2>/dev/null; sync; }
# said PATTERN: the last command's output ($out) has a line matching PATTERN
said() { printf '%s\n' "$out" | grep -q -- "$1"; }
saidx() { printf '%s\n' "$out" | grep -qx -- "$1"; }

# -c reads every page of the area; 8 MiB keeps it short
zap
out=$("$GS_MKSWAP" -c -L checked -U $U "$D" 8192 2>&1) || fail "mkswap -c: $out"
echo "$out"
check "-c reports no bad pages" saidx '0 bad pages'
check "-c output as util-linux" saidx 'Setting up swapspace version 1, size = 8 MiB (8384512 bytes)'
ours=$(page0)
zap
"$GS_UL/mkswap" -L checked -U $U "$D" 8192 > /dev/null 2>&1 || fail "util-linux mkswap"
check "header byte-identical to util-linux on a block device" [ "$(page0)" = "$ours" ]

# a whole disk with a partition table keeps its boot bits unless -f
zap
printf '\000\000\002\000\203\000\000\000\010\000\000\000\370\007\000\000' | dd of="$D" bs=1 seek=446 conv=notrunc 2>/dev/null
printf '\125\252' | dd of="$D" bs=1 seek=510 conv=notrunc 2>/dev/null
sync
b=$(boot)
out=$("$GS_MKSWAP" -U $U "$D" 2>&1) || fail "mkswap on a partitioned disk: $out"
echo "$out"
check "partition table detected" said 'dos partition table detected'
check "boot bits kept" [ "$(boot)" = "$b" ]
"$GS_MKSWAP" -f -q -U $U "$D" || fail "mkswap -f"
check "-f erases the boot bits" [ "$(boot)" != "$b" ]

# an active swap partition is never overwritten, --force or not
zap
"$GS_MKSWAP" -q -U $U "$D" 65536 || fail "mkswap"
swap_on "$D" || fail "swapon $D"
h=$(page0)
for f in "" -f; do
	out=$("$GS_MKSWAP" $f "$D" 2>&1) && fail "mkswap $f on an active swap partition succeeded"
	echo "$out"
	check "active swap refused ($f)" said 'is an active swap area; will not make swapspace'
	out=$("$GS_MKSWAP" $f --ghost --size 1G "$D" 2>&1) && fail "mkswap --ghost on a device succeeded"
done
check "active swap header untouched" [ "$(page0)" = "$h" ]
swap_off "$D" || fail "swapoff $D"

# a mounted filesystem is never touched; an unmounted one is wiped, named
if grep -q ext2 /proc/filesystems; then
	busybox mke2fs "$D" 65536 > /dev/null 2>&1 || fail "mke2fs"
	mkdir -p mnt
	mount -t ext2 "$D" mnt || fail "mount"
	h=$(page0)
	out=$("$GS_MKSWAP" -f "$D" 2>&1) && fail "mkswap on a mounted filesystem succeeded"
	echo "$out"
	check "mounted refused" said 'is mounted; will not make swapspace'
	check "mounted filesystem untouched" [ "$(page0)" = "$h" ]
	umount mnt
	out=$("$GS_MKSWAP" -U $U "$D" 2>&1) || fail "mkswap over ext2: $out"
	echo "$out"
	check "old ext2 signature wiped and named" said 'wiping old ext2 signature'
else
	info "no ext2 in this kernel: mount checks skipped"
fi

# --lock=nonblock fails while another process holds the lock; --lock waits
"$GS_DIR/bin/flockhold" "$D" locked 3 &
holder=$!
i=0
while [ ! -e locked ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
out=$("$GS_MKSWAP" --lock=nonblock -q "$D" 2>&1) && fail "--lock=nonblock ignored a held lock"
echo "$out"
check "locked device reported" said 'device already locked'
out=$("$GS_MKSWAP" --lock -U $U "$D" 2>&1) || fail "--lock: $out"
echo "$out"
check "--lock waited for the lock" said 'device already locked, waiting to get lock ... OK'
wait $holder
out=$(LOCK_BLOCK_DEVICE=nonblock "$GS_MKSWAP" -q "$D" 2>&1) || fail "LOCK_BLOCK_DEVICE=nonblock on a free device: $out"

# --ghost never takes a device, block or character
out=$("$GS_MKSWAP" --ghost --size 1G "$D" 2>&1) && fail "--ghost on a block device succeeded"
check "--ghost refuses a block device" said 'is a device; a ghost swap area is a regular file'
if [ -c /dev/ghostswap ]; then
	out=$("$GS_MKSWAP" --ghost --size 1G /dev/ghostswap 2>&1) && fail "--ghost on /dev/ghostswap succeeded"
	check "--ghost refuses /dev/ghostswap" said 'is a device'
fi
zap
exit 0
