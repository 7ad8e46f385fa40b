#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run by gs-boottest.service at the end of the boot. Prints one
# "PASS: NAME" or "FAIL: NAME (why)" line per check to the console and to
# the second serial port (the host reads that one), then "@@GS DONE".
# gs.variant=ghost|ghost-nozswap|stock on the kernel command line says what
# to expect.
variant=unknown
for arg in $(cat /proc/cmdline); do
	case $arg in gs.variant=*) variant=${arg#gs.variant=} ;; esac
done
R=/dev/ttyS1
[ -c $R ] && stty -F $R raw 2>/dev/null || R=/dev/null
say() { echo "$*" > /dev/console; echo "$*" > $R; }
pass() { say "PASS: $1"; }
fail() { say "FAIL: $1 (${2:-})"; }
check() { # check NAME CMD...: PASS if CMD succeeds
	name=$1
	shift
	if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(echo "$out" | tr '\n' ' ' | cut -c1-300)"; fi
}
equal() { # equal NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}
say "@@GS BOOTED $(uname -r) $variant"

# The boot is over when no job but ours is left (ours keeps the system in
# "starting", so is-system-running cannot tell).
i=0
while [ $i -lt 300 ]; do
	jobs=$(systemctl list-jobs --no-legend 2>/dev/null | grep -v gs-boottest.service)
	[ -z "$jobs" ] && break
	sleep 1
	i=$((i + 1))
done
equal boot-finished "" "$jobs"

# one line per area of /proc/swaps: "NAME TYPE PRIO"
swaps() { tail -n +2 /proc/swaps | while read -r n t _ _ p; do echo "$n $t $p"; done | sort; }
prio_of() { swaps | while read -r n _ p; do [ "$n" = "$1" ] && echo "$p"; done; }
mode_size() { stat -c '%a %s %U' "$1" 2>&1; }
journal() { journalctl -q -b -o cat -t ghostswap-generator 2>&1; }
# warnings and errors of this boot about swap, our units, mkswap
warnings() {
	journalctl -q -b -p warning -o cat 2>&1 | grep -iE 'ghostswap|swapstat|mkswap|swap|tier' |
		grep -v '^[A-Z]*: ' || true
}

equal no-failed-units "" "$(systemctl --failed --no-legend --plain 2>&1)"
equal swap.target "active" "$(systemctl is-active swap.target)"
equal multi-user.target "active" "$(systemctl is-active multi-user.target)"

# the checks of a boot with every area of fstab active (ghost kernel, zswap on)
all_active() { # all_active SUFFIX
	vdb2=$(readlink -f /dev/disk/by-label/gstier)
	auto=$(prio_of "$vdb2")
	equal "proc-swaps$1" "$(printf '%s\n' \
		"/dev/ghostswap ghost 100" \
		"/dev/vdb1 partition 5" \
		"$vdb2 partition $auto" \
		"/var/swap/ghost ghost 50" \
		"/var/swap/ghost2 ghost 200" | sort)" "$(swaps)"
	check "automatic-priority-below-0$1" test "${auto:-0}" -lt 0
	equal "ghost-file-created$1" "600 4096 root" "$(mode_size /var/swap/ghost)"
	equal "ghost2-file-created$1" "600 4096 root" "$(mode_size /var/swap/ghost2)"
	equal "tier-table$1" "$(printf '%-16s %-5s %-11s %s\n' Name Idx PrioStart PrioEnd \
		fast 1 200 32767 slow 0 -1 199)" "$(cat /sys/kernel/mm/swap/tiers)"
	equal "tiers-of-areas$1" "$(printf '%s\n' "/dev/ghostswap slow" "/dev/vdb1 slow" \
		"$vdb2 slow" "/var/swap/ghost slow" "/var/swap/ghost2 fast" | sort)" \
		"$(ghostswapon --show=NAME,TIER --noheadings --raw | sort)"
	for u in ghostswap-mkswap@var-swap-ghost.service ghostswap-mkswap@var-swap-ghost2.service \
		ghostswap-tiers.service; do
		# ran (its condition held: the file was missing) and succeeded
		equal "$u$1" "condition=yes result=success status=0" "$(ran $u)"
	done
	equal "no-failed-units$1" "" "$(systemctl --failed --no-legend --plain 2>&1)"
}
# a oneshot's outcome
ran() {
	echo "condition=$(systemctl show -p ConditionResult --value "$1") result=$(systemctl show \
		-p Result --value "$1") status=$(systemctl show -p ExecMainStatus --value "$1")"
}
inactive() { systemctl is-active "$@" | tr '\n' ' ' | sed 's/ $//'; }
NOGHOST="the running kernel has no ghost swap (/sys/module/ghostswap/parameters is missing): not activating /dev/ghostswap, /var/swap/ghost, /var/swap/ghost2"
NOTIERS="the running kernel has no swap tiers (/sys/kernel/mm/swap/tiers is missing): not activating LABEL=gstier"
NOZSWAP="zswap is disabled (/sys/module/zswap/parameters/enabled is N), and ghost swap needs it: not activating /dev/ghostswap, /var/swap/ghost, /var/swap/ghost2 (boot with zswap.enabled=1)"

case $variant in
ghost)
	all_active ""
	equal by-label-is-vdb2 /dev/vdb2 "$vdb2"
	equal ghost-device-unit "active" "$(systemctl is-active dev-ghostswap.device)"
	# nothing from the generator; the tiers unit (the same program) says what it made
	equal generator-journal "created swap tiers: +slow:-1 +fast:200" "$(journal)"
	equal no-swap-warnings "" "$(warnings)"
	;;
ghost-nozswap)
	# zswap.enabled=0: the kernel would refuse the ghost areas, so the
	# generator keeps them out; the disk areas and their tier come up
	equal zswap-disabled N "$(cat /sys/module/zswap/parameters/enabled)"
	vdb2=$(readlink -f /dev/disk/by-label/gstier)
	auto=$(prio_of "$vdb2")
	equal proc-swaps "$(printf '%s\n' "/dev/vdb1 partition 5" "$vdb2 partition $auto" | sort)" \
		"$(swaps)"
	check ghost-file-not-created test ! -e /var/swap/ghost
	check ghost2-file-not-created test ! -e /var/swap/ghost2
	equal ghost-units-skipped "inactive inactive inactive" \
		"$(inactive dev-ghostswap.swap var-swap-ghost.swap var-swap-ghost2.swap)"
	equal tier-table "$(printf '%-16s %-5s %-11s %s\n' Name Idx PrioStart PrioEnd \
		slow 0 -1 32767)" "$(cat /sys/kernel/mm/swap/tiers)"
	equal tiers-unit "condition=yes result=success status=0" "$(ran ghostswap-tiers.service)"
	equal ghost-device-unit "active" "$(systemctl is-active dev-ghostswap.device)"
	equal generator-journal "$(printf '%s\n' "$NOZSWAP" "created swap tiers: +slow:-1")" \
		"$(journal)"
	equal swap-warnings "$NOZSWAP" "$(warnings)"
	# zswap turned on later: daemon-reload runs the generator again, which
	# now lets the ghost entries in (and sets up the tier they add)
	echo 1 > /sys/module/zswap/parameters/enabled
	check daemon-reload systemctl daemon-reload
	check start-swap.target systemctl start swap.target
	all_active -after-reload
	;;
