#!/usr/bin/env bash
# What metrics-migrate promises never to do, each provoked on a small
# generated project: the exit code, the message, and that the tree's bytes
# are unchanged wherever nothing may be written.
#   usage: safety_cases.sh TOOL CASE
set -uo pipefail
tool=$1
case_name=$2
# shellcheck source=../lib/cli_project.sh
source "$(dirname "$0")/../lib/cli_project.sh"

# unchanged COMMAND...: runs it and fails when the tree's bytes changed.
unchanged() {
  local before after
  before=$(tree_hash)
  "$@"
  after=$(tree_hash)
  [ "$before" = "$after" ] || { echo "the tree changed"; exit 1; }
  echo "ok: tree unchanged"
}

# A second TU, so that one can fail while the other is processed.
add_caller() {
  cat > src/caller.cc <<'CPP'
#include <string>
namespace demo {
class MetricsService;
void Caller() {}
}  // namespace demo
CPP
}

original=""
make_project
cd "$work/proj"
original=$(cat src/metrics.cc)
case "$case_name" in
  # --- bad input: exit 2, named file and line, nothing written -------------
  db-missing)
    unchanged expect 2 "no compile_commands\.json in .*nowhere: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" -- "$tool" apply -p "$work/nowhere"
    ;;
  db-unreadable)
    mkdir "$work/db" && mkdir "$work/db/compile_commands.json"
    unchanged expect 2 "db/compile_commands\.json: cannot read: Is a directory" -- "$tool" apply -p "$work/db"
    ;;
  db-malformed)
    printf '[\n  {"directory": "/", "file": "a.cc" "command": "c++ a.cc"}\n]\n' > compile_commands.json
    unchanged expect 2 '\./compile_commands\.json:2:38: error: Expected , or \} after object property' -- "$tool" apply -p .
    ;;
  db-missing-field)
    printf '[\n  {"directory": "%s", "command": "c++ -c src/metrics.cc"}\n]\n' "$work/proj" > compile_commands.json
    unchanged expect 2 '\./compile_commands\.json:2:4: error: entry 1 has no "file"' -- "$tool" apply -p .
    ;;
  db-relative-directory)
    printf '[\n  {"directory": "src", "file": "metrics.cc", "command": "c++ -c metrics.cc"}\n]\n' > compile_commands.json
    unchanged expect 2 '\./compile_commands\.json:2:17: error: "directory" must be an absolute path, not "src"' -- "$tool" apply -p .
    ;;
  config-syntax)
    printf 'service_class: [demo\nregistry: {expr: r(), header: r.h}\n' > .metrics-migrate.yaml
    unchanged expect 2 '\.metrics-migrate\.yaml:[0-9]+:[0-9]+: error:' -- "$tool" apply -p .
    ;;
  config-unknown-key)
    echo "exclued: [gen/]" >> .metrics-migrate.yaml
    unchanged expect 2 "\.metrics-migrate\.yaml:5:1: error: unknown key 'exclued'" -- "$tool" apply -p .
    ;;
  config-wrong-type)
    echo "interfaces: demo::Protocol" >> .metrics-migrate.yaml
    unchanged expect 2 '\.metrics-migrate\.yaml:5:13: error: not a sequence' -- "$tool" apply -p .
    ;;
  config-class-missing)
    sed -i 's/demo::MetricsService/demo::MetricService/' .metrics-migrate.yaml
    unchanged expect 2 "\.metrics-migrate\.yaml:1: error: service class 'demo::MetricService' is not defined" -- "$tool" apply -p .
    ;;
  root-missing)
    unchanged expect 2 "--root $work/nope: not a directory" -- "$tool" apply -p . --root "$work/nope"
    ;;

  # --- TUs that fail: the rest goes on, exit 3, apply writes nothing --------
  failed-tu)
    printf 'namespace demo { class MetricsService; int broken( }\n' > src/broken.cc
    write_db metrics.cc broken.cc
    unchanged expect 3 'src/broken\.cc:1:[0-9]+: error: .*nothing was written \(fix them, exclude them with --exclude, or pass --allow-partial\)' -- \
      bash -o pipefail -c "'$tool' apply -p . 2>&1 | tr '\n' ' '"
    # diff still shows the rest, and says it is partial with exit 3.
    expect 3 'diff --git a/src/metrics\.cc' -- "$tool" diff -p .
    expect 3 'src/broken\.cc' -- "$tool" report -p .
    ;;
  failed-tu-allow-partial)
    printf 'namespace demo { class MetricsService; int broken( }\n' > src/broken.cc
    write_db metrics.cc broken.cc
    expect 3 'failed to parse: src/broken\.cc' -- "$tool" apply -p . --allow-partial
    grep -q 'JOBS_TOTAL' src/metrics.cc || { echo "not written with --allow-partial"; exit 1; }
    echo "ok: written with --allow-partial"
    ;;
  crash-one-tu)
    # A real crash inside Clang, on one TU only.
    printf '#pragma clang __debug crash\nnamespace demo { class MetricsService; }\n' > src/crash.cc
    add_caller
    write_db metrics.cc crash.cc caller.cc
    for jobs in 1 2; do
      unchanged expect 3 'src/crash\.cc: error: the parser crashed on this file' -- "$tool" catalog -p . -j $jobs
      out=$("$tool" catalog -p . -j $jobs 2>/dev/null)
      grep -q '"RecordJob"' <<<"$out" || { echo "the other TUs' facts were lost"; exit 1; }
      echo "ok: -j $jobs: the other TUs survive"
    done
    unchanged expect 3 'nothing was written' -- "$tool" apply -p .
    ;;

  # --- files that change under the tool: exit 4, nothing written ------------
  stale-after-scan)
    expect 4 'src/metrics\.cc: error: file changed since it was read' -- \
      env METRICS_MIGRATE_TEST_AFTER_SCAN='echo "// edited meanwhile" >> src/metrics.cc' "$tool" apply -p .
    [ "$(cat src/metrics.cc)" = "$original"$'\n'"// edited meanwhile" ] ||
      { echo "src/metrics.cc holds more than the concurrent edit"; exit 1; }
    [ ! -e src/registry.h ] || { echo "src/registry.h was written"; exit 1; }
    echo "ok: nothing written"
    ;;

  # --- atomic apply: exit 5, each file wholly old or wholly new -------------
  read-only)
    chmod 0444 src/metrics.cc
    unchanged expect 5 'src/metrics\.cc: error: file is read-only' -- "$tool" apply -p .
    ;;
  disk-full)
    unchanged expect 5 'src/metrics\.cc: error: cannot write: No space left on device' -- \
      env METRICS_MIGRATE_TEST_FAIL_WRITE=src/metrics.cc "$tool" apply -p .
    [ -z "$(find . -name '*.tmp')" ] || { echo "temporary files left"; exit 1; }
    ;;
  fails-midway)
    chmod 0640 src/metrics.cc
    expect 5 'written \(new text\): src/metrics\.cc' -- \
      env METRICS_MIGRATE_TEST_FAIL_RENAME=src/registry.h "$tool" apply -p . --backup-dir "$work/backup"
    grep -q 'JOBS_TOTAL' src/metrics.cc || { echo "src/metrics.cc not wholly new"; exit 1; }
    [ ! -e src/registry.h ] || { echo "src/registry.h written after the failure"; exit 1; }
    [ "$(stat -c %a src/metrics.cc)" = 640 ] || { echo "permissions not kept"; exit 1; }
    [ "$(cat "$work/backup/src/metrics.cc")" = "$original" ] || { echo "no backup of the original"; exit 1; }
    [ -z "$(find . -name '*.tmp')" ] || { echo "temporary files left"; exit 1; }
    echo "ok: one file new, one not written, backup kept"
    ;;

  # --- fences -----------------------------------------------------------------
  read-commands-write-nothing)
    unchanged expect 0 'diff --git' -- "$tool" diff -p . --stat
    unchanged expect 1 'files? to migrate' -- "$tool" check -p . --diff
    unchanged expect 0 'Decision' -- "$tool" report -p .
    unchanged expect 0 '"RecordJob"' -- "$tool" catalog -p .
    ;;
  excluded-file)
    # A header under third_party/ calls the service: it is never written.
    mkdir -p third_party/vendor
    printf '#pragma once\nnamespace demo {\ninline void Vendor(MetricsService& m) { m.RecordJob("v"); }\n}  // namespace demo\n' \
      > third_party/vendor/hook.h
    sed -i 's|inline void Work|}  // namespace demo\n#include "third_party/vendor/hook.h"\nnamespace demo {\ninline void Work|' src/metrics.cc
    vendor=$(sha256sum third_party/vendor/hook.h)
    # Its call cannot be rewritten, so the wrapper it calls stays and the
    # tree still compiles; nothing else is left to migrate (exit 8).
    expect 8 'third_party/vendor/hook\.h:3: warning: call to RecordJob: third_party/vendor/hook\.h is excluded by the configuration or --exclude; the call cannot be rewritten there \[left for a human\]' -- "$tool" apply -p .
    [ "$(sha256sum third_party/vendor/hook.h)" = "$vendor" ] || { echo "excluded file written"; exit 1; }
    grep -q 'void RecordJob' src/metrics.cc || { echo "the wrapper the excluded file calls is gone"; exit 1; }
    c++ -std=c++17 -fsyntax-only -I . src/metrics.cc || { echo "the migrated tree does not compile"; exit 1; }
    echo "ok: excluded file listed, not written, its wrapper kept"
    ;;
  exclude-flag)
    # --exclude fences a file the configuration does not.
    sed -i 's|inline void Work|}  // namespace demo\n#include "src/hooks.h"\nnamespace demo {\ninline void Work|' src/metrics.cc
    printf '#pragma once\nnamespace demo {\ninline void Hook(MetricsService& m) { m.RecordJob("h"); }\n}  // namespace demo\n' > src/hooks.h
    hooks=$(sha256sum src/hooks.h)
    expect 8 'src/hooks\.h:3: warning: call to RecordJob: src/hooks\.h is excluded' -- "$tool" apply -p . --exclude 'src/hook*.h'
    [ "$(sha256sum src/hooks.h)" = "$hooks" ] || { echo "excluded file written"; exit 1; }
    echo "ok: --exclude fences src/hooks.h"
    ;;
  symlink-outside)
    # A header that is a symlink to a file outside the root: never written.
    mkdir -p "$work/outside"
    printf '#pragma once\nnamespace demo {\ninline void Outside(MetricsService& m) { m.RecordJob("o"); }\n}  // namespace demo\n' \
      > "$work/outside/ext.h"
    ln -s "$work/outside/ext.h" src/ext.h
    sed -i 's|inline void Work|}  // namespace demo\n#include "src/ext.h"\nnamespace demo {\ninline void Work|' src/metrics.cc
    outside=$(sha256sum "$work/outside/ext.h")
    "$tool" apply -p . > "$work/out" 2>&1
    [ "$(sha256sum "$work/outside/ext.h")" = "$outside" ] || { echo "file outside the root written"; exit 1; }
    [ -L src/ext.h ] || { echo "the symlink was replaced"; exit 1; }
    echo "ok: the file outside the root is untouched"
    ;;

  # --- git: apply refuses to overwrite uncommitted work --------------------
  dirty-tree)
    export GIT_CEILING_DIRECTORIES="$work" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
    git init -q . && git add -A && git commit -qm base
    echo "// work in progress" >> src/metrics.cc
    unchanged expect 2 'src/metrics\.cc: error: has uncommitted changes.*pass --allow-dirty' -- \
      bash -o pipefail -c "'$tool' apply -p . 2>&1 | tr '\n' ' '"
    expect 0 '2 files changed' -- "$tool" apply -p . --allow-dirty
    grep -q 'work in progress' src/metrics.cc && grep -q 'JOBS_TOTAL' src/metrics.cc ||
      { echo "not applied over the uncommitted change"; exit 1; }
    echo "ok: refused, then applied with --allow-dirty"
    ;;
  clean-tree)
    export GIT_CEILING_DIRECTORIES="$work" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
    echo "untracked" > notes.txt
    git init -q . && git add src .metrics-migrate.yaml && git commit -qm base
    # Changes elsewhere in the work tree do not matter.
    expect 0 '2 files changed' -- "$tool" apply -p .
    ;;
  *)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
