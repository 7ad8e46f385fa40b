#!/bin/sh
# variants: ghost debug
# A page zswap refuses gives its ghost slot back (kernel patch 0018): 32 MiB
# of random data in a memory cgroup with only a ghost device, pushed out by
# memory.reclaim.  zswap cannot compress it, so it stays resident, mapped
# back: memory.swap.current and vswap used stay near 0 while the data is
# resident (v1: 33.5 MB held in swap slots at the same time), every page
# was refused and counted once in zswap_reject_resident (0023; before, it
# counted refusals: 35102 for these 8192 pages on the debug kernel), and
# every page verifies.  memory.reclaim comes back to them when it cannot
# find its target elsewhere (they are active, it ages them back): since
# 0024 it passes over a refused page nobody used since
# (zswap_reject_skip) rather than compress it again, so zswap tries each
# page once per memory.reclaim (0023: 151721 retries of these 8207 pages,
# zswap_reject_retry, in the first memory.reclaim on the ghost kernel).
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
cg=$(cg_new gs78) || fail "cgroup"
MB=32 pages=8192
r0=$(vswap zswap_reject_resident) p0=$(zswap_stat reject_compress_poor)
c0=$(vswap zswap_reject_cached) t0=$(vswap zswap_reject_retry) s0=$(vswap zswap_reject_skip)
f0=$(zswap_stat reject_compress_fail)
rm -f ready
cg_run "$cg" "$MEMHOG" -p random -s 78 -r 1 -w ready $MB &
hog=$!
wait_ready ready $hog
echo 40M > "$cg/memory.reclaim" 2> /dev/null
cur=$(cat "$cg/memory.current") sw=$(cat "$cg/memory.swap.current")
used=$(vswap used)
rej=$(( $(vswap zswap_reject_resident) - r0 ))
cached=$(( $(vswap zswap_reject_cached) - c0 ))
poor=$(( $(zswap_stat reject_compress_poor) - p0 ))
cfail=$(( $(zswap_stat reject_compress_fail) - f0 ))
rss=$(awk '$1 == "VmRSS:" { print $2 }' /proc/$hog/status)
info "after memory.reclaim: memory.current $cur, memory.swap.current $sw, vswap used $used, memhog RSS $rss kB"
info "refused and kept resident: $rej pages, of which kept their slot: $cached; zswap reject_compress_poor +$poor reject_compress_fail +$cfail"
check "the data stayed in memory (memory.current $cur)" [ "$cur" -ge $(( MB * 1048576 * 9 / 10 )) ]
check "memory.swap.current stays near 0 ($sw < 1 MiB)" [ "$sw" -lt 1048576 ]
check "vswap used stays near 0 ($used < 256)" [ "$used" -lt 256 ]
check "the data is mapped, not in the swap cache (RSS $rss kB)" [ "$rss" -ge $(( MB * 1024 * 9 / 10 )) ]
check "no refused page kept its slot (zswap_reject_cached +$cached)" [ "$cached" = 0 ]
retry=$(( $(vswap zswap_reject_retry) - t0 )) skip=$(( $(vswap zswap_reject_skip) - s0 ))
info "in the first pass: $retry retries, $skip pages passed over"
check "every page was tried and refused ($rej >= 90% of $pages pages)" \
	[ "$rej" -ge $(( pages * 9 / 10 )) ]
# memhog's pages, and the few other pages of the cgroup (its shell)
check "and counted once ($rej <= $pages + 64)" [ "$rej" -le $(( pages + 64 )) ]
# a page found used (or the rmap lock contended) is tried again: allow a batch
check "not tried again on each pass (retries $retry <= 64)" [ "$retry" -le 64 ]
check "zswap tried to compress each page once ($(( poor + cfail )) <= $pages + 128)" \
	[ $(( poor + cfail )) -le $(( pages + 128 )) ]
# A second pass: the pages are active now; whether memory.reclaim ages
# them back depends on what else it finds (before 0023 that made +0 and
# +116096 refusals of these 8207 pages).  Since 0024 it passes them over;
# either way they take no slot and count as no new page.
r1=$(vswap zswap_reject_resident) t1=$(vswap zswap_reject_retry) s1=$(vswap zswap_reject_skip)
echo 8M > "$cg/memory.reclaim" 2> /dev/null
rej2=$(( $(vswap zswap_reject_resident) - r1 )) retry2=$(( $(vswap zswap_reject_retry) - t1 ))
skip2=$(( $(vswap zswap_reject_skip) - s1 ))
sw2=$(cat "$cg/memory.swap.current") used2=$(vswap used)
info "a second memory.reclaim of 8M: refused again $retry2 times, passed over $skip2, new pages +$rej2, memory.swap.current $sw2, vswap used $used2"
check "the first pass counted ($rej) and the second ($rej2) no more than $pages + 64 pages in all" \
	[ $(( rej + rej2 )) -le $(( pages + 64 )) ]
check "the second pass tried no page again either (retries $retry2 <= 64)" [ "$retry2" -le 64 ]
check "after the second pass memory.swap.current stays near 0 ($sw2 < 1 MiB)" [ "$sw2" -lt 1048576 ]
check "after the second pass vswap used stays near 0 ($used2 < 256)" [ "$used2" -lt 256 ]
resume $hog
wait $hog || fail "memhog: exit $?"
rmdir "$cg"
swap_off /dev/ghostswap || fail "swapoff"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
