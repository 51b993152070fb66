#!/usr/bin/env bash
# One golden case: runs `metrics-migrate apply` on a copy of CASE_DIR/before
# and checks the result against CASE_DIR/after.
#   usage: run_case.sh TOOL CASE_DIR
#
# CASE_DIR holds:
#   before/           the project as it is, with its .metrics-migrate.yaml
#   after/            the project as it must be after `apply`
#   expected-exit     optional: the exit code of `apply` (default 0)
#   expected-second-exit
#                     optional: the exit code of the second `apply`, on its
#                     first line, when the first one's items were done with
#                     in that run (a deletion taken back leaves the file, and
#                     nothing more to migrate: 0); the lines after say why
#   expected-stderr   optional: the stderr of `apply` with its diffstat lines
#                     left out; without it stderr must hold no `warning:` line
#   compile-flags     optional: one more set of compiler flags per line (say
#                     `-DTRACING`) the result must also compile with
#   std               optional: the C++ standard the case is written in
#                     (`c++20`; default c++17), for the database and the
#                     compile checks
#   db-flags          optional: flags every command of the database carries
#                     (`-DWITH_PROMETHEUS`: the build's configuration), and
#                     so every compile check and link; a compile-flags line
#                     comes after them (`-UWITH_PROMETHEUS`)
#   run               optional: the case is a program: before/ and the
#                     result, each linked whole (every .cpp but its tests,
#                     with prometheus-cpp's core library), must run and exit
#                     0; its tests (the .cpp files including gtest), linked
#                     with the rest but `main` against gtest_main, must pass
#                     in one process, in a shuffled order
# A compile database listing every .cpp and .cc is written next to the copy (the
# root, and root/include when there is one, on the include path); the
# copy's path is written <root> in the messages compared.
#
# Checks: the exit code (when it differs nothing else is checked); stderr;
# when after/ equals before/ and apply exits 0, that nothing at all is
# printed (a refusal says why); the tree equals
# after/ (diff -r, compile_commands.json aside); every .cpp of the result
# compiles without a warning (g++, and clang++-19 or else clang++: -std=STD
# -fsyntax-only -Wall -Wextra -Werror); with `run`, before/ and the result
# run as programs; a second `apply` changes nothing (and exits 8 when the
# first left items for a human: nothing more can be migrated). With
# MM_TEST_TOOL_ONLY=1 (scripts/sanitize.sh) nothing is compiled: only what
# the tool did is checked.
# Every check runs; the failures are listed together at the end.
set -euo pipefail
# shellcheck source=../lib/compile_db.sh
source "$(dirname "$0")/../lib/compile_db.sh"

