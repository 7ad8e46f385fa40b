#!/bin/bash
# Turn the swapstat trees a VM run printed (tests/vm/scenarios/50-*) into
# fixtures for the host tests.
#
# Usage: tests/vm/capture-fixtures.sh CONSOLE_LOG [FIXTURES_DIR]
#
# Each block "@@SWAPSTAT-FIXTURE BEGIN <name> <sha256>" ... "END <name>" of
# the console log holds a base64 tar.gz of a swapstat --save tree; it is
# checked against its checksum and unpacked into
# FIXTURES_DIR/swapstat-vm-<name>/ (default tests/fixtures), replacing what
# was there. Kernel messages interleaved with the block are dropped (they
# are not base64 lines); a block they corrupted fails its checksum.
set -euo pipefail

log=${1:?usage: capture-fixtures.sh CONSOLE_LOG [FIXTURES_DIR]}
dest=${2:-$(cd "$(dirname "$0")/../.." && pwd)/tests/fixtures}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tr -d '\r' < "$log" | awk -v tmp="$tmp" '
	$1 == "@@SWAPSTAT-FIXTURE" && $2 == "BEGIN" {
		name = $3; sum = $4; out = tmp "/" name ".b64"
		printf "" > out
		print name, sum > (tmp "/index")
		next
	}
	$1 == "@@SWAPSTAT-FIXTURE" && $2 == "END" { close(out); name = ""; next }
	name != "" && /^[A-Za-z0-9+\/=]+$/ { print > out }
'
[ -f "$tmp/index" ] || { echo "capture-fixtures: no fixture blocks in $log" >&2; exit 1; }
rc=0
while read -r name sum; do
	base64 -d < "$tmp/$name.b64" > "$tmp/$name.tar.gz"
	if [ "$(sha256sum < "$tmp/$name.tar.gz" | cut -c1-64)" != "$sum" ]; then
		echo "capture-fixtures: $name: checksum mismatch (block corrupted in the log)" >&2
		rc=1
		continue
	fi
	rm -rf "${dest:?}/swapstat-vm-$name"
	mkdir -p "$dest/swapstat-vm-$name"
	tar xzf "$tmp/$name.tar.gz" -C "$dest/swapstat-vm-$name"
	echo "swapstat-vm-$name: $(find "$dest/swapstat-vm-$name" -type f | wc -l) files"
done < "$tmp/index"
exit $rc
