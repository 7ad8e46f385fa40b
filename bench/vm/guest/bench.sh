# Guest side of bench/vm/run.sh (busybox sh): prints "BENCH ..." lines.
. "$GS_DIR/lib.sh"

settle() { sync; echo 3 > /proc/sys/vm/drop_caches; sleep 2; }
mi() { meminfo_kb "$1"; }

# 1. Kernel memory a ghost device costs, per GiB of virtual size: the
#    MemFree, Slab, Percpu and VmallocUsed deltas around swapon of a big
#    /dev/ghostswap (nothing is swapped out).
for gib in 64 1024; do
	echo "${gib}G" > /sys/module/ghostswap/parameters/size
	settle
	f0=$(mi MemFree) s0=$(mi Slab) p0=$(mi Percpu) v0=$(mi VmallocUsed)
	swap_on /dev/ghostswap || { echo "BENCH error swapon ${gib}G"; continue; }
	settle
	f1=$(mi MemFree) s1=$(mi Slab) p1=$(mi Percpu) v1=$(mi VmallocUsed)
	grep ghostswap /proc/swaps
	swap_off /dev/ghostswap
	echo "BENCH memcost gib=$gib memfree_kb=$((f0 - f1)) slab_kb=$((s1 - s0)) percpu_kb=$((p1 - p0)) vmalloc_kb=$((v1 - v0))"
done
echo 0 > /sys/module/ghostswap/parameters/size

# 2. Swap-out / swap-in throughput of the same workload on ghost + zswap
#    and on a disk swap device + zswap.  memhog's fill rate is the swap-out
#    rate (everything beyond RAM is pushed out while filling) and its
#    verify rate the swap-in rate.
ram=$(mem_total_mb)
"$GS_UL/mkswap" "$GS_DISK" > /dev/null
run() { # run WORKLOAD POOL% MIB DEVICE
	echo "$2" > /sys/module/zswap/parameters/max_pool_percent
	swap_on "$4" || { echo "BENCH error swapon $4"; return; }
	settle
	po0=$(vmstat pswpout) pi0=$(vmstat pswpin) zo0=$(vmstat zswpout) zi0=$(vmstat zswpin)
	r0=$(vswap zswap_reject_resident)
	out=$("$GS_DIR/bin/memhog" -q -p "$1" -s 5 -r 1 "$3")
	rc=$?
	echo "$out"
	fill=$(echo "$out" | sed -n 's/.*fill .*(\([0-9.]*\) MiB\/s).*/\1/p')
	verify=$(echo "$out" | sed -n 's/.*verify .*(\([0-9.]*\) MiB\/s).*/\1/p')
	echo "BENCH throughput workload=$1 mib=$3 pool=$2 dev=$5 rc=$rc out_mibs=$fill in_mibs=$verify" \
		"pswpout=$(( $(vmstat pswpout) - po0 )) pswpin=$(( $(vmstat pswpin) - pi0 ))" \
		"zswpout=$(( $(vmstat zswpout) - zo0 )) zswpin=$(( $(vmstat zswpin) - zi0 ))" \
		"resident=$(( $(vswap zswap_reject_resident) - r0 ))"
	swap_off "$4"
}
# The third workload overflows the zswap pool: the disk takes the excess
# (written back or written directly), the ghost device keeps it resident.
echo 1 > /proc/sys/vm/overcommit_memory
for w in "compressible 20 $(( ram * 2 ))" "text 50 $(( ram * 3 / 2 ))" "text 20 $(( ram * 3 / 2 ))"; do
	set -- $w
	run "$1" "$2" "$3" /dev/ghostswap ghost
	run "$1" "$2" "$3" "$GS_DISK" disk
done
echo "BENCH done"
