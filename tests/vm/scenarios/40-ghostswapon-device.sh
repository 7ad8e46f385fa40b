#!/bin/sh
# variants: ghost debug
# ghostswapon /dev/ghostswap with -p, then a ghost file: /proc/swaps shows
# them with the asked priorities, --show matches util-linux swapon's output
# byte for byte, a second activation fails with util-linux's exit status,
# and ghostswapoff takes both down with its documented exit codes.
. "$GS_DIR/lib.sh"

[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
[ -n "$GS_GHOSTSWAPOFF" ] || fail "ghostswapoff is not installed in the VM"
export GHOSTSWAP_MKSWAP=$GS_MKSWAP

"$GS_GHOSTSWAPON" -v -p 100 /dev/ghostswap
rc=$?
check "ghostswapon -p 100 /dev/ghostswap exits 0 ($rc)" [ "$rc" = 0 ]
cat /proc/swaps
check "/dev/ghostswap is active as ghost" [ "$(swaps_type /dev/ghostswap)" = ghost ]
check "with priority 100" [ "$(awk '$1 == "/dev/ghostswap" { print $5 }' /proc/swaps)" = 100 ]

make_ghost_file /tmp/gs/g1.swap 1G
"$GS_GHOSTSWAPON" -p 7 /tmp/gs/g1.swap
check "ghost file activated" [ "$(swaps_type /tmp/gs/g1.swap)" = ghost ]
check "with priority 7" [ "$(awk '$1 == "/tmp/gs/g1.swap" { print $5 }' /proc/swaps)" = 7 ]

# The table is util-linux swapon's, byte for byte. util-linux also warns
# on stderr for every ghost area (libblkid cannot probe them): recorded,
# and ghostswapon must not print such noise.
for args in "" "--show" "--show --bytes" "--show --raw --noheadings" "-s"; do
	"$GS_UL/swapon" $args > want 2> want.err
	"$GS_GHOSTSWAPON" $args > got 2> got.err
	cat got
	info "util-linux swapon $args on stderr:"
	cat want.err
	cmp want got || { echo "util-linux swapon $args:"; cat want; }
	check "ghostswapon $args is the same as util-linux swapon $args" cmp -s want got
	check "ghostswapon $args prints nothing on stderr" [ ! -s got.err ]
done
"$GS_GHOSTSWAPON" --show=NAME,PRIO,KIND,UUID,LABEL

out=$("$GS_GHOSTSWAPON" /dev/ghostswap 2>&1)
rc=$?
info "second activation: $out (exit $rc)"
check "a second ghostswapon /dev/ghostswap fails with 255 ($rc)" [ "$rc" = 255 ]
check "and says it is already active" sh -c "echo '$out' | grep -q 'already active'"

"$GS_GHOSTSWAPOFF" -v /dev/ghostswap
rc=$?
check "ghostswapoff /dev/ghostswap exits 0 ($rc)" [ "$rc" = 0 ]
check "/dev/ghostswap is gone from /proc/swaps" [ -z "$(swaps_type /dev/ghostswap)" ]
out=$("$GS_GHOSTSWAPOFF" /dev/ghostswap 2>&1)
rc=$?
info "second swapoff: $out (exit $rc)"
check "a second ghostswapoff fails with 4 ($rc)" [ "$rc" = 4 ]
check "and says it is not active" sh -c "echo '$out' | grep -q 'not an active swap area'"

"$GS_GHOSTSWAPOFF" -a
rc=$?
check "ghostswapoff -a exits 0 ($rc)" [ "$rc" = 0 ]
check "nothing left active" [ "$(wc -l < /proc/swaps)" = 1 ]
"$GS_GHOSTSWAPOFF" -a
check "ghostswapoff -a with nothing active exits 0" [ "$?" = 0 ]
info "done"
