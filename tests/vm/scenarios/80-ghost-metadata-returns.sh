#!/bin/sh
# variants: ghost debug
# Ghost cluster metadata follows the slots in use: filling N slots costs at
# most 16 bytes of cluster metadata per slot (vswap metadata_bytes, beyond
# zswap's own entry), the number of clusters in use grows with them, and
# when the slots are freed again the clusters go back to the one that holds
# the header and their memory returns.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
[ -e /sys/kernel/debug/vswap/clusters ] && [ -e /sys/kernel/debug/vswap/metadata_bytes ] ||
	fail "no vswap clusters / metadata_bytes counters"
make_ghost_file g64 64G
swap_on g64 || fail "swapon of a 64 GiB ghost swapfile"
settle
c0=$(vswap clusters) m0=$(vswap metadata_bytes) k0=$(kmem_kb)
info "after swapon: clusters $c0, metadata_bytes $m0"
check "only the header's cluster is in use after swapon ($c0)" [ "$c0" = 1 ]

mib=64
rm -f ready
"$PAGEHOG" -p compressible -s 3 $mib fill pageout wait=ready verify &
hog=$!
wait_ready ready $hog
used=$(vswap used) c1=$(vswap clusters) m1=$(vswap metadata_bytes) k1=$(kmem_kb)
stored=$(zswap_stat stored_pages)
per_slot=$(( (m1 - m0) / (used > 0 ? used : 1) ))
info "filled: used $used slots, zswap stored $stored, clusters $c1," \
	"metadata_bytes $m1 (+$(( m1 - m0 ))), $per_slot bytes per slot," \
	"kernel memory +$(( k1 - k0 )) kB (zswap entries and pool included)"
check "the pages are in ghost slots ($used of $(( mib * 256 )))" [ "$used" -ge $(( mib * 256 * 9 / 10 )) ]
check "clusters in use grew with them ($c1 >= $(( used / 512 )))" [ "$c1" -ge $(( used / 512 )) ]
check "at most 16 bytes of cluster metadata per slot in use ($per_slot)" [ "$per_slot" -le 16 ]
resume $hog
wait $hog || fail "pagehog found corrupted pages (exit $?)"

settle
used=$(vswap used) c2=$(vswap clusters) m2=$(vswap metadata_bytes) k2=$(kmem_kb)
info "emptied: used $used, clusters $c2, metadata_bytes $m2 (+$(( m2 - m0 )) over swapon)," \
	"kernel memory $(( k2 - k0 )) kB over swapon"
check "no slot in use after the process exited ($used)" [ "$used" = 0 ]
check "clusters in use back to $c0 ($c2)" [ "$c2" = "$c0" ]
# What stays is the cluster structs, kept for reuse until swapoff: at most
# 256 bytes per cluster that was in use (64 bytes on the ghost kernel, 128
# with lockdep), against more than 5 KiB per cluster in use.
left=$(( (m2 - m0) / (c1 - c0) ))
check "cluster metadata returned: $(( m2 - m0 )) of $(( m1 - m0 )) bytes left, $left per cluster" \
	[ "$left" -le 256 ]
swap_off g64 || fail "swapoff"
check "no cluster left after swapoff ($(vswap clusters))" [ "$(vswap clusters)" = 0 ]
info "done"
