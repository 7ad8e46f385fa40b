#!/bin/sh
# variants: ghost
# (Not on debug: it tests the tools; the swapon paths it reaches in the
# kernel run on debug in 01, 40 and 82.)
# ghostswapon -a from an fstab: /dev/ghostswap, an existing ghost file, one
# created on the spot (ghost,size=512M), nofail on a missing device, noauto;
# a second -a is a no-op; ghostswapoff -a takes everything down.
. "$GS_DIR/lib.sh"

[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
[ -n "$GS_GHOSTSWAPOFF" ] || fail "ghostswapoff is not installed in the VM"
export GHOSTSWAP_MKSWAP=$GS_MKSWAP

make_ghost_file /tmp/gs/old.swap 1G
cat > fstab <<EOT
/dev/ghostswap      none swap pri=100                 0 0
/tmp/gs/old.swap    none swap pri=20                  0 0
/tmp/gs/new.swap    none swap ghost,size=512M,pri=30  0 0
/dev/sdz9           none swap nofail                  0 0
/tmp/gs/never.swap  none swap noauto,ghost            0 0
EOT
"$GS_GHOSTSWAPON" -v -a -T fstab
rc=$?
cat /proc/swaps
check "ghostswapon -a exits 0 ($rc)" [ "$rc" = 0 ]
check "/dev/ghostswap active with priority 100" \
	[ "$(awk '$1 == "/dev/ghostswap" { print $2 $5 }' /proc/swaps)" = ghost100 ]
check "old.swap active with priority 20" \
	[ "$(awk '$1 == "/tmp/gs/old.swap" { print $2 $5 }' /proc/swaps)" = ghost20 ]
check "new.swap created and active with priority 30" \
	[ "$(awk '$1 == "/tmp/gs/new.swap" { print $2 $5 }' /proc/swaps)" = ghost30 ]
check "new.swap is one page" [ "$(stat -c %s /tmp/gs/new.swap)" = 4096 ]
check "new.swap is 512 MiB virtual" \
	[ "$(awk '$1 == "/tmp/gs/new.swap" { print $3 }' /proc/swaps)" = 524284 ]
check "new.swap mode 0600" [ "$(stat -c %a /tmp/gs/new.swap)" = 600 ]
check "noauto entry not created" [ ! -e /tmp/gs/never.swap ]
check "three areas active" [ "$(tail -n +2 /proc/swaps | wc -l)" = 3 ]

"$GS_GHOSTSWAPON" -a -T fstab
check "a second -a skips what is active and exits 0" [ "$?" = 0 ]
check "still three areas" [ "$(tail -n +2 /proc/swaps | wc -l)" = 3 ]

"$GS_GHOSTSWAPOFF" -v -a
rc=$?
check "ghostswapoff -a exits 0 ($rc)" [ "$rc" = 0 ]
check "nothing left active" [ "$(wc -l < /proc/swaps)" = 1 ]

# without nofail a missing device is an error, and the rest still comes up
cat > fstab2 <<EOT
/dev/sdz9           none swap defaults 0 0
/tmp/gs/old.swap    none swap pri=5    0 0
EOT
out=$("$GS_GHOSTSWAPON" -a -T fstab2 2>&1)
rc=$?
info "$out (exit $rc)"
check "a missing device without nofail makes -a exit 255 ($rc)" [ "$rc" = 255 ]
check "old.swap still activated" [ "$(swaps_type /tmp/gs/old.swap)" = ghost ]
"$GS_GHOSTSWAPOFF" -a
info "done"
