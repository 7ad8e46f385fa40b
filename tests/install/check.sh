#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# make install beside util-linux: everything below the prefix, uninstall
# removes only what it installed, a mkswap that is not ours is never
# replaced (unless asked), --with-mkswap-name installs beside it (and
# ghostswapon and the generator run it under that name; the name given to
# make install alone is refused), and configure's directory options do what
# they say.
#
# Usage: tests/install/check.sh BUILDDIR
#
#   BUILDDIR  a configured and built tree with the default directories
#             (scripts/build.sh vm makes one: prefix /usr)
#
# Installs into temporary DESTDIRs only; also runs configure in temporary
# directories (and builds one tree, --with-mkswap-name: about a minute),
# which needs a source tree that is not configured in place. Prints PASS/FAIL lines and "N passed, N failed".
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
B=${1:?usage: tests/install/check.sh BUILDDIR}
B=$(cd "$B" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/gs-install.XXXXXX")
trap 'rm -rf "$T"' EXIT

passed=0 failed=0
report() {
	case $1 in PASS) passed=$((passed + 1)) ;; *) failed=$((failed + 1)) ;; esac
	echo "$1: install/$2${3:+ ($3)}"
}
equal() { # equal NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		report PASS "$1"
	else
		report FAIL "$1" "expected '$(echo "$2" | tr '\n' '|')', got '$(echo "$3" | tr '\n' '|')'"
	fi
}
mk() { make --no-print-directory -s -C "$B" "$@"; }
var() { sed -n "s|^$1 = ||p" "$B/Makefile" | head -n 1; }
files() { (cd "$1" && find . \( -type f -o -type l \) | sed 's|^\.||' | LC_ALL=C sort); }
sum() { sha256sum < "$1" | cut -c1-16; }

prefix=$(var prefix)
# configure's defaults follow the prefix (BUILDDIR was configured without options for them)
equal prefix-dirs-by-default "\${datadir}/bash-completion/completions \${prefix}/lib/systemd/system \${prefix}/lib/systemd/system-generators \${prefix}/lib/udev/rules.d" \
	"$(for v in bashcompletiondir systemdsystemunitdir systemdsystemgeneratordir udevrulesdir; do var $v; done | tr '\n' ' ' | sed 's/ $//')"
# the directories, expanded as make expands them (the last line: make may
# first regenerate a Makefile older than its Makefile.am, and say so)
dirs=$(mk -f Makefile -f - show-dirs <<'EOM' | tail -n 1
show-dirs:
	@echo "$(sbindir) $(bindir) $(man8dir) $(bashcompletiondir) $(systemdsystemgeneratordir) $(systemdsystemunitdir) $(udevrulesdir)"
EOM
)
read -r sbindir bindir man8dir bcdir gendir unitdir udevdir <<<"$dirs"

# 1. everything below the prefix, and what is expected
D=$T/plain
mk install DESTDIR="$D" >"$T/install.log" 2>&1
report $([ $? = 0 ] && echo PASS || echo FAIL) install "prefix $prefix"
outside=$(files "$D" | grep -v "^$prefix/" || true)
equal below-prefix "" "$outside"
for f in "$sbindir/mkswap" "$sbindir/ghostswapon" "$sbindir/ghostswapoff" "$bindir/swapstat" \
	"$man8dir/mkswap.8" "$man8dir/ghostswap-generator.8" "$bcdir/mkswap" \
	"$gendir/ghostswap-generator" "$unitdir/swapstat-textfile.service" \
	"$unitdir/swapstat-textfile.timer" "$udevdir/60-ghostswap.rules"; do
	[ -e "$D$f" ] || missing="${missing:-}$f "
done
equal installed-files "" "${missing:-}"
# the generator's units name the installed mkswap and the generator itself
exe=$(strings "$D$gendir/ghostswap-generator" | grep -E '^/.*/(mkswap|ghostswap-generator)$' | sort | tr '\n' ' ')
equal generator-paths "$gendir/ghostswap-generator $sbindir/mkswap " "$exe"
mk uninstall DESTDIR="$D" >"$T/uninstall.log" 2>&1
report $([ $? = 0 ] && echo PASS || echo FAIL) uninstall
equal uninstall-removes-all "" "$(files "$D")"

