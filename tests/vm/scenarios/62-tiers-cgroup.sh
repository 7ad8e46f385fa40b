#!/bin/sh
# variants: ghost debug
# memory.swap.tiers.max (kernel patch 0101) with a ghost tier and a disk
# tier.  A cgroup allowed only the ghost tier never touches the disk even
# though the disk has the higher priority (an unrestricted cgroup goes to
# the disk first), and the reverse; a cgroup allowed no tier gets no swap
# at all (memcg OOM instead of a forbidden tier); a child only narrows its
# parent; a tier slot reused by a new tier forgets the old settings.
# Checked with the devices' Used column in /proc/swaps, memory.swap.current
# and swapstat's cgroup view.
. "$GS_DIR/lib.sh"

T=/sys/kernel/mm/swap/tiers
CG=/sys/fs/cgroup
[ -e $T ] || fail "$T missing: the kernel has no swap tiers (CONFIG_SWAP_TIERS)"
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"
grep -qw memory $CG/cgroup.controllers 2>/dev/null || fail "no cgroup v2 memory controller"

ops=$(awk 'NR > 1 { printf "-%s ", $1 }' $T)
[ -z "$ops" ] || echo "$ops" > $T || fail "cannot remove the tiers left over: $ops"
used() { swaps_used_kb "$1"; }
show() { info "$1"; cat "$CG/gs62/$1/memory.swap.tiers.max"; }
# tmax CGROUP "TIER VALUE": write one pair, must succeed
tmax() { echo "$2" > "$CG/gs62/$1/memory.swap.tiers.max" || fail "$1: writing '$2' to memory.swap.tiers.max"; }
# tmax_bad CGROUP "TEXT": must fail with EINVAL
tmax_bad() {
	out=$( (echo "$2" > "$CG/gs62/$1/memory.swap.tiers.max") 2>&1 ) && fail "$1: '$2' accepted"
	case $out in *"Invalid argument"*) info "ok: '$2' -> EINVAL" ;; *) fail "$1: '$2': $out" ;; esac
}
expect_tmax() { # expect_tmax CGROUP CONTENT (lines joined with ';')
	got=$(tr '\n' ';' < "$CG/gs62/$1/memory.swap.tiers.max")
	[ "$got" = "$2" ] || fail "$1: memory.swap.tiers.max is '$got', expected '$2'"
	info "ok: $1 memory.swap.tiers.max = $2"
}
# fresh DISK_PRIO GHOST_PRIO: swap both devices off and on again, so that
# no slot is left over from an earlier step (swap cache keeps slots after
# memhog exits) and every step starts from Used 0.
fresh() {
	swap_off "$GS_DISK" 2>/dev/null; swap_off /tmp/gs/ghost.swap 2>/dev/null
	swap_on -p "$1" "$GS_DISK" || fail "swapon disk -p $1"
	swap_on -p "$2" /tmp/gs/ghost.swap || fail "swapon ghost -p $2"
	[ "$(used "$GS_DISK")" = 0 ] && [ "$(used /tmp/gs/ghost.swap)" = 0 ] || { cat /proc/swaps; fail "Used is not 0 after swapon"; }
}
cleanup_cg() {
	for d in $(find $CG/gs62 -depth -type d 2>/dev/null); do rmdir "$d" 2>/dev/null; done
}

# hog CGROUP: fill memory in CGROUP (memory.max $LIMIT MiB) with $SIZE MiB,
# leave it paused (file ready) so the counters can be read while its pages
# are out; the caller then calls hog_end [EXPECTED_EXIT].
LIMIT=$(scale_mb 48) SIZE=$(scale_mb 96)
hog() {
	echo "${LIMIT}M" > "$CG/gs62/$1/memory.max" || fail "memory.max"
	rm -f ready
	sh -c "echo \$\$ > $CG/gs62/$1/cgroup.procs && exec $MEMHOG -p compressible -s 62 -r 1 -w ready $SIZE" &
	hog=$!
	while [ ! -e ready ]; do
		kill -0 $hog 2>/dev/null || { wait $hog; hog_rc=$?; return 1; }
		sleep 1
	done
	return 0
}
hog_end() {
	kill -USR1 $hog
	wait $hog || fail "memhog found corrupted pages (exit $?)"
}
swapcur() { cat "$CG/gs62/$1/memory.swap.current"; }
swapstat_g() {
	[ -n "$GS_SWAPSTAT" ] || return 0
	"$GS_SWAPSTAT" -g || fail "swapstat -g failed"
	line=$("$GS_SWAPSTAT" -g --raw -o CGROUP,SWAP,TIERS | grep "gs62/$1 ") || fail "swapstat -g has no row for gs62/$1"
	info "swapstat: $line"
	case " $line" in *" $2") info "ok: swapstat shows tiers $2 for $1" ;; *) fail "swapstat shows '$line' for $1, expected tiers $2" ;; esac
}

cleanup_cg
echo +memory > $CG/cgroup.subtree_control || fail "enable the memory controller"
mkdir -p $CG/gs62 || fail "mkdir"
echo +memory > $CG/gs62/cgroup.subtree_control || fail "enable memory below gs62"
mkdir $CG/gs62/a $CG/gs62/b $CG/gs62/c $CG/gs62/d $CG/gs62/p || fail "mkdir"
echo +memory > $CG/gs62/p/cgroup.subtree_control || fail "enable memory below p"
mkdir $CG/gs62/p/c || fail "mkdir p/c"

check "no tiers: memory.swap.tiers.max is empty" [ -z "$(cat $CG/gs62/a/memory.swap.tiers.max)" ]
check "no memory.swap.tiers.max on the root" [ ! -e $CG/memory.swap.tiers.max ]

