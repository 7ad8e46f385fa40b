#!/bin/sh
# variants: ghost debug
# No livelock with memcg enabled: the same tiny zswap pool full of ghost
# entries as 72; the shrink worker walks the memcg tree, finds nothing to
# write back, and must not be queued again for every refused store.
# System CPU over 10 idle seconds under 2% of one CPU.  (This one also
# passes on series v1, whose memcg tree walk gives up after
# MAX_RECLAIM_RETRIES passes: it guards the fix of 72 for memcg on.)
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
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
# The pool is still full of ghost entries: new stores are refused and the
# pages stay resident, they still verify.
resume $hog
wait $hog || fail "pagehog found corrupted pages (exit $?)"
swap_off /dev/ghostswap || fail "swapoff"
check "zswap is empty after swapoff" [ "$(zswap_stat stored_pages)" = 0 ]
info "done"
