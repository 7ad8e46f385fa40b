# Shared helpers for the VM scenarios (busybox sh).  Source it with
#   . "$GS_DIR/lib.sh"
# Environment set by the VM init (see tests/vm/README.md):
#   GS_VARIANT   ghost, stock or debug
#   GS_DIR       /usr/lib/ghostswap-test
#   GS_MKSWAP, GS_GHOSTSWAPON, GS_GHOSTSWAPOFF, GS_SWAPSTAT
#                paths of the project's tools in the VM, empty if absent
#   GS_PROJECT_TOOLS  names of the tools the project's source tree has
#   GS_UL        directory of the system's util-linux swapon/swapoff/mkswap
#   GS_DISK      the host's scratch disk (/dev/vda) when attached
# The current directory is a fresh scratch directory on tmpfs.

info() { echo "[$(basename "$0" .sh)] $*"; }
fail() { echo "[$(basename "$0" .sh)] FAIL: $*"; exit 1; }
skip() { echo "[$(basename "$0" .sh)] SKIP: $*"; exit 77; }
check() { # check DESCRIPTION COMMAND...: fail unless COMMAND succeeds
	desc=$1; shift
	if "$@"; then
		info "ok: $desc"
	elif [ "${GS_KEEP_GOING:-0}" = 1 ]; then
		# run.sh --keep-going: report every failed check, fail at the end
		echo "[$(basename "$0" .sh)] FAIL (going on): $desc"
		: > /tmp/.gs-check-failed
	else
		fail "$desc"
	fi
}
if [ "${GS_KEEP_GOING:-0}" = 1 ]; then
	rm -f /tmp/.gs-check-failed
	trap 'rc=$?; [ -e /tmp/.gs-check-failed ] && [ $rc = 0 ] && rc=1; exit $rc' EXIT
fi

# near A B PCT: A is within PCT percent of B (counters read a moment apart)
near() { [ $(( ($1 - $2) * 100 )) -le $(( $2 * $3 )) ] && [ $(( ($2 - $1) * 100 )) -le $(( $2 * $3 )) ]; }

