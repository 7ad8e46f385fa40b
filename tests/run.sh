#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The host test runner: C unit tests and expected-output shell tests.
#
#   tests/run.sh [--srcdir DIR] [--builddir DIR] [PATTERN...]
#
# Unit tests are the tests/unit/test_* programs in the build tree. Shell
# tests are tests/ts/<component>/<name>; each runs in a fresh temporary
# directory and its combined stdout and stderr, with that directory and the
# source and build trees replaced by <tmp>, <src> and <build>, must equal
# tests/expected/<component>/<name> byte for byte. Exit status 77 skips.
# PATTERNs select tests whose <component>/<name> matches a glob.
# --update writes each shell test's actual output over its expected file:
# review every changed line with git diff before committing it.
set -u

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$PWD
update=no
while [ $# -gt 0 ]; do
	case $1 in
	--srcdir) srcdir=$(cd "$2" && pwd); shift 2 ;;
	--builddir) builddir=$(cd "$2" && pwd); shift 2 ;;
	--update) update=yes; shift ;;
	--) shift; break ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
patterns=("$@")

passed=0 failed=0 skipped=0
failures=()

selected() {
	local p
	[ ${#patterns[@]} -eq 0 ] && return 0
	for p in "${patterns[@]}"; do
		# shellcheck disable=SC2053
		[[ $1 == $p ]] && return 0
	done
	return 1
}

result() {
	local status=$1 name=$2
	case $status in
	PASS) passed=$((passed + 1)) ;;
	FAIL) failed=$((failed + 1)); failures+=("$name") ;;
	SKIP) skipped=$((skipped + 1)) ;;
	esac
	echo "$status: $name${3:+ ($3)}"
}

export LC_ALL=C TZ=UTC
unset LANGUAGE LOCK_BLOCK_DEVICE
export TS_SRCDIR=$srcdir TS_BUILDDIR=$builddir
export TS_FIXTURES=$srcdir/tests/fixtures
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}

# C unit tests
for t in "$builddir"/tests/unit/test_*; do
	[ -x "$t" ] && [ -f "$t" ] || continue
	name=unit/$(basename "$t")
	selected "$name" || continue
	if out=$("$t" 2>&1); then
		result PASS "$name"
	else
		result FAIL "$name"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

# expected-output tests
tmproot=$(mktemp -d "${TMPDIR:-/tmp}/ghostswap-tests.XXXXXX")
trap 'rm -rf "$tmproot"' EXIT
for t in "$srcdir"/tests/ts/*/*; do
	[ -f "$t" ] || continue
	comp=$(basename "$(dirname "$t")")
	name=$comp/$(basename "$t")
	selected "$name" || continue
	expected=$srcdir/tests/expected/$name
	tmp=$tmproot/$comp-$(basename "$t")
	mkdir -p "$tmp"
	(cd "$tmp" && TS_TMPDIR=$tmp bash "$srcdir/tests/functions.sh" "$t") >"$tmp.out" 2>&1
	rc=$?
	# tests/ is source; in an in-tree build (dh, ./configure && make check)
	# the two trees are one directory, so name the source part first
	sed -i -e "s|$tmp|<tmp>|g" -e "s|$srcdir/tests/|<src>/tests/|g" \
		-e "s|$builddir|<build>|g" -e "s|$srcdir|<src>|g" "$tmp.out"
	if [ $update = yes ] && [ $rc -ne 77 ]; then
		mkdir -p "$(dirname "$expected")"
		cp "$tmp.out" "$expected"
	fi
	if [ $rc -eq 77 ]; then
		result SKIP "$name" "$(tail -n 1 "$tmp.out")"
	elif [ $rc -ne 0 ]; then
		result FAIL "$name" "exit status $rc"
		sed 's/^/    /' "$tmp.out" | tail -n 40
	elif [ ! -f "$expected" ]; then
		result FAIL "$name" "no expected output tests/expected/$name"
		sed 's/^/    /' "$tmp.out" | head -n 40
	elif diff -u "$expected" "$tmp.out" >"$tmp.diff"; then
		result PASS "$name"
	else
		result FAIL "$name" "output differs"
		sed 's/^/    /' "$tmp.diff" | head -n 60
	fi
done

if [ $failed -gt 0 ]; then
	echo
	echo "Failed tests:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
