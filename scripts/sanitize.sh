#!/usr/bin/env bash
# Configures BUILD_DIR with -DMM_SANITIZE=ON (AddressSanitizer and
# UndefinedBehaviorSanitizer on this project's own targets), builds it and
# runs the whole ctest suite under the sanitizers. Any report fails the test
# it happens in. Prints how long the build and the suite took.
#   usage: scripts/sanitize.sh BUILD_DIR [extra ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: scripts/sanitize.sh BUILD_DIR [ctest args]}
shift

# Our code is a small part of the time the tool runs (most is in libclang,
# which is not instrumented): -O1 and line tables keep the build short and
# the reports readable.
cmake -S "$root" -B "$build" -G Ninja -DMM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1"
start=$(date +%s)
cmake --build "$build" -j2
built=$(date +%s)

# Leaks are reported (LeakSanitizer runs at exit of every sanitized binary);
# scripts/lsan.supp lists the ones that are not ours, if any.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1:check_initialization_order=1:strict_init_order=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
ctest --test-dir "$build" -j2 --output-on-failure "$@" || status=$?
done=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, suite $((done - built)) s"
exit $status
