#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerate the build system: configure, Makefile.in and gettext's po/ glue.
set -e
cd "$(dirname "$0")"
autoreconf --force --install
echo "Now run ./configure && make"
