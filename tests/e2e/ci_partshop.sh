#!/usr/bin/env bash
# The CI commands of docs/ci.md (the block between its ci-commands markers),
# run as written on a copy of test-inputs/partshop with metrics-migrate on
# PATH:
#   1. before the migration they exit 1, print GitHub annotations and the
#      diff, and write review.md, review.json and review.sarif;
#   2. after `metrics-migrate apply` they exit 0, `check` says nothing is
#      left, and the review shows no file change.
#   usage: ci_partshop.sh TOOL SOURCE_DIR CI_DOC WORK_DIR
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 TOOL SOURCE_DIR CI_DOC WORK_DIR" >&2
  exit 2
fi
tool=$(realpath "$1")
source_dir=$(realpath "$2")
doc=$(realpath "$3")
work=$(realpath -m "$4")

die() {
  echo "ci.partshop: FAIL: $*" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work/bin"
cp -a "$source_dir" "$work/src"
ln -s "$tool" "$work/bin/metrics-migrate"
export PATH="$work/bin:$PATH"
# The block's commands share a cache, as a CI job keeping one between its
# steps does: each TU is parsed once until apply changes what it reads.
export METRICS_MIGRATE_CACHE_DIR="$work/cache"

# The block, without its fence lines.
sed -n '/<!-- ci-commands:begin -->/,/<!-- ci-commands:end -->/p' "$doc" |
  sed '1d;$d' | sed '1d;$d' > "$work/ci-commands.sh"
grep -q 'metrics-migrate check' "$work/ci-commands.sh" || die "no ci-commands block in $doc"

run_block() {
  (cd "$work/src" && bash -eu "$work/ci-commands.sh") > "$work/$1.out" 2> "$work/$1.err"
}

status=0
run_block before || status=$?
[ "$status" = 1 ] || { cat "$work/before.err" >&2; die "before the migration: exit $status, want 1"; }
grep -q '^::warning file=services/inventory_service.cpp,line=[0-9]*::metrics-migrate: to migrate' \
  "$work/before.out" || die "no GitHub annotation for services/inventory_service.cpp"
grep -q '^diff --git a/metrics/metrics_service.h b/metrics/metrics_service.h' "$work/before.out" ||
  die "no diff printed"
grep -q '^metrics-migrate check: 59 files to migrate, 0 items left for a human' "$work/before.out" ||
  die "no total line"
for f in review.md review.json review.sarif; do
  [ -s "$work/src/$f" ] || die "$f not written"
done
grep -q 'Decision:\*\* `GO`' "$work/src/review.md" || die "review.md before: decision is not GO"

(cd "$work/src" && metrics-migrate apply -p build) > "$work/apply.out" 2>&1 ||
  { cat "$work/apply.out" >&2; die "apply failed"; }

status=0
run_block after || status=$?
[ "$status" = 0 ] || { head -20 "$work/after.out" >&2; die "after apply: exit $status, want 0"; }
grep -qx 'metrics-migrate check: nothing left to migrate' "$work/after.out" ||
  die "check after apply does not say nothing is left"
grep -q 'No file changes: nothing is left to migrate.' "$work/src/review.md" ||
  die "review.md after apply still lists changes"
echo "ci.partshop: ok"
