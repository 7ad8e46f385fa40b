#!/bin/sh
# variants: ghost debug
# No livelock with memcg enabled: the same tiny zswap pool full of ghost
# entries as 72; the shrink worker walks the memcg tree, finds nothing to
# write back, and must not be queued again for every refused store.
# Kernel threads' system time over 10 idle seconds under 2% of one CPU.  (This one also
# passes on series v1, whose memcg tree walk gives up after
# MAX_RECLAIM_RETRIES passes: it guards the fix of 72 for memcg on.)
. "$GS_DIR/lib.sh"

is_ghost_kernel || fail "not a ghost-swap kernel"
. "$GS_DIR/zswap-idle.sh"
zswap_shrink_idle
