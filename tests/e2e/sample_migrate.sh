#!/usr/bin/env bash
# The migration of a bundled sample, end to end:
#   1. keeps what dump_metrics of the sample as it is prints, from
#      BEFORE_BUILD (sample_before.sh's build of SOURCE_DIR: the
#      <name>_before fixture);
#   2. `diff` on a second copy applies with `git apply` to a pristine copy
#      (a whitespace warning of git apply is a failure), and `apply` writes
#      exactly that tree, verification taking nothing back;
#   3. the migrated targets build, with no warning the original build did
#      not have, and the sample's own suite passes with as many tests, and
#      again all in one process, shuffled (but the tests the shape lists);
#   4. dump_metrics prints the same bytes as before, and its /metrics
#      endpoint (prometheus::Exposer, `dump_metrics --serve`) serves the
#      same lines over HTTP (scrape_metrics.py);
#   5. the sample's shape checks (SHAPE, below);
#   6. every file the migration wrote is clang-format clean in the sample's
#      style when it was before (new files: always);
#   7. a second `diff` finds nothing to do.
# The git apply warning and checks 3 to 6 are all run and reported together;
# a build that fails or a tool that does not exit 0 stops the script.
#   usage: sample_migrate.sh TOOL SOURCE_DIR BEFORE_BUILD WORK_DIR SHAPE
# SHAPE is a bash file this script sources: it sets `name`, `targets` (the
# build targets; empty for all), `test_program` and `one_process_known` (the
# tests of it known not to pass in one process) and defines `shape_checks`, which looks at
# "$before_src" and "$src" and adds what it finds wrong to `failures`.
set -euo pipefail

