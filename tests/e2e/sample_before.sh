#!/usr/bin/env bash
# Builds a bundled sample as it is (the BEFORE state) into BUILD_DIR, runs its
# own test suite, and checks that dump_metrics prints the same non-empty bytes
# twice. Leaves BUILD_DIR/compile_commands.json for the tests that scan it, and
# BUILD_DIR/test-count and BUILD_DIR/build.log for those that compare the
# suite and the warnings after a migration.
#   usage: sample_before.sh NAME SOURCE_DIR BUILD_DIR
set -euo pipefail
name=$1
src=$2
build=$3

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
log=$(ninja -C "$build" 2>&1) || { echo "$log"; exit 1; }
# sample_migrate.sh compares the warnings of the migrated build with these.
printf '%s\n' "$log" > "$build/build.log"
if grep -q "warning:" <<<"$log"; then
  echo "$name builds with warnings:"
  grep "warning:" <<<"$log"
  exit 1
fi
if [ ! -s "$build/compile_commands.json" ]; then
  echo "$name exported no compile_commands.json"
  exit 1
fi

ctest --test-dir "$build" --output-on-failure | tee "$build/ctest.log" | tail -3
count=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$build/ctest.log")
if [ -z "$count" ]; then
  echo "$name's own suite did not pass"
  exit 1
fi
echo "$count" > "$build/test-count"

"$build/dump_metrics" > "$build/dump1.txt"
"$build/dump_metrics" > "$build/dump2.txt"
if [ ! -s "$build/dump1.txt" ]; then
  echo "dump_metrics printed nothing"
  exit 1
fi
if ! cmp "$build/dump1.txt" "$build/dump2.txt"; then
  diff "$build/dump1.txt" "$build/dump2.txt" | head -20
  exit 1
fi
families=$(grep -c '^# TYPE' "$build/dump1.txt")
echo "$name: $count tests passed; dump_metrics stable ($families metric families)"
