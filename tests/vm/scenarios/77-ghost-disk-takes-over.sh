#!/bin/sh
# variants: ghost debug
# A disk below a ghost device takes over (kernel patches 0017, 0018): ghost
# (/dev/ghostswap, priority 10) above the host's scratch disk (virtio-blk,
# priority 5), a small zswap pool, and 2 x RAM of mixed data (compressible,
# random, zero, text, each page checksummed).  Once the pool is full the
# slot allocator passes over the ghost device (vswap redirected) and the
# disk gets the pages: no OOM kill, pages reach the disk, every page
# verifies.  The ghost slots only hold zswap and zero-filled pages: a page
# zswap refuses gives its ghost slot back and stays resident, counted in
# zswap_reject_resident (printed: what the allocation-time decision leaves
# resident).  When reclaim comes back to such a page and nobody used it
# since, it passes over the ghost device and the disk gets it (0024,
# zswap_reject_skip, printed; scenario 90 tests it page by page).
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"
"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
swap_on -p 10 /dev/ghostswap || fail "swapon /dev/ghostswap"
swap_on -p 5 "$GS_DISK" || fail "swapon disk"
cat /proc/swaps
echo 5 > /sys/module/zswap/parameters/max_pool_percent

ram=$(mem_total_mb)
size=$(scale_mb $(( ram * 2 )))
po0=$(vmstat pswpout) k0=$(vmstat oom_kill) sk0=$(vswap redirected)
r0=$(vswap zswap_reject_resident) z0=$(vmstat swpout_zero) s0=$(vswap zswap_reject_skip)
info "RAM $ram MiB, memhog $size MiB mixed 1:1:1:1 over ghost (prio 10) + disk (prio 5), max_pool_percent 5"
rm -f ready
"$MEMHOG" -p mixed -s 77 -r 1 -w ready "$size" &
hog=$!
wait_ready ready $hog
dump_state
gused=$(vswap used) stored=$(zswap_stat stored_pages)
zero=$(( $(vmstat swpout_zero) - z0 ))
dused=$(swaps_used_kb "$GS_DISK")
po=$(( $(vmstat pswpout) - po0 ))
sk=$(( $(vswap redirected) - sk0 ))
rej=$(( $(vswap zswap_reject_resident) - r0 )) skip=$(( $(vswap zswap_reject_skip) - s0 ))
rss=$(awk '$1 == "VmRSS:" { print $2 }' /proc/$hog/status)
info "ghost slots $gused, zswap stored $stored, zero-filled out +$zero; disk used $dused kB, pswpout +$po; redirected +$sk pages"
info "left resident: memhog RSS $(( rss / 1024 )) MiB; refused by zswap and kept resident: $rej pages ($(( rej / 256 )) MiB); refused pages passed over to the disk later: $skip"
check "pages reached the disk ($po)" [ "$po" -gt 0 ]
check "pages went past the ghost device to the disk (redirected +$sk)" [ "$sk" -gt 0 ]
# Every ghost slot holds a zswap entry or a zero-filled page (+64 pages:
# folios on their way); zswap also holds pages of disk slots.
check "ghost slots hold only zswap and zero-filled pages ($gused <= $stored + $zero)" \
	[ "$gused" -le $(( stored + zero + 64 )) ]
resume $hog
wait $hog || fail "memhog: exit $? (1: corrupted pages, 137: killed)"
check "no OOM kill" [ "$(vmstat oom_kill)" = "$k0" ]
swap_off "$GS_DISK" || fail "swapoff disk"
swap_off /dev/ghostswap || fail "swapoff ghost"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
