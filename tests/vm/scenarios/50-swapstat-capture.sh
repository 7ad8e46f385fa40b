#!/bin/sh
# variants: ghost stock
# Captures what swapstat reads (swapstat --save, for the default view,
# --cgroups and --counters) in the states the host tests replay: idle; on
# the ghost kernel also ghost swap only under memory pressure, pages zswap
# refused and retried, and ghost plus a real disk under pressure; on the
# stock kernel the disk under pressure. Each saved tree goes to the console
# as a base64 tar between
# "@@SWAPSTAT-FIXTURE BEGIN <name>" and "@@SWAPSTAT-FIXTURE END <name>";
# tests/vm/capture-fixtures.sh turns a console log into tests/fixtures/.
. "$GS_DIR/lib.sh"

command -v swapstat > /dev/null || skip "swapstat is not installed in the VM"
kver=$(uname -r)
# fixtures are named after the kernel: patched (the series) or stock
kname=$GS_VARIANT
[ "$kname" = ghost ] && kname=patched

# capture NAME: save the three views and print the tree
capture() {
	d=/tmp/gs/cap/$1
	rm -rf "$d"
	swapstat --save "$d" > /dev/null || fail "swapstat --save ($1)"
	swapstat --cgroups --output-all --save "$d" > /dev/null ||
		fail "swapstat --cgroups --save ($1)"
	swapstat --counters --save "$d" > /dev/null || fail "swapstat --counters --save ($1)"
	echo "$GS_VARIANT $kver" > "$d/README.capture"
	swapstat
	(cd "$d" && tar cf - .) | gzip -9 > "$d.tar.gz"
	echo "@@SWAPSTAT-FIXTURE BEGIN $kname-$1 $(sha256sum < "$d.tar.gz" | cut -c1-64)"
	base64 < "$d.tar.gz"
	echo "@@SWAPSTAT-FIXTURE END $kname-$1"
}

# hold SIZE_MB PATTERN: a memhog that keeps its pages until killed
hold() {
	rm -f ready
	run_memhog -p "$2" -s 5 -w ready "$1" &
	hog=$!
	while [ ! -e ready ]; do
		kill -0 $hog 2> /dev/null || { wait $hog; fail "memhog died while filling (exit $?)"; }
		sleep 1
	done
}

release() {
	# the ready file holds memhog's pid ($hog is the subshell running it)
	kill -USR1 "$(cat ready)"
	wait $hog || fail "memhog found corrupted pages (exit $?)"
}

# a cgroup with limits, so the cgroup view has more than the root
if [ -e /sys/fs/cgroup/cgroup.subtree_control ]; then
	echo +memory > /sys/fs/cgroup/cgroup.subtree_control 2> /dev/null
	mkdir -p /sys/fs/cgroup/swapstat-test
	echo 64M > /sys/fs/cgroup/swapstat-test/memory.swap.max 2> /dev/null
	echo 16M > /sys/fs/cgroup/swapstat-test/memory.zswap.max 2> /dev/null
fi

capture idle
ram=$(mem_total_mb)

if is_ghost_kernel; then
	swap_on -p 100 /dev/ghostswap || fail "swapon /dev/ghostswap"
	hold $(( ram * 3 / 2 )) mixed
	capture ghost-pressure
	release
	# pages zswap refused (random data), counted once, then retried
	rm -f ready
	"$PAGEHOG" -t nohuge -p random -s 50 16 fill pageout pageout wait=ready verify > /dev/null &
	hog=$!
	wait_ready ready $hog
	capture ghost-refused
	resume $hog
	wait $hog || fail "pagehog found corrupted pages (exit $?)"
	[ -b "${GS_DISK:-}" ] || { info "no scratch disk: ghost+disk not captured"; exit 0; }
	# a small ghost device first in line, so that the disk takes the rest
	swap_off /dev/ghostswap || fail "swapoff /dev/ghostswap"
	echo 96M > /sys/module/ghostswap/parameters/size || fail "ghostswap.size"
	swap_on -p 100 /dev/ghostswap || fail "swapon /dev/ghostswap (96M)"
	"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
	swap_on -p 5 "$GS_DISK" || fail "swapon $GS_DISK"
	echo 10 > /sys/module/zswap/parameters/max_pool_percent
	hold $(( ram * 3 / 2 )) mixed
	capture ghost-disk-pressure
	release
else
	[ -b "${GS_DISK:-}" ] || { info "no scratch disk: disk pressure not captured"; exit 0; }
	"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
	swap_on "$GS_DISK" || fail "swapon $GS_DISK"
	hold $(( ram * 3 / 2 )) mixed
	capture disk-pressure
	release
fi
rmdir /sys/fs/cgroup/swapstat-test 2> /dev/null
exit 0
