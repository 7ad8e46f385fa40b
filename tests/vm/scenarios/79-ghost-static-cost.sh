#!/bin/sh
# variants: ghost debug
# A ghost device costs no metadata for slots it never used: swapon of a
# 1 TiB ghost swapfile takes at most 1 KiB of kernel memory per GiB of
# virtual size (Slab + VmallocUsed + Percpu), and a 16 TiB /dev/ghostswap
# (ghostswap.size=16T, the 2^32 - 1 pages a header allows, rounded down to
# clusters) swaps on in this 256 MiB VM, takes pages and swaps off.
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"

make_ghost_file g1t 1T
settle
k0=$(kmem_kb)
swap_on g1t || fail "swapon of a 1 TiB ghost swapfile"
settle
k1=$(kmem_kb)
cost=$(( k1 - k0 ))
info "1 TiB ghost swapfile: kernel memory $cost kB more at swapon (goal <= 1024 kB)," \
	"metadata_bytes $(vswap metadata_bytes), clusters $(vswap clusters)"
check "1 TiB swapon costs at most 1 KiB per GiB ($cost kB)" [ "$cost" -le 1024 ]
check "vswap metadata_bytes is reported and small ($(vswap metadata_bytes))" \
	[ -e /sys/kernel/debug/vswap/metadata_bytes ] && [ "$(vswap metadata_bytes)" -le 65536 ]
swap_off g1t || fail "swapoff of the 1 TiB ghost swapfile"
settle
info "kernel memory after swapoff: $(( $(kmem_kb) - k0 )) kB above the start"

# 16 TiB: the largest ghost device
echo 16T > /sys/module/ghostswap/parameters/size || fail "cannot set ghostswap.size=16T"
settle
k0=$(kmem_kb)
swap_on /dev/ghostswap || { dmesg | tail -20; fail "swapon of a 16 TiB /dev/ghostswap in a $(mem_total_mb) MiB VM"; }
settle
k1=$(kmem_kb)
total=$(vswap virtual_total)
cost=$(( k1 - k0 ))
info "16 TiB /dev/ghostswap: $total pages, kernel memory $cost kB more at swapon," \
	"metadata_bytes $(vswap metadata_bytes), clusters $(vswap clusters)"
check "virtual size is 2^32 - 512 pages minus the header ($total)" [ "$total" = 4294966783 ]
check "16 TiB swapon costs at most 1 KiB per GiB ($cost kB)" [ "$cost" -le 16384 ]
# some traffic on it: the clusters are allocated on demand
rm -f ready
"$PAGEHOG" -p compressible -s 4 32 fill pageout wait=ready verify &
hog=$!
wait_ready ready $hog
used=$(vswap used) c=$(vswap clusters)
info "32 MiB paged out: used $used, clusters $c, metadata_bytes $(vswap metadata_bytes)"
check "pages went to the 16 TiB device ($used)" [ "$used" -ge 7000 ]
check "clusters were allocated for them ($c)" [ "$c" -ge $(( used / 512 )) ]
resume $hog
wait $hog || fail "pagehog on the 16 TiB device: exit $?"
swap_off /dev/ghostswap || fail "swapoff of the 16 TiB /dev/ghostswap"
check "vswap used is 0 after swapoff" [ "$(vswap used)" = 0 ]
echo 0 > /sys/module/ghostswap/parameters/size
info "done"