if [ $# -ne 2 ]; then
  echo "usage: $0 TOOL CASE_DIR" >&2
  exit 2
fi
tool=$(realpath "$1")
case_dir=$(realpath "$2")
name=$(basename "$case_dir")

die() {
  echo "golden.$name: FAIL: $*" >&2
  exit 1
}

[ -x "$tool" ] || die "tool '$tool' is not executable"
[ -d "$case_dir/before" ] || die "no before/ in $case_dir"
[ -d "$case_dir/after" ] || die "no after/ in $case_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/golden-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/tree"
cp -a "$case_dir/before" "$root"

cpp_files() {
  (cd "$root" && find . \( -name '*.cpp' -o -name '*.cc' \) -printf '%P\n' | LC_ALL=C sort)
}

# The compile database: every .cpp and .cc of the tree.
std=c++17
if [ -f "$case_dir/std" ]; then
  std=$(tr -d '[:space:]' < "$case_dir/std")
fi
db_flags=
if [ -f "$case_dir/db-flags" ]; then
  db_flags=$(tr '\n' ' ' < "$case_dir/db-flags")
fi
write_compile_db "$root" "$std" "$db_flags"

# run_tool PREFIX: `apply` from the root. Sets $rc; leaves PREFIX.out,
# PREFIX.err and PREFIX.diag (stderr without the diffstat).
run_tool() {
  rc=0
  (cd "$root" && "$tool" apply -q -p .) > "$1.out" 2> "$1.err" || rc=$?
  sed -i "s|$root|<root>|g" "$1.out" "$1.err"
  grep -vE '^ .* \| +[0-9]+ ?[-+]*$|^ [0-9]+ files? changed' "$1.err" > "$1.diag" || true
}

expected_exit=0
if [ -f "$case_dir/expected-exit" ]; then
  expected_exit=$(tr -d '[:space:]' < "$case_dir/expected-exit")
fi

failures=()
failed() {
  failures+=("$1")
}
show() {
  echo "--- $1" >&2
  cat "$2" >&2
}

tree_diff() {
  diff -r -x compile_commands.json "$case_dir/after" "$root"
}

# 1. The migration.
run_tool "$work/first"
if [ "$rc" != "$expected_exit" ]; then
  show "stderr of apply:" "$work/first.err"
  die "apply exited with $rc, expected $expected_exit"
fi
if [ "$expected_exit" = 0 ] && diff -r -q "$case_dir/before" "$case_dir/after" > /dev/null &&
    { [ -s "$work/first.out" ] || [ -s "$work/first.err" ]; }; then
  show "stdout of apply:" "$work/first.out"
  show "stderr of apply:" "$work/first.err"
  failed "apply printed something on a tree with nothing to do"
fi
if [ -f "$case_dir/expected-stderr" ]; then
  if ! diff -u "$case_dir/expected-stderr" "$work/first.diag" > "$work/stderr.diff"; then
    show "stderr of apply against expected-stderr (- expected, + actual):" "$work/stderr.diff"
    failed "stderr of apply differs from expected-stderr"
  fi
elif grep -q 'warning:' "$work/first.diag"; then
  grep 'warning:' "$work/first.diag" > "$work/warnings.txt"
  show "warnings of apply:" "$work/warnings.txt"
  failed "apply reported warnings and the case has no expected-stderr"
fi

# 2. The tree, exactly.
if ! tree_diff > "$work/tree.diff"; then
  show "migrated tree against after/ (< expected, > actual):" "$work/tree.diff"
  failed "the migrated tree differs from after/"
fi

# 3. The result compiles, without a warning; 3b. a program runs as it did
# before, and so do its tests: all of them in one process, in a shuffled
# order (a test asserting what another test of the process recorded fails
# there). Each file is compiled once per compiler and flag set: with `run`,
# g++'s objects are kept and linked. MM_TEST_TOOL_ONLY=1 (the sanitizer run)
# skips both: the tree was found equal to after/, which the plain run
# compiles.
one_process="--gtest_shuffle --gtest_random_seed=7"
# compile_tree TREE LABEL WERROR: every file of TREE with every compiler and
# flag set; g++ without extra flags writes TREE's objects to $work/obj-LABEL.
compile_tree() {
  local tree=$1 label=$2 werror=$3 f cxx flags out
  mkdir -p "$work/obj-$label"
  while IFS= read -r f; do
    for cxx in "${compilers[@]}"; do
      for flags in "${flag_sets[@]}"; do
        if [ "$cxx" = g++ ] && [ -z "$flags" ] && [ "$label" != check ]; then
          out=(-c -o "$work/obj-$label/${f//\//__}.o")
        elif [ "$label" = before ]; then
          continue # before/ is only linked
        else
          out=(-fsyntax-only)
        fi
        # shellcheck disable=SC2086  # one line, several flags
        if ! "$cxx" -std="$std" "${out[@]}" $werror $db_flags $flags $(include_flags "$tree") "$tree/$f" \
            > "$work/compile.log" 2>&1; then
          sed -i "s|$tree/||g" "$work/compile.log"
          show "$cxx $flags on $f:" "$work/compile.log"
          if [ "$label" = before ]; then
            failed "$f of before/ does not compile"
          else
            failed "$f of the migrated tree does not compile cleanly with $cxx${flags:+ $flags}"
          fi
        fi
      done
    done
  done < <(cd "$tree" && find . \( -name '*.cpp' -o -name '*.cc' \) -printf '%P\n' | LC_ALL=C sort)
}
# link_and_run TREE LABEL: links the objects of TREE into its program (every
# file but its tests) and its tests (the files including gtest, with the rest
# but `main`, against gtest_main), and runs them.
link_and_run() {
  local tree=$1 label=$2 f what
  local program=() tests=() library=()
  while IFS= read -r f; do
    local obj="$work/obj-$label/${f//\//__}.o"
    if grep -q '#include <gtest/gtest.h>' "$tree/$f"; then
      tests+=("$obj")
    else
      program+=("$obj")
      # `main`, however it is spelled, is the symbol the object defines.
      nm --defined-only "$obj" 2> /dev/null | grep -q ' T main$' || library+=("$obj")
    fi
  done < <(cd "$tree" && find . \( -name '*.cpp' -o -name '*.cc' \) -printf '%P\n' | LC_ALL=C sort)
  local name=$([ "$label" = result ] && echo "the migrated tree" || echo "before/")
  for what in program tests; do
    local objects=("${program[@]}")
    if [ "$what" = tests ]; then
      [ ${#tests[@]} -gt 0 ] || continue
      objects=("${tests[@]}" ${library[@]+"${library[@]}"})
    fi
    # shellcheck disable=SC2046  # one word per flag
    if ! g++ "${objects[@]}" -lprometheus-cpp-core \
        $([ "$what" = tests ] && echo "-lgmock -lgtest_main -lgtest -pthread") \
        -o "$work/program" > "$work/link.log" 2>&1; then
      sed -i "s|$work/obj-$label/||g" "$work/link.log"
      show "linking $name's $what:" "$work/link.log"
      failed "$name's $what do not link into a program"
    elif ! timeout 60 "$work/program" $([ "$what" = tests ] && echo "$one_process") \
        > "$work/run.log" 2>&1; then
      sed -i "s|$tree/||g" "$work/run.log"
      show "running $name's $what:" "$work/run.log"
      failed "$name's $what, run, do not exit 0"
    fi
  done
}
if [ -z "${MM_TEST_TOOL_ONLY:-}" ]; then
  mapfile -t compilers < <(compilers)
  [ ${#compilers[@]} -eq 2 ] || failed "no clang++ to compile the migrated tree with (clang-19 is a dependency)"
  flag_sets=("")
  if [ -f "$case_dir/compile-flags" ]; then
    while IFS= read -r line; do
      [ -n "$line" ] && flag_sets+=("$line")
    done < "$case_dir/compile-flags"
  fi
  if [ -f "$case_dir/run" ]; then
    compile_tree "$root" result "-Wall -Wextra -Werror"
    compile_tree "$case_dir/before" before ""
    link_and_run "$case_dir/before" before
    link_and_run "$root" result
  else
    compile_tree "$root" check "-Wall -Wextra -Werror"
  fi
fi

# 4. A second run changes nothing. Where the first left items for a
# human, the second can migrate nothing more: it says so with exit 8.
cp -a "$root" "$work/first-result"
run_tool "$work/second"
second_exit=$expected_exit
if [ "$expected_exit" = 0 ] && grep -q '\[left for a human\]$' "$work/first.err"; then
  second_exit=8
fi
if [ -f "$case_dir/expected-second-exit" ]; then
  second_exit=$(sed -n 1p "$case_dir/expected-second-exit" | tr -d '[:space:]')
fi
if [ "$rc" != "$second_exit" ]; then
  show "stderr of the second apply:" "$work/second.err"
  failed "the second apply exited with $rc, expected $second_exit"
fi
if ! diff -r "$work/first-result" "$root" > "$work/second.diff"; then
  show "second apply (< first result, > second):" "$work/second.diff"
  failed "a second apply changed the tree"
fi

if [ ${#failures[@]} -gt 0 ]; then
  echo "golden.$name: FAIL:" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "golden.$name: ok"
