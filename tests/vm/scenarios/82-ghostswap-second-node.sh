#!/bin/sh
# variants: ghost debug
# /dev/ghostswap exists once: a second character device node 1:13 made with
# mknod reads the same header, but swapon of it while the first is active
# fails with EBUSY, and only one ghost device exists.  Once the first is
# off, the second node works.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
echo 64M > /sys/module/ghostswap/parameters/size || fail "cannot set ghostswap.size"
mknod gs1 c 1 13 || fail "mknod gs1"
mknod gs2 c 1 13 || fail "mknod gs2"
swap_on gs1 || fail "swapon of the first node"
out=$(swap_on gs2); rc=$?
info "second node: exit $rc: $out"
n=$(vswap devices)
info "ghost devices: $n"
[ "$rc" = 0 ] && swap_off gs2
check "swapon of a second 1:13 node fails while the first is active" [ "$rc" != 0 ]
check "with EBUSY ($out)" sh -c "echo '$out' | grep -q EBUSY"
check "one ghost device ($n)" [ "$n" = 1 ]
out=$(swap_on /dev/ghostswap); rc=$?
check "/dev/ghostswap is busy too ($out)" [ "$rc" != 0 ]
swap_off gs1 || fail "swapoff of the first node"
swap_on gs2 || fail "swapon of the second node once the first is off"
check "one ghost device again ($(vswap devices))" [ "$(vswap devices)" = 1 ]
swap_off gs2 || fail "swapoff of the second node"
check "no ghost device left ($(vswap devices))" [ "$(vswap devices)" = 0 ]
echo 0 > /sys/module/ghostswap/parameters/size
info "done"
