#!/bin/bash
# Fetch Debian's linux-source-7.3 package with a private apt state (the
# system's apt configuration is left untouched), let apt verify it against
# the signed trixie-backports index, check its SHA256 against that index
# again, and extract the kernel tree into the ghostswap-utils cache.
#
# Usage: kernel/fetch-source.sh
# Prints the path of the extracted, pristine source tree as the last line
# of stdout.  Everything else goes to stderr.
#
# Environment:
#   GHOSTSWAP_CACHE           cache directory
#                             (default ${XDG_CACHE_HOME:-$HOME/.cache}/ghostswap-utils)
#   GHOSTSWAP_KERNEL_VERSION  preferred package version (default 7.3.4-1~bpo13+1);
#                             a newer 7.3.x is accepted when it is gone
set -euo pipefail

PKG=linux-source-7.3
PREFERRED=${GHOSTSWAP_KERNEL_VERSION:-7.3.4-1~bpo13+1}
KEYRING=/usr/share/keyrings/debian-archive-trixie-automatic.gpg
MIRROR=${GHOSTSWAP_DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${GHOSTSWAP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ghostswap-utils}
D=$CACHE/apt

log() { echo "fetch-source: $*" >&2; }
die() { log "error: $*"; exit 1; }

[ -r "$KEYRING" ] || die "missing $KEYRING (install debian-archive-keyring)"
command -v apt-get >/dev/null || die "apt-get not found"

mkdir -p "$D"/{lists/partial,cache/archives/partial,etc,dl} "$CACHE/src"
echo "deb [signed-by=$KEYRING] $MIRROR trixie-backports main" > "$D/etc/sources.list"
A=(-o "Dir::Etc::sourcelist=$D/etc/sources.list" -o "Dir::Etc::sourceparts=-"
   -o "Dir::State::Lists=$D/lists" -o "Dir::Cache=$D/cache")

# A deb already downloaded and verified earlier is reused without network.
find_verified() {
	local f
	for f in "$D"/dl/"${PKG}"_*_all.deb; do
		[ -e "$f.verified" ] && [ -e "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

pick_version() {
	# Candidate versions known to the private index, newest first.
	local versions
	versions=$(apt-cache "${A[@]}" madison "$PKG" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}')
	if grep -qxF "$PREFERRED" <<<"$versions"; then
		echo "$PREFERRED"
		return 0
	fi
	local v
	v=$(grep -E '^7\.3\.' <<<"$versions" | head -n1 || true)
	[ -n "$v" ] || return 1
	log "version $PREFERRED is gone from the archive, using $v"
	echo "$v"
}

deb=$(find_verified || true)
if [ -z "$deb" ]; then
	log "updating private apt index in $D"
	apt-get "${A[@]}" -q update >&2 || die "apt-get update failed"
	ver=$(pick_version) || die "no $PKG 7.3.x in trixie-backports"
	want=$(apt-cache "${A[@]}" show "$PKG=$ver" | awk '/^SHA256:/ {print $2; exit}')
	deb=$D/dl/${PKG}_${ver}_all.deb
	# A copy placed in $D/dl beforehand is used if it matches the index.
	if [ ! -f "$deb" ] || [ "$(sha256sum "$deb" | awk '{print $1}')" != "$want" ]; then
		log "downloading $PKG=$ver"
		rm -f "$deb"
		(cd "$D/dl" && apt-get "${A[@]}" -q download "$PKG=$ver" >&2) ||
			die "apt-get download $PKG=$ver failed"
		deb=$(find "$D/dl" -maxdepth 1 -name "${PKG}_*_all.deb" -printf '%T@ %p\n' | sort -rn | head -n1 | cut -d' ' -f2-)
	fi
	have=$(sha256sum "$deb" | awk '{print $1}')
	if [ -z "$want" ] || [ "$want" != "$have" ]; then
		rm -f "$deb"
		die "SHA256 mismatch for $(basename "$deb") (index: $want, file: $have)"
	fi
	echo "$have" > "$deb.verified"
	log "verified $(basename "$deb") sha256 $have"
fi

sha=$(cat "$deb.verified")
ver=$(dpkg-deb -f "$deb" Version)
src=$CACHE/src/linux-$ver
if [ -e "$src/.ghostswap-extracted" ] && [ "$(cat "$src/.ghostswap-extracted")" = "$sha" ]; then
	log "using extracted tree $src"
	echo "$src"
	exit 0
fi

log "extracting $(basename "$deb") into $src"
tmp=$CACHE/src/.extract.$$
rm -rf "$tmp" "$src"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -xf - -C "$tmp" "./usr/src/$PKG.tar.xz"
tar -xJf "$tmp/usr/src/$PKG.tar.xz" -C "$tmp"
[ -f "$tmp/$PKG/Makefile" ] || die "unexpected tarball layout in $(basename "$deb")"
mv "$tmp/$PKG" "$src"
echo "$sha" > "$src/.ghostswap-extracted"
echo "$src"
