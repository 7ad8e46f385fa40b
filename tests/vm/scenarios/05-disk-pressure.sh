#!/bin/sh
# variants: ghost stock debug
# Ordinary swap alone, on the host's scratch disk (virtio-blk), with zswap
# in front of it: the same workload on every kernel, so that the stock
# kernel's figures are the baseline for the patched ones.  The pool is kept
# small and the shrinker on, so zswap writes back to the disk.
. "$GS_DIR/lib.sh"

[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"
"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
echo 10 > /sys/module/zswap/parameters/max_pool_percent
echo Y > /sys/module/zswap/parameters/shrinker_enabled
swap_on "$GS_DISK" || fail "swapon $GS_DISK"
check "$GS_DISK has type partition" [ "$(swaps_type "$GS_DISK")" = partition ]
ram=$(mem_total_mb)
size=$(scale_mb $(( ram * 2 )))
po0=$(vmstat pswpout) pi0=$(vmstat pswpin) wb0=$(zswap_stat written_back_pages) zo0=$(vmstat zswpout)
info "RAM $ram MiB, memhog $size MiB mixed on disk swap"
t0=$(date +%s)
run_memhog -p mixed -s 21 -r 2 "$size" || fail "memhog: exit $?"
dump_state
po=$(( $(vmstat pswpout) - po0 )) pi=$(( $(vmstat pswpin) - pi0 ))
wb=$(( $(zswap_stat written_back_pages) - wb0 )) zo=$(( $(vmstat zswpout) - zo0 ))
info "in $(( $(date +%s) - t0 ))s: pswpout +$po pswpin +$pi zswpout +$zo written_back +$wb"
check "pages were written to the disk ($po)" [ "$po" -gt 0 ]
check "pages were read from the disk ($pi)" [ "$pi" -gt 0 ]
check "zswap took pages ($zo)" [ "$zo" -gt 0 ]
swap_off "$GS_DISK" || fail "swapoff $GS_DISK"
echo N > /sys/module/zswap/parameters/shrinker_enabled
info "done"
