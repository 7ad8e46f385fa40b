#!/bin/sh
# variants: ghost debug
# A page zswap refuses is mapped back writable (kernel patch 0018): 8 MiB
# of random data in small pages, MADV_PAGEOUT with only a ghost device.
# zswap refuses every page and the map-back puts them back in place; an
# exclusive page gets its write permission back, as a swap-in would, so
# rewriting all of them takes no write fault (0018 before: one minor fault
# per page, 2048).  A page shared with a child (fork) must stay read-only:
# the parent's writes copy it, and the child still reads the original
# (pushed out by memory.reclaim: MADV_PAGEOUT skips shared pages).
# Every page verifies, no slot stays in use.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
pages=2048
r0=$(vswap zswap_reject_resident)
"$PAGEHOG" -t nohuge -p random -s 85 8 fill pageout resident write=1 verify > log 2>&1
rc=$?
cat log
rej=$(( $(vswap zswap_reject_resident) - r0 ))
res=$(awk '$2 == "resident" { print $3 }' log)
faults=$(awk '$2 == "write" { print $(NF - 2) }' log)
info "refused $rej pages; resident after pageout $res of $pages; minor faults rewriting them: $faults"
check "every page verifies (pagehog exit $rc)" [ "$rc" = 0 ]
check "zswap refused the pages ($rej >= $pages)" [ "$rej" -ge $pages ]
check "they stayed mapped ($res of $pages resident)" [ "${res:-0}" = $pages ]
check "rewriting them takes no write fault (${faults:-no count} < $(( pages / 100 )))" \
	[ "${faults:-$pages}" -lt $(( pages / 100 )) ]
check "no slot stays in use (vswap used $(vswap used))" [ "$(vswap used)" = 0 ]

# Shared after fork: mapped back read-only in both, copied on write.
# MADV_PAGEOUT leaves shared pages alone: memory.reclaim of a cgroup.
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
cg=$(cg_new gs85) || fail "cgroup"
r0=$(vswap zswap_reject_resident)
rm -f ready
cg_run "$cg" "$PAGEHOG" -t nohuge -p random -s 86 8 fill fork wait=ready resident flip \
	childverify flip verify > log 2>&1 &
hog=$!
wait_ready ready $hog
echo 16M > "$cg/memory.reclaim" 2> /dev/null
resume $hog
wait $hog
rc=$?
cat log
rmdir "$cg"
rej=$(( $(vswap zswap_reject_resident) - r0 ))
faults=$(awk '$2 == "flip" { print $(NF - 2); exit }' log)
info "shared with a child: refused $rej pages; minor faults of the parent's first write: $faults"
check "the child still reads the original pages, the parent's verify too (pagehog exit $rc)" [ "$rc" = 0 ]
check "zswap refused the shared pages ($rej >= $pages)" [ "$rej" -ge $pages ]
check "shared pages came back read-only: writing copies them (${faults:-no count} >= $(( pages * 9 / 10 )) faults)" \
	[ "${faults:-0}" -ge $(( pages * 9 / 10 )) ]
check "no slot stays in use (vswap used $(vswap used))" [ "$(vswap used)" = 0 ]
swap_off /dev/ghostswap || fail "swapoff"
info "done"
