#!/bin/sh
# variants: ghost
# Not on debug: under KASAN + TCG the OOM part (reclaim churning through
# resident incompressible pages) takes far longer than the CI budget.
# Incompressible memory with only a ghost device: zswap refuses the pages,
# they stay resident (the refusal counter moves), nothing is lost, nothing
# crashes; and when memory really runs out the OOM killer acts just as it
# does without any swap, and when the ghost device is full (alloc_reject).
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
ram=$(mem_total_mb)
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"

# 1. Random pages under pressure from compressible ones: the random pages
#    cannot be compressed, so they stay resident; the compressible ones
#    move to zswap.  Both sets verify.
r0=$(vswap zswap_reject_resident) po0=$(vmstat pswpout)
rsize=$(( ram * 25 / 100 )) csize=$(scale_mb $(( ram * 6 / 5 )))
info "RAM $ram MiB: $rsize MiB random held, then $csize MiB compressible"
rm -f ready
"$MEMHOG" -p random -s 3 -w ready "$rsize" &
hog=$!
while [ ! -e ready ]; do
	kill -0 $hog 2>/dev/null || { wait $hog; fail "random memhog died while filling (exit $?)"; }
	sleep 1
done
run_memhog -q -p compressible -s 4 -r 1 "$csize" || fail "compressible memhog: exit $?"
kill -USR1 $hog
wait $hog || fail "random memhog lost data (exit $?)"
dump_state
rej=$(( $(vswap zswap_reject_resident) - r0 ))
info "pages kept resident: $rej; zswap reject_compress_poor $(zswap_stat reject_compress_poor)"
check "the refusal counter moved ($rej)" [ "$rej" -gt 0 ]
check "no block I/O" [ "$(vmstat pswpout)" = "$po0" ]
check "no incompressible page stored in zswap" [ "$(zswap_stat stored_incompressible_pages)" = 0 ]

# 2. More incompressible memory than RAM: the OOM killer must kill memhog
#    (exit 137), with the ghost device active and without swap alike.
oom() {
	k0=$(vmstat oom_kill)
	t0=$(date +%s)
	run_memhog -q -p random -s 5 $(( ram * 3 / 2 ))
	rc=$?
	info "$1: memhog exit $rc after $(( $(date +%s) - t0 ))s, oom_kill +$(( $(vmstat oom_kill) - k0 ))"
	check "$1: memhog was killed by SIGKILL" [ "$rc" = 137 ]
	check "$1: by the OOM killer" [ "$(vmstat oom_kill)" -gt "$k0" ]
}
# Without swap, the default overcommit heuristic would refuse the mmap
# outright; always overcommit so both runs reach the OOM killer.
echo 1 > /proc/sys/vm/overcommit_memory
oom "with ghost swap"
swap_off /dev/ghostswap || fail "swapoff"
oom "without swap"

# 3. A full ghost device: it fills up and the OOM killer takes over, as
#    with a full disk.  Once swap is full reclaim stops asking for slots,
#    so alloc_reject only counts the allocations that raced for the last
#    slots, and the large folios that found no free cluster (before patch
#    0016 every THP, which a ghost device refused): it may stay 0, so it
#    is only printed.  vswap used is sampled while memhog runs; the
#    samples miss the last moments before the kill.
echo 32M > /sys/module/ghostswap/parameters/size
swap_on /dev/ghostswap || fail "swapon 32M /dev/ghostswap"
total=$(vswap virtual_total)
a0=$(vswap alloc_reject) k0=$(vmstat oom_kill)
"$MEMHOG" -q -p compressible -s 6 $(( ram * 3 / 2 )) &
hog=$! max=0
while kill -0 $hog 2>/dev/null; do
	u=$(vswap used)
	[ "$u" -gt "$max" ] && max=$u
	sleep 0.1
done
wait $hog
rc=$?
a=$(( $(vswap alloc_reject) - a0 ))
info "full ghost device: memhog exit $rc, used at most $max of $total slots, alloc_reject +$a, oom_kill +$(( $(vmstat oom_kill) - k0 ))"
check "the ghost device was filling up ($max of $total slots)" [ "$max" -ge $(( total / 2 )) ]
check "memhog was OOM-killed" [ "$rc" = 137 ]
swap_off /dev/ghostswap || fail "swapoff 32M"
echo 0 > /sys/module/ghostswap/parameters/size
echo 0 > /proc/sys/vm/overcommit_memory
check "system still alive" [ -r /proc/meminfo ]
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
