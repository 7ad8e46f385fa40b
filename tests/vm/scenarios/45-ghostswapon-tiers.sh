#!/bin/sh
# variants: ghost debug
# --tier on a kernel with swap tiers: create a tier, place /dev/ghostswap
# in it without -p, refuse a -p outside it, and the kernel's refusals
# (EEXIST, EBUSY) come back as one sentence each. Skipped until the
# kernel series has tiers (tested against fixtures on the host meanwhile).
. "$GS_DIR/lib.sh"

T=/sys/kernel/mm/swap/tiers
[ -e "$T" ] || skip "this kernel has no swap tiers ($T)"
[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
cat "$T"

"$GS_GHOSTSWAPON" -v --tier fast:100 /dev/ghostswap
rc=$?
cat "$T"; cat /proc/swaps
check "ghostswapon --tier fast:100 exits 0 ($rc)" [ "$rc" = 0 ]
check "tier fast exists" grep -q '^fast ' "$T"
check "/dev/ghostswap got priority 100" [ "$(awk '$1 == "/dev/ghostswap" { print $5 }' /proc/swaps)" = 100 ]
check "--show puts it in tier fast" [ "$("$GS_GHOSTSWAPON" --show=TIER --noheadings)" = fast ]

make_ghost_file /tmp/gs/g.swap 1G
out=$("$GS_GHOSTSWAPON" --tier fast -p 5 /tmp/gs/g.swap 2>&1)
check "-p outside the tier is refused ($out)" sh -c "echo '$out' | grep -q 'outside swap tier fast'"

# removing a tier with a device in it: the kernel says EBUSY
if ! echo "-fast" > "$T" 2>/dev/null; then
	info "kernel refused to remove a busy tier, as expected"
fi
"$GS_GHOSTSWAPOFF" -a
echo "-fast" > "$T" 2>/dev/null
info "done"
