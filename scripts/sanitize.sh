#!/usr/bin/env bash
# Configures BUILD_DIR as the instrumented build: clang++-19, AddressSanitizer
# and UndefinedBehaviorSanitizer on this project's own targets, and the
# libFuzzer targets of fuzz/ (-DMM_SANITIZE=ON -DMM_FUZZ=ON: one build serves
# both). Builds it and runs the ctest suite under the sanitizers; the fuzz.*
# tests fuzz each target for MM_FUZZ_SECONDS (default 20) and replay its past
# crashes. Any report fails the test it happens in. Prints how long the build
# and the suite took.
#
# MM_TEST_TOOL_ONLY=1 is set for the suite: the golden cases check what the
# tool wrote against after/ and do not compile it again (the plain suite
# compiles every after/; the sanitizers are about the tool).
#   usage: scripts/sanitize.sh BUILD_DIR [extra ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: scripts/sanitize.sh BUILD_DIR [ctest args]}
shift
seconds=${MM_FUZZ_SECONDS:-20}

# A build directory configured with another compiler cannot be switched.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_CXX_COMPILER:.*clang++-19' "$build/CMakeCache.txt"; then
  echo "sanitize.sh: $build was configured with another compiler; use an empty directory" >&2
  exit 2
fi
# Our code is a small part of the time the tool runs (most is in libclang,
# which is not instrumented): -O1 and line tables keep the build short and
# the reports readable.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DMM_SANITIZE=ON -DMM_FUZZ=ON -DMM_FUZZ_SECONDS="$seconds" \
  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1"
start=$(date +%s)
cmake --build "$build" -j2
built=$(date +%s)

# Leaks are reported (LeakSanitizer runs at exit of every sanitized binary);
# scripts/lsan.supp lists the ones that are not ours, if any.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1:check_initialization_order=1:strict_init_order=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export MM_TEST_TOOL_ONLY=1
status=0
ctest --test-dir "$build" -j2 --output-on-failure "$@" || status=$?
done=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, suite $((done - built)) s"
exit $status
