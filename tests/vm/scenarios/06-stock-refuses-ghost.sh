#!/bin/sh
# variants: stock
# The unpatched kernel knows nothing of ghost swap: a header-only swapfile
# is refused with EINVAL, and there is no /dev/ghostswap and no vswap.
. "$GS_DIR/lib.sh"

check "no vswap debugfs directory" [ ! -e /sys/kernel/debug/vswap ]
check "no /dev/ghostswap" [ ! -e /dev/ghostswap ]
make_ghost_file /tmp/gs/ghost.swap 1G
out=$(swap_on /tmp/gs/ghost.swap)
info "$out"
check "stock kernel refuses the ghost swapfile with EINVAL" sh -c "echo '$out' | grep -q EINVAL"
# On a block-device filesystem the stock kernel reads the header and
# refuses the size.
if [ -b "${GS_DISK:-}" ] && grep -q ext2 /proc/filesystems; then
	mkdir -p mnt
	busybox mke2fs "$GS_DISK" 65536 > /dev/null 2>&1 || fail "mke2fs"
	mount -t ext2 "$GS_DISK" mnt || fail "mount ext2"
	make_ghost_file mnt/ghost.swap 1G
	out=$(swap_on mnt/ghost.swap)
	check "refused on ext2 too ($out)" sh -c "echo '$out' | grep -q EINVAL"
	check "kernel says the area is shorter than its signature" \
		sh -c 'dmesg | grep -q "Swap area shorter than signature indicates"'
	umount mnt
fi
info "done"
