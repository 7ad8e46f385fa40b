#!/bin/sh
# variants: ghost debug
# With only a ghost device and the zswap pool full, an anonymous page has
# nowhere to go: the slot allocator passes over ghost devices (0017).
# Reclaim must then not count the free ghost slots as swap space (0019),
# or it keeps scanning anonymous pages that find no slot.  A cgroup fills
# a 1% pool with text data; a second cgroup holds 16 MiB of
# anonymous data and no file pages; memory.reclaim of it must scan no
# anonymous page (pgscan_anon +0, vswap alloc_reject +0, zswap refuses
# none) and fail.  Once the first cgroup's data is freed, the pool empties
# and the same memory.reclaim swaps the data out to the ghost device again.
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
reclaim_no_swap "$cg" "the pool full"

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
