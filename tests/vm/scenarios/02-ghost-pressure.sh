#!/bin/sh
# variants: ghost
# Not on debug: under KASAN + TCG it takes about 7 minutes of the CI budget;
# there 77 (2 x RAM of mixed data, ghost above the disk), 80 and 81 (fill,
# swapoff with stored anon and shmem pages) take the same paths.
# Memory pressure of about twice RAM with compressible anonymous memory on
# a ghost device only: pages land in zswap (never on a disk), the vswap
# counters move, every page reads back with its checksum, and swapoff with
# pages stored brings them all back intact.  Then a mixed workload with
# zero-filled pages, which need no storage at all.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
echo 60 > /sys/module/zswap/parameters/max_pool_percent
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
ram=$(mem_total_mb)
size=$(scale_mb $(( ram * 2 )))
info "RAM $ram MiB, memhog $size MiB compressible"

zo0=$(vmstat zswpout) po0=$(vmstat pswpout) pi0=$(vmstat pswpin)
rm -f ready
"$MEMHOG" -p compressible -s 7 -r 2 -w ready "$size" &
hog=$!
while [ ! -e ready ]; do
	kill -0 $hog 2>/dev/null || { wait $hog; fail "memhog died while filling (exit $?)"; }
	sleep 1
done
dump_state
used=$(vswap used)
zo=$(( $(vmstat zswpout) - zo0 ))
info "while stored: vswap used $used pages, zswpout +$zo, Zswapped $(meminfo_kb Zswapped) kB"
check "vswap used moved ($used)" [ "$used" -gt 0 ]
check "pages went to zswap ($zo)" [ "$zo" -gt 0 ]
check "no block I/O to the ghost device (pswpout +$(( $(vmstat pswpout) - po0 )))" \
	[ "$(vmstat pswpout)" = "$po0" ]
check "/proc/swaps Used matches vswap used (within 2%)" \
	near "$(swaps_used_kb /dev/ghostswap)" $(( used * 4 )) 2

kill -USR1 $hog
wait $hog || fail "memhog found corrupted pages (exit $?)"
info "vswap used after memhog exit: $(vswap used)"

# swapoff with pages stored: a held memhog (half of RAM) is pushed into
# zswap by a second one, then swapoff must bring every page back.
hsize=$(( ram / 2 )) psize=$(scale_mb $(( ram * 3 / 2 )))
info "held memhog $hsize MiB, pressure memhog $psize MiB"
rm -f ready
"$MEMHOG" -p compressible -s 8 -w ready "$hsize" &
hog=$!
while [ ! -e ready ]; do
	kill -0 $hog 2>/dev/null || { wait $hog; fail "held memhog died while filling (exit $?)"; }
	sleep 1
done
run_memhog -q -p compressible -s 9 -r 1 "$psize" || fail "pressure memhog: exit $?"
used=$(vswap used)
info "stored before swapoff: vswap used $used, zswap stored_pages $(zswap_stat stored_pages)"
check "held pages are in swap ($used)" [ "$used" -gt 0 ]
t0=$(date +%s)
swap_off /dev/ghostswap || fail "swapoff with $used pages stored"
info "swapoff brought $used pages back in $(( $(date +%s) - t0 ))s"
check "vswap used is 0 after swapoff" [ "$(vswap used)" = 0 ]
check "zswap is empty after swapoff" [ "$(zswap_stat stored_pages)" = 0 ]
kill -USR1 $hog
wait $hog || fail "memhog found corrupted pages after swapoff (exit $?)"

# Again with swap active during the verification passes, and a mixed
# pattern: compressible, text, zero-filled and random pages.
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap again"
sz0=$(vmstat swpout_zero) sr0=$(vswap zswap_reject_resident)
size=$(scale_mb $(( ram * 3 / 2 )))
info "memhog $size MiB mixed"
run_memhog -p mixed -s 11 -r 2 "$size" || fail "memhog mixed: exit $?"
dump_state
zero=$(( $(vmstat swpout_zero) - sz0 ))
check "zero-filled pages were swapped out without storage ($zero)" [ "$zero" -gt 0 ]
info "pages kept resident because zswap refused them: $(( $(vswap zswap_reject_resident) - sr0 ))"
check "still no block I/O" [ "$(vmstat pswpout)" = "$po0" ] 
check "no block reads" [ "$(vmstat pswpin)" = "$pi0" ]
swap_off /dev/ghostswap || fail "final swapoff"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
