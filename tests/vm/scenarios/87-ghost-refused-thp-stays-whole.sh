#!/bin/sh
# variants: ghost debug
# A THP zswap refuses is mapped back whole and stays whole (kernel patch
# 0018): 16 MiB of random data in 2 MiB THPs, only a ghost device,
# MADV_PAGEOUT twice.  Reclaim unmaps a THP page by page, which would mark
# it partially mapped and queue it for a deferred split, but the folio is
# in the swap cache by then (deferred_split_folio() leaves those alone);
# once mapped back it must not be counted partially mapped
# (hugepages-2048kB nr_anon_partially_mapped), and the second MADV_PAGEOUT
# must not split it ("split partially mapped folios right away" in
# shrink_folio_list(): thp_split_page +0) but refuse it whole again
# (zswap_reject_retry +512 per THP; the pages were counted in
# zswap_reject_resident the first time, 0023): pagehog reads every page
# before it, a use (0024).  A third MADV_PAGEOUT, the THPs untouched since
# the second, passes them over whole without a try (zswap_reject_skip +512
# per THP, 0022 and 0024: no split).  Every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -d $THP_DIR/hugepages-2048kB ] || skip "no 2048kB THP size"
thp_use always always 2048kB=inherit
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

MB=16
f0=$(thp_stat 2048kB anon_fault_alloc) p0=$(thp_stat 2048kB nr_anon_partially_mapped)
sp0=$(vmstat thp_split_page) r0=$(vswap zswap_reject_resident) t0=$(vswap zswap_reject_retry)
rm -f ready1 ready2 ready3
"$PAGEHOG" -t huge -p random -s 87 $MB fill pageout resident wait=ready1 \
	touch=1 pageout resident wait=ready2 pageout resident wait=ready3 verify > pagehog.out &
hog=$!
wait_ready ready1 $hog
f=$(( $(thp_stat 2048kB anon_fault_alloc) - f0 ))
[ "$f" -ge 4 ] || fail "only $f THPs were faulted in: nothing to test"
pm1=$(( $(thp_stat 2048kB nr_anon_partially_mapped) - p0 ))
sp1=$(( $(vmstat thp_split_page) - sp0 ))
rej1=$(( $(vswap zswap_reject_resident) - r0 )) t1=$(vswap zswap_reject_retry)
info "$f THPs; first MADV_PAGEOUT: refused $rej1 pages, nr_anon_partially_mapped +$pm1, thp_split_page +$sp1, vswap used $(vswap used)"
check "zswap refused the THPs ($rej1 >= 512 x $f)" [ "$rej1" -ge $(( f * 512 )) ]
check "no THP left marked partially mapped (+$pm1)" [ "$pm1" = 0 ]
check "no THP split (+$sp1)" [ "$sp1" = 0 ]
resume $hog
wait_ready ready2 $hog
pm2=$(( $(thp_stat 2048kB nr_anon_partially_mapped) - p0 ))
sp2=$(( $(vmstat thp_split_page) - sp0 ))
rej2=$(( $(vswap zswap_reject_resident) - r0 - rej1 )) retry=$(( $(vswap zswap_reject_retry) - t1 ))
info "second MADV_PAGEOUT: refused again $retry pages, new $rej2; nr_anon_partially_mapped +$pm2, thp_split_page +$sp2"
check "the first MADV_PAGEOUT counted no retry (+$(( t1 - t0 )))" [ "$t1" = "$t0" ]
check "the second MADV_PAGEOUT refused them whole again (retry +$retry >= 512 x $f)" \
	[ "$retry" -ge $(( f * 512 )) ]
check "and counted no page twice (zswap_reject_resident +$rej2)" [ "$rej2" = 0 ]
check "still no THP marked partially mapped (+$pm2)" [ "$pm2" = 0 ]
check "still no THP split (+$sp2)" [ "$sp2" = 0 ]
s2=$(vswap zswap_reject_skip) t2=$(vswap zswap_reject_retry) r2=$(vswap zswap_reject_resident)
resume $hog
wait_ready ready3 $hog
skip=$(( $(vswap zswap_reject_skip) - s2 )) sp3=$(( $(vmstat thp_split_page) - sp0 ))
t3=$(( $(vswap zswap_reject_retry) - t2 )) r3=$(( $(vswap zswap_reject_resident) - r2 ))
pm3=$(( $(thp_stat 2048kB nr_anon_partially_mapped) - p0 ))
info "third MADV_PAGEOUT, THPs untouched: passed over $skip pages, retry +$t3, new +$r3, thp_split_page +$sp3"
check "the third MADV_PAGEOUT passed the untouched THPs over whole (skip +$skip >= 512 x $f)" \
	[ "$skip" -ge $(( f * 512 )) ]
check "without trying them again (retry +$t3, zswap_reject_resident +$r3)" [ "$t3" = 0 -a "$r3" = 0 ]
check "nor splitting them (thp_split_page +$sp3, nr_anon_partially_mapped +$pm3)" [ "$sp3" = 0 -a "$pm3" = 0 ]
resume $hog
wait $hog || fail "pagehog: exit $? ($(tail -n1 pagehog.out))"
grep '^pagehog: resident' pagehog.out | while read -r line; do info "$line"; done
check "vswap used is 0" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
