#!/bin/sh
# variants: ghost debug
# A folio zswap refuses is mapped back from reclaim (kernel patch 0018)
# while the process that owns it may be exiting: reclaim holds no
# mmap_lock, so 0018 pins the folio's anon_vma for the walk.  Stress that
# window: a memory cgroup with 16 MiB of random data is pushed out by
# memory.reclaim while its process is killed, 12 times, at staggered
# moments.  Afterwards no process is left, every ghost slot is free
# (vswap used 0), no refused page kept its slot, the pages were really
# refused (the path ran), swapoff works, and the kernel log is clean (the
# harness fails the scenario on any KASAN, lockdep or DEBUG_VM report).
# This guards the path; it does not reproduce the race the pin closes.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
cg=$(cg_new gs83) || fail "cgroup"
r0=$(vswap zswap_reject_resident) c0=$(vswap zswap_reject_cached)
i=0
for delay in 0 0.05 0.1 0.2 0.4 0.8 0 0.05 0.1 0.2 0.4 0.8; do
	i=$((i + 1))
	rm -f ready
	cg_run "$cg" "$MEMHOG" -q -p random -s $((83 + i)) -r 1 -w ready 16 &
	hog=$!
	wait_ready ready $hog
	echo 24M > "$cg/memory.reclaim" 2> /dev/null &
	rec=$!
	sleep $delay
	kill -9 $hog
	wait $hog 2> /dev/null
	wait $rec
done
rej=$(( $(vswap zswap_reject_resident) - r0 ))
cached=$(( $(vswap zswap_reject_cached) - c0 ))
left=$(cat "$cg/cgroup.procs" | wc -l)
used=$(vswap used)
info "12 rounds: refused $rej pages, kept their slot $cached, processes left $left, vswap used $used"
check "no process is left in the cgroup" [ "$left" = 0 ]
check "refused pages were mapped back during the rounds ($rej >= 512)" [ "$rej" -ge 512 ]
check "no refused page kept its slot (zswap_reject_cached +$cached)" [ "$cached" = 0 ]
check "every ghost slot is free once the processes are gone (vswap used $used)" [ "$used" = 0 ]
rmdir "$cg"
swap_off /dev/ghostswap || fail "swapoff"
info "done"
