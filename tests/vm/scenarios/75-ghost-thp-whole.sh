#!/bin/sh
# variants: ghost debug
# Whole THPs to a ghost device (kernel patch 0016): 32 MiB of 2 MiB THPs,
# swapped out with MADV_PAGEOUT while the ghost device has free slots, go
# to zswap without being split: the 2048kB zswpout counter moves by one per
# THP, thp_swpout_fallback and alloc_reject stay put, and every page
# verifies when it comes back (page by page: zswap loads small folios).
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -d $THP_DIR/hugepages-2048kB ] || skip "no 2048kB THP size"
thp_use always always 2048kB=inherit
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

MB=32 thps=16
f0=$(thp_stat 2048kB anon_fault_alloc) z0=$(thp_stat 2048kB zswpout)
s0=$(thp_stat 2048kB swpout) sf0=$(thp_stat 2048kB swpout_fallback)
fb0=$(vmstat thp_swpout_fallback) a0=$(vswap alloc_reject)
zp0=$(vmstat zswpout) si0=$(thp_stat 2048kB swpin)
"$PAGEHOG" -t huge -p compressible -s 75 $MB fill resident pageout resident verify ||
	fail "pagehog: exit $?"
dump_state
f=$(( $(thp_stat 2048kB anon_fault_alloc) - f0 ))
z=$(( $(thp_stat 2048kB zswpout) - z0 ))
s=$(( $(thp_stat 2048kB swpout) - s0 ))
sf=$(( $(thp_stat 2048kB swpout_fallback) - sf0 ))
fb=$(( $(vmstat thp_swpout_fallback) - fb0 ))
a=$(( $(vswap alloc_reject) - a0 ))
zp=$(( $(vmstat zswpout) - zp0 ))
si=$(( $(thp_stat 2048kB swpin) - si0 ))
info "THPs faulted $f; 2048kB: zswpout +$z swpout +$s swpout_fallback +$sf swpin +$si; thp_swpout_fallback +$fb; alloc_reject +$a; zswpout +$zp pages"
[ "$f" -ge $(( thps / 2 )) ] || fail "only $f THPs were faulted in: nothing to test"
check "the THPs went to zswap whole ($z of $f, at least 8 = 16 MiB)" [ "$z" -ge 8 -a "$z" -ge $(( f * 3 / 4 )) ]
check "thp_swpout_fallback stayed 0" [ "$fb" = 0 ]
check "2048kB swpout_fallback stayed 0" [ "$sf" = 0 ]
check "vswap alloc_reject stayed 0" [ "$a" = 0 ]
check "no block I/O counted for them (2048kB swpout $s)" [ "$s" = 0 ]
check "pages came back small (2048kB swpin $si)" [ "$si" = 0 ]
check "vswap used back to 0 after exit ($(vswap used))" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
