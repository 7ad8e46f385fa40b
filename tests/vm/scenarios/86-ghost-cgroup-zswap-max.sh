#!/bin/sh
# variants: ghost debug
# A cgroup that may not use zswap gets no ghost slot (kernel patch 0021).
# A ghost slot only holds what zswap stores; a cgroup with memory.zswap.max
# 0 (systemd's MemoryZSwapMax=0) has every folio refused by zswap_store().
# 1. Only a ghost device: memory.reclaim of such a cgroup holding 16 MiB of
#    anonymous data and no file pages scans no anonymous page and fails
#    (0001-0020: it scanned them, gave them ghost slots, zswap refused them
#    all: pgscan_anon and zswap_reject_resident rose).
# 2. A disk below the ghost device: the same memory.reclaim swaps to the
#    disk, past the ghost device (vswap redirected, pswpout), and no page is
#    refused by zswap (0001-0020: the disk got nothing from this cgroup).
# 3. With memory.zswap.max back at max, the cgroup's pages go to the ghost
#    device again.
# 4. With memory.zswap.max at what the cgroup has in zswap, they go to the
#    disk again.  Every page verifies when memhog reads it back.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"
swap_on -p 10 /dev/ghostswap || fail "swapon /dev/ghostswap"
cg=$(cg_new gs86) || fail "cgroup"
[ -f "$cg/memory.zswap.max" ] || fail "no memory.zswap.max"
echo 0 > "$cg/memory.zswap.max" || fail "memory.zswap.max=0"

rm -f ready
cg_run "$cg" "$MEMHOG" -p compressible -s 86 -r 1 -w ready 16 &
hog=$!
wait_ready ready $hog

# 1. Ghost only.
reclaim_no_swap "$cg" "ghost only, memory.zswap.max 0"

# 2. A disk below.
"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
swap_on -p 5 "$GS_DISK" || fail "swapon disk"
po0=$(vmstat pswpout) d0=$(vswap redirected) r0=$(zswap_refusals)
z0=$(vmstat zswpout)
echo 8M > "$cg/memory.reclaim" 2> /dev/null || fail "memory.reclaim 8M with a disk below"
po=$(( $(vmstat pswpout) - po0 )) red=$(( $(vswap redirected) - d0 ))
rej=$(( $(zswap_refusals) - r0 )) zo=$(( $(vmstat zswpout) - z0 ))
sw=$(cat "$cg/memory.swap.current") used=$(vswap used)
info "ghost (prio 10) + disk (prio 5): pswpout +$po, redirected +$red, zswpout +$zo, zswap refusals +$rej, vswap used $used, memory.swap.current $sw"
check "the disk took the cgroup's pages (pswpout +$po >= 1024)" [ "$po" -ge 1024 ]
check "they went past the ghost device (redirected +$red >= 1024)" [ "$red" -ge 1024 ]
check "zswap stored none of them (zswpout +$zo)" [ "$zo" = 0 ]
check "no page refused by zswap (zswap refusals +$rej)" [ "$rej" = 0 ]
check "no ghost slot in use ($used)" [ "$used" = 0 ]
check "memory.swap.current counts them ($sw >= 4 MiB)" [ "$sw" -ge 4194304 ]

# 3. zswap allowed again: the ghost device is used.
echo max > "$cg/memory.zswap.max" || fail "memory.zswap.max=max"
po0=$(vmstat pswpout)
echo 4M > "$cg/memory.reclaim" 2> /dev/null || fail "memory.reclaim 4M with zswap allowed"
po=$(( $(vmstat pswpout) - po0 )) used=$(vswap used)
info "memory.zswap.max max: memory.reclaim 4M: vswap used $used, pswpout +$po"
check "the ghost device took the pages ($used >= 512 slots)" [ "$used" -ge 512 ]
check "the disk took none of them (pswpout +$po)" [ "$po" = 0 ]

# 4. A limit the cgroup has reached: its next pages go to the disk.
zc=$(cat "$cg/memory.zswap.current")
echo "$zc" > "$cg/memory.zswap.max" || fail "memory.zswap.max=$zc"
po0=$(vmstat pswpout) u0=$(vswap used) r0=$(zswap_refusals)
echo 2M > "$cg/memory.reclaim" 2> /dev/null || fail "memory.reclaim 2M at the limit"
po=$(( $(vmstat pswpout) - po0 )) used=$(( $(vswap used) - u0 ))
rej=$(( $(zswap_refusals) - r0 ))
info "memory.zswap.max at memory.zswap.current ($zc B): memory.reclaim 2M: pswpout +$po, vswap used +$used, zswap refusals +$rej"
check "the disk took the pages (pswpout +$po >= 256)" [ "$po" -ge 256 ]
check "no page refused by zswap (zswap refusals +$rej)" [ "$rej" = 0 ]

resume $hog
wait $hog || fail "memhog: exit $? (1: corrupted pages)"
rmdir "$cg"
swap_off "$GS_DISK" || fail "swapoff disk"
swap_off /dev/ghostswap || fail "swapoff ghost"
check "vswap used is 0" [ "$(vswap used)" = 0 ]
info "done"
