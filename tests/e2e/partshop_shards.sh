#!/usr/bin/env bash
# Map/reduce on the sample: `scan --shard K/3` and `merge` of the three facts
# files print exactly the bytes a single `diff` prints, and `merge
# --report/--report-json` write exactly what a single `report` writes. (Three
# shards of 40 TUs are uneven; cli.shards covers N = 1 and 2.)
#   usage: partshop_shards.sh TOOL PARTSHOP_SOURCE_DIR PARTSHOP_BUILD_DIR
set -euo pipefail
tool=$1 source_dir=$2 build_dir=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source_dir"

"$tool" diff -q -p "$build_dir" > "$out/single.diff"
[ -s "$out/single.diff" ] || { echo "FAIL: the single-machine diff is empty"; exit 1; }
"$tool" report -q -p "$build_dir" -o "$out/single.md" --json "$out/single.json"
grep -q '^## ' "$out/single.md" || { echo "FAIL: the single-machine review is empty"; exit 1; }
status=0
for n in 3; do
  for k in $(seq 1 $n); do
    "$tool" scan -q -p "$build_dir" --shard "$k/$n" -o "$out/facts-$n-$k.json"
  done
  "$tool" merge -p "$build_dir" "$out"/facts-$n-*.json --report "$out/merged-$n.md" \
    --report-json "$out/merged-$n.json" > "$out/merged-$n.diff"
  if cmp -s "$out/single.diff" "$out/merged-$n.diff"; then
    echo "ok: N=$n: merge prints the single-machine diff"
  else
    echo "FAIL: N=$n: merge differs from the single-machine diff:"
    diff "$out/single.diff" "$out/merged-$n.diff" | head -20
    status=1
  fi
  for ext in md json; do
    if cmp -s "$out/single.$ext" "$out/merged-$n.$ext"; then
      echo "ok: N=$n: merge writes the single-machine review ($ext)"
    else
      echo "FAIL: N=$n: the merged review ($ext) differs:"
      diff "$out/single.$ext" "$out/merged-$n.$ext" | head -20
      status=1
    fi
  done
done
exit $status
