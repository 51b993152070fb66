# The shape of test-inputs/partshop after its migration (sourced by
# sample_migrate.sh): no wrapper is called any more, no production file names
# the interface, the registry header exists, the polling part of the service
# stays.
# shellcheck shell=bash disable=SC2034  # name and targets are read by the caller
name=partshop
targets=(partshop_lib dump_metrics partshop_tests)
# The test program, run whole in one process after the migration, and the
# tests of it that do not pass that way yet, each with what it asserts: the
# migration leaves them as they were.
test_program=partshop_tests
one_process_known=()

shape_checks() {
  local production_dirs=(api metrics services utils tools) existing_dirs=() d
  local wrappers wrapper_re calls mentions kept
  # The wrappers, from the interface as it was.
  wrappers=$(sed -n '/^class MetricsServiceProtocol\b/,/^};/p' "$before_src/metrics/metrics_service.h" |
    sed -nE 's/.*virtual void ([A-Za-z_][A-Za-z0-9_]*)\(.*/\1/p' | LC_ALL=C sort -u)
  [ -n "$wrappers" ] || die "found no wrapper in MetricsServiceProtocol of $before_src/metrics/metrics_service.h"
  wrapper_re=$(paste -sd'|' <<< "$wrappers")
  for d in "${production_dirs[@]}"; do
    [ -d "$src/$d" ] && existing_dirs+=("$d")
  done
  calls=$(cd "$src" && grep -rnE "(\.|->)[[:space:]]*($wrapper_re)[[:space:]]*\(" "${existing_dirs[@]}" || true)
  if [ -n "$calls" ]; then
    echo "wrapper calls left in production code:" >&2
    echo "$calls" >&2
    failures+=("$(grep -c . <<< "$calls") wrapper call(s) left")
  fi
  mentions=$(cd "$src" && grep -rnw MetricsServiceProtocol "${existing_dirs[@]}" || true)
  if [ -n "$mentions" ]; then
    echo "MetricsServiceProtocol still named in production code:" >&2
    echo "$mentions" >&2
    failures+=("MetricsServiceProtocol still named $(grep -c . <<< "$mentions") time(s)")
  fi
  [ -f "$src/metrics/registry.h" ] || failures+=("metrics/registry.h was not written")
  for kept in RegisterForPolling StartBackgroundUpdater Shutdown PollOnce; do
    grep -qw "$kept" "$src/metrics/metrics_service.h" ||
      failures+=("metrics/metrics_service.h lost $kept")
  done
}
