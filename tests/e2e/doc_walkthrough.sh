#!/usr/bin/env bash
# The walkthrough of the documentation, run as written: every block between
# `<!-- walkthrough:begin -->` and `<!-- walkthrough:end -->` in the given
# Markdown files (in the order given, blocks in the order they appear), on a
# copy of test-inputs/partshop configured with CMake into build/ (Ninja,
# compile_commands.json), from the copy's root, with metrics-migrate first on
# PATH and bash's -e -u -o pipefail: a command that fails, or a flag that
# does not exist, fails the test (a block states the non-zero exits it
# expects, e.g. `metrics-migrate check -p build || test $? -eq 1`).
# Then the copy must be migrated (`metrics-migrate check -p build` exits 0)
# and must build (`cmake --build build`).
#   usage: doc_walkthrough.sh TOOL PARTSHOP_SOURCE_DIR DOC...
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 TOOL PARTSHOP_SOURCE_DIR DOC..." >&2
  exit 2
fi
tool=$(realpath "$1")
source_dir=$(realpath "$2")
shift 2
docs=()
for doc in "$@"; do
  docs+=("$(realpath "$doc")")
done

die() {
  echo "docs.walkthrough: FAIL: $*" >&2
  exit 1
}

[ -x "$tool" ] || die "tool '$tool' is not executable"
[ "$(basename "$tool")" = metrics-migrate ] || die "tool '$tool' is not named metrics-migrate"
[ -f "$source_dir/.metrics-migrate.yaml" ] || die "$source_dir holds no .metrics-migrate.yaml"

work=$(mktemp -d "${TMPDIR:-/tmp}/docs-walkthrough.XXXXXX")
trap 'rm -rf "$work"' EXIT
proj="$work/partshop"
cp -a "$source_dir" "$proj"
export PATH="$(dirname "$tool"):$PATH"
# The copy is a plain folder, not part of whatever git work tree TMPDIR lies
# in (apply would otherwise look for uncommitted changes there).
export GIT_CEILING_DIRECTORIES="$work"
# The commands share a cache (METRICS_MIGRATE_CACHE_DIR, as a user may set
# it): each TU is parsed once until apply changes what it reads.
export METRICS_MIGRATE_CACHE_DIR="$work/cache"

# The blocks, without their fence lines.
script="$work/walkthrough.sh"
echo 'set -euo pipefail' > "$script"
blocks=0
for doc in "${docs[@]}"; do
  [ -f "$doc" ] || die "no such document: $doc"
  n=$(grep -c '<!-- walkthrough:begin -->' "$doc" || true)
  [ "$n" = "$(grep -c '<!-- walkthrough:end -->' "$doc" || true)" ] ||
    die "$doc: walkthrough:begin and walkthrough:end markers do not pair up"
  [ "$n" -gt 0 ] || continue
  blocks=$((blocks + n))
  {
    echo "# --- $(basename "$doc")"
    awk '/<!-- walkthrough:begin -->/ {on = 1; next}
         /<!-- walkthrough:end -->/ {on = 0; next}
         on && !/^[[:space:]]*```/' "$doc"
  } >> "$script"
done
[ "$blocks" -gt 0 ] || die "no walkthrough block in ${docs[*]}"
grep -q 'metrics-migrate apply' "$script" || die "the walkthrough never runs metrics-migrate apply"
echo "== $blocks walkthrough block(s):"
cat "$script"

echo "== configuring the copy of $source_dir"
cmake -S "$proj" -B "$proj/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  > "$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; die "configuring the copy failed"; }
[ -f "$proj/build/compile_commands.json" ] || die "no build/compile_commands.json"

echo "== running the walkthrough in the copy"
status=0
(cd "$proj" && bash -x "$script") > "$work/walkthrough.log" 2>&1 || status=$?
if [ "$status" != 0 ]; then
  tail -n 40 "$work/walkthrough.log" >&2 || true
  die "the walkthrough stopped with exit $status (the last command above failed)"
fi
# (sed, not head: with pipefail, head closing the pipe early would fail the script)
grep -v -e '^+' -e '^[[:space:]]*$' "$work/walkthrough.log" | sed -n '1,30p' || true

echo "== the copy is migrated"
status=0
(cd "$proj" && metrics-migrate check -p build) > "$work/check.log" 2>&1 || status=$?
if [ "$status" != 0 ]; then
  sed -n '1,20p' "$work/check.log" >&2 || true
  die "metrics-migrate check after the walkthrough: exit $status, want 0"
fi
cat "$work/check.log"

echo "== the migrated copy builds"
cmake --build "$proj/build" > "$work/build.log" 2>&1 ||
  { grep -E 'error|FAILED' "$work/build.log" | sed -n '1,40p' >&2 || true; die "the migrated copy does not build"; }

echo "docs.walkthrough: ok"
