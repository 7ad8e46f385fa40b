# Guest side of bench/vm/run.sh, peer part (busybox sh, ghost kernel):
# prints "BENCH ..." lines.
#  1. memcost: kernel memory a ghost device costs at swapon, per GiB of
#     virtual size, and per slot in use.
#  2. peer: zram vs ghost + zswap vs disk + zswap, lz4 everywhere, on the
#     same workloads, interleaved run by run: swap-out and swap-in MiB/s and
#     the RAM held per MiB swapped out.
# Parameters from the kernel command line: gs.bench_runs=N (default 5),
# gs.bench_mib=MIB (default 64).
. "$GS_DIR/lib.sh"

. "$GS_DIR/bench-params.sh"
bench_params 5
. "$GS_DIR/bench-devices.sh"
ram=$(mem_total_mb)
# Every device gets the same size: RAM (Fedora's zram-generator default).
DEVSIZE=${ram}M
echo "BENCH config ram_mib=$ram mib=$MIB runs=$RUNS devsize=$DEVSIZE zswap_compressor=$(cat /sys/module/zswap/parameters/compressor)"

# 1. memcost.  The first swapon of the boot also pays one-time costs
# (per-CPU data, slab caches): a 1 GiB device takes them, reported apart,
# so that the per-GiB figures are what the virtual size costs.
first=1
for gib in 1 64 1024; do
	echo "${gib}G" > /sys/module/ghostswap/parameters/size
	settle
	f0=$(meminfo_kb MemFree) k0=$(kmem_kb)
	swap_on /dev/ghostswap || { echo "BENCH error swapon ${gib}G"; continue; }
	settle
	f1=$(meminfo_kb MemFree) k1=$(kmem_kb)
	swap_off /dev/ghostswap
	echo "BENCH memcost gib=$gib first=$first memfree_kb=$((f0 - f1)) kmem_kb=$((k1 - k0))"
	first=0
done
echo 0 > /sys/module/ghostswap/parameters/size
# Per slot in use: kernel memory (zswap's entries and tree, the swap
# tables, the ghost clusters; not the compressed data) for MIB MiB of
# compressible pages in zswap, with ghost slots and, for reference, with
# slots on the disk (same zswap, a device whose cluster array is static).
# Objects in use (active objects x size in /proc/slabinfo), not slab
# pages: the slab caches keep what the first run freed, so the growth of
# Slab depends on what ran before.  Swap tables are whole pages on every
# device (not in slabinfo): for ghost clusters vswap metadata_bytes counts
# them.
slab_used() { awk 'NR > 2 { s += $2 * $4 } END { print s }' /proc/slabinfo; }
# object size of a slab cache
obj_size() { awk -v c="$1" '$1 == c { print $4 }' /proc/slabinfo 2>/dev/null; }
"$GS_UL/mkswap" "$GS_DISK" > /dev/null
for dev in /dev/ghostswap "$GS_DISK" /dev/ghostswap "$GS_DISK"; do
	swap_on "$dev"
	settle
	k0=$(kmem_kb) m0=$(vswap metadata_bytes) b0=$(slab_used)
	rm -f out
	"$GS_DIR/bin/pagehog" -t nohuge -p compressible -s 3 "$MIB" fill pageout wait=out > /dev/null &
	hog=$!
	while [ ! -e out ]; do sleep 0.2; done
	settle
	used=$(swaps_used_kb "$dev") k1=$(kmem_kb) m1=$(vswap metadata_bytes) b1=$(slab_used)
	kill -USR1 $hog
	wait $hog
	swap_off "$dev"
	# zswap's entry; a ghost slot's may come from a smaller cache
	name=disk entry=$(obj_size zswap_entry)
	if [ "$dev" = /dev/ghostswap ]; then
		name=ghost
		[ -z "$(obj_size zswap_ghost_entry)" ] || entry=$(obj_size zswap_ghost_entry)
	fi
	echo "BENCH slotcost dev=$name slots=$((used / 4)) kmem_kb=$((k1 - k0)) slab_bytes=$((b1 - b0))" \
		"zswap_entry_bytes=${entry:-?} ghost_meta_bytes=$((m1 - m0))"
done

# 2. peer
CG=$(cg_new bench)
zram_used_kb() { [ -r $ZRAM/mm_stat ] && awk '{ print int($3 / 1024) }' $ZRAM/mm_stat || echo 0; }
backend_kb() { echo $(( $(kmem_kb) + $(meminfo_kb Zswap) + $(zram_used_kb) )); }
moved_out() { echo $(( $(vmstat pswpout) + $(vmstat zswpout) + $(vmstat swpout_zero) )); }
moved_in() { echo $(( $(vmstat pswpin) + $(vmstat zswpin) + $(vmstat swpin_zero) )); }
rss_kb() { awk '$1 == "RssAnon:" { print $2 }' "/proc/$1/status"; }
secs() { sed -n "s/^pagehog: $1.* in \([0-9.]*\) s.*/\1/p" log | head -n 1; }

run() { # run RUN WORKLOAD DEV
	f0=$(meminfo_kb MemFree) k0=$(kmem_kb)
	bench_dev_on "$3" "$DEVSIZE" || { echo "BENCH error setup $3"; return; }
	settle
	static_kb=$(( $(kmem_kb) - k0 ))
	rm -f filled out in
	cg_run "$CG" "$GS_DIR/bin/pagehog" -t nohuge -p "$2" -s "$1" "$MIB" fill wait=filled \
		pageout wait=out touch=1 wait=in verify > log &
	hog=$!
	while [ ! -e filled ]; do kill -0 $hog 2>/dev/null || break; sleep 0.2; done
	settle
	b0=$(backend_kb) r0=$(rss_kb $hog) m0=$(meminfo_kb MemFree) o0=$(moved_out) c0=$(meminfo_kb SwapCached)
	kill -USR1 $hog
	while [ ! -e out ]; do kill -0 $hog 2>/dev/null || break; sleep 0.2; done
	o1=$(moved_out)
	# Disk writes end asynchronously and leave their pages in the swap
	# cache: let reclaim drop them, so that every device is measured in
	# the same steady state.
	echo "${MIB}M" > "$CG/memory.reclaim" 2>/dev/null
	settle
	b1=$(backend_kb) r1=$(rss_kb $hog) m1=$(meminfo_kb MemFree) i0=$(moved_in) c1=$(meminfo_kb SwapCached)
	kill -USR1 $hog
	while [ ! -e in ]; do kill -0 $hog 2>/dev/null || break; sleep 0.2; done
	i1=$(moved_in)
	kill -USR1 $hog
	wait $hog
	rc=$?
	# held: the backend's growth plus what of the region stayed in RAM,
	# mapped or in the swap cache (written to disk but not yet freed, or
	# refused and not mapped back)
	region_left=$(( r1 - (r0 - MIB * 1024) + c1 - c0 ))
	echo "BENCH peer run=$1 workload=$2 dev=$3 rc=$rc mib=$MIB" \
		"out_pages=$((o1 - o0)) out_s=$(secs pageout) in_pages=$((i1 - i0)) in_s=$(secs touch)" \
		"backend_kb=$((b1 - b0)) resident_kb=$region_left memfree_gain_kb=$((m1 - m0))" \
		"static_kb=$static_kb"
	bench_dev_off "$3"
}
r=1
while [ $r -le "$RUNS" ]; do
	for w in compressible mixed random; do
		for d in zram ghost disk; do
			run $r $w $d
		done
	done
	r=$((r + 1))
done
echo Y > $ZE
echo "BENCH done"
