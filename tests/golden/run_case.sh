#!/usr/bin/env bash
# One golden case: runs `metrics-migrate apply` on a copy of CASE_DIR/before
# and checks the result against CASE_DIR/after.
#   usage: run_case.sh TOOL CASE_DIR
#
# CASE_DIR holds:
#   before/           the project as it is, with its .metrics-migrate.yaml
#   after/            the project as it must be after `apply`
#   expected-exit     optional: the exit code of `apply` (default 0)
#   expected-stderr   optional: the whole stderr of `apply`, the temporary
#                     root written as <root>; without it stderr must hold no
#                     `warning:` line
# Checks, in order: exit code and stderr; the tree equals after/ (diff -r,
# compile_commands.json aside); every .cpp of the result compiles
# (g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror); a second `apply`
# changes nothing.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 TOOL CASE_DIR" >&2
  exit 2
fi
tool=$1
case_dir=$(cd "$2" && pwd)
name=$(basename "$case_dir")

fail() {
  echo "golden.$name: FAIL: $*" >&2
  exit 1
}

[ -x "$tool" ] || fail "tool '$tool' is not executable"
[ -d "$case_dir/before" ] || fail "no before/ in $case_dir"
[ -d "$case_dir/after" ] || fail "no after/ in $case_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/golden-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/tree"
cp -a "$case_dir/before" "$root"

# A compile database listing every .cpp of the tree.
write_database() {
  local first=1 f
  {
    echo "["
    while IFS= read -r f; do
      [ "$first" = 1 ] || echo ","
      first=0
      printf '  {"directory": "%s", "file": "%s/%s", "command": "c++ -std=c++17 -I %s -c %s/%s"}' \
        "$root" "$root" "$f" "$root" "$root" "$f"
    done < <(cd "$root" && find . -name '*.cpp' -printf '%P\n' | LC_ALL=C sort)
    echo
    echo "]"
  } > "$root/compile_commands.json"
}
write_database

# run_tool OUT_PREFIX: `apply` from the root; sets $rc, leaves OUT_PREFIX.{out,err}.
run_tool() {
  rc=0
  (cd "$root" && "$tool" apply -p .) > "$1.out" 2> "$1.err" || rc=$?
  sed -i "s|$root|<root>|g" "$1.err"
}

expected_exit=0
if [ -f "$case_dir/expected-exit" ]; then
  expected_exit=$(tr -d '[:space:]' < "$case_dir/expected-exit")
fi

check_run() {
  local label=$1 prefix=$2
  if [ "$rc" != "$expected_exit" ]; then
    echo "--- stderr of $label:" >&2
    cat "$prefix.err" >&2
    fail "$label exited with $rc, expected $expected_exit"
  fi
}

# 1. The migration.
run_tool "$work/first"
check_run "apply" "$work/first"
if [ -f "$case_dir/expected-stderr" ]; then
  if ! diff -u "$case_dir/expected-stderr" "$work/first.err" > "$work/stderr.diff"; then
    cat "$work/stderr.diff" >&2
    fail "stderr of apply differs from expected-stderr (diff above: - expected, + actual)"
  fi
elif grep -q 'warning:' "$work/first.err"; then
  grep 'warning:' "$work/first.err" >&2
  fail "apply reported warnings and the case has no expected-stderr"
fi

# 2. The tree, exactly.
tree_diff() {
  diff -r -x compile_commands.json "$case_dir/after" "$root"
}
if ! tree_diff > "$work/tree.diff"; then
  cat "$work/tree.diff" >&2
  fail "the migrated tree differs from after/ (diff above: < expected, > actual)"
fi

# 3. The result compiles.
compile_errors=0
while IFS= read -r f; do
  if ! g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I "$root" "$root/$f" \
      > "$work/compile.log" 2>&1; then
    sed "s|$root/||g" "$work/compile.log" >&2
    echo "golden.$name: $f does not compile cleanly" >&2
    compile_errors=$((compile_errors + 1))
  fi
done < <(cd "$root" && find . -name '*.cpp' -printf '%P\n' | LC_ALL=C sort)
[ "$compile_errors" = 0 ] || fail "$compile_errors file(s) of the migrated tree do not compile"

# 4. A second run changes nothing.
run_tool "$work/second"
check_run "the second apply" "$work/second"
if ! tree_diff > "$work/tree2.diff"; then
  cat "$work/tree2.diff" >&2
  fail "a second apply changed the tree (diff above: < first result, > second)"
fi

echo "golden.$name: ok"
