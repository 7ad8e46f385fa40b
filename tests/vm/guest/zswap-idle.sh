# shellcheck shell=sh
# The body of scenarios 72 and 73 (no zswap shrink worker livelock, memcg
# off and on): a 1% zswap pool filled with ghost entries, which are never
# on the zswap LRU and never written back, then 10 idle seconds in which
# the shrink worker must not spin (measured once the system has settled,
# with the threads that took system time named).  Sourced after lib.sh.
zswap_shrink_idle() {
	echo 1 > /sys/module/zswap/parameters/max_pool_percent
	swap_on /dev/ghostswap || fail "swapon /dev/ghostswap"
	hit0=$(zswap_stat pool_limit_hit)
	rm -f ready
	"$PAGEHOG" -t nohuge -p text 32 fill pageout pageout wait=ready verify &
	hog=$!
	wait_ready ready $hog
	sleep 2
	hit=$(( $(zswap_stat pool_limit_hit) - hit0 ))
	pool=$(zswap_stat pool_total_size)
	info "pool limit hit +$hit, pool $pool bytes, stored_pages $(zswap_stat stored_pages), vswap used $(vswap used), written back $(zswap_stat written_back_pages)"
	check "the pool reached its limit (+$hit)" [ "$hit" -gt 0 ]
	# The worker is a kernel thread: count the kernel threads' system
	# time, not the test's own forks (on the debug kernel each costs
	# jiffies).  Let work that earlier scenarios left behind drain first:
	# up to 20 s until a 2 s window stays under the limit's rate (4
	# jiffies).  A spinning worker (issue 9 A: 938 jiffies in 10 s) never
	# settles.
	tries=0
	while [ $tries -lt 10 ]; do
		stime_snapshot > stime0
		sleep 2
		stime_snapshot > stime1
		[ "$(kthread_stime stime0 stime1)" -lt 4 ] && break
		tries=$((tries + 1))
	done
	info "settled after $tries busy 2 s windows"
	stime_snapshot > stime0
	s0=$(cpu_jiffies system)
	sleep 10
	sys=$(( $(cpu_jiffies system) - s0 ))
	stime_snapshot > stime1
	kt=$(kthread_stime stime0 stime1)
	info "system CPU in 10 idle seconds: kernel threads $kt jiffies (limit 19), all $sys; pool $(zswap_stat pool_total_size) bytes"
	info "threads with the most system time in them (jiffies, tid, name):"
	stime_top stime0 stime1 | sed 's/^/    /'
	check "the zswap shrink worker is idle ($kt jiffies of kernel threads in 10 s)" [ "$kt" -lt 20 ]
	# The pool is still full of ghost entries: the ghost device is passed
	# over (0017), the pages left stay resident, and they still verify.
	resume $hog
	wait $hog || fail "pagehog found corrupted pages (exit $?)"
	swap_off /dev/ghostswap || fail "swapoff"
	check "zswap is empty after swapoff" [ "$(zswap_stat stored_pages)" = 0 ]
	info "done"
}
