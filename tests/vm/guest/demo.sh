# The guest side of tests/vm/demo.sh (busybox sh).
. "$GS_DIR/lib.sh"

say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; }

echo "=== ghost swap demo on $(uname -r), $(mem_total_mb) MiB RAM ==="
if [ -n "$GS_MKSWAP" ]; then
	run "$GS_MKSWAP" --ghost --size 1G /tmp/gs/ghost.swap
else
	echo "(the project's mkswap is not installed: util-linux mkswap + truncate)"
	make_ghost_file /tmp/gs/ghost.swap 1G
fi
run ls -l /tmp/gs/ghost.swap
if [ -n "$GS_GHOSTSWAPON" ]; then
	run "$GS_GHOSTSWAPON" /tmp/gs/ghost.swap ||
		{ echo "(ghostswapon failed, using swapon(2))"; swap_on /tmp/gs/ghost.swap; }
else
	say "swapon /tmp/gs/ghost.swap"
	swap_on /tmp/gs/ghost.swap
fi
run cat /proc/swaps

report() {
	if [ -n "$GS_SWAPSTAT" ]; then
		run "$GS_SWAPSTAT"
	else
		run cat /proc/swaps
		say "grep . /sys/kernel/debug/vswap/*"
		grep . /sys/kernel/debug/vswap/*
		say "grep -E 'Swap|Zswap' /proc/meminfo"
		grep -E 'Swap|Zswap' /proc/meminfo
	fi
}

size=$(( $(mem_total_mb) * 3 / 2 ))
say "memhog -p mixed $size   # 1.5 x RAM: compressible, text, zero and random pages"
rm -f ready
"$GS_DIR/bin/memhog" -p mixed -w ready "$size" &
hog=$!
while [ ! -e ready ]; do sleep 1; done
report
say "grep -E '^(pswpout|zswpout|swpout_zero)' /proc/vmstat   # pswpout stays 0: no disk I/O"
grep -E '^(pswpout|zswpout|swpout_zero)' /proc/vmstat
say "kill -USR1 memhog   # it reads every page back and checks it"
kill -USR1 $hog
wait $hog
report
say "swapoff /tmp/gs/ghost.swap"
if [ -n "$GS_GHOSTSWAPOFF" ]; then "$GS_GHOSTSWAPOFF" /tmp/gs/ghost.swap; else swap_off /tmp/gs/ghost.swap; fi
run cat /proc/swaps
echo "=== end of demo ==="
