# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by tests/fuzz/run.sh and tests/ts/fuzz/regressions: the targets
# (one tests/fuzz/fuzz_<name>.c each) and the fixture files each one parses.
# $top is the source tree.

fuzz_targets() {
	local f
	for f in "$top"/tests/fuzz/fuzz_*.c; do
		f=${f##*/fuzz_}
		echo "${f%.c}"
	done | LC_ALL=C sort
}

# fuzz_fixture_seeds TARGET DIR: fixture files that are inputs of TARGET;
# for sysroot, each fixture tree made into one input in DIR (tree2seed.py)
fuzz_fixture_seeds() {
	local d
	case $1 in
	sysroot)
		for d in "$top"/tests/fixtures/*/; do
			[ -d "$d/proc" ] || [ -d "$d/sys" ] || continue
			d=${d%/}
			python3 "$top/tests/fuzz/tree2seed.py" "$d" "$2/tree-${d##*/}" && echo "$2/tree-${d##*/}"
		done
		;;
	swaps) find "$top/tests/fixtures" -path '*/proc/swaps' -type f ;;
	tiers) find "$top/tests/fixtures" -path '*/sys/kernel/mm/swap/tiers' -type f ;;
	kvfile) find "$top/tests/fixtures" \( -path '*/proc/meminfo' -o -path '*/proc/vmstat' \) -type f ;;
	esac | sort
}
