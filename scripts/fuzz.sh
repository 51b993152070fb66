#!/usr/bin/env bash
# Configures BUILD_DIR as the fuzz build (clang++-19, -DMM_FUZZ=ON: libraries
# with -fsanitize=fuzzer-no-link,address,undefined, the targets in fuzz/ with
# libFuzzer), builds the fuzz targets and runs their ctests: each target is
# fuzzed for MM_FUZZ_SECONDS (default 20) from its seed corpus, and its past
# crashes are replayed. Exits non-zero on any crash; the crashing input is
# left in BUILD_DIR/fuzz/artifacts/.
#   usage: scripts/fuzz.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: scripts/fuzz.sh BUILD_DIR}
seconds=${MM_FUZZ_SECONDS:-20}

# A build directory configured with another compiler cannot be switched.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_CXX_COMPILER:.*clang++-19' "$build/CMakeCache.txt"; then
  echo "fuzz.sh: $build was configured with another compiler; use an empty directory" >&2
  exit 2
fi
cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMM_FUZZ=ON -DMM_BUILD_TESTS=OFF -DMM_FUZZ_SECONDS="$seconds"
cmake --build "$build" -j2 --target config_fuzzer facts_fuzzer diff_fuzzer

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir "$build" -R '^fuzz\.' --output-on-failure -j2
