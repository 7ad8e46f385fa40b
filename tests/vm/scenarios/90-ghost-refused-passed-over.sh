#!/bin/sh
# variants: ghost debug
# Reclaim does not try a page zswap refused again until it is used (kernel
# patch 0024): 16 MiB of random data in small pages, MADV_PAGEOUT again and
# again.  Only a ghost device: the first pass refuses every page
# (zswap_reject_resident); the second, with the pages untouched, passes
# them over at slot allocation (zswap_reject_skip +4096) without a single
# compression (zswap reject_compress_poor and reject_compress_fail +0) or
# a retry (before 0024: zswap_reject_retry +4096, one lz4 attempt and one
# map-back per page).  A read of every page is a use: the next pass tries
# them again (zswap_reject_retry), and the pass after that, with the pages
# untouched again, passes them over again.  A compaction in between moves
# some of them (the state goes with the folio).  Then the same with a disk
# below the ghost device: the second pass gives the refused pages to the
# disk (vswap redirected, disk slots used) instead of leaving them
# resident.  Every page verifies.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -e /sys/kernel/debug/vswap/zswap_reject_skip ] || fail "no vswap/zswap_reject_skip: kernel without 0024"
thp_use never never
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

MB=16 pages=4096
most=$(( pages * 95 / 100 ))
# counters NAME: remember the counters before step NAME
counters() {
	eval "r_$1=\$(vswap zswap_reject_resident) t_$1=\$(vswap zswap_reject_retry)"
	eval "s_$1=\$(vswap zswap_reject_skip) d_$1=\$(vswap redirected)"
	eval "z_$1=\$(( \$(zswap_stat reject_compress_poor) + \$(zswap_stat reject_compress_fail) ))"
}
# delta VAR FROM TO: what counter VAR (r, t, s, d or z) moved from FROM to TO
delta() {
	eval "echo \$(( \${$1_$3} - \${$1_$2} ))"
}
show() {
	info "$1: resident +$(delta r "$2" "$3"), retry +$(delta t "$2" "$3"), skip +$(delta s "$2" "$3"), redirected +$(delta d "$2" "$3"), zswap compression failures +$(delta z "$2" "$3")"
}

counters start
rm -f ready1 ready2 ready3 ready4
"$PAGEHOG" -t nohuge -p random -s 90 $MB fill pageout resident wait=ready1 \
	pageout resident pfns wait=ready2 pfns touch=1 pageout resident wait=ready3 \
	pageout resident wait=ready4 verify > pagehog.out &
hog=$!
wait_ready ready1 $hog
counters p1
show "first MADV_PAGEOUT" start p1
n=$(delta r start p1)
check "every page was refused once (+$n >= $most, <= $pages)" [ "$n" -ge $most -a "$n" -le $pages ]
check "each after one compression (+$(delta z start p1) >= +$n)" [ "$(delta z start p1)" -ge "$n" ]
resume $hog
wait_ready ready2 $hog
counters p2
show "second MADV_PAGEOUT, pages untouched" p1 p2
check "the untouched refused pages were passed over (skip +$(delta s p1 p2) = +$n)" \
	[ "$(delta s p1 p2)" = "$n" ]
check "without a compression (+$(delta z p1 p2))" [ "$(delta z p1 p2)" = 0 ]
check "or a retry, or a new page (retry +$(delta t p1 p2), resident +$(delta r p1 p2))" \
	[ "$(delta t p1 p2)" = 0 -a "$(delta r p1 p2)" = 0 ]
m0=$(vmstat pgmigrate_success)
echo 1 > /proc/sys/vm/compact_memory 2> /dev/null
info "compaction migrated $(( $(vmstat pgmigrate_success) - m0 )) pages"
counters c
resume $hog
wait_ready ready3 $hog
counters p3
show "read every page, third MADV_PAGEOUT" c p3
check "a read is a use: the pages were tried again (retry +$(delta t c p3) = +$n)" \
	[ "$(delta t c p3)" = "$n" ]
