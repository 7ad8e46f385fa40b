#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The main job, from a fresh clone: install dependencies, build the suite
# and the bundled Linux 7.3 kernel with the ghost swap series, boot it
# under QEMU and show ghost swap being created (mkswap --ghost), activated
# (ghostswapon), filled (memory pressure) and reported (swapstat).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/install-deps.sh
echo "== building ghostswap-utils"
dest=$(scripts/build.sh vm | tail -n 1)
echo "   installed into $dest"
echo "== building the bundled kernel (cached after the first run)"
kernel=$(kernel/build.sh --variant ghost | tail -n 1)
echo "   $kernel"
echo "== booting it under QEMU"
GHOSTSWAP_TOOLS_DIR=$dest exec tests/vm/demo.sh --kernel "$kernel"
