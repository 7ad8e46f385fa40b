#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Run every test of ghostswap-utils and print one final line
# "N passed, N failed":
#   1. host suite (make check in an ASan+UBSan, -Werror build): C unit tests,
#      fixture tests, man-page lint, completions, translation;
#   2. make distcheck (the release tarball builds and passes too), and the
#      libFuzzer targets for 10 s each (tests/fuzz/run.sh, with clang);
#   3. make install beside util-linux (tests/install/check.sh);
#   4. the Debian package: built from the release tarball, lintian, installed
#      and purged in a Debian chroot (tests/deb/check.sh);
#   5. the VM suite: the bundled Linux 7.3 kernel (patched, unpatched and
#      debug variants) booted under QEMU, with the suite's scenarios run
#      inside (tests/vm/check.sh);
#   6. the systemd boot tests: a Debian system with systemd as PID 1 and the
#      package installed, booted on the patched and stock kernels
#      (tests/vm/systemd/check.sh).
# Dependencies are installed first (scripts/install-deps.sh). Kernel builds
# are cached in ${GHOSTSWAP_CACHE:-~/.cache/ghostswap-utils}; nothing
# depends on that cache being there.
#   GHOSTSWAP_SKIP_VM=1     run only the host parts (1 to 3)
# Parts 4 and 6 need root (sudo otherwise) and Debian's archive (the root
# file system is built with mmdebstrap once and cached beside the kernels).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
logs=${GHOSTSWAP_BUILD:-$top/build}/logs
mkdir -p "$logs"

total_pass=0 total_fail=0 total_skip=0
summary=()

# count SUITE LOG: add the "N passed, N failed[, N skipped]" line of LOG
count() {
	local line p f s
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
	if [ -z "$line" ]; then
		echo "check-all: $1 printed no result line: counted as one failure"
		total_fail=$((total_fail + 1))
		summary+=("$1: no result (see $2)")
		return
	fi
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
	s=$(echo "$line" | sed -nE 's/.*, ([0-9]+) skipped.*/\1/p')
	total_pass=$((total_pass + p)) total_fail=$((total_fail + f)) total_skip=$((total_skip + ${s:-0}))
	summary+=("$1: $line")
}

# single SUITE STATUS: a check that is one test
single() {
	if [ "$2" -eq 0 ]; then
		echo "PASS: $1"
		total_pass=$((total_pass + 1))
		summary+=("$1: passed")
	else
		echo "FAIL: $1"
		total_fail=$((total_fail + 1))
		summary+=("$1: FAILED")
	fi
}

echo "== dependencies"
scripts/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

echo "== host build (-Werror, ASan, UBSan)"
if hostdir=$(scripts/build.sh host | tail -n 1); then
	single build/host 0
	echo "== host tests"
	make -C "$hostdir" check 2>&1 | tee "$logs/host.log" | grep -E '^(PASS|FAIL|SKIP)|^    '
	count host "$logs/host.log"

	echo "== make distcheck"
	make -C "$hostdir" distcheck >"$logs/distcheck.log" 2>&1
	rc=$?
	[ $rc -eq 0 ] || tail -n 30 "$logs/distcheck.log"
	single distcheck $rc
else
	single build/host 1
fi

# libFuzzer targets, 10 s each (tests/fuzz/run.sh; 1 to 3 minutes with the build)
if command -v clang >/dev/null; then
	echo "== fuzzing (tests/fuzz/run.sh, 10 s a target)"
	tests/fuzz/run.sh 2>&1 | tee "$logs/fuzz.log" | grep -E '^(PASS|FAIL|    )'
	count fuzz "$logs/fuzz.log"
else
	echo "== fuzzing skipped: no clang"
fi

# as root, or through sudo: chroots, dpkg and mmdebstrap need it
asroot() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	else
		sudo -E "$@"
	fi
}
# took SINCE: minutes and seconds since SINCE (from $SECONDS)
took() { printf '%dm%02ds' $(( (SECONDS - $1) / 60 )) $(( (SECONDS - $1) % 60 )); }

echo "== install beside util-linux (make install, uninstall, configure's directories)"
t=$SECONDS
if dest=$(scripts/build.sh vm | tail -n 1); then
	tests/install/check.sh "$(dirname "$dest")" 2>&1 | tee "$logs/install.log"
	count install "$logs/install.log"
else
	single build/vm 1
	dest=
fi
echo "check-all: install tests took $(took $t)"

if [ "${GHOSTSWAP_SKIP_VM:-0}" = 1 ]; then
	echo "== Debian package, VM suite and systemd boot tests skipped (GHOSTSWAP_SKIP_VM=1)"
elif [ ! -x tests/vm/check.sh ]; then
	echo "== VM suite: tests/vm/check.sh missing"
	single vm/harness 1
else
	echo "== Debian package (build from the release tarball, lintian, install and purge in a chroot)"
	t=$SECONDS
	deb=
	tarball=$(ls "${hostdir:-/nonexistent}"/ghostswap-utils-*.tar.xz 2>/dev/null | tail -n 1)
	if [ -n "$tarball" ]; then
		asroot tests/deb/check.sh --tarball "$tarball" -o "${GHOSTSWAP_BUILD:-$top/build}/deb" 2>&1 |
			tee "$logs/deb.log" | grep -E '^(PASS|FAIL)|^    |passed, '
		count deb "$logs/deb.log"
		deb=$(ls "${GHOSTSWAP_BUILD:-$top/build}"/deb/ghostswap-utils_*.deb 2>/dev/null | head -n 1)
	else
		single deb/tarball 1
	fi
	echo "check-all: Debian package took $(took $t)"

	if [ -n "$dest" ]; then
		echo "== VM suite"
		GHOSTSWAP_TOOLS_DIR=$dest tests/vm/check.sh 2>"$logs/vm.err" | tee "$logs/vm.log"
		[ -s "$logs/vm.err" ] && tail -n 20 "$logs/vm.err"
		count vm "$logs/vm.log"
	fi

	echo "== systemd boot tests (Debian 12, systemd as PID 1, the package installed)"
	t=$SECONDS
	if [ -n "$deb" ]; then
		install=(--deb "$deb")
	else
		# without a package, the make install tree: the boot is still tested
		install=(--tools "$dest")
	fi
	asroot tests/vm/systemd/check.sh "${install[@]}" 2>"$logs/systemd.err" | tee "$logs/systemd.log"
	[ -s "$logs/systemd.err" ] && tail -n 20 "$logs/systemd.err"
	count vm-systemd "$logs/systemd.log"
	echo "check-all: systemd boot tests took $(took $t)"
fi

echo
echo "== summary"
printf '  %s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ $total_fail -eq 0 ]