# 2. a mkswap that is not ours (util-linux's with --prefix=/usr)
D=$T/foreign
mkdir -p "$D$sbindir" "$D$man8dir" "$D$bcdir"
printf '#!/bin/sh\necho "mkswap from util-linux 2.38.1"\n' > "$D$sbindir/mkswap"
echo '.TH MKSWAP 8 "util-linux"' | gzip -n > "$D$man8dir/mkswap.8.gz"
echo 'complete -F _mkswap_module mkswap # util-linux' > "$D$bcdir/mkswap"
before=$(files "$D" | while read -r f; do echo "$(sum "$D$f") $f"; done)
mk install DESTDIR="$D" >"$T/refuse.log" 2>&1
rc=$?
equal refuses-foreign-mkswap "1 $D$sbindir/mkswap" \
	"$([ $rc != 0 ] && echo 1) $(sed -n 's/^make install: \(.*\) is not from ghostswap-utils.*/\1/p' "$T/refuse.log" | head -n 1)"
equal foreign-untouched "$before" "$(files "$D" | grep mkswap | while read -r f; do echo "$(sum "$D$f") $f"; done)"
rm "$D$sbindir/mkswap"
mk install DESTDIR="$D" >"$T/refuse2.log" 2>&1
rc=$?
equal refuses-foreign-man-page "1 $D$man8dir/mkswap.8.gz" \
	"$([ $rc != 0 ] && echo 1) $(sed -n 's/^make install: \(.*\) is not from ghostswap-utils.*/\1/p' "$T/refuse2.log" | head -n 1)"

# 3. beside it, under another name: configure --with-mkswap-name, since
# ghostswapon and the generator run the name they were built with; the
# same name given to make install alone is refused
printf '#!/bin/sh\necho "mkswap from util-linux 2.38.1"\n' > "$D$sbindir/mkswap"
mk install DESTDIR="$D" MKSWAP_NAME=ghostswap-mkswap >"$T/renamed-make.log" 2>&1
rc=$?
equal make-time-name-refused "1 MKSWAP_NAME=ghostswap-mkswap $sbindir/mkswap" \
	"$([ $rc != 0 ] && echo 1) $(sed -n 's/^make install: \(MKSWAP_NAME=[^,]*\), but .*/\1/p' "$T/renamed-make.log" | head -n 1) $(sed -n 's/^  were built to run \([^:]*\):.*/\1/p' "$T/renamed-make.log" | head -n 1)"
equal make-time-name-nothing-renamed "" "$(files "$D" | grep ghostswap-mkswap)"
if [ -f "$TOP/config.status" ]; then
	report FAIL install-renamed "the source tree is configured in place: configure cannot run beside it"
else
	R=$T/renamed
	# the build tree's configure arguments (eval: config.status --config quotes them)
	eval "args=($("$B/config.status" --config))"
	mkdir -p "$R"
	if (cd "$R" && "$TOP/configure" "${args[@]}" --with-mkswap-name=ghostswap-mkswap &&
		make -j"$(nproc)") >"$T/renamed-build.log" 2>&1; then
		make --no-print-directory -s -C "$R" install DESTDIR="$D" >"$T/renamed.log" 2>&1
		report $([ $? = 0 ] && echo PASS || echo FAIL) install-renamed
	else
		report FAIL install-renamed "configure --with-mkswap-name=ghostswap-mkswap and make failed (tail: $(tail -n 3 "$T/renamed-build.log" | tr '\n' ' '))"
	fi
	equal renamed-files "$(printf '%s\n' "$bcdir/ghostswap-mkswap" "$man8dir/ghostswap-mkswap.8" \
		"$sbindir/ghostswap-mkswap" | LC_ALL=C sort)" "$(files "$D" | grep ghostswap-mkswap)"
	equal renamed-completion "complete -F _mkswap_module ghostswap-mkswap" "$(tail -n 1 "$D$bcdir/ghostswap-mkswap")"
	equal foreign-untouched-beside "$before" \
		"$(files "$D" | grep '/mkswap' | while read -r f; do echo "$(sum "$D$f") $f"; done)"
	# what ghostswapon and the generator run: ours, under its name
	equal renamed-run-by "$sbindir/ghostswap-mkswap $sbindir/ghostswap-mkswap" \
		"$(for x in "$sbindir/ghostswapon" "$gendir/ghostswap-generator"; do
			strings "$D$x" | grep -E '^/.*/(ghostswap-)?mkswap$'
		done | tr '\n' ' ' | sed 's/ $//')"
	make --no-print-directory -s -C "$R" uninstall DESTDIR="$D" >"$T/uninstall2.log" 2>&1
	equal uninstall-keeps-foreign "$before" \
		"$(files "$D" | while read -r f; do echo "$(sum "$D$f") $f"; done)"
