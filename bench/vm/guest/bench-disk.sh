# Guest side of bench/vm/run.sh, disk part (busybox sh, ghost or stock
# kernel): ordinary swap on the virtio-blk disk, without zswap, so that
# the patched and the stock kernel can be compared.  Prints "BENCH ..."
# lines.  Two workloads per round: MADV_PAGEOUT of gs.bench_mib MiB and
# read faults back (the swap path alone), and memory pressure of 1.5 x RAM
# (memhog fill and verify: reclaim and swap-in under pressure).
# gs.bench_runs=N rounds (default 2).
. "$GS_DIR/lib.sh"

. "$GS_DIR/bench-params.sh"
bench_params 2
kernel=stock
is_ghost_kernel && kernel=ghost
ram=$(mem_total_mb)
echo N > /sys/module/zswap/parameters/enabled
"$GS_UL/mkswap" "$GS_DISK" > /dev/null
CG=$(cg_new bench)
secs() { sed -n "s/^pagehog: $1.* in \([0-9.]*\) s.*/\1/p" log | head -n 1; }
rate() { sed -n "s/.*$1 .*(\([0-9.]*\) MiB\/s).*/\1/p" log | head -n 1; }
r=1
while [ $r -le "$RUNS" ]; do
	swap_on "$GS_DISK"
	settle
	o0=$(vmstat pswpout) i0=$(vmstat pswpin)
	rm -f out
	cg_run "$CG" "$GS_DIR/bin/pagehog" -t nohuge -p mixed -s $r "$MIB" fill pageout wait=out \
		touch=1 verify > log &
	hog=$!
	while [ ! -e out ]; do kill -0 $hog 2>/dev/null || break; sleep 0.2; done
	# The writes end asynchronously: reclaim drops the written pages from
	# the swap cache, so that the read faults really read the disk.
	echo "${MIB}M" > "$CG/memory.reclaim" 2>/dev/null
	kill -USR1 $hog
	wait $hog
	rc=$?
	echo "BENCH disk kernel=$kernel run=$r workload=pageout rc=$rc mib=$MIB" \
		"out_pages=$(( $(vmstat pswpout) - o0 )) out_s=$(secs pageout)" \
		"in_pages=$(( $(vmstat pswpin) - i0 )) in_s=$(secs touch)"
	swap_off "$GS_DISK"
	swap_on "$GS_DISK"
	settle
	size=$(( ram * 3 / 2 ))
	o0=$(vmstat pswpout) i0=$(vmstat pswpin)
	"$GS_DIR/bin/memhog" -q -p mixed -s $r -r 1 "$size" > log
	rc=$?
	echo "BENCH disk kernel=$kernel run=$r workload=pressure rc=$rc mib=$size" \
		"out_pages=$(( $(vmstat pswpout) - o0 )) fill_mibs=$(rate fill)" \
		"in_pages=$(( $(vmstat pswpin) - i0 )) verify_mibs=$(rate verify)"
	swap_off "$GS_DISK"
	r=$((r + 1))
done
echo Y > /sys/module/zswap/parameters/enabled
echo "BENCH done"
