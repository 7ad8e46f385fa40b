#!/bin/bash
# Runs one shell test (the first argument) with the helpers below defined.
# A test prints what it checks; the runner compares that with
# tests/expected. Print exit codes ("rc=N") so error paths are compared too.

TS_CMD_MKSWAP=$TS_BUILDDIR/mkswap
TS_CMD_GHOSTSWAPON=$TS_BUILDDIR/ghostswapon
TS_CMD_GHOSTSWAPOFF=$TS_BUILDDIR/ghostswapoff
TS_CMD_SWAPSTAT=$TS_BUILDDIR/swapstat
export TS_CMD_MKSWAP TS_CMD_GHOSTSWAPON TS_CMD_GHOSTSWAPOFF TS_CMD_SWAPSTAT

# ts_skip REASON: this test cannot run here.
ts_skip() {
	echo "$*"
	exit 77
}

# ts_need_cmd CMD...: skip unless every command exists.
ts_need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || ts_skip "$c not installed"
	done
}

# ts_run CMD ARGS...: run, then print "rc=N".
ts_run() {
	"$@"
	echo "rc=$?"
}

# ts_hexhdr FILE [OFFSET]: the swap header fields of FILE, as hex dump lines.
ts_hexhdr() {
	od -A d -t x1 -j $((${2:-0} + 1024)) -N 48 "$1"
}

# ts_sha FILE: content hash, to show that a file did not change.
ts_sha() {
	sha256sum <"$1" | cut -c1-16
}

set -u
# shellcheck disable=SC1090
. "$1"
