#!/usr/bin/env bash
# Verification against a planner that goes wrong at random: on golden cases
# with wrappers the plan keeps, METRICS_MIGRATE_TEST_FORCE_INLINE=SEED inlines
# a random subset of them all the same. Whatever the seed, `apply` must end
# with a tree that compiles (exit 0: the stage took the bad decisions back)
# or with nothing written (exit 6, or 8 when every decision was taken back).
# Each written tree is compiled with g++ or clang++, by turns. At least one
# seed must have forced a decision that verification took back, or the test
# proves nothing.
#   usage: verify_fuzz.sh TOOL CASES_DIR SEEDS CASE...
set -uo pipefail
tool=$(realpath "$1")
cases_dir=$(realpath "$2")
seeds=$3
shift 3
# shellcheck source=../lib/compile_db.sh
source "$(dirname "$0")/../lib/compile_db.sh"

mapfile -t cxxs < <(compilers)
[ ${#cxxs[@]} -eq 2 ] || { echo "FAIL: no clang++ to compile with"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 taken_back=0 runs=0
for name in "$@"; do
  for seed in $(seq 1 "$seeds"); do
    root="$work/$name-$seed"
    cp -a "$cases_dir/$name/before" "$root"
    write_compile_db "$root"
    before=$(cd "$root" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    out=$(cd "$root" && METRICS_MIGRATE_TEST_FORCE_INLINE=$seed "$tool" apply -p . -q 2>&1)
    rc=$?
    runs=$((runs + 1))
    grep -q 'kept as it is: after ' <<<"$out" && taken_back=$((taken_back + 1))
    case $rc in
      0)
        # One compiler per seed, taking turns: each written tree is
        # compiled once, and each compiler sees half of them.
        cxx=${cxxs[$(((seed - 1) % ${#cxxs[@]}))]}
        while IFS= read -r f; do
          # shellcheck disable=SC2046
          if ! "$cxx" -std=c++17 -fsyntax-only $(include_flags "$root") "$root/$f" 2>"$work/err"; then
            echo "FAIL: $name seed $seed: exit 0 but $f does not compile with $cxx:"
            head -5 "$work/err"
            failures=$((failures + 1))
          fi
        done < <(cd "$root" && find . \( -name '*.cpp' -o -name '*.cc' \) -printf '%P\n' | LC_ALL=C sort)
        ;;
      6|8)
        # Not verified, or every decision taken back: nothing written.
        after=$(cd "$root" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        [ "$before" = "$after" ] || { echo "FAIL: $name seed $seed: exit $rc but the tree changed"; failures=$((failures + 1)); }
        ;;
      *)
        echo "FAIL: $name seed $seed: exit $rc:"
        echo "$out" | head -5
        failures=$((failures + 1))
        ;;
    esac
  done
done
echo "$runs runs, $taken_back with decisions taken back, $failures failures"
[ "$taken_back" -gt 0 ] || { echo "FAIL: no seed forced a decision verification had to take back"; exit 1; }
[ "$failures" = 0 ]
