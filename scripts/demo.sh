#!/usr/bin/env bash
# Runs metrics-migrate on the bundled sample, test-inputs/partshop: writes its
# compile database (a CMake configure, no build needed) and prints what the
# catalog found.
#   usage: scripts/demo.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
tool="$build/tool/metrics-migrate"
sample="$root/test-inputs/partshop"
sample_build="$build/partshop-demo"

cmake -S "$sample" -B "$sample_build" -G Ninja >/dev/null
echo "== metrics-migrate catalog -p $sample_build --summary"
cd "$sample"
"$tool" catalog -p "$sample_build" --summary
echo
echo "Full catalog (JSON): (cd $sample && $tool catalog -p $sample_build)"