fi

# 4. replacing it when asked; then uninstall removes ours (it is ours now)
mk install DESTDIR="$D" MKSWAP_REPLACE=yes >"$T/replace.log" 2>&1
report $([ $? = 0 ] && echo PASS || echo FAIL) replace-when-asked
equal replaced "mkswap from ghostswap-utils" "$("$D$sbindir/mkswap" --version 2>/dev/null | sed 's/ [0-9.]*$//')"

# 5. configure: pkg-config's directories, and refusals (no build)
if [ -f "$TOP/config.status" ]; then
	report FAIL configure "the source tree is configured in place: configure cannot run beside it"
else
	fake=$T/pc
	mkdir -p "$fake"
	printf 'Name: systemd\nDescription: x\nVersion: 252\nsystemdsystemunitdir=/x/units\nsystemdsystemgeneratordir=/x/generators\n' > "$fake/systemd.pc"
	printf 'Name: bash-completion\nDescription: x\nVersion: 2.11\ncompletionsdir=/x/completions\n' > "$fake/bash-completion.pc"
	# the libraries' .pc files, without /usr/share/pkgconfig (systemd's, udev's)
	libs=$(pkg-config --variable pc_path pkg-config | tr ':' '\n' | grep -v /share/ | paste -sd:)
	c() { # c DIR ARGS...: configure in DIR with only the fake pkg-config files
		mkdir -p "$1" && (cd "$1" && PKG_CONFIG_LIBDIR="$fake:$libs" "$TOP/configure" "${@:2}") >"$1.log" 2>&1
	}
	c "$T/c1" --enable-pkgconfig-dirs
	equal pkgconfig-dirs-need-udev "1" "$(grep -c 'pkg-config names no udevdir for udev' "$T/c1.log")"
	printf 'Name: udev\nDescription: x\nVersion: 252\nudevdir=/x/udev\n' > "$fake/udev.pc"
	c "$T/c2" --enable-pkgconfig-dirs --prefix=/usr
	equal pkgconfig-dirs "/x/completions /x/units /x/generators /x/udev/rules.d" \
		"$(cd "$T/c2" && for v in bashcompletiondir systemdsystemunitdir systemdsystemgeneratordir udevrulesdir; do sed -n "s|^$v = ||p" Makefile; done | tr '\n' ' ' | sed 's/ $//')"
	c "$T/c4" --with-mkswap-name=sbin/mkswap
	equal mkswap-name-refused 1 "$(grep -c 'with-mkswap-name needs a file name' "$T/c4.log")"
	c "$T/c5" --without-systemdsystemgeneratordir --without-systemdsystemunitdir --without-udevrulesdir --without-bashcompletiondir
	equal without-dirs "no no no no" \
		"$(cd "$T/c5" && for v in bashcompletiondir systemdsystemunitdir systemdsystemgeneratordir udevrulesdir; do sed -n "s|^$v = ||p" Makefile; done | tr '\n' ' ' | sed 's/ $//')"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
