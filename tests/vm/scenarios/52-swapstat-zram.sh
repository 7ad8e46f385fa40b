#!/bin/sh
# variants: ghost
# Captures what swapstat reads with a real zram swap device (lz4), for the
# host tests: zram alone under memory pressure with zswap off and part of
# it written back to the scratch disk (its backing device), then zram
# beside a ghost device and a disk, zswap on. Printed as in
# 50-swapstat-capture; tests/vm/capture-fixtures.sh turns the console log
# into tests/fixtures/swapstat-vm-patched-zram*.
. "$GS_DIR/lib.sh"

command -v swapstat > /dev/null || skip "swapstat is not installed in the VM"
zr=/sys/block/zram0
[ -d $zr ] && [ -b /dev/zram0 ] || skip "no /dev/zram0 (CONFIG_ZRAM)"
kver=$(uname -r)

capture() {
	d=/tmp/gs/cap/$1
	rm -rf "$d"
	swapstat --save "$d" > /dev/null || fail "swapstat --save ($1)"
	swapstat --counters --save "$d" > /dev/null || fail "swapstat --counters --save ($1)"
	echo "$GS_VARIANT $kver, $2" > "$d/README.capture"
	swapstat -o +WHERE,ZRAM-MEM
	(cd "$d" && tar cf - .) | gzip -9 > "$d.tar.gz"
	echo "@@SWAPSTAT-FIXTURE BEGIN patched-$1 $(sha256sum < "$d.tar.gz" | cut -c1-64)"
	base64 < "$d.tar.gz"
	echo "@@SWAPSTAT-FIXTURE END patched-$1"
}

hold() {
	rm -f ready
	run_memhog -p mixed -m 4:1:2:2 -s 7 -w ready "$1" &
	hog=$!
	while [ ! -e ready ]; do
		kill -0 $hog 2> /dev/null || { wait $hog; fail "memhog died while filling (exit $?)"; }
		sleep 1
	done
}

release() {
	kill -USR1 "$(cat ready)"
	wait $hog || fail "memhog found corrupted pages (exit $?)"
}

zram_setup() { # SIZE [BACKING]
	echo 1 > $zr/reset
	echo lz4 > $zr/comp_algorithm || fail "zram comp_algorithm lz4"
	if [ -n "${2:-}" ]; then
		echo "$2" > $zr/backing_dev || fail "zram backing_dev $2"
	fi
	echo "$1" > $zr/disksize || fail "zram disksize $1"
	"$GS_UL/mkswap" /dev/zram0 > /dev/null || fail "mkswap /dev/zram0"
}

ram=$(mem_total_mb)

# zram alone, zswap off, writeback to the scratch disk when there is one
echo N > /sys/module/zswap/parameters/enabled
zram_setup 256M "${GS_DISK:-}"
swap_on -p 100 /dev/zram0 || fail "swapon /dev/zram0"
hold $(( ram * 5 / 4 ))
if [ -n "${GS_DISK:-}" ]; then
	echo all > $zr/idle && echo idle > $zr/writeback ||
		info "zram writeback of idle pages failed"
fi
info "mm_stat $(cat $zr/mm_stat); bd_stat $(cat $zr/bd_stat 2> /dev/null)"
capture zram "zram0 256M lz4 alone, zswap off, idle pages written back to ${GS_DISK:-nothing}"
release
swap_off /dev/zram0 || fail "swapoff /dev/zram0"

# zram first, then a small ghost device, then the disk; zswap on
echo Y > /sys/module/zswap/parameters/enabled
echo 10 > /sys/module/zswap/parameters/max_pool_percent
zram_setup 64M
swap_on -p 100 /dev/zram0 || fail "swapon /dev/zram0"
echo 96M > /sys/module/ghostswap/parameters/size || fail "ghostswap.size"
swap_on -p 50 /dev/ghostswap || fail "swapon /dev/ghostswap"
if [ -b "${GS_DISK:-}" ]; then
	"$GS_UL/mkswap" "$GS_DISK" > /dev/null || fail "mkswap $GS_DISK"
	swap_on -p 5 "$GS_DISK" || fail "swapon $GS_DISK"
fi
hold $(( ram * 3 / 2 ))
capture zram-ghost-disk "zram0 64M (prio 100), /dev/ghostswap 96M (prio 50), ${GS_DISK:-no disk} (prio 5), zswap on"
release
swap_off /dev/zram0
swap_off /dev/ghostswap
[ -b "${GS_DISK:-}" ] && swap_off "$GS_DISK"
echo 1 > $zr/reset
exit 0
