#!/bin/sh
# variants: ghost debug
# A THP that no swap device may take is not split for nothing.  With only
# a ghost device and the zswap pool full, the slot allocator passes over
# the ghost device (0017): a large folio finds no slot, and neither would
# its pages.  Reclaim (anonymous THP, MADV_PAGEOUT) and shmem_writeout()
# (a shmem THP) used to split the folio and try again page by page
# (thp_split_page and thp_swpout_fallback +1 per THP); they now keep it
# whole and resident.  Every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
[ -d $THP_DIR/hugepages-2048kB ] || skip "no 2048kB THP size"
thp_use always always 2048kB=inherit
thp_set $THP_DIR/shmem_enabled always
thp_set $THP_DIR/hugepages-2048kB/shmem_enabled inherit
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
pool_fill gs88fill 88

# try KIND: 16 MiB of compressible THPs of KIND, MADV_PAGEOUT, verify.
try() {
	kind=$1 stat=$2
	f0=$(thp_stat 2048kB "$stat") sp0=$(vmstat thp_split_page)
	fb0=$(vmstat thp_swpout_fallback) z0=$(vmstat zswpout) a0=$(vswap alloc_reject)
	"$PAGEHOG" -t "$kind" -p compressible -s 88 16 fill pageout resident verify > pagehog.out ||
		fail "pagehog -t $kind: exit $? ($(tail -n1 pagehog.out))"
	f=$(( $(thp_stat 2048kB "$stat") - f0 ))
	sp=$(( $(vmstat thp_split_page) - sp0 ))
	fb=$(( $(vmstat thp_swpout_fallback) - fb0 ))
	zo=$(( $(vmstat zswpout) - z0 )) a=$(( $(vswap alloc_reject) - a0 ))
	info "$kind: $f THPs; MADV_PAGEOUT with the pool full: alloc_reject +$a, thp_split_page +$sp, thp_swpout_fallback +$fb, zswpout +$zo; $(grep '^pagehog: resident' pagehog.out | tail -n1)"
	[ "$f" -ge 4 ] || fail "$kind: only $f THPs were allocated: nothing to test"
	check "$kind: reclaim tried them and found no slot (alloc_reject +$a >= 512 x $f)" \
		[ "$a" -ge $(( f * 512 )) ]
	check "$kind: no THP split (thp_split_page +$sp)" [ "$sp" = 0 ]
	check "$kind: no swap-out fallback (thp_swpout_fallback +$fb)" [ "$fb" = 0 ]
}
try huge anon_fault_alloc
try shared shmem_alloc

resume $fill_pid
wait $fill_pid || fail "memhog (fill): exit $?"
rmdir "$fill_cg"
swap_off /dev/ghostswap || fail "swapoff"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
