# shellcheck shell=sh
# Sourced by the bench guest scripts after lib.sh: swap on and off the
# devices they compare, lz4 for zram and zswap alike.
#   bench_dev_on DEV SIZE   DEV zram, ghost (SIZE like 256M) or disk
#   bench_dev_off DEV
ZE=/sys/module/zswap/parameters/enabled
ZRAM=/sys/block/zram0
bench_dev_on() {
	case $1 in
	zram)
		echo N > $ZE
		echo lz4 > $ZRAM/comp_algorithm
		echo "$2" > $ZRAM/disksize
		"$GS_UL/mkswap" /dev/zram0 > /dev/null
		swap_on /dev/zram0 ;;
	ghost)
		echo Y > $ZE
		echo "$2" > /sys/module/ghostswap/parameters/size
		swap_on /dev/ghostswap ;;
	disk)
		echo Y > $ZE
		swap_on "$GS_DISK" ;;
	esac
}
bench_dev_off() {
	case $1 in
	zram) swap_off /dev/zram0; echo 1 > $ZRAM/reset ;;
	ghost) swap_off /dev/ghostswap ;;
	disk) swap_off "$GS_DISK" ;;
	esac
}
