#!/bin/sh
# variants: ghost debug
# Ghost swapfiles (on the initramfs rootfs and on tmpfs) and /dev/ghostswap:
# swapon, /proc/swaps type "ghost", the vswap counters, the header that
# /dev/ghostswap synthesises, its size knob, and swapoff.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "no /sys/kernel/debug/vswap: not a ghost-swap kernel"
check "vswap starts empty" [ "$(vswap devices)" = 0 ]

# Ghost swapfiles, 1 GiB virtual, on rootfs and on the tmpfs /tmp.
for f in /root/ghost.swap /tmp/gs/ghost.swap; do
	make_ghost_file "$f" 1G
	check "$f is one page" [ "$(stat -c %s "$f")" = 4096 ]
	swap_on "$f" || fail "swapon $f"
	cat /proc/swaps
	check "$f has type ghost" [ "$(swaps_type "$f")" = ghost ]
	size=$(awk -v p="$f" '$1 == p { print $3 }' /proc/swaps)
	check "$f size is 1 GiB minus the header page ($size KiB)" [ "$size" = 1048572 ]
	check "vswap devices = 1" [ "$(vswap devices)" = 1 ]
	check "vswap virtual_total = 262143" [ "$(vswap virtual_total)" = 262143 ]
	check "vswap used = 0" [ "$(vswap used)" = 0 ]
	# The header is all the kernel reads: the file is unchanged.
	check "$f still one page" [ "$(stat -c %s "$f")" = 4096 ]
	swap_off "$f" || fail "swapoff $f"
	check "vswap devices back to 0" [ "$(vswap devices)" = 0 ]
done

# On a block-device filesystem (ext2 on the scratch disk): the kernel reads
# the header through the file and never maps a block (no bmap, no extents).
if [ -b "${GS_DISK:-}" ] && grep -q ext2 /proc/filesystems; then
	mkdir -p mnt
	busybox mke2fs "$GS_DISK" 65536 > /dev/null 2>&1 || fail "mke2fs"
	mount -t ext2 "$GS_DISK" mnt || fail "mount ext2"
	make_ghost_file mnt/ghost.swap 4G
	swap_on mnt/ghost.swap || fail "swapon on ext2"
	check "ghost on ext2" [ "$(swaps_type "$PWD/mnt/ghost.swap")" = ghost ]
	check "4 GiB virtual on ext2" [ "$(awk -v p="$PWD/mnt/ghost.swap" '$1 == p { print $3 }' /proc/swaps)" = 4194300 ]
	dmesg | grep 'ghost.swap' | tail -n 1
	check "no extents were set up" sh -c "dmesg | grep 'ghost.swap' | tail -n 1 | grep -q 'extents:0 '"
	swap_off mnt/ghost.swap || fail "swapoff on ext2"
	umount mnt
else
	info "no scratch disk or no ext2: skipping the ext2 part"
fi

# A ghost swapfile can be active together with another one.
make_ghost_file /tmp/gs/a.swap 256M
make_ghost_file /tmp/gs/b.swap 512M
swap_on -p 7 /tmp/gs/a.swap || fail "swapon a"
swap_on /tmp/gs/b.swap || fail "swapon b"
check "two ghost devices" [ "$(vswap devices)" = 2 ]
check "virtual_total is the sum" [ "$(vswap virtual_total)" = $((65535 + 131071)) ]
check "priority 7 kept" [ "$(awk '$1 == "/tmp/gs/a.swap" { print $5 }' /proc/swaps)" = 7 ]
swap_off /tmp/gs/a.swap || fail "swapoff a"
swap_off /tmp/gs/b.swap || fail "swapoff b"

# An ordinary file that is shorter than its header says is still refused.
truncate -s 64M /tmp/gs/short.swap
"$GS_UL/mkswap" /tmp/gs/short.swap > /dev/null 2>&1 || fail "util-linux mkswap"
truncate -s 8192 /tmp/gs/short.swap
out=$(swap_on /tmp/gs/short.swap)
check "a two-page file claiming 64 MiB is refused with EINVAL ($out)" \
	sh -c "echo '$out' | grep -q EINVAL"

# /dev/ghostswap: char 1:13, mode 0660.
check "/dev/ghostswap is a character device" [ -c /dev/ghostswap ]
check "/dev/ghostswap is 1:13" [ "$(stat -c '%t:%T' /dev/ghostswap)" = "1:d" ]
check "/dev/ghostswap mode 0660" [ "$(stat -c '%a' /dev/ghostswap)" = 660 ]

# Its header: version 1, SWAPSPACE2, last_page + 1 = 8 x RAM in clusters.
ram_pages=$(( $(meminfo_kb MemTotal) / 4 ))
expect=$(( ram_pages * 8 / 512 * 512 ))
dd if=/dev/ghostswap of=hdr bs=4096 count=2 2>/dev/null
check "reading returns exactly one page" [ "$(stat -c %s hdr)" = 4096 ]
check "magic SWAPSPACE2" [ "$(dd if=hdr bs=1 skip=4086 count=10 2>/dev/null)" = SWAPSPACE2 ]
set -- $(od -An -tu4 -j1024 -N12 hdr)
check "version 1" [ "$1" = 1 ]
info "last_page $2, 8 x RAM = $((ram_pages * 8)) pages, expected size $expect"
check "size is 8 x RAM rounded down to clusters" [ $(($2 + 1)) = "$expect" ]
check "no bad pages" [ "$3" = 0 ]
check "writes are discarded" sh -c 'echo hello > /dev/ghostswap'

swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
cat /proc/swaps
check "/dev/ghostswap has type ghost" [ "$(swaps_type /dev/ghostswap)" = ghost ]
check "its size is the header's" [ "$(awk '$1 == "/dev/ghostswap" { print $3 }' /proc/swaps)" = $(( (expect - 1) * 4 )) ]
out=$(swap_on /dev/ghostswap)
check "a second swapon is refused with EBUSY ($out)" sh -c "echo '$out' | grep -q EBUSY"
check "header still readable while active" [ "$(dd if=/dev/ghostswap bs=1 skip=4086 count=10 2>/dev/null)" = SWAPSPACE2 ]
swap_off /dev/ghostswap || fail "swapoff /dev/ghostswap"

# The size knob.
echo 64M > /sys/module/ghostswap/parameters/size || fail "cannot set ghostswap.size"
check "knob reads back in bytes" [ "$(cat /sys/module/ghostswap/parameters/size)" = 67108864 ]
set -- $(od -An -tu4 -j1024 -N8 /dev/ghostswap)
check "header follows the knob (last_page $2)" [ "$2" = 16383 ]
echo 3000K > /sys/module/ghostswap/parameters/size
set -- $(od -An -tu4 -j1024 -N8 /dev/ghostswap)
check "knob rounds down to whole clusters, at least one" [ "$2" = 511 ]
echo 64M > /sys/module/ghostswap/parameters/size
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap (64M)"
check "64M device" [ "$(awk '$1 == "/dev/ghostswap" { print $3 }' /proc/swaps)" = 65532 ]
swap_off /dev/ghostswap || fail "swapoff"
check "bad knob value refused" sh -c '! echo 12Q > /sys/module/ghostswap/parameters/size 2>/dev/null'
echo 0 > /sys/module/ghostswap/parameters/size
check "nothing left active" [ "$(vswap devices)" = 0 ]
info "done"
