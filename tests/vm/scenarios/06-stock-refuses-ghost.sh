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
dmesg | tail -n 3
check "kernel says the area is shorter than its signature" sh -c 'dmesg | grep -q "Swap area shorter than signature indicates"'
info "done"