if [ $# -ne 5 ]; then
  echo "usage: $0 TOOL SOURCE_DIR BEFORE_BUILD WORK_DIR SHAPE" >&2
  exit 2
fi
tool=$(realpath "$1")
source_dir=$(realpath "$2")
before_build=$(realpath "$3")
work=$(realpath -m "$4")
# shellcheck source=/dev/null
source "$5"

before_src="$source_dir"
src="$work/src"
build="$work/build"
pristine="$work/pristine"
die() {
  echo "$name.migrate: FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

[ -x "$tool" ] || die "tool '$tool' is not executable"
[ -f "$source_dir/.metrics-migrate.yaml" ] || die "$source_dir holds no .metrics-migrate.yaml"
for f in build.log test-count dump_metrics; do
  [ -e "$before_build/$f" ] || die "$before_build holds no $f (sample_before.sh builds it)"
done

# `git apply` must treat the pristine copy as a plain directory, not as a
# subdirectory of whatever repository WORK_DIR sits in (it would then skip
# every path outside the current directory without a word).
export GIT_CEILING_DIRECTORIES="$work"

# Configures and builds the two targets; the build log goes to $3.
build_targets() {
  local from=$1 into=$2 log=$3
  cmake -S "$from" -B "$into" -G Ninja -DCMAKE_BUILD_TYPE=Debug > "$into.configure.log" 2>&1 ||
    { cat "$into.configure.log" >&2; die "configuring $from failed"; }
  if ! ninja -C "$into" ${targets[@]+"${targets[@]}"} > "$log" 2>&1; then
    grep -E 'error|FAILED' "$log" | sed "s|$work/||g" | head -40 >&2
    die "building ${targets[*]:-everything} of $from failed (full log: $log)"
  fi
}

# The warnings of a build log, one per line, without the tree's path and
# without line and column numbers (code moves).
warning_set() {
  grep 'warning:' "$1" |
    sed -E -e "s|$before_src/||g" -e "s|$src/||g" \
      -e 's|^([^:]+):[0-9]+:[0-9]+:|\1:|' |
    LC_ALL=C sort -u || true
}

# 1. The sample as it is.
step "copying $source_dir"
rm -rf "$src" "$build" "$pristine"
mkdir -p "$work"
cp -a "$source_dir" "$src"
cp -a "$source_dir" "$pristine"

"$before_build/dump_metrics" > "$work/dump-before.txt" ||
  die "dump_metrics failed before the migration"
scrape="$(dirname "$0")/scrape_metrics.py"
"$scrape" "$before_build/dump_metrics" > "$work/scrape-before.txt" ||
  die "scraping /metrics failed before the migration"
[ -s "$work/scrape-before.txt" ] || die "/metrics served nothing before the migration"

# 2. diff, git apply, apply.
step "metrics-migrate diff"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug > "$build.configure.log" 2>&1 ||
  { cat "$build.configure.log" >&2; die "configuring $src failed"; }
rc=0
(cd "$src" && "$tool" diff -p "$build") > "$work/migration.diff" 2> "$work/diff.stderr" || rc=$?
if [ "$rc" != 0 ]; then
  cat "$work/diff.stderr" >&2
  die "metrics-migrate diff exited with $rc, expected 0"
fi
[ -s "$work/migration.diff" ] || die "metrics-migrate diff printed nothing"

step "git apply on a pristine copy"
(cd "$pristine" && git apply --check "$work/migration.diff") > "$work/git-apply.log" 2>&1 ||
  { cat "$work/git-apply.log" >&2; die "git apply --check rejects the diff"; }
(cd "$pristine" && git apply "$work/migration.diff") >> "$work/git-apply.log" 2>&1 ||
  { cat "$work/git-apply.log" >&2; die "git apply failed"; }
failures=()
if [ -s "$work/git-apply.log" ]; then
  echo "git apply said:" >&2
  sed 's/^/  /' "$work/git-apply.log" >&2
  failures+=("git apply warns about the diff (whitespace errors?)")
fi

step "metrics-migrate apply"
rc=0
(cd "$src" && "$tool" apply -p "$build") > "$work/apply.stdout" 2> "$work/apply.stderr" || rc=$?
if [ "$rc" != 0 ]; then
  cat "$work/apply.stderr" >&2
  die "metrics-migrate apply exited with $rc, expected 0"
fi
# Where the rules are right, verification finds nothing to take back.
if grep -E 'did not compile|\[new with the migration\]' "$work/apply.stderr" >&2; then
  die "verification took something back or saw a new warning"
fi
if ! diff -r "$pristine" "$src" > "$work/apply-vs-diff.txt"; then
  head -60 "$work/apply-vs-diff.txt" >&2
  die "the tree apply wrote differs from the diff applied with git apply (< git apply, > apply)"
fi

# 3. The migrated sample builds, with no new warning.
step "building ${targets[*]:-everything} migrated"
build_targets "$src" "$build" "$work/build.log"
warning_set "$before_build/build.log" > "$work/warnings-before.txt"
warning_set "$work/build.log" > "$work/warnings-after.txt"
new_warnings=$(LC_ALL=C comm -13 "$work/warnings-before.txt" "$work/warnings-after.txt")
if [ -n "$new_warnings" ]; then
  echo "new compiler warnings after the migration:" >&2
  while IFS= read -r w; do
    # Show each with its location in the migrated tree.
    file=${w%%:*}
    message=${w#*: warning: }
    grep -F "$src/$file:" "$work/build.log" | grep -F -- "$message" | sed "s|$src/||" | head -3 >&2 || true
  done <<< "$new_warnings"
  failures+=("$(grep -c . <<< "$new_warnings") new compiler warning(s)")
fi

# 3b. Its own suite passes, with as many tests as before (none deleted or
# skipped).
step "the sample's own tests, before and after"
suite_count() {
  local dir=$1 log=$2
  ctest --test-dir "$dir" --output-on-failure > "$log" 2>&1 || true
  sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$log"
}
tests_before=$(cat "$before_build/test-count")
tests_after=$(suite_count "$build" "$work/ctest-after.log")
if [ -z "$tests_after" ]; then
  grep -E 'Failed|\*\*\*' "$work/ctest-after.log" | head -20 >&2 || true
  failures+=("the sample's suite fails after the migration (log: $work/ctest-after.log)")
elif [ "$tests_after" != "$tests_before" ]; then
  failures+=("the sample ran $tests_after tests after the migration, $tests_before before")
fi

# 3c. Its tests pass run all in one process, as a developer runs them, in
# the declared order and twice over in shuffled orders: a test asserting an
# absolute value of the now process-wide registry fails there, where ctest's
# one process per test hides it. The tests the shape lists as known not to
# pass that way are left out, by name.
step "the sample's tests in one process"
if [ -n "${test_program:-}" ]; then
  filter="*"
  if [ ${#one_process_known[@]} -gt 0 ]; then
    filter="-$(IFS=:; echo "${one_process_known[*]}")"
  fi
  for run in "" "--gtest_repeat=2 --gtest_shuffle --gtest_random_seed=3"; do
    # shellcheck disable=SC2086  # the flags are words
    if ! (cd "$build" && timeout 300 "./$test_program" --gtest_filter="$filter" $run) \
        > "$work/one-process.log" 2>&1; then
      grep -E '^\[  FAILED  \] [A-Za-z]|Failure' "$work/one-process.log" | sort -u | head -20 >&2 || true
      failures+=("$test_program fails run in one process${run:+ ($run)} (log: $work/one-process.log)")
      break
    fi
  done
fi

# 4. The same metrics, to the byte.
step "dump_metrics"
dump_identical=no
if "$build/dump_metrics" > "$work/dump-after.txt"; then
  if cmp -s "$work/dump-before.txt" "$work/dump-after.txt"; then
    dump_identical=yes
  else
    diff -u "$work/dump-before.txt" "$work/dump-after.txt" | head -40 >&2 || true
    failures+=("dump_metrics output differs (diff above: - before, + after)")
  fi
else
  failures+=("dump_metrics failed after the migration")
fi

# 4b. /metrics serves them all, as before: what the service's registry
# member now points at must keep a prometheus::Exposer's weak_ptr alive.
step "scraping /metrics"
scrape_identical=no
if "$scrape" "$build/dump_metrics" > "$work/scrape-after.txt"; then
  if cmp -s "$work/scrape-before.txt" "$work/scrape-after.txt"; then
    scrape_identical=yes
  else
    diff -u "$work/scrape-before.txt" "$work/scrape-after.txt" | head -40 >&2 || true
    failures+=("/metrics serves other lines after the migration ($(wc -l < "$work/scrape-after.txt") of $(wc -l < "$work/scrape-before.txt"); diff above)")
  fi
else
  failures+=("scraping /metrics failed after the migration")
fi

# 5. The shape of the migrated tree, as the sample defines it.
step "shape checks"
shape_checks

# 6. Edited files stay formatted (DESIGN.md: the edited regions are formatted
# with the project's .clang-format).
if command -v clang-format > /dev/null; then
  step "formatting of the files written"
  unformatted=()
  while IFS= read -r f; do
    [ -f "$src/$f" ] || continue # deleted
    if [ -f "$before_src/$f" ] &&
        ! clang-format --style=file --assume-filename="$before_src/$f" < "$before_src/$f" |
          cmp -s - "$before_src/$f"; then
      continue # was not clean before either
    fi
    if ! clang-format --style=file --assume-filename="$src/$f" < "$src/$f" | cmp -s - "$src/$f"; then
      unformatted+=("$f")
      echo "$f is not clang-format clean after the migration:" >&2
      clang-format --style=file --assume-filename="$src/$f" < "$src/$f" |
        diff "$src/$f" - | head -10 >&2 || true
    fi
  done < <(sed -n 's|^diff --git a/\(.*\) b/.*|\1|p' "$work/migration.diff")
  if [ ${#unformatted[@]} -gt 0 ]; then
    failures+=("${#unformatted[@]} written file(s) not clang-format clean (${unformatted[*]})")
  fi
fi

# 7. Nothing left to do: exit 0, or 8 while items the first diff left for
# a human remain (nothing more can be migrated).
step "metrics-migrate diff, again"
rc=0
(cd "$src" && "$tool" diff -p "$build") > "$work/second.diff" 2> "$work/second.stderr" || rc=$?
second_exit=0
if grep -q '\[left for a human\]$' "$work/diff.stderr"; then
  second_exit=8
fi
if [ "$rc" != "$second_exit" ]; then
  # The TUs that failed, else the tail of what it said.
  { grep 'failed to parse' "$work/second.stderr" || tail -20 "$work/second.stderr"; } |
    sed "s|$work/||g" | head -20 >&2
  failures+=("a second diff exited with $rc, expected $second_exit")
fi
if [ -s "$work/second.diff" ]; then
  head -40 "$work/second.diff" >&2
  failures+=("a second diff is not empty ($(grep -c '^diff --git' "$work/second.diff") file(s))")
fi

# Summary.
stat=$(cd "$pristine" && git apply --stat "$work/migration.diff" | tail -1 | sed 's/^ *//')
manual=$(grep -c 'warning:' "$work/diff.stderr" || true)
echo
echo "$name.migrate: $stat"
echo "$name.migrate: $manual item(s) left for a human (warnings of diff)"
echo "$name.migrate: dump identical: $dump_identical"
echo "$name.migrate: /metrics identical: $scrape_identical ($(wc -l < "$work/scrape-before.txt") lines)"
echo "$name.migrate: the sample's tests: ${tests_before:-?} before, ${tests_after:-?} after"
if [ ${#failures[@]} -gt 0 ]; then
  echo "$name.migrate: FAIL:" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "$name.migrate: ok"
