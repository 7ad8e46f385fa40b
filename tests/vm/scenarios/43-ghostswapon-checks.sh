#!/bin/sh
# variants: ghost
# (Not on debug: it tests the tools; the swapon paths it reaches in the
# kernel run on debug in 01, 40 and 82.)
# The checks and --fixpgsz on a real kernel: a ghost file made for 64 KiB
# pages is refused, then rebuilt by --fixpgsz (label and UUID kept) and
# activated; LABEL= finds a ghost file through fstab; a file without a
# signature fails before swapon(2); discard is ignored for ghost areas.
. "$GS_DIR/lib.sh"

[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
[ -n "$GS_MKSWAP" ] || fail "mkswap is not installed in the VM"
export GHOSTSWAP_MKSWAP=$GS_MKSWAP

"$GS_MKSWAP" -q --ghost -p 65536 --size 1G -L big -U 33333333-2222-4333-8444-555555555555 g64.swap
chmod 600 g64.swap
out=$("$GS_GHOSTSWAPON" g64.swap 2>&1)
rc=$?
info "$out (exit $rc)"
check "a 64 KiB-page ghost file is refused (255)" [ "$rc" = 255 ]
check "with a message naming --fixpgsz" sh -c "echo '$out' | grep -q fixpgsz"
"$GS_GHOSTSWAPON" -v --fixpgsz g64.swap
rc=$?
check "--fixpgsz rebuilds and activates it ($rc)" [ "$rc" = 0 ]
check "it is one 4 KiB page now" [ "$(stat -c %s g64.swap)" = 4096 ]
check "and active as ghost" [ "$(swaps_type /tmp/gs/g64.swap)" = ghost ]
"$GS_GHOSTSWAPON" --show=NAME,UUID,LABEL,KIND
check "label kept" [ "$("$GS_GHOSTSWAPON" --show=LABEL --noheadings)" = big ]
check "UUID kept" [ "$("$GS_GHOSTSWAPON" --show=UUID --noheadings)" = 33333333-2222-4333-8444-555555555555 ]
"$GS_GHOSTSWAPOFF" -U 33333333-2222-4333-8444-555555555555
check "ghostswapoff -U finds the ghost file" [ "$?" = 0 ]

echo "/tmp/gs/g64.swap none swap noauto 0 0" > fstab
"$GS_GHOSTSWAPON" -T fstab -d -v -L big
check "ghostswapon -L finds the ghost file through fstab" [ "$(swaps_type /tmp/gs/g64.swap)" = ghost ]
"$GS_GHOSTSWAPOFF" LABEL=big
check "ghostswapoff LABEL= finds it" [ -z "$(swaps_type /tmp/gs/g64.swap)" ]

dd if=/dev/zero of=zeros bs=1024 count=1024 2>/dev/null
chmod 600 zeros
out=$("$GS_GHOSTSWAPON" zeros 2>&1)
rc=$?
check "no signature: exit 255 ($rc)" [ "$rc" = 255 ]
check "no signature: says so ($out)" sh -c "echo '$out' | grep -q 'read swap header failed'"
check "nothing active" [ "$(wc -l < /proc/swaps)" = 1 ]
info "done"