"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
make_ghost_file /tmp/gs/ghost.swap 1G

info "=== disk tier above the ghost tier"
echo "+ghost:-1,+disk:50" > $T || fail "create tiers"
cat $T
fresh 60 10
cat /proc/swaps
expect_tmax a "disk max;ghost max;"
tmax_bad a "nosuch 0"
tmax_bad a "disk 5"
tmax_bad a "disk"
tmax_bad a "disk  maximum"
tmax a "disk 0"
expect_tmax a "disk 0;ghost max;"
expect_tmax b "disk max;ghost max;"

info "--- a: ghost only, while the disk has the higher priority"
d0=$(used "$GS_DISK") g0=$(used /tmp/gs/ghost.swap)
hog a || fail "memhog in a died while filling (exit $hog_rc)"
dump_state
d1=$(used "$GS_DISK") g1=$(used /tmp/gs/ghost.swap) s=$(swapcur a)
info "disk Used $d0 -> $d1 kB, ghost Used $g0 -> $g1 kB, a swap.current $s"
check "a swapped" [ "$s" -gt 0 ]
check "a's pages went to the ghost tier" [ "$g1" -gt "$g0" ]
check "a never touched the disk tier" [ "$d1" = "$d0" ]
swapstat_g a ghost
hog_end
check "the disk is still unused" [ "$(used "$GS_DISK")" = "$d0" ]

info "--- b: unrestricted, same workload: the disk (higher priority) is used"
fresh 60 10
hog b || fail "memhog in b died while filling (exit $hog_rc)"
d2=$(used "$GS_DISK") s=$(swapcur b)
info "disk Used $d2 kB, b swap.current $s"
check "b swapped to the disk" [ "$d2" -gt "$d0" ]
swapstat_g b "disk,ghost"
hog_end

info "--- d: no tier allowed: no swap at all, the memcg OOM killer instead"
tmax d "disk 0"
tmax d "ghost 0"
expect_tmax d "disk 0;ghost 0;"
fresh 60 10
d0=$(used "$GS_DISK") g0=$(used /tmp/gs/ghost.swap)
if hog d; then
	s=$(swapcur d)
	hog_end
	fail "memhog ($SIZE MiB) fit in d (memory.max $LIMIT MiB) without swap? swap.current $s"
fi
info "memhog in d: exit $hog_rc"
check "memhog in d was killed" [ "$hog_rc" = 137 ]
check "d never had swap" [ "$(cat $CG/gs62/d/memory.swap.peak)" = 0 ]
check "the disk was not touched" [ "$(used "$GS_DISK")" = "$d0" ]
check "the ghost was not touched" [ "$(used /tmp/gs/ghost.swap)" = "$g0" ]
swapstat_g d none

info "--- p/c: a child only narrows its parent"
tmax p "disk 0"
tmax p/c "disk max"
expect_tmax p "disk 0;ghost max;"
expect_tmax p/c "disk max;ghost max;"
fresh 60 10
d0=$(used "$GS_DISK") g0=$(used /tmp/gs/ghost.swap)
hog p/c || fail "memhog in p/c died while filling (exit $hog_rc)"
d1=$(used "$GS_DISK") g1=$(used /tmp/gs/ghost.swap) s=$(swapcur p/c)
info "disk Used $d0 -> $d1 kB, ghost Used $g0 -> $g1 kB, p/c swap.current $s"
check "p/c swapped to the ghost tier" [ "$s" -gt 0 ] && [ "$g1" -gt "$g0" ]
check "p/c never touched the disk its parent refuses" [ "$d1" = "$d0" ]
hog_end

info "=== tiers the other way round: ghost above disk"
swap_off "$GS_DISK" || fail "swapoff disk"
swap_off /tmp/gs/ghost.swap || fail "swapoff ghost"
echo "-ghost -disk +disk:-1 +ghost:50" > $T || fail "swap the tiers"
cat $T
info "the slots now hold other tiers: every cgroup starts afresh"
expect_tmax a "ghost max;disk max;"
expect_tmax d "ghost max;disk max;"
expect_tmax p "ghost max;disk max;"
fresh 10 60
cat /proc/swaps

info "--- c: disk only, while the ghost has the higher priority"
tmax c "ghost 0"
expect_tmax c "ghost 0;disk max;"
d0=$(used "$GS_DISK") g0=$(used /tmp/gs/ghost.swap)
hog c || fail "memhog in c died while filling (exit $hog_rc)"
dump_state
d1=$(used "$GS_DISK") g1=$(used /tmp/gs/ghost.swap) s=$(swapcur c)
info "disk Used $d0 -> $d1 kB, ghost Used $g0 -> $g1 kB, c swap.current $s"
check "c swapped" [ "$s" -gt 0 ]
check "c's pages went to the disk tier" [ "$d1" -gt "$d0" ]
check "c never touched the ghost tier" [ "$g1" = "$g0" ]
swapstat_g c disk
hog_end
check "the ghost is still unused" [ "$(used /tmp/gs/ghost.swap)" = "$g0" ]

info "--- a: unrestricted now, the ghost (higher priority) is used"
fresh 10 60
g0=0
hog a || fail "memhog in a died while filling (exit $hog_rc)"
g2=$(used /tmp/gs/ghost.swap)
check "a swapped to the ghost" [ "$g2" -gt "$g0" ]
hog_end

swap_off "$GS_DISK" || fail "swapoff disk"
swap_off /tmp/gs/ghost.swap || fail "swapoff ghost"
echo "-ghost -disk" > $T || fail "remove the tiers"
check "no tiers: memory.swap.tiers.max is empty again" [ -z "$(cat $CG/gs62/c/memory.swap.tiers.max)" ]
cleanup_cg
info "done"
