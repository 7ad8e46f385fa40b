#!/bin/sh
# variants: ghost debug
# (Not on debug, for the CI budget: about 2 minutes there.)
# A ghost device of more than 4 TiB shows its exact size in /proc/swaps
# (the Size column wrapped at 2^32 KiB), and a ghost device is out of the
# global swap accounting: SwapTotal, SwapFree and CommitLimit (also under
# overcommit_memory=2) do not change when it is enabled, swapoff does not
# ask for its virtual size as commit, and vm_swap_full() of a disk beside
# it behaves as without it (a disk more than half full frees the slot at
# swap-in).  With a ghost device only, reclaim still swaps anonymous memory.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"

# 4100 GiB: 1074790400 pages, one of them the header.
G=$PWD/big
make_ghost_file "$G" 4100G
pages=$(( 4100 * 262144 - 1 ))
st0=$(meminfo_kb SwapTotal) sf0=$(meminfo_kb SwapFree) cl0=$(meminfo_kb CommitLimit)
swap_on -p 1 "$G" || fail "swapon of a 4100 GiB ghost file"
size=$(awk -v p="$G" 'NR > 1 && $1 == p { print $3 }' /proc/swaps)
st=$(meminfo_kb SwapTotal) sf=$(meminfo_kb SwapFree) cl=$(meminfo_kb CommitLimit)
info "4100 GiB ghost: /proc/swaps Size $size kB (expected $(( pages * 4 ))), vswap virtual_total $(vswap virtual_total)"
info "SwapTotal $st0 -> $st kB, SwapFree $sf0 -> $sf kB, CommitLimit $cl0 -> $cl kB"
check "/proc/swaps Size is exact ($size kB)" [ "$size" = $(( pages * 4 )) ]
check "vswap virtual_total is exact" [ "$(vswap virtual_total)" = $pages ]
check "SwapTotal does not count the ghost device ($st kB)" [ "$st" = "$st0" ]
check "SwapFree does not count the ghost device ($sf kB)" [ "$sf" = "$sf0" ]
check "CommitLimit does not count the ghost device ($cl kB)" [ "$cl" = "$cl0" ]

# A 64 MiB disk swap beside it, at a higher priority: SwapTotal and
# CommitLimit count the disk, exactly.
"$GS_UL/mkswap" "$GS_DISK" 65536 > /dev/null || fail "mkswap $GS_DISK 64 MiB"
swap_on -p 10 "$GS_DISK" || fail "swapon disk"
dsize=$(awk -v p="$GS_DISK" 'NR > 1 && $1 == p { print $3 }' /proc/swaps)
st=$(meminfo_kb SwapTotal) cl=$(meminfo_kb CommitLimit)
info "disk $dsize kB: SwapTotal $st kB, CommitLimit $cl kB"
check "SwapTotal is the disk alone ($st kB)" [ "$st" = $(( st0 + dsize )) ]
check "CommitLimit grew by the disk alone ($cl kB)" [ "$cl" = $(( cl0 + dsize )) ]

# vm_swap_full() of the disk: 48 MiB of incompressible pages (zswap
# refuses them) fill it more than half; reading them back frees their
# slots while it is more than half full, as on a kernel without the ghost
# device (with the ghost device counted, swap is never "full" and every
# slot stays pinned by the swap cache).
rm -f ready
"$PAGEHOG" -t nohuge -p random -s 5 48 fill pageout wait=ready verify wait=ready &
hog=$!
wait_ready ready $hog
d1=$(swaps_used_kb "$GS_DISK") g1=$(swaps_used_kb "$G")
resume $hog
wait_ready ready $hog
d2=$(swaps_used_kb "$GS_DISK") sc=$(meminfo_kb SwapCached)
info "disk used $d1 kB after pageout (ghost $g1 kB), $d2 kB after reading back, SwapCached $sc kB"
check "the disk is more than half full ($d1 of $dsize kB)" [ $(( d1 * 2 )) -gt "$dsize" ]
# vm_swap_full() (free * 2 < total) frees slots at swap-in until the
# disk is no more than half full: exactly total - ceil(total / 2) pages
# stay in use, in the swap cache.
tp=$(( dsize / 4 ))
check "reading back freed disk slots down to half full, as without a ghost device ($d2 kB)" \
	[ "$d2" = $(( (tp - (tp + 1) / 2) * 4 )) ]
resume $hog
wait $hog || fail "pagehog found corrupted pages (exit $?)"
swap_off "$GS_DISK" || fail "swapoff disk"

# swapoff of the ghost device under overcommit_memory=2 takes back no
# commit (it added none).
echo 2 > /proc/sys/vm/overcommit_memory
out=$(swap_off "$G" 2>&1); rc=$?
echo 0 > /proc/sys/vm/overcommit_memory
[ $rc = 0 ] || swap_off "$G"
info "swapoff of the 4100 GiB ghost under overcommit_memory=2: rc $rc $out"
check "swapoff of the ghost device under overcommit_memory=2 succeeds" [ $rc = 0 ]
check "SwapTotal back to $st0 kB" [ "$(meminfo_kb SwapTotal)" = "$st0" ]

# Ghost only: SwapTotal 0 (no other swap), and reclaim still swaps anon.
swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
ram=$(mem_total_mb)
msize=$(scale_mb $(( ram * 5 / 4 )))
zo0=$(vmstat zswpout) ok0=$(vmstat oom_kill)
run_memhog -q -p compressible -s 6 -r 1 "$msize"; rc=$?
zo=$(( $(vmstat zswpout) - zo0 )) ok=$(( $(vmstat oom_kill) - ok0 ))
info "ghost only: SwapTotal $(meminfo_kb SwapTotal) kB; memhog $msize MiB: exit $rc, zswpout +$zo, oom_kill +$ok"
check "SwapTotal stays $st0 kB with a ghost device only" [ "$(meminfo_kb SwapTotal)" = "$st0" ]
check "memhog of 5/4 RAM verified (exit $rc)" [ $rc = 0 ]
check "anonymous memory was swapped to the ghost device (zswpout +$zo)" [ "$zo" -gt 0 ]
check "no OOM kill (+$ok)" [ "$ok" = 0 ]
swap_off /dev/ghostswap || fail "swapoff /dev/ghostswap"
info "done"
