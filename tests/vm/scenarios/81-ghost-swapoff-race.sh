#!/bin/sh
# variants: ghost debug
# swapoff and swapon of a ghost device again and again while an anonymous
# and a shmem mapping are paged out to it and read back (MADV_PAGEOUT):
# swapoff walks only the clusters the device allocated, clusters come and
# go under it, nothing crashes and every page verifies.  After the last
# swapoff and a fresh swapon only the header's cluster is in use.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
make_ghost_file g8 8G
swap_on g8 || fail "swapon"
secs=30
"$PAGEHOG" -p mixed -s 5 24 fill loop=$secs verify > anon.log 2>&1 &
a=$!
"$PAGEHOG" -t shared -p compressible -s 6 16 fill loop=$secs verify > shm.log 2>&1 &
s=$!
cycles=0 offs=0 maxc=0
t0=$(date +%s)
while [ $(( $(date +%s) - t0 )) -lt $(( secs - 2 )) ]; do
	sleep 1
	c=$(vswap clusters)
	[ "$c" -gt "$maxc" ] && maxc=$c
	u=$(vswap used)
	if swap_off g8; then
		offs=$(( offs + 1 ))
	else
		fail "swapoff with $u slots in use"
	fi
	swap_on g8 || fail "swapon again"
	cycles=$(( cycles + 1 ))
done
wait $a; ra=$?
wait $s; rs=$?
cat anon.log shm.log
info "$cycles swapoff/swapon cycles, $offs swapoffs, up to $maxc clusters in use"
check "anonymous pages all verify (exit $ra)" [ "$ra" = 0 ]
check "shmem pages all verify (exit $rs)" [ "$rs" = 0 ]
check "swapoff ran while pages were paged out ($cycles cycles, up to $maxc clusters)" \
	[ "$cycles" -ge 3 ] && [ "$maxc" -gt 1 ]
check "the ghost cluster counter exists" [ -e /sys/kernel/debug/vswap/clusters ]
swap_off g8 || fail "last swapoff"
swap_on g8 || fail "last swapon"
check "only the header's cluster in use after a fresh swapon ($(vswap clusters))" [ "$(vswap clusters)" = 1 ]
swap_off g8 || fail "final swapoff"
info "done"
