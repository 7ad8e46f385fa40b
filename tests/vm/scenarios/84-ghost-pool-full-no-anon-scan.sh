#!/bin/sh
# variants: ghost debug
# With only a ghost device and the zswap pool full, an anonymous page has
# nowhere to go: the slot allocator passes over ghost devices (0017).
# Reclaim must then not count the free ghost slots as swap space (0019),
# or it keeps scanning anonymous pages that find no slot.  A cgroup fills
# a 1% pool with text data; a second cgroup holds 16 MiB of
# anonymous data and no file pages; memory.reclaim of it must scan no
# anonymous page (pgscan_anon +0, vswap alloc_reject +0) and fail.  Once
# the first cgroup's data is freed, the pool empties and the same
# memory.reclaim swaps the data out to the ghost device again.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
pool_fill gs84fill 84
cg=$(cg_new gs84) || fail "cgroup"

rm -f ready2
cg_run "$cg" "$MEMHOG" -p compressible -s 85 -r 1 -w ready2 16 &
hog=$!
wait_ready ready2 $hog
s0=$(vmstat pgscan_anon) a0=$(vswap alloc_reject)
g0=$(awk '$1 == "pgscan" { print $2 }' "$cg/memory.stat")
if echo 8M > "$cg/memory.reclaim" 2> /dev/null; then rc=0; else rc=1; fi
scan=$(( $(vmstat pgscan_anon) - s0 )) rej=$(( $(vswap alloc_reject) - a0 ))
cgscan=$(( $(awk '$1 == "pgscan" { print $2 }' "$cg/memory.stat") - g0 ))
sw=$(cat "$cg/memory.swap.current")
info "memory.reclaim 8M with the pool full: failed=$rc, pgscan_anon +$scan, cgroup pgscan +$cgscan, alloc_reject +$rej, memory.swap.current $sw"
check "memory.reclaim fails: nothing it may reclaim" [ "$rc" = 1 ]
check "no anonymous page scanned (pgscan_anon +$scan)" [ "$scan" = 0 ]
check "no slot allocation refused (alloc_reject +$rej)" [ "$rej" = 0 ]
check "nothing swapped (memory.swap.current $sw)" [ "$sw" = 0 ]

# Free the pool; the same reclaim now swaps to the ghost device again.
resume $fill_pid
wait $fill_pid || fail "memhog (fill): exit $?"
echo 8M > "$cg/memory.reclaim" 2> /dev/null
sw=$(cat "$cg/memory.swap.current")
info "pool freed: pool_total_size $(zswap_stat pool_total_size) B; memory.reclaim 8M: memory.swap.current $sw"
check "with room in the pool, reclaim swaps again (memory.swap.current $sw >= 4 MiB)" \
	[ "$sw" -ge 4194304 ]
resume $hog
wait $hog || fail "memhog: exit $?"
rmdir "$cg" "$fill_cg"
swap_off /dev/ghostswap || fail "swapoff"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
