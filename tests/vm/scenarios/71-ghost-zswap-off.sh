#!/bin/sh
# variants: ghost debug
# cmdline: zswap.enabled=0
# A ghost slot can only hold what zswap stores: with zswap disabled on the
# command line, swapon of a ghost file and of /dev/ghostswap fails with
# EOPNOTSUPP and one kernel message, and ghostswapon says why.  With zswap
# disabled at runtime while a ghost device is active, reclaim (here
# MADV_PAGEOUT) skips the device: no ghost slot is allocated, the pages
# stay resident without a slot, and the kernel says so once.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
check "zswap is disabled by the command line" \
	[ "$(cat /sys/module/zswap/parameters/enabled)" = N ]

make_ghost_file g1 1G
for a in g1 /dev/ghostswap; do
	dmesg -c > /dev/null
	out=$(swap_on "$a" 2>&1); rc=$?
	info "swapon $a: rc $rc: $out"
	msgs=$(dmesg | grep -c 'ghost swap needs zswap')
	info "kernel: $(dmesg | grep 'ghost swap needs zswap')"
	[ $rc = 0 ] && swap_off "$a"
	check "swapon $a fails with EOPNOTSUPP" sh -c "echo '$out' | grep -q EOPNOTSUPP"
	check "one kernel message for $a ($msgs)" [ "$msgs" = 1 ]
done
check "nothing is active" [ "$(awk 'NR > 1' /proc/swaps | wc -l)" = 0 ]
if [ -n "$GS_GHOSTSWAPON" ]; then
	out=$("$GS_GHOSTSWAPON" g1 2>&1); rc=$?
	info "ghostswapon g1: rc $rc: $out"
	[ $rc = 0 ] && swap_off g1
	check "ghostswapon fails and names zswap" sh -c "[ $rc != 0 ] && echo '$out' | grep -q zswap"
fi

# Runtime: zswap on for swapon, then off with the ghost device active.
echo Y > /sys/module/zswap/parameters/enabled
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap with zswap enabled"
echo N > /sys/module/zswap/parameters/enabled
dmesg -c > /dev/null
u0=$(vswap used) r0=$(zswap_refusals) zo0=$(vmstat zswpout) a0=$(vswap alloc_reject)
out=$("$PAGEHOG" -t nohuge -p compressible 16 fill pageout resident pageout resident verify 2>&1)
rc=$?
echo "$out"
used=$(vswap used)
rej=$(( $(zswap_refusals) - r0 ))
zo=$(( $(vmstat zswpout) - zo0 ))
rej_alloc=$(( $(vswap alloc_reject) - a0 ))
res=$(echo "$out" | awk '/resident/ { n = $3 } END { print n + 0 }')
msgs=$(dmesg | grep -c 'zswap is disabled, reclaim skips ghost devices')
info "zswap off at runtime: vswap used $u0 -> $used, zswap refusals +$rej, zswpout +$zo, resident $res of 4096, alloc_reject +$rej_alloc, messages $msgs"
check "pagehog verified every page" [ $rc = 0 ]
check "no ghost slot was allocated (vswap used $used)" [ "$used" = 0 ]
check "no page held a slot while zswap refused it (+$rej)" [ "$rej" = 0 ]
check "nothing went to zswap (+$zo)" [ "$zo" = 0 ]
check "both pageouts found no slot: alloc_reject +8192 ($rej_alloc)" [ "$rej_alloc" = 8192 ]
check "every page stayed resident ($res of 4096)" [ "$res" = 4096 ]
check "the kernel said so once ($msgs)" [ "$msgs" = 1 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
