#!/bin/sh
# variants: ghost debug
# /sys/kernel/mm/swap/tiers (kernel patch 0100): create and remove tiers,
# the table read back byte for byte as in the interface contract, every
# error (EINVAL, EEXIST, ENOSPC, EBUSY) with the table left unchanged (a
# write is all or nothing), the 4 slots of the default config, devices
# joining their tier at swapon (automatic priority: the tier from -1), and
# tiers created later picking up devices already active.
. "$GS_DIR/lib.sh"

T=/sys/kernel/mm/swap/tiers
[ -e $T ] || fail "$T missing: the kernel has no swap tiers (CONFIG_SWAP_TIERS)"

# tw EXPECT OPS: write OPS in one write(2); EXPECT is ok, EINVAL, EEXIST,
# ENOSPC or EBUSY.  Every failed write must leave the table as it was.
tw() {
	before=$(cat $T)
	out=$( (echo "$2" > $T) 2>&1 ) && got=ok || case $out in
		*"Invalid argument"*) got=EINVAL ;;
		*"File exists"*) got=EEXIST ;;
		*"No space left"*) got=ENOSPC ;;
		*"busy"*) got=EBUSY ;;
		*) got="other ($out)" ;;
	esac
	[ "$got" = "$1" ] || { cat $T; fail "write '$2': expected $1, got $got"; }
	if [ "$got" != ok ] && [ "$(cat $T)" != "$before" ]; then
		cat $T; fail "failed write '$2' changed the table"
	fi
	info "ok: '$2' -> $got"
}
# table: the rows as "NAME IDX START END;..." (highest first)
table() { awk 'NR > 1 { printf "%s %s %s %s;", $1, $2, $3, $4 }' $T; }
expect() { [ "$(table)" = "$1" ] || { cat $T; fail "table is '$(table)', expected '$1'"; }; info "ok: table $1"; }
tiers_reset() {
	ops=$(awk 'NR > 1 { printf "-%s ", $1 }' $T)
	[ -z "$ops" ] || echo "$ops" > $T || fail "cannot remove the tiers left over: $ops"
}

tiers_reset
check "no tiers: the header alone" [ "$(cat $T)" = "Name             Idx   PrioStart   PrioEnd" ]

info "malformed writes and gaps, on an empty table"
tw EINVAL "+HDD:50"             # nothing covers -1 .. 49
tw EINVAL "+bad-name:-1"
tw EINVAL "+:-1"
tw EINVAL "+a_name_of_16_chr:-1"
tw EINVAL "+a:-2"
tw EINVAL "+a:32768"
tw EINVAL "+a"
tw EINVAL "+a:"
tw EINVAL "+a:1x"
tw EINVAL "a:-1"
tw EINVAL "*a:-1"
tw EINVAL ""
tw EINVAL " , "
tw EINVAL "-nosuch"
tw EINVAL "+a:-1 +b:-1"         # two tiers cannot start at the same priority
tw EEXIST "+a:-1 +a:5"
tw ENOSPC "+a:-1 +b:1 +c:2 +d:3 +e:4"
expect ""

info "the contract's example, byte for byte"
tw ok "+HDD:50 +NET:-1"
printf '%s\n' \
	"Name             Idx   PrioStart   PrioEnd" \
	"HDD              0     50          32767" \
	"NET              1     -1          49" > expected
cat $T > got
cmp expected got || { od -c got | head -n 20; fail "the table differs from the contract"; }
info "ok: table matches the contract"

tw EEXIST "+HDD:10"
tw EEXIST "+SSD:100,+HDD:7"     # all or nothing: SSD is not added
expect "HDD 0 50 32767;NET 1 -1 49;"
tw ok "+SSD:100,+NVME:1000"
expect "NVME 3 1000 32767;SSD 2 100 999;HDD 0 50 99;NET 1 -1 49;"
tw ENOSPC "+X:200"
tw ENOSPC "-SSD +X:200 +Y:300"  # one slot freed, two needed
tw EINVAL "-NET"                # would leave -1 .. 49 uncovered
tw EINVAL "-SSD +X:200 -NET"
tw ok "-SSD"
tw ok "+Fast_tier_15chr:300"    # 15 characters; takes the freed slot 2
expect "NVME 3 1000 32767;Fast_tier_15chr 2 300 999;HDD 0 50 299;NET 1 -1 49;"
tw ok "-NET,+NET2:-1"
expect "NVME 3 1000 32767;Fast_tier_15chr 2 300 999;HDD 0 50 299;NET2 1 -1 49;"
tw ok "$(printf -- '-Fast_tier_15chr,  -NVME\t-HDD')"
expect "NET2 1 -1 32767;"

info "devices: a device joins the tier of its priority at swapon"
make_ghost_file g1 64M
make_ghost_file g2 64M
swap_on -p 60 g1 || fail "swapon g1"
tw EBUSY "+HDD:50"              # g1 (60) would move from NET2 to HDD
tw EBUSY "+Z:1000 +HDD:50"
tw ok "+HDD:61"                 # g1 stays in NET2 (-1 .. 60)
tw ok "-HDD"
tw EBUSY "-NET2"
tw EBUSY "-NET2 +N3:-1"         # a tier with devices cannot be removed
swap_off g1 || fail "swapoff g1"

info "a device with the automatic priority belongs to the tier from -1"
swap_on g2 || fail "swapon g2"
prio=$(awk 'NR > 1 && $1 ~ /g2$/ { print $5 }' /proc/swaps)
info "g2 has priority $prio"
check "automatic priority is negative" [ "$prio" -lt 0 ]
tw ok "+HI:0"
tw EBUSY "-NET2 +LOW:-1"
expect "HI 0 0 32767;NET2 1 -1 -1;"
swap_on -p 5 g1 || fail "swapon g1 -p 5"
tw EBUSY "-HI"
tw EBUSY "+MID:3"               # g1 (5) would move from HI to MID
tw ok "+MID:6"
swap_off g1 || fail "swapoff g1"
swap_off g2 || fail "swapoff g2"
tw ok "-HI -MID -NET2"
expect ""

info "tiers created later pick up the devices already active"
swap_on -p 10 g1 || fail "swapon g1 -p 10"
swap_on g2 || fail "swapon g2"
tw ok "+A:-1,+B:5"
tw EBUSY "-B"                   # g1 joined B
tw EBUSY "+C:8"                 # and cannot move to C
tw EBUSY "-A +A2:-1"            # g2 joined A
tw ok "+C:11"
expect "C 2 11 32767;B 1 5 10;A 0 -1 4;"
swap_off g1 || fail "swapoff g1"
tw ok "-B"                      # empty now
tw EBUSY "-A +A2:-1"
swap_off g2 || fail "swapoff g2"
tw ok "-A +A2:-1"
tw ok "-C,-A2"
expect ""
check "no tiers: the header alone again" [ "$(cat $T)" = "Name             Idx   PrioStart   PrioEnd" ]
info "done"
