#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Install, with apt-get, every Debian package that building and testing
# ghostswap-utils needs: the suite's own build dependencies plus the kernel
# build's (kernel/deps.txt). Does nothing when all are installed already.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

pkgs=(
	build-essential autoconf automake autopoint libtool pkg-config gettext
	libmount-dev libblkid-dev libsmartcols-dev libcap-ng-dev uuid-dev
	util-linux fdisk e2fsprogs bash-completion mandoc man-db locales
	python3 jq python3-prometheus-client hyperfine bc clang-format strace
	bsdextrautils
	# the fuzz targets and the clang sanitizer build (tests/fuzz/run.sh)
	clang libclang-rt-14-dev
	# the generator's tests (systemd-analyze, systemd-escape), the Debian
	# package (debhelper, lintian) and the systemd boot tests (mmdebstrap)
	systemd debhelper dpkg-dev lintian mmdebstrap
)
if [ -f "$top/kernel/deps.txt" ]; then
	while read -r p; do
		case $p in '' | '#'*) continue ;; esac
		pkgs+=("$p")
	done <"$top/kernel/deps.txt"
fi

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed ||
		missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#pkgs[@]} packages present"
	exit 0
fi

sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "install-deps: need root to install: ${missing[*]}" >&2
		exit 1
	}
	sudo=sudo
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