stock)
	equal proc-swaps "/dev/vdb1 partition 5" "$(swaps)"
	check ghost-file-not-created test ! -e /var/swap/ghost
	check ghost2-file-not-created test ! -e /var/swap/ghost2
	equal ghost-units-skipped "inactive inactive inactive inactive" \
		"$(inactive dev-ghostswap.swap var-swap-ghost.swap var-swap-ghost2.swap \
			'dev-disk-by\x2dlabel-gstier.swap')"
	equal generator-journal "$(printf '%s\n' "$NOGHOST" "$NOTIERS")" "$(journal)"
	# one line per missing feature, and nothing else about swap
	equal swap-warnings "$(journal)" "$(warnings)"
	;;
*)
	fail variant "gs.variant=$variant: expected ghost, ghost-nozswap or stock"
	;;
esac

# util-linux's mkswap stays reachable when ours replaced it (the package
# diverts it; a plain install leaves it as it is)
if dpkg-divert --list /sbin/mkswap 2>/dev/null | grep -q ghostswap-utils; then
	check mkswap-diverted grep -q ghostswap-utils /sbin/mkswap
	check util-linux-mkswap-kept /sbin/mkswap.util-linux --version
fi

# swapstat for node_exporter: shipped disabled; run once, written whole
P=/var/lib/prometheus/node-exporter
equal textfile-timer-disabled disabled "$(systemctl is-enabled swapstat-textfile.timer 2>&1)"
check textfile-service systemctl start swapstat-textfile.service
check textfile-written grep -q '^# TYPE swapstat_' $P/swapstat.prom
check textfile-has-vdb1 grep -q 'device="/dev/vdb1"' $P/swapstat.prom
equal textfile-no-leftovers "swapstat.prom" "$(ls -A $P | tr '\n' ' ' | sed 's/ $//')"
equal textfile-mode "644" "$(stat -c %a $P/swapstat.prom 2>&1)"
check textfile-timer systemctl start swapstat-textfile.timer
equal textfile-timer-active active "$(systemctl is-active swapstat-textfile.timer)"

say "@@GS DONE"
