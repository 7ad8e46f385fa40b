#!/bin/sh
# variants: stock
# On an unpatched kernel ghostswapon explains itself: /dev/ghostswap and a
# ghost file both get a message that names the missing kernel feature and
# points at the bundled kernel, never a bare "Invalid argument".
. "$GS_DIR/lib.sh"

[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
out=$("$GS_GHOSTSWAPON" /dev/ghostswap 2>&1)
rc=$?
info "$out (exit $rc)"
check "/dev/ghostswap: exit 255" [ "$rc" = 255 ]
check "/dev/ghostswap: the message points at the kernel series" sh -c "echo '$out' | grep -q 'kernel patch series'"

make_ghost_file /tmp/gs/g.swap 1G
out=$("$GS_GHOSTSWAPON" /tmp/gs/g.swap 2>&1)
rc=$?
info "$out (exit $rc)"
check "ghost file: exit 255" [ "$rc" = 255 ]
check "ghost file: names the missing feature" sh -c "echo '$out' | grep -q 'no ghost swap support'"
check "ghost file: no bare Invalid argument" sh -c "! echo '$out' | grep -q 'Invalid argument'"
check "nothing active" [ "$(wc -l < /proc/swaps)" = 1 ]
info "done"
