# shellcheck shell=sh
# The body of scenarios 72 and 73 (no zswap shrink worker livelock, memcg
# off and on): a 1% zswap pool filled with ghost entries, which are never
# on the zswap LRU and never written back, then 10 idle seconds in which
# the shrink worker must not spin.  Sourced after lib.sh.
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
	s0=$(cpu_jiffies system)
	sleep 10
	sys=$(( $(cpu_jiffies system) - s0 ))
	info "system CPU in 10 idle seconds: $sys jiffies (limit 19); pool $(zswap_stat pool_total_size) bytes"
	top -b -n 1 | head -n 12
	check "the zswap shrink worker is idle ($sys system jiffies in 10 s)" [ "$sys" -lt 20 ]
	# The pool is still full of ghost entries: the ghost device is passed
	# over (0017), the pages left stay resident, and they still verify.
	resume $hog
	wait $hog || fail "pagehog found corrupted pages (exit $?)"
	swap_off /dev/ghostswap || fail "swapoff"
	check "zswap is empty after swapoff" [ "$(zswap_stat stored_pages)" = 0 ]
	info "done"
}