# Values of the counters.
vswap() { cat "/sys/kernel/debug/vswap/$1" 2>/dev/null || echo 0; }
# Every refusal of a page for a ghost slot: the pages it counted once
# (zswap_reject_resident) and the retries of those (zswap_reject_retry, 0023).
zswap_refusals() { echo $(( $(vswap zswap_reject_resident) + $(vswap zswap_reject_retry) )); }
zswap_stat() { cat "/sys/kernel/debug/zswap/$1" 2>/dev/null || echo 0; }
vmstat() { awk -v k="$1" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' /proc/vmstat; }
meminfo_kb() { awk -v k="$1:" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' /proc/meminfo; }
# The same after folding every CPU's pending vmstat deltas: SwapCached and
# the other node counters lag behind by up to a threshold per CPU until
# the periodic fold (a scenario saw 4 kB that were not there).
meminfo_now_kb() {
	cat /proc/sys/vm/stat_refresh > /dev/null 2>&1
	meminfo_kb "$1"
}
mem_total_mb() { echo $(( $(meminfo_kb MemTotal) / 1024 )); }
is_ghost_kernel() { [ -e /sys/kernel/debug/vswap/used ]; }

# swaps_type PATH: the Type column of PATH in /proc/swaps
swaps_type() { awk -v p="$1" 'NR > 1 && $1 == p { print $2 }' /proc/swaps; }
# swaps_used_kb PATH
swaps_used_kb() { awk -v p="$1" 'NR > 1 && $1 == p { print $4 }' /proc/swaps; }

dump_state() {
	echo "--- /proc/swaps"; cat /proc/swaps
	echo "--- vswap"; for f in /sys/kernel/debug/vswap/*; do [ -e "$f" ] && echo "$(basename "$f") $(cat "$f")"; done
	echo "--- zswap"; for f in /sys/kernel/debug/zswap/*; do echo "$(basename "$f") $(cat "$f")"; done
	echo "--- vmstat"; grep -E '^(pswp|zswp|swpin_zero|swpout_zero|oom_kill)' /proc/vmstat
	echo "--- meminfo"; grep -E '^(MemTotal|MemFree|MemAvailable|SwapTotal|SwapFree|Zswap|Zswapped|AnonPages|Slab)' /proc/meminfo
}

# make_ghost_file FILE SIZE: a ghost swapfile made with the project's
# mkswap --ghost when it is in the VM; otherwise (the project's mkswap does
# not exist yet) with util-linux mkswap on a sparse file truncated to one
# page.  Fails when the project has a mkswap but it is not in the VM.
make_ghost_file() {
	if [ -n "$GS_MKSWAP" ]; then
		info "ghost swapfile $1 ($2) made by the project's mkswap: $GS_MKSWAP --ghost --size $2 $1"
		"$GS_MKSWAP" --ghost --size "$2" "$1" || fail "mkswap --ghost --size $2 $1 failed"
	else
		case " $GS_PROJECT_TOOLS " in
		*" mkswap "*) fail "the project has a mkswap but it is not installed in the VM (tools dir missing?)" ;;
		esac
		info "WARNING: project mkswap not available: ghost swapfile $1 ($2) made by util-linux mkswap + truncate"
		rm -f "$1"
		truncate -s "$2" "$1" || fail "truncate $1"
		"$GS_UL/mkswap" "$1" > /dev/null || fail "util-linux mkswap $1"
		truncate -s 4096 "$1" || fail "truncate $1 to one page"
	fi
	chmod 600 "$1"
}

# swap_on [-p PRIO] [-d] PATH / swap_off PATH: plain swapon(2)/swapoff(2)
# through the swapctl helper, so scenarios test the kernel, not a tool.
swap_on() { "$GS_DIR/bin/swapctl" on "$@"; }
swap_off() { "$GS_DIR/bin/swapctl" off "$@"; }

# run_memhog ARGS...: run memhog, return its exit status (137 = killed).
# To run it in the background use "$MEMHOG" ARGS & so that $! is its pid.
MEMHOG=$GS_DIR/bin/memhog
run_memhog() {
	"$GS_DIR/bin/memhog" "$@"
}

# scale_mb MIB: MIB scaled by $GS_SCALE percent (default 100), for
# slow kernels; the debug VM gets more RAM instead of smaller workloads.
scale_mb() { echo $(( $1 * ${GS_SCALE:-100} / 100 )); }

# wait_ready FILE PID: wait until a helper waiting for SIGUSR1 (memhog -w,
# pagehog wait=FILE) has created FILE; fail if it exits first.
wait_ready() {
	while [ ! -e "$1" ]; do
		if ! kill -0 "$2" 2>/dev/null; then
			wait "$2"
			fail "helper $2 exited (status $?) before $1 appeared"
		fi
		sleep 0.2
	done
	rm -f "$1"
}
# resume PID: let it go on (SIGUSR1)
resume() { kill -USR1 "$1"; }

PAGEHOG=$GS_DIR/bin/pagehog

# Kernel memory that metadata lives in: Slab + VmallocUsed + Percpu (kB).
kmem_kb() { echo $(( $(meminfo_kb Slab) + $(meminfo_kb VmallocUsed) + $(meminfo_kb Percpu) )); }
settle() { sync; echo 3 > /proc/sys/vm/drop_caches; sleep 1; }

# cpu_jiffies FIELD: a field of the "cpu" line of /proc/stat, summed over
# all CPUs (user nice system idle iowait irq softirq steal), in USER_HZ.
cpu_jiffies() {
	awk -v f="$1" '$1 == "cpu" {
		split("user nice system idle iowait irq softirq steal", n, " ")
		for (i = 1; i <= 8; i++) if (n[i] == f) print $(i + 1)
	}' /proc/stat
}

# System time of every thread, "TID STIME KTHREAD COMM" a line (KTHREAD 1
# for kernel threads; COMM as /proc gives it, a kworker's names its last
# workqueue).  Of two snapshots, stime_top BEFORE AFTER prints the 5
# threads that took the most system time in between and kthread_stime
# BEFORE AFTER the kernel threads' sum; threads only in AFTER (the
# snapshot's own cat and awk) are left out.
stime_snapshot() {
	cat /proc/[0-9]*/task/[0-9]*/stat 2> /dev/null | awk '{
		o = index($0, "("); c = length($0)
		while (c > 0 && substr($0, c, 1) != ")") c--
		split(substr($0, c + 2), f, " ")
		print $1, f[13], int(f[7] / 2097152) % 2, substr($0, o + 1, c - o - 1) }'
}
stime_top() {
	awk 'NR == FNR { s[$1] = $2; next }
		$1 in s { d = $2 - s[$1]; if (d > 0) print d, $1, $4 }' "$1" "$2" |
		sort -rn | head -n 5
}
kthread_stime() {
	awk 'NR == FNR { s[$1] = $2; next }
		$1 in s && $3 == 1 { d += $2 - s[$1] } END { print d + 0 }' "$1" "$2"
}

# THP stats of one size (hugepages-64kB ...): thp_stat SIZE NAME
thp_stat() { cat "/sys/kernel/mm/transparent_hugepage/hugepages-$1/stats/$2" 2>/dev/null || echo 0; }

# THP policy for one scenario: thp_use ENABLED DEFRAG [SIZE=MODE]... sets
# transparent_hugepage/enabled, /defrag and each hugepages-SIZE/enabled,
# then compacts memory (earlier scenarios may have left it too fragmented
# for huge pages).  init puts the boot values back after each scenario.
THP_DIR=/sys/kernel/mm/transparent_hugepage
thp_set() { # FILE MODE
	echo "$2" > "$1" || fail "cannot set $1 to $2"
}
thp_use() {
	thp_set $THP_DIR/enabled "$1"
	thp_set $THP_DIR/defrag "$2"
	shift 2
	for kv; do thp_set "$THP_DIR/hugepages-${kv%%=*}/enabled" "${kv#*=}"; done
	settle
	echo 1 > /proc/sys/vm/compact_memory
}

# A cgroup with the memory controller: cg_new NAME prints its directory.
cg_new() {
	echo +memory > /sys/fs/cgroup/cgroup.subtree_control || return 1
	mkdir -p "/sys/fs/cgroup/$1" && echo "/sys/fs/cgroup/$1"
}
# cg_run DIR CMD... &: run CMD in the cgroup DIR, in the background only
# (it execs, so that $! is CMD's pid)
cg_run() {
	d=$1; shift
	exec sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$d" "$@"
}

# Fill zswap's pool: pool_fill NAME SEED sets max_pool_percent to 1 and
# has memhog in a new cgroup NAME write 48 MiB of text (about 3:1), pushed
# out by memory.reclaim; checks that the pool reached its limit.  Sets
# fill_cg and fill_pid: resume fill_pid to free the pool.
pool_fill() {
	echo 1 > /sys/module/zswap/parameters/max_pool_percent
	fill_cg=$(cg_new "$1") || fail "cgroup $1"
	_h0=$(zswap_stat pool_limit_hit)
	rm -f ready.fill
	cg_run "$fill_cg" "$MEMHOG" -p text -s "$2" -r 1 -w ready.fill 48 &
	fill_pid=$!
	wait_ready ready.fill $fill_pid
	echo 48M > "$fill_cg/memory.reclaim" 2> /dev/null
	_hits=$(( $(zswap_stat pool_limit_hit) - _h0 ))
	info "pool filled: pool_total_size $(zswap_stat pool_total_size) B, stored $(zswap_stat stored_pages) pages, pool_limit_hit +$_hits, vswap used $(vswap used)"
	check "the pool reached its limit (pool_limit_hit +$_hits)" [ "$_hits" -gt 0 ]
}

# A memory cgroup that must find no swap space: reclaim_no_swap CG WHAT
# asks memory.reclaim for 8M of CG and checks that it fails without
# scanning an anonymous page, asking for a slot, having zswap refuse a
# page or charging any swap.  WHAT names the situation in the output.
reclaim_no_swap() {
	_s0=$(vmstat pgscan_anon) _a0=$(vswap alloc_reject)
	_r0=$(zswap_refusals)
	_g0=$(awk '$1 == "pgscan" { print $2 }' "$1/memory.stat")
	if echo 8M > "$1/memory.reclaim" 2> /dev/null; then _rc=0; else _rc=1; fi
	_scan=$(( $(vmstat pgscan_anon) - _s0 )) _alloc=$(( $(vswap alloc_reject) - _a0 ))
	_rej=$(( $(zswap_refusals) - _r0 ))
	_cgscan=$(( $(awk '$1 == "pgscan" { print $2 }' "$1/memory.stat") - _g0 ))
	_sw=$(cat "$1/memory.swap.current")
	info "$2: memory.reclaim 8M failed=$_rc, pgscan_anon +$_scan, cgroup pgscan +$_cgscan, alloc_reject +$_alloc, zswap refusals +$_rej, memory.swap.current $_sw"
	check "memory.reclaim fails: nothing it may reclaim" [ "$_rc" = 1 ]
	check "no anonymous page scanned (pgscan_anon +$_scan)" [ "$_scan" = 0 ]
	check "no page refused by zswap (refusals +$_rej)" [ "$_rej" = 0 ]
	check "no slot allocation refused (alloc_reject +$_alloc)" [ "$_alloc" = 0 ]
	check "nothing swapped (memory.swap.current $_sw)" [ "$_sw" = 0 ]
}
