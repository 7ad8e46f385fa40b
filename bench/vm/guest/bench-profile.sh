# Guest side of bench/vm/run.sh --only profile (busybox sh, ghost kernel,
# perf in the initramfs): where swap CPU time goes, zram vs ghost + zswap.
# Each run: MIB MiB of compressible pages in a memory cgroup, 20 seconds
# of MADV_PAGEOUT + read-back loops (pagehog loop=20), sampled by perf
# (cpu-clock, 4999 Hz, kernel call chains).  Prints
#   BENCH profile run=R dev=D rounds=N secs=S
#   BENCH perfsym run=R dev=D self=PCT total=PCT sym=SYMBOL
# for the 60 symbols with the most samples of their own (a symbol below
# them counts as 0 in the report).
# Parameters from the kernel command line: gs.bench_runs=N (default 2),
# gs.bench_mib=MIB (default 64).
. "$GS_DIR/lib.sh"

. "$GS_DIR/bench-params.sh"
bench_params 2
P=$(command -v perf) || { echo "BENCH error no perf in the initramfs"; exit 1; }
. "$GS_DIR/bench-devices.sh"
echo -1 > /proc/sys/kernel/perf_event_paranoid
echo 0 > /proc/sys/kernel/kptr_restrict
echo "BENCH config mib=$MIB runs=$RUNS"
CG=$(cg_new profile)


r=1
while [ $r -le "$RUNS" ]; do
	for d in zram ghost; do
		bench_dev_on $d 256M || { echo "BENCH error setup $d"; continue; }
		rm -f filled
		cg_run "$CG" "$PAGEHOG" -t nohuge -p compressible -s $r "$MIB" fill wait=filled \
			loop=20 > log &
		hog=$!
		while [ ! -e filled ]; do kill -0 $hog 2>/dev/null || break; sleep 0.2; done
		"$P" record -q -g -p $hog -F 4999 -e cpu-clock -o /tmp/prof.data -- \
			sh -c "kill -USR1 $hog; while kill -0 $hog 2>/dev/null; do sleep 0.1; done" \
			> /dev/null 2>&1
		wait $hog
		rc=$?
		set -- $(sed -n 's/^pagehog: loop \([0-9]*\) rounds.* in \([0-9.]*\) s, .*/\1 \2/p' log)
		echo "BENCH profile run=$r dev=$d rc=$rc rounds=${1:-0} secs=${2:-0}"
		# children: PCT (with callees), self: PCT, then the symbol
		"$P" report -q -i /tmp/prof.data --children --sort sym -g none --stdio 2> /dev/null |
			awk -v r=$r -v d=$d '$3 == "[k]" || $3 == "[.]" {
				sub("%", "", $1); sub("%", "", $2)
				print $2, $1, $4 }' | sort -rn | head -n 60 |
			while read -r self total sym; do
				echo "BENCH perfsym run=$r dev=$d self=$self total=$total sym=$sym"
			done
		rm -f /tmp/prof.data
		bench_dev_off $d
	done
	r=$((r + 1))
done
echo "BENCH done"