check "and compressed again (+$(delta z c p3) >= +$n)" [ "$(delta z c p3)" -ge "$n" ]
check "not passed over (skip +$(delta s c p3)), not counted anew (+$(delta r c p3))" \
	[ "$(delta s c p3)" = 0 -a "$(delta r c p3)" = 0 ]
resume $hog
wait_ready ready4 $hog
counters p4
show "fourth MADV_PAGEOUT, pages untouched again" p3 p4
check "passed over again (skip +$(delta s p3 p4) = +$n), no compression (+$(delta z p3 p4))" \
	[ "$(delta s p3 p4)" = "$n" -a "$(delta z p3 p4)" = 0 ]
resume $hog
wait $hog || fail "pagehog: exit $? ($(tail -n1 pagehog.out))"
moved=$(awk '$2 == "pfns:" { n = $3 } END { print n + 0 }' pagehog.out)
info "compaction moved $moved of the refused pages to new page frames"
check "compaction moved some refused pages ($moved > 0)" [ "$moved" -gt 0 ]
# shellcheck disable=SC2046
set -- $(awk '$2 == "resident" { print $3 }' pagehog.out)
[ $# = 4 ] || fail "pagehog printed $# resident lines, not 4"
check "the refused pages stayed resident ($1, $2, $3, $4 >= $most)" \
	[ "$1" -ge $most -a "$2" -ge $most -a "$3" -ge $most -a "$4" -ge $most ]

# A disk below: the pass after the refusal gives the pages to the disk
if [ -b "${GS_DISK:-}" ]; then
	"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
	swap_off /dev/ghostswap || fail "swapoff"
	swap_on -p 10 /dev/ghostswap || fail "swapon /dev/ghostswap"
	swap_on -p 5 "$GS_DISK" || fail "swapon disk"
	counters d0
	rm -f ready1 ready2
	"$PAGEHOG" -t nohuge -p random -s 91 $MB fill pageout resident wait=ready1 \
		pageout resident wait=ready2 verify > disk.out &
	hog=$!
	wait_ready ready1 $hog
	counters d1
	du1=$(swaps_used_kb "$GS_DISK")
	show "ghost over disk, first MADV_PAGEOUT" d0 d1
	n=$(delta r d0 d1)
	check "zswap refused the pages for the ghost device (+$n >= $most)" [ "$n" -ge $most ]
	check "they did not go to the disk yet (redirected +$(delta d d0 d1), disk used $du1 kB)" \
		[ "$(delta d d0 d1)" = 0 -a "$du1" -lt 1024 ]
	resume $hog
	wait_ready ready2 $hog
	counters d2
	du2=$(swaps_used_kb "$GS_DISK")
	show "second MADV_PAGEOUT" d1 d2
	check "the second pass passed them over (skip +$(delta s d1 d2) = +$n)" \
		[ "$(delta s d1 d2)" = "$n" ]
	check "to the disk (redirected +$(delta d d1 d2) = +$n)" [ "$(delta d d1 d2)" = "$n" ]
	check "which holds them (disk used $du2 kB >= $(( n * 4 )) kB)" [ "$du2" -ge $(( n * 4 )) ]
	resume $hog
	wait $hog || fail "pagehog (disk): exit $? ($(tail -n1 disk.out))"
	# shellcheck disable=SC2046
	set -- $(awk '$2 == "resident" { print $3 }' disk.out)
	[ $# = 2 ] || fail "pagehog printed $# resident lines, not 2"
	check "resident after the first pass ($1 >= $most), not after the second ($2 < $(( pages / 20 )))" \
		[ "$1" -ge $most -a "$2" -lt $(( pages / 20 )) ]
	swap_off "$GS_DISK" || fail "swapoff disk"
else
	info "no scratch disk attached: the disk part is left out"
fi
check "vswap used is 0" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
