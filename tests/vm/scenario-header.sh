# SPDX-License-Identifier: GPL-2.0-or-later
# What a scenario's header says, read by tests/vm/run.sh and by the docs
# test (tests/ts/style/docs), so that both read it the same way.  Sourced.

# variants_of FILE: the kernel variants a scenario runs on, from
# "# variants: a b c" in its first 10 lines; without that line, ghost debug.
variants_of() {
	local v
	v=$(head -n 10 "$1" | sed -n 's/^# *variants: *//p' | head -n1)
	echo "${v:-ghost debug}"
}

# cmdline_of FILE: the extra kernel parameters of a scenario, from
# "# cmdline: ARGS" in its first 10 lines, spaces squeezed.
cmdline_of() {
	head -n 10 "$1" | sed -n 's/^# *cmdline: *//p' | head -n1 | tr -s ' \t' '  ' | sed 's/ *$//'
}
