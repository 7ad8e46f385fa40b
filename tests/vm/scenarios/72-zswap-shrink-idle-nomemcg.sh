#!/bin/sh
# variants: ghost debug
# cmdline: cgroup_disable=memory
# No livelock with memcg disabled: a tiny zswap pool filled with ghost
# entries (never on the zswap LRU, never written back) stays above its
# accept threshold; the shrink worker must give up instead of spinning.
# The kernel threads' system time over 10 idle seconds, the pool still
# full and its owner alive, must stay under 2% of one CPU (20 jiffies at
# USER_HZ 100).
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
check "memcg is disabled" sh -c "! grep -q '^memory.*1\$' /proc/cgroups"
. "$GS_DIR/zswap-idle.sh"
zswap_shrink_idle
