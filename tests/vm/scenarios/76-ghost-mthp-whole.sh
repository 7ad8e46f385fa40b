#!/bin/sh
# variants: ghost debug
# Whole mTHPs to a ghost device (kernel patch 0016): with only the 64 kB
# size enabled, 32 MiB of 64 kB folios swapped out with MADV_PAGEOUT go to
# zswap unsplit: hugepages-64kB zswpout moves by one per folio, its
# swpout_fallback and vswap alloc_reject stay put, every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -d $THP_DIR/hugepages-64kB ] || skip "no 64kB mTHP size"
thp_use always always 2048kB=never 64kB=always
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

MB=32 folios=512
f0=$(thp_stat 64kB anon_fault_alloc) z0=$(thp_stat 64kB zswpout)
sf0=$(thp_stat 64kB swpout_fallback) a0=$(vswap alloc_reject)
si0=$(thp_stat 64kB swpin)
"$PAGEHOG" -t anon -p compressible -s 76 $MB fill resident pageout resident verify ||
	fail "pagehog: exit $?"
dump_state
f=$(( $(thp_stat 64kB anon_fault_alloc) - f0 ))
z=$(( $(thp_stat 64kB zswpout) - z0 ))
sf=$(( $(thp_stat 64kB swpout_fallback) - sf0 ))
a=$(( $(vswap alloc_reject) - a0 ))
si=$(( $(thp_stat 64kB swpin) - si0 ))
info "64kB folios faulted $f of $folios; 64kB: zswpout +$z swpout_fallback +$sf swpin +$si; alloc_reject +$a"
[ "$f" -ge $(( folios / 2 )) ] || fail "only $f 64kB folios were faulted in: nothing to test"
check "the 64kB folios went to zswap whole ($z of $f, at least 256 = 16 MiB)" [ "$z" -ge 256 -a "$z" -ge $(( f * 3 / 4 )) ]
check "64kB swpout_fallback stayed 0" [ "$sf" = 0 ]
check "vswap alloc_reject stayed 0" [ "$a" = 0 ]
check "pages came back small (64kB swpin $si)" [ "$si" = 0 ]
check "vswap used back to 0 after exit ($(vswap used))" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
