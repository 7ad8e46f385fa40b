#!/bin/sh
# variants: ghost debug
# A page zswap refuses counts once, however often reclaim tries it again
# (kernel patch 0023): 16 MiB of random data in small pages, only a ghost
# device, MADV_PAGEOUT three times.  The first refuses every page and
# counts it in zswap_reject_resident; the next two refuse the same pages
# again and count them in zswap_reject_retry only (before 0023 every
# refusal counted in zswap_reject_resident: +4096 three times).  pagehog
# reads every page before them: since 0024 reclaim passes over a refused
# page nobody used (scenario 90), a read makes it try again.  A
# compaction before the third migrates some of them (pagehog's pfns step
# counts how many): the mark goes with them.  Then the same pages,
# rewritten with compressible data, are stored by zswap and count nowhere.
# Last, shmem pages (MAP_SHARED anonymous memory) refused twice: counted
# once, retried once (before 0023: +4096 twice).  Every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -e /sys/kernel/debug/vswap/zswap_reject_retry ] || fail "no vswap/zswap_reject_retry: kernel without 0023"
thp_use never never
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

MB=16 pages=4096
# counters NAME: remember the refusal counters before step NAME
counters() {
	eval "r_$1=\$(vswap zswap_reject_resident) t_$1=\$(vswap zswap_reject_retry)"
	eval "z_$1=\$(vmstat zswpout)"
}
# delta VAR FROM TO: what counter VAR (r, t or z) moved from step FROM to TO
delta() {
	eval "echo \$(( \${$1_$3} - \${$1_$2} ))"
}

counters start
rm -f ready1 ready2 ready3
"$PAGEHOG" -t nohuge -p random -s 89 $MB fill pageout resident wait=ready1 \
	touch=1 pageout resident pfns wait=ready2 pfns touch=1 pageout resident wait=ready3 \
	fill=compressible pageout resident verify > pagehog.out &
hog=$!
wait_ready ready1 $hog
counters p1
info "first MADV_PAGEOUT: zswap_reject_resident +$(delta r start p1), zswap_reject_retry +$(delta t start p1), vswap used $(vswap used)"
check "every page was refused and counted once (+$(delta r start p1) >= 95% of $pages)" \
	[ "$(delta r start p1)" -ge $(( pages * 95 / 100 )) ]
check "no page counted twice (+$(delta r start p1) <= $pages)" [ "$(delta r start p1)" -le $pages ]
check "nothing counted as a retry yet (+$(delta t start p1))" [ "$(delta t start p1)" = 0 ]
resume $hog
wait_ready ready2 $hog
counters p2
info "second MADV_PAGEOUT: zswap_reject_resident +$(delta r p1 p2), zswap_reject_retry +$(delta t p1 p2)"
check "the second refusal of the same pages counts no new page (+$(delta r p1 p2))" \
	[ "$(delta r p1 p2)" = 0 ]
check "it counts as retries (+$(delta t p1 p2) = +$(delta r start p1))" \
	[ "$(delta t p1 p2)" = "$(delta r start p1)" ]
m0=$(vmstat pgmigrate_success)
echo 1 > /proc/sys/vm/compact_memory 2> /dev/null
migrated=$(( $(vmstat pgmigrate_success) - m0 ))
counters c
resume $hog
wait_ready ready3 $hog
counters p3
moved=$(awk '$2 == "pfns:" { n = $3 } END { print n + 0 }' pagehog.out)
info "compaction migrated $migrated pages, $moved of them refused ones; third MADV_PAGEOUT: zswap_reject_resident +$(delta r c p3), zswap_reject_retry +$(delta t c p3)"
check "compaction moved some refused pages to new folios ($moved > 0)" [ "$moved" -gt 0 ]
check "the moved pages do not count as new (+$(delta r c p3))" [ "$(delta r c p3)" = 0 ]
check "the third pass counts as retries again (+$(delta t c p3))" \
	[ "$(delta t c p3)" = "$(delta r start p1)" ]
resume $hog
wait $hog || fail "pagehog: exit $? ($(tail -n1 pagehog.out))"
counters end
info "rewritten compressible and paged out: zswpout +$(delta z p3 end), zswap_reject_resident +$(delta r p3 end), zswap_reject_retry +$(delta t p3 end)"
check "zswap stored the rewritten pages (zswpout +$(delta z p3 end) >= 95% of $pages)" \
	[ "$(delta z p3 end)" -ge $(( pages * 95 / 100 )) ]
check "stored pages count as neither (+$(delta r p3 end), +$(delta t p3 end))" \
	[ "$(delta r p3 end)" = 0 -a "$(delta t p3 end)" = 0 ]
grep '^pagehog: resident' pagehog.out | while read -r line; do info "$line"; done
# shellcheck disable=SC2046
set -- $(awk '$2 == "resident" { print $3 }' pagehog.out)
[ $# = 4 ] || fail "pagehog printed $# resident lines, not 4"
most=$(( pages * 95 / 100 ))
check "the refused pages stayed resident ($1, $2, $3 >= $most)" \
	[ "$1" -ge $most -a "$2" -ge $most -a "$3" -ge $most ]
check "the stored pages did not ($4 < $(( pages / 20 )))" [ "$4" -lt $(( pages / 20 )) ]

# shmem: refused twice, counted once
counters sh0
# reclaim unmaps a shmem page and a refused one goes back to the page
# cache unmapped: verify maps them again for the second MADV_PAGEOUT
"$PAGEHOG" -t shared -p random -s 89 $MB fill pageout verify wait=ready1 pageout verify > shmem.out &
hog=$!
wait_ready ready1 $hog
counters sh1
resume $hog
wait $hog || fail "pagehog (shmem): exit $? ($(tail -n1 shmem.out))"
counters sh2
info "shmem: first MADV_PAGEOUT zswap_reject_resident +$(delta r sh0 sh1), second +$(delta r sh1 sh2) and zswap_reject_retry +$(delta t sh1 sh2)"
check "shmem pages refused and counted once (+$(delta r sh0 sh1) >= 95% of $pages, <= $pages)" \
	[ "$(delta r sh0 sh1)" -ge $(( pages * 95 / 100 )) -a "$(delta r sh0 sh1)" -le $pages ]
check "the second refusal of the shmem pages counts no new page (+$(delta r sh1 sh2))" \
	[ "$(delta r sh1 sh2)" = 0 ]
check "it counts as retries (+$(delta t sh1 sh2) = +$(delta r sh0 sh1))" \
	[ "$(delta t sh1 sh2)" = "$(delta r sh0 sh1)" ]
check "vswap used is 0" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
