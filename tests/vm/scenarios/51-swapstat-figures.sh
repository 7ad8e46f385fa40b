#!/bin/sh
# variants: ghost
# (Not on debug, for the CI budget: about 2 minutes there.)
# Fills ghost swap (ghost device only) and checks swapstat's figures against
# the raw kernel files it read in that same moment: swapstat --save keeps a
# copy of every file it read, so its --prometheus figures can be recomputed
# from those bytes here, with awk, independently of swapstat's C code.
. "$GS_DIR/lib.sh"

command -v swapstat > /dev/null || skip "swapstat is not installed in the VM"
is_ghost_kernel || fail "not a ghost-swap kernel"
pagekb=4	# x86-64, the only guest; busybox has no getconf

swap_on -p 100 /dev/ghostswap || fail "swapon /dev/ghostswap"
ram=$(mem_total_mb)
rm -f ready
"$MEMHOG" -p mixed -s 3 -w ready $(( ram * 3 / 2 )) &
hog=$!
while [ ! -e ready ]; do
	kill -0 $hog 2> /dev/null || { wait $hog; fail "memhog died while filling (exit $?)"; }
	sleep 1
done

d=/tmp/gs/save
swapstat --prometheus --save $d > prom || fail "swapstat --prometheus: exit $?"
swapstat
kill -USR1 "$(cat ready)"	# memhog wrote its pid there; $hog is its subshell
wait $hog || fail "memhog found corrupted pages (exit $?)"
cat prom

# metric NAME: the value of an unlabelled metric; 'none' if absent
metric() { awk -v m="$1" '$1 == m { print $2; f = 1 } END { if (!f) print "none" }' prom; }
# devmetric NAME: the value for /dev/ghostswap
devmetric() {
	awk -v m="$1{device=\"/dev/ghostswap\"" 'index($0, m) == 1 { print $NF; f = 1 }
		END { if (!f) print "none" }' prom
}
raw() { cat "$d$1"; }
kv() { awk -v k="$2" '$1 == k || $1 == k":" { print $2 }' "$d$1"; }

used_kb=$(awk 'NR > 1 && $1 == "/dev/ghostswap" { print $4 }' $d/proc/swaps)
size_kb=$(awk 'NR > 1 && $1 == "/dev/ghostswap" { print $3 }' $d/proc/swaps)
stored=$(raw /sys/kernel/debug/zswap/stored_pages)
pool=$(raw /sys/kernel/debug/zswap/pool_total_size)
info "saved: used $used_kb kB, size $size_kb kB, stored $stored pages, pool $pool B"
check "swap is in use ($used_kb kB)" [ "$used_kb" -gt 0 ]

check "virtual used = /proc/swaps Used" \
	[ "$(metric swapstat_virtual_used_bytes)" = $(( used_kb * 1024 )) ]
check "device used = /proc/swaps Used" \
	[ "$(devmetric swapstat_device_used_bytes)" = $(( used_kb * 1024 )) ]
check "ghost virtual size = /proc/swaps Size" \
	[ "$(metric swapstat_ghost_virtual_size_bytes)" = $(( size_kb * 1024 )) ]
check "ghost capacity is 0" [ "$(devmetric swapstat_device_capacity_bytes)" = 0 ]
check "SwapTotal = meminfo" \
	[ "$(metric swapstat_swap_total_bytes)" = $(( $(kv /proc/meminfo SwapTotal) * 1024 )) ]
check "zswap stored = stored_pages x page" \
	[ "$(metric swapstat_zswap_stored_bytes)" = $(( stored * pagekb * 1024 )) ]
check "zswap pool = pool_total_size" [ "$(metric swapstat_zswap_pool_bytes)" = "$pool" ]
zs=$(( stored * pagekb * 1024 )) u=$(( used_kb * 1024 ))
[ $zs -gt $u ] && zs=$u
check "device zswap = min(stored, used)" [ "$(devmetric swapstat_device_zswap_bytes)" = $zs ]
check "device zero = used - zswap" [ "$(devmetric swapstat_device_zero_bytes)" = $(( u - zs )) ]
check "zero filled = used - stored" [ "$(metric swapstat_zero_filled_bytes)" = $(( u - zs )) ]
check "nothing on disk" [ "$(metric swapstat_disk_used_bytes)" = 0 ]
check "no disk capacity" [ "$(metric swapstat_disk_capacity_bytes)" = 0 ]
pct=$(raw /sys/module/zswap/parameters/max_pool_percent)
limit=$(( $(kv /proc/meminfo MemTotal) * 1024 * pct / 100 ))
check "real capacity = pool limit ($limit)" [ "$(metric swapstat_real_capacity_bytes)" = $limit ]
check "kept resident = vswap counter x page" \
	[ "$(metric swapstat_ghost_kept_resident_bytes_total)" = \
	  $(( $(raw /sys/kernel/debug/vswap/zswap_reject_resident) * pagekb * 1024 )) ]
check "swap-out counter = vmstat zswpout x page" \
	[ "$(metric swapstat_zswap_out_bytes_total)" = \
	  $(( $(kv /proc/vmstat zswpout) * pagekb * 1024 )) ]
# The counters of kernel series v2: the vswap file's value where the kernel
# has it, else missing with reason not_provided (never 0).
# v2figure FIGURE METRIC FILE SCALE
v2figure() {
	if [ -e "/sys/kernel/debug/vswap/$3" ]; then
		check "$1 = vswap $3 x $4" \
			[ "$(metric "$2")" = $(( $(raw "/sys/kernel/debug/vswap/$3") * $4 )) ]
	else
		check "$1 missing: this kernel has no vswap $3" grep -qx \
			"swapstat_figure_missing{figure=\"$1\",reason=\"not_provided\"} 1" prom
	fi
}
v2figure ghost_metadata swapstat_ghost_metadata_bytes metadata_bytes 1
v2figure ghost_redirected_pages swapstat_ghost_redirected_bytes_total redirected $(( pagekb * 1024 ))
v2figure ghost_kept_cached_pages swapstat_ghost_kept_cached_bytes_total zswap_reject_cached \
	$(( pagekb * 1024 ))
check "nothing else reported missing" [ "$(grep '^swapstat_figure_missing{' prom |
	grep -vc 'figure="ghost_\(metadata\|redirected_pages\|kept_cached_pages\)"')" = 0 ]
check "the saved tree replays the same figures" \
	sh -c "swapstat --prometheus --sysroot $d | cmp -s - prom"
swap_off /dev/ghostswap || fail "swapoff"
info "done"
