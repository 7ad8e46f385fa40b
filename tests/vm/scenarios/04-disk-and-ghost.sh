#!/bin/sh
# variants: ghost
# (Not on debug, for the CI budget: about 2 minutes there.)
# Ordinary swap on the host's scratch disk (virtio-blk) next to a ghost
# device, with priorities.  The small ghost device (higher priority) fills
# first, then the disk takes the rest.  The zswap pool is kept small and the
# shrinker on: zswap writeback must reach the disk only (a writeback to the
# ghost device would trip a WARN in the kernel log and fail the run), the
# ghost slots stay in zswap, and every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"
"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
make_ghost_file /tmp/gs/ghost.swap 96M
swap_on -p 10 /tmp/gs/ghost.swap || fail "swapon ghost"
swap_on -p 5 "$GS_DISK" || fail "swapon disk"
cat /proc/swaps
check "ghost row" [ "$(swaps_type /tmp/gs/ghost.swap)" = ghost ]
check "disk row" [ "$(swaps_type "$GS_DISK")" = partition ]
echo 15 > /sys/module/zswap/parameters/max_pool_percent
echo Y > /sys/module/zswap/parameters/shrinker_enabled

ram=$(mem_total_mb)
size=$(scale_mb $(( ram * 2 )))
po0=$(vmstat pswpout) wb0=$(zswap_stat written_back_pages)
info "RAM $ram MiB, memhog $size MiB text (2-3:1) over ghost (prio 10) + disk (prio 5)"
rm -f ready
"$MEMHOG" -p text -s 31 -r 1 -w ready "$size" &
hog=$!
while [ ! -e ready ]; do
	kill -0 $hog 2>/dev/null || { wait $hog; fail "memhog died while filling (exit $?)"; }
	sleep 1
done
dump_state
gused=$(swaps_used_kb /tmp/gs/ghost.swap) dused=$(swaps_used_kb "$GS_DISK")
po=$(( $(vmstat pswpout) - po0 )) wb=$(( $(zswap_stat written_back_pages) - wb0 ))
info "ghost used $gused kB, disk used $dused kB, pswpout +$po, written_back +$wb"
check "the ghost device is used" [ "$gused" -gt 0 ]
check "the disk is used" [ "$dused" -gt 0 ]
check "pages reached the disk ($po)" [ "$po" -gt 0 ]
check "zswap wrote back to the disk ($wb)" [ "$wb" -gt 0 ]
check "vswap used counts the ghost's slots (within 2%)" near "$(vswap used)" $(( gused / 4 )) 2
check "no ghost entry was written back: the ghost is still full" [ "$(swaps_used_kb /tmp/gs/ghost.swap)" -ge $(( gused * 98 / 100 )) ]
kill -USR1 $hog
wait $hog || fail "memhog found corrupted pages (exit $?)"

# swapoff of both with nothing left behind.
swap_off "$GS_DISK" || fail "swapoff disk"
swap_off /tmp/gs/ghost.swap || fail "swapoff ghost"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
echo N > /sys/module/zswap/parameters/shrinker_enabled
info "done"
