#!/usr/bin/env bash
# Runs metrics-migrate on a copy of the bundled sample, test-inputs/partshop:
# writes the copy's compile database (a CMake configure, no build needed),
# prints what the catalog found, then what the migration would change (a
# diffstat and the start of the diff), then writes the review of that
# migration and prints its summary. The full diff and the review are left in
# BUILD_DIR/partshop-demo/; nothing in the source tree is touched.
#   usage: scripts/demo.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
tool="$build/tool/metrics-migrate"
copy="$build/partshop-demo"

rm -rf "$copy"
mkdir -p "$copy"
cp -R "$root/test-inputs/partshop/." "$copy/src"
cmake -S "$copy/src" -B "$copy/build" -G Ninja >/dev/null
cd "$copy/src"

echo "== metrics-migrate catalog --summary (sample copy: $copy/src)"
"$tool" catalog -p "$copy/build" --summary
echo
echo "== metrics-migrate diff --stat"
"$tool" diff -p "$copy/build" --stat > "$copy/partshop-demo.diff"
sed -n '/^diff --git/q;p' "$copy/partshop-demo.diff"
echo
echo "== the start of the diff (all of it: $copy/partshop-demo.diff)"
awk '/^diff --git a\/services\/inventory_service.cpp/ {on=1} on && n++ < 60' "$copy/partshop-demo.diff"
echo
echo "== metrics-migrate report (review: $copy/review.md; also review.json, review.sarif, guide.md)"
"$tool" report -p "$copy/build" -o "$copy/review.md" --json "$copy/review.json" \
  --sarif "$copy/review.sarif" --guide "$copy/guide.md"
sed -n '/^| file |/q;p' "$copy/review.md"
