#!/bin/sh
# variants: ghost debug
# Swap-in from a ghost device frees the ghost slot at once and reads only
# the page asked for: a ghost device is never "full", so the swap cache
# must not keep slots pinned, and readahead must not decompress
# neighbours.  Anonymous memory and shmem: after touching 1 page in 8,
# exactly that many pages came back from zswap and lost their slots;
# after reading all 16 MiB back, vswap used is 0 and SwapCached holds
# nothing while the process still lives.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

for kind in nohuge shared; do
	# (a page another scenario left in the swap cache is not ours)
	sc0=$(meminfo_now_kb SwapCached)
	rm -f ready
	"$PAGEHOG" -t $kind -p compressible -s 3 16 fill pageout wait=ready \
		touch=8 wait=ready verify wait=ready &
	hog=$!
	wait_ready ready $hog
	used0=$(vswap used) zi0=$(vmstat zswpin)
	info "$kind: after pageout: vswap used $used0, SwapCached $(meminfo_now_kb SwapCached) kB"
	check "$kind: all 4096 pages went to the ghost device ($used0)" [ "$used0" = 4096 ]
	resume $hog
	wait_ready ready $hog
	used=$(vswap used) zi=$(( $(vmstat zswpin) - zi0 ))
	info "$kind: after touching 1 page in 8: vswap used $used, zswpin +$zi, SwapCached $(meminfo_now_kb SwapCached) kB"
	check "$kind: only the 512 touched pages were decompressed (zswpin +$zi)" [ "$zi" = 512 ]
	check "$kind: their 512 slots were freed (vswap used $used)" [ "$used" = 3584 ]
	resume $hog
	wait_ready ready $hog
	used=$(vswap used) zi=$(( $(vmstat zswpin) - zi0 )) sc=$(meminfo_now_kb SwapCached)
	info "$kind: after reading all back: vswap used $used, zswpin +$zi, SwapCached $sc kB ($sc0 kB before)"
	check "$kind: every slot is free while the process lives (vswap used $used)" [ "$used" = 0 ]
	check "$kind: the swap cache holds none of it (SwapCached $sc kB, $sc0 kB before)" [ "$sc" -le "$sc0" ]
	check "$kind: each page decompressed once (zswpin +$zi)" [ "$zi" = 4096 ]
	resume $hog
	wait $hog || fail "$kind: pagehog found corrupted pages (exit $?)"
done
swap_off /dev/ghostswap || fail "swapoff"
info "done"
