#!/bin/sh
# variants: ghost debug
# ghostswapon --tier against the kernel's swap tiers (patch 0100): it
# creates a tier (NAME:START), places a device in an existing one with and
# without -p (without: the tier's lowest priority; from -1: the automatic
# one), refuses a priority outside the tier, an unknown tier and a clashing
# start, and the kernel then holds the devices in those tiers (EBUSY).
. "$GS_DIR/lib.sh"

T=/sys/kernel/mm/swap/tiers
[ -e $T ] || fail "$T missing: the kernel has no swap tiers (CONFIG_SWAP_TIERS)"
if [ -z "$GS_GHOSTSWAPON" ]; then
	case " $GS_PROJECT_TOOLS " in
	*" ghostswapon "*) fail "the project has ghostswapon but it is not installed in the VM" ;;
	esac
	skip "no ghostswapon"
fi
[ -b "${GS_DISK:-}" ] || skip "no scratch disk attached"

tw() { # tw EXPECT OPS (see 60-tiers-table)
	out=$( (echo "$2" > $T) 2>&1 ) && got=ok || case $out in
		*"Invalid argument"*) got=EINVAL ;;
		*"File exists"*) got=EEXIST ;;
		*"No space left"*) got=ENOSPC ;;
		*"busy"*) got=EBUSY ;;
		*) got="other ($out)" ;;
	esac
	[ "$got" = "$1" ] || { cat $T; fail "write '$2': expected $1, got $got"; }
	info "ok: '$2' -> $got"
}
table() { awk 'NR > 1 { printf "%s %s %s %s;", $1, $2, $3, $4 }' $T; }
expect() { [ "$(table)" = "$1" ] || { cat $T; fail "table is '$(table)', expected '$1'"; }; info "ok: table $1"; }
prio_of() { awk -v p="$1" 'NR > 1 && $1 == p { print $5 }' /proc/swaps; }
gso() { info "\$ ghostswapon $*"; "$GS_GHOSTSWAPON" "$@"; }
ops=$(awk 'NR > 1 { printf "-%s ", $1 }' $T)
[ -z "$ops" ] || echo "$ops" > $T || fail "cannot remove the tiers left over: $ops"

"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
make_ghost_file /tmp/gs/g1.swap 256M
make_ghost_file /tmp/gs/g2.swap 256M
make_ghost_file /tmp/gs/g3.swap 256M

info "--tier NAME:START creates the tier; from -1 the device keeps the automatic priority"
gso --tier disk:-1 "$GS_DISK" || fail "ghostswapon --tier disk:-1 $GS_DISK"
cat /proc/swaps; cat $T
expect "disk 0 -1 32767;"
check "disk has a negative (automatic) priority" [ "$(prio_of "$GS_DISK")" -lt 0 ]

info "--tier NAME:START above: the tier's start becomes the priority"
gso --tier ghost:100 /tmp/gs/g1.swap || fail "ghostswapon --tier ghost:100 g1"
expect "ghost 1 100 32767;disk 0 -1 99;"
check "g1 has priority 100" [ "$(prio_of /tmp/gs/g1.swap)" = 100 ]
check "g1 is a ghost device" [ "$(swaps_type /tmp/gs/g1.swap)" = ghost ]

info "--tier NAME with -p inside the tier"
gso --tier ghost -p 150 /tmp/gs/g2.swap || fail "ghostswapon --tier ghost -p 150 g2"
check "g2 has priority 150" [ "$(prio_of /tmp/gs/g2.swap)" = 150 ]

info "refusals: priority outside the tier, unknown tier, another start"
gso --tier disk -p 200 /tmp/gs/g3.swap && fail "-p 200 accepted for tier disk (-1 .. 99)"
gso --tier nosuch /tmp/gs/g3.swap && fail "unknown tier accepted"
gso --tier ghost:50 /tmp/gs/g3.swap && fail "tier ghost:50 accepted, ghost starts at 100"
check "g3 is not active" [ -z "$(prio_of /tmp/gs/g3.swap)" ]
expect "ghost 1 100 32767;disk 0 -1 99;"

info "--tier NAME without -p: the tier's lowest priority"
gso --tier disk /tmp/gs/g3.swap || fail "ghostswapon --tier disk g3"
check "g3 has a negative (automatic) priority" [ "$(prio_of /tmp/gs/g3.swap)" -lt 0 ]
cat /proc/swaps
"$GS_GHOSTSWAPON" --show=NAME,TYPE,PRIO,TIER || fail "ghostswapon --show"
tier_shown() { "$GS_GHOSTSWAPON" --show=NAME,TIER --noheadings --raw | awk -v p="$1" '$1 == p { print $2 }'; }
check "--show: g1 in tier ghost" [ "$(tier_shown /tmp/gs/g1.swap)" = ghost ]
check "--show: g2 in tier ghost" [ "$(tier_shown /tmp/gs/g2.swap)" = ghost ]
check "--show: g3 in tier disk" [ "$(tier_shown /tmp/gs/g3.swap)" = disk ]
check "--show: $GS_DISK in tier disk" [ "$(tier_shown "$GS_DISK")" = disk ]

info "the kernel holds the devices in their tiers"
tw EBUSY "-ghost"
tw EBUSY "-disk +d2:-1"
tw EBUSY "+mid:120"             # g2 (150) would move to mid
tw ok "+mid:151"
tw ok "-mid"

info "swapoff, then the tiers can go"
swap_off /tmp/gs/g1.swap || fail "swapoff g1"
swap_off /tmp/gs/g2.swap || fail "swapoff g2"
tw ok "-ghost"
swap_off /tmp/gs/g3.swap || fail "swapoff g3"
tw EBUSY "-disk"
swap_off "$GS_DISK" || fail "swapoff $GS_DISK"
tw ok "-disk"
expect ""
info "done"
