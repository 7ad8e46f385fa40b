#!/bin/sh
# variants: ghost
# (Not on debug: it tests the tools; the swapon paths it reaches in the
# kernel run on debug in 01, 40 and 82.)
# The fstab ghostswapon reads works with the system's util-linux swapon:
# it ignores tier=, ghost and size=, activates /dev/ghostswap and ghost
# files, and ghostswapon -a then finds everything active. What util-linux
# swapon prints about ghost targets is recorded in the log.
. "$GS_DIR/lib.sh"

[ -n "$GS_GHOSTSWAPON" ] || fail "ghostswapon is not installed in the VM"
export GHOSTSWAP_MKSWAP=$GS_MKSWAP

make_ghost_file /tmp/gs/old.swap 1G
cat > fstab <<EOT
/dev/ghostswap      none swap pri=100                 0 0
/tmp/gs/old.swap    none swap pri=20                  0 0
/tmp/gs/new.swap    none swap ghost,size=512M,pri=30,nofail  0 0
EOT
# util-linux 2.38 has no -T: libmount reads LIBMOUNT_FSTAB
info "util-linux swapon -a, before new.swap exists (nofail skips it):"
LIBMOUNT_FSTAB=$PWD/fstab "$GS_UL/swapon" -v -a
rc=$?
cat /proc/swaps
check "util-linux swapon -a exits 0 ($rc)" [ "$rc" = 0 ]
check "util-linux activated /dev/ghostswap (priority 100)" \
	[ "$(awk '$1 == "/dev/ghostswap" { print $2 $5 }' /proc/swaps)" = ghost100 ]
check "util-linux activated the ghost file (priority 20)" \
	[ "$(awk '$1 == "/tmp/gs/old.swap" { print $2 $5 }' /proc/swaps)" = ghost20 ]
check "util-linux skipped the missing nofail file" [ ! -e /tmp/gs/new.swap ]

"$GS_GHOSTSWAPON" -v -a -T fstab
check "ghostswapon -a creates and activates the rest" [ "$?" = 0 ]
check "new.swap active (priority 30)" \
	[ "$(awk '$1 == "/tmp/gs/new.swap" { print $2 $5 }' /proc/swaps)" = ghost30 ]

"$GS_UL/swapoff" -a
rc=$?
check "util-linux swapoff -a takes ghost areas down ($rc)" [ "$rc" = 0 ]
check "nothing left active" [ "$(wc -l < /proc/swaps)" = 1 ]

info "util-linux swapon -a with every file present:"
LIBMOUNT_FSTAB=$PWD/fstab "$GS_UL/swapon" -a
check "util-linux swapon -a exits 0" [ "$?" = 0 ]
check "three ghost areas" [ "$(awk 'NR > 1 && $2 == "ghost"' /proc/swaps | wc -l)" = 3 ]
info "util-linux swapon --show UUID/LABEL of ghost areas (libblkid cannot see them):"
"$GS_UL/swapon" --show=NAME,UUID,LABEL
"$GS_GHOSTSWAPON" --show=NAME,UUID,LABEL
"$GS_GHOSTSWAPOFF" -a
check "ghostswapoff -a exits 0" [ "$?" = 0 ]
info "done"
