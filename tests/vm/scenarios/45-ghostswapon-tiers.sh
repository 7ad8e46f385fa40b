#!/bin/sh
# variants: ghost debug
# ghostswapon --tier on a kernel with swap tiers, for what 61-tiers-ghostswapon
# does not cover: the first tier must start at -1 (said before the kernel
# would refuse), the kernel's EBUSY and ENOSPC come back as one sentence
# each, --dry-run predicts EBUSY as the kernel then answers it, and the
# TIER column of --show. Skipped on kernels without tiers.
. "$GS_DIR/lib.sh"

T=/sys/kernel/mm/swap/tiers
[ -e "$T" ] || skip "this kernel has no swap tiers ($T)"
[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
ops=$(awk 'NR > 1 { printf "-%s ", $1 }' $T)
[ -z "$ops" ] || echo "$ops" > $T || fail "cannot remove the tiers left over: $ops"
export GHOSTSWAP_MKSWAP=$GS_MKSWAP
table() { awk 'NR > 1 { printf "%s %s %s;", $1, $3, $4 }' $T; }

out=$("$GS_GHOSTSWAPON" --tier fast:100 /dev/ghostswap 2>&1)
rc=$?
info "$out (exit $rc)"
check "a first tier not from -1 is refused (255)" [ "$rc" = 255 ]
check "with the reason" sh -c "echo '$out' | grep -q 'no tier covers priority -1'"
check "table still empty" [ -z "$(table)" ]
check "nothing active" [ "$(wc -l < /proc/swaps)" = 1 ]

make_ghost_file /tmp/gs/low.swap 256M
"$GS_GHOSTSWAPON" -v --tier low:-1 /tmp/gs/low.swap
check "--tier low:-1 creates the tier and activates" [ "$?" = 0 ]
"$GS_GHOSTSWAPON" -v --tier fast:100 -p 150 /dev/ghostswap
check "--tier fast:100 -p 150 /dev/ghostswap" [ "$?" = 0 ]
cat $T; cat /proc/swaps
check "table low -1..99, fast 100..32767" [ "$(table)" = "fast 100 32767;low -1 99;" ]
check "/dev/ghostswap has priority 150" [ "$(awk '$1 == "/dev/ghostswap" { print $5 }' /proc/swaps)" = 150 ]
"$GS_GHOSTSWAPON" --show=NAME,PRIO,TIER,KIND
check "TIER column" [ "$("$GS_GHOSTSWAPON" --show=NAME,TIER --raw --noheadings | tr '\n' ' ')" = "/tmp/gs/low.swap low /dev/ghostswap fast " ]

make_ghost_file /tmp/gs/g.swap 256M
info "a tier from 120 would take /dev/ghostswap (150) out of fast"
out=$("$GS_GHOSTSWAPON" --dry-run --tier top:120 /tmp/gs/g.swap 2>&1)
info "dry run: $out"
check "--dry-run predicts EBUSY" sh -c "echo '$out' | grep -q 'would move an active swap device'"
out=$("$GS_GHOSTSWAPON" --tier top:120 /tmp/gs/g.swap 2>&1)
rc=$?
info "real: $out (exit $rc)"
check "the kernel says EBUSY, as one sentence (255)" [ "$rc" = 255 ]
check "the same sentence" sh -c "echo '$out' | grep -q 'would move an active swap device'"
check "table unchanged" [ "$(table)" = "fast 100 32767;low -1 99;" ]
check "g.swap not active" [ -z "$(swaps_type /tmp/gs/g.swap)" ]

info "fill the tier slots (4 by default), then one more: ENOSPC"
echo "+t2:200 +t3:300" > $T || fail "cannot add t2, t3"
cat $T
out=$("$GS_GHOSTSWAPON" --tier t4:400 /tmp/gs/g.swap 2>&1)
rc=$?
info "$out (exit $rc)"
if grep -q '^t4 ' $T; then
	info "this kernel has more than 4 tier slots: no ENOSPC here"
	"$GS_GHOSTSWAPOFF" /tmp/gs/g.swap
	echo "-t4" > $T
else
	check "ENOSPC: exit 255 ($rc)" [ "$rc" = 255 ]
	check "ENOSPC as one sentence" sh -c "echo '$out' | grep -q 'no free swap tier slot'"
fi

"$GS_GHOSTSWAPOFF" -a
check "ghostswapoff -a" [ "$?" = 0 ]
ops=$(awk 'NR > 1 { printf "-%s ", $1 }' $T)
echo "$ops" > $T || fail "tiers cannot be removed once the devices are off"
check "table empty again" [ -z "$(table)" ]
info "done"
