# The shape of test-inputs/ingestd after its migration (sourced by
# sample_migrate.sh): the registry header the project has is used, not a new
# one; every wrapper call left in production code is one the migration
# listed for a human; the class keeps what only it uses (scrape, build info).
# shellcheck shell=bash disable=SC2034  # name and targets are read by the caller
name=ingestd
targets=()
# The test program, run whole in one process after the migration, and the
# tests of it that do not pass that way yet, each with what it asserts: the
# migration leaves them as they were.
test_program=ingestd_check
one_process_known=()

shape_checks() {
  local new_files left listed call file line
  new_files=$(sed -n 's|^+++ b/\(.*\)|\1|p' "$work/migration.diff" |
    while IFS= read -r f; do [ -f "$before_src/$f" ] || echo "$f"; done)
  if [ -n "$new_files" ]; then
    failures+=("the migration created $(grep -c . <<< "$new_files") file(s): $(paste -sd' ' <<< "$new_files")")
  fi
  # Calls of the class's methods through a held object, by file:line.
  left=$(cd "$src" && grep -rnE "(m_metrics|metrics|m)(\.|->)(record|observe|set)[A-Za-z]*\(" src include || true)
  while IFS= read -r call; do
    [ -n "$call" ] || continue
    file=${call%%:*}
    line=$(cut -d: -f2 <<< "$call")
    listed=$(grep -c "^$file:[0-9]*: warning:" "$work/diff.stderr" || true)
    if [ "$listed" = 0 ]; then
      failures+=("a call left at $file:$line that the migration did not list for a human")
    fi
  done <<< "$left"
  for kept in scrape m_buildInfo; do
    grep -qw "$kept" "$src/include/ingestd/telemetry/ingest_metrics.hpp" ||
      failures+=("ingest_metrics.hpp lost $kept")
  done
}
