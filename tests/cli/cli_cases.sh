#!/usr/bin/env bash
# Command-line behaviour of metrics-migrate on small generated projects:
# exit codes and messages for bad configuration and broken TUs.
#   usage: cli_cases.sh TOOL CASE
set -uo pipefail
tool=$1
case_name=$2
# shellcheck source=../lib/cli_project.sh
source "$(dirname "$0")/../lib/cli_project.sh"

make_project
cd "$work/proj"
case "$case_name" in
  catalog-json)
    expect 0 '"call_sites"' -- "$tool" catalog -p .
    keys=$("$tool" catalog -p . | python3 -c 'import json,sys; print(",".join(sorted(json.load(sys.stdin))))')
    [ "$keys" = "call_sites,injection_points,interfaces,metrics,service,test_doubles,wrappers" ] ||
      { echo "top-level keys: $keys"; exit 1; }
    a=$("$tool" catalog -p . -j 1) && b=$("$tool" catalog -p . -j 2) && [ "$a" = "$b" ] ||
      { echo "output differs between runs"; exit 1; }
    echo "ok: keys and stable output"
    ;;
  summary)
    expect 0 'metrics +1 .*call sites +1' -- bash -c "'$tool' catalog -p . --summary | tr '\n' ' '"
    ;;
  no-config)
    rm .metrics-migrate.yaml
    expect 2 'no \.metrics-migrate\.yaml found in' -- "$tool" catalog -p .
    ;;
  config-flag)
    mv .metrics-migrate.yaml "$work/other.yaml"
    expect 0 '"jobs_total"' -- "$tool" catalog -p . --config "$work/other.yaml"
    ;;
  unknown-key)
    echo "servce_class: x" >> .metrics-migrate.yaml
    expect 2 '\.metrics-migrate\.yaml:5:1: error: unknown key .servce_class.' -- "$tool" catalog -p .
    ;;
  format-style)
    # Without the key the file's own style (continuation 4 columns, a long
    # line kept whole); with it, the style named, in new files too.
    expect 0 '^\+    prometheus::BuildCounter\(\)\.Name\("jobs_total"\)' -- "$tool" diff -p .
    printf 'format_style: "{BasedOnStyle: LLVM, ContinuationIndentWidth: 6, ColumnLimit: 72}"\n' >> .metrics-migrate.yaml
    expect 0 '^\+      prometheus::BuildCounter\(\)' -- "$tool" diff -p .
    "$tool" diff -p . 2>/dev/null | grep -q '^+.\{73\}' && { echo "a line over 72 columns"; exit 1; }
    echo "ok: the configured style"
    ;;
  bad-format-style)
    echo "format_style: file" >> .metrics-migrate.yaml
    expect 2 "\.metrics-migrate\.yaml:5: error: 'format_style': 'file' is not a style" -- "$tool" catalog -p .
    sed -i 's/^format_style: .*/format_style: "{BasedOnStyle: Nonsense}"/' .metrics-migrate.yaml
    expect 2 "\.metrics-migrate\.yaml:5: error: 'format_style': " -- "$tool" diff -p .
    ;;
  malformed)
    printf 'service_class: [demo\nregistry: {expr: r(), header: r.h}\n' > .metrics-migrate.yaml
    expect 2 '\.metrics-migrate\.yaml:[0-9]+:[0-9]+: error:' -- "$tool" catalog -p .
    ;;
  class-not-found)
    sed -i 's/demo::MetricsService/demo::Nope/' .metrics-migrate.yaml
    expect 2 "\.metrics-migrate\.yaml:1: error: service class 'demo::Nope' is not defined" -- "$tool" catalog -p .
    ;;
  no-database)
    expect 2 "no compile_commands\.json in .*nowhere: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" -- "$tool" catalog -p "$work/nowhere"
    ;;
  bad-usage)
    expect 2 'required' -- "$tool" catalog
    ;;
  failed-tu)
    printf 'namespace demo { class MetricsService; int broken( }\n' > src/broken.cc
    write_db metrics.cc broken.cc
    expect 3 'broken\.cc:1:[0-9]+: error:' -- "$tool" catalog -p .
    # Clang's own "N errors generated." stays out of the output.
    ! "$tool" catalog -p . -q 2>&1 >/dev/null | grep -q 'errors\? generated' ||
      { echo "Clang's error count reached stderr"; exit 1; }
    # The rest is still processed and printed.
    out=$("$tool" catalog -p . 2>/dev/null)
    grep -q '"RecordJob"' <<<"$out" || { echo "catalog missing"; exit 1; }
    echo "ok: rest processed"
    ;;
  diff-then-apply)
    expect 0 '^diff --git a/src/metrics\.cc b/src/metrics\.cc' -- "$tool" diff -p .
    "$tool" diff -p . > "$work/m.diff" 2>/dev/null
    cp -R "$work/proj" "$work/pristine"
    (cd "$work/pristine" && GIT_CEILING_DIRECTORIES="$work" git apply --check "$work/m.diff") ||
      { echo "git apply --check rejects the diff"; exit 1; }
    expect 0 '2 files changed' -- "$tool" apply -p .
    grep -q 'JOBS_TOTAL.Add({{"kind", "x"}}).Increment()' src/metrics.cc ||
      { echo "call not inlined:"; cat src/metrics.cc; exit 1; }
    [ -f src/registry.h ] || { echo "registry header not written"; exit 1; }
    second=$("$tool" diff -q -p . 2>&1)
    [ -z "$second" ] || { echo "second diff not empty: $second"; exit 1; }
    echo "ok: diff, git apply --check, apply, empty second diff"
    ;;
  nothing-migrated)
    # The wrapper is named, not called, somewhere: it stays, so does every
    # call. An empty diff with items left says so: exit 8, with the count
    # by pattern and the docs section; `check` prints the same count.
    sed -i 's|^inline void Work(MetricsService& m) { m.RecordJob("x"); }|&\ninline auto Bound() { return \&MetricsService::RecordJob; }|' src/metrics.cc
    grep -q 'Bound' src/metrics.cc || { echo "the case did not take"; exit 1; }
    before=$(tree_hash)
    expect 8 'items? left for a human, by the code behind them:' -- "$tool" diff -p .
    expect 8 '^  [0-9]+  wrappers named, not called .*; see docs/left-for-a-human\.md#address-taken$' -- "$tool" diff -p .
    [ -z "$("$tool" diff -q -p . 2>/dev/null)" ] || { echo "the diff is not empty"; exit 1; }
    expect 8 'left for a human' -- "$tool" apply -p .
    [ "$(tree_hash)" = "$before" ] || { echo "the tree changed"; exit 1; }
    expect 1 '#address-taken' -- "$tool" check -p .
    # Nothing to migrate, but items: never "nothing left to migrate".
    expect 1 '^metrics-migrate check: 0 files to migrate, [0-9]+ items? left for a human$' -- "$tool" check -p .
    if "$tool" check -p . 2>&1 | grep -q 'nothing left'; then
      echo "check says nothing is left beside its items"; exit 1
    fi
    # With the pointer gone, it migrates and exits 0.
    sed -i '/Bound/d' src/metrics.cc
    expect 0 '' -- "$tool" diff -p .
    ;;
  apply-no-go)
    # A name registered by two fields: the review decides NO-GO, and
    # `apply` writes nothing unless told to.
    rm -rf "$work/proj" && mkdir "$work/proj" && cd "$work/proj"
    cp -R "$(dirname "$0")/../../test-inputs/report-cases/duplicate-registration/." .
    rm expected
    source "$(dirname "$0")/../lib/compile_db.sh"
    write_compile_db "$PWD"
    before=$(tree_hash)
    expect 7 'error: the review decides NO-GO: Duplicate metric registration' -- "$tool" apply -p .
    expect 7 'nothing was written; .* or pass --force' -- "$tool" apply -p .
    [ "$(tree_hash)" = "$before" ] || { echo "the tree changed"; exit 1; }
    # diff and report are not gated: they write no source.
    expect 0 '^diff --git' -- "$tool" diff -p .
    expect 0 'files? changed' -- "$tool" apply -p . --force
    [ "$(tree_hash)" != "$before" ] || { echo "--force wrote nothing"; exit 1; }
    ;;
  export-fixes)
    expect 0 '' -- "$tool" diff -p . --export-fixes "$work/fixes.yaml"
    grep -q '^Diagnostics:\|^Replacements:' "$work/fixes.yaml" &&
      grep -q "FilePath:.*src/metrics.cc" "$work/fixes.yaml" &&
      grep -q "ReplacementText:" "$work/fixes.yaml" ||
      { echo "unexpected export:"; cat "$work/fixes.yaml"; exit 1; }
    # diff wrote nothing but the YAML.
    grep -q 'RecordJob' src/metrics.cc || { echo "diff changed the tree"; exit 1; }
    echo "ok: clang-apply-replacements YAML written, tree untouched"
    ;;
  init)
    # A class holding the service through its constructor makes it the
    # likely service; the written configuration is the one catalog needs.
    printf '#include "src/metrics.cc"\nnamespace demo {\nclass Shop {\n public:\n  explicit Shop(MetricsService& m) : m_(m) {}\n private:\n  MetricsService& m_;\n};\n}  // namespace demo\n' > src/shop.cc
    write_db metrics.cc shop.cc
    rm .metrics-migrate.yaml
    expect 0 'service class: demo::MetricsService \(src/metrics\.cc:6\), 1 metric field\(s\), injected through 1 constructor parameter' -- "$tool" init -p .
    grep -qx 'service_class: demo::MetricsService' .metrics-migrate.yaml &&
      grep -qx '# interfaces: \[\]' .metrics-migrate.yaml &&
      grep -qx '  expr: "demo::metrics::DefaultRegistry()"' .metrics-migrate.yaml &&
      grep -qx '  header: "src/registry.h"' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    expect 0 '"jobs_total"' -- "$tool" catalog -p .
    expect 2 'metrics-migrate\.yaml exists; pass --force to overwrite it' -- "$tool" init -p .
    expect 0 'wrote .*\.metrics-migrate\.yaml' -- "$tool" init -p . --force
    ;;
  init-shared-registry)
    # A registry accessor the project declares, with a shared_ptr one
    # beside it: both are proposed.
    printf '#pragma once\n#include <memory>\n#include <prometheus/registry.h>\nnamespace demo {\nprometheus::Registry& registry();\nstd::shared_ptr<prometheus::Registry> registryHandle();\n}  // namespace demo\n' > src/registry.h
    printf '#include "src/registry.h"\n#include "src/metrics.cc"\nnamespace demo {\nclass Shop {\n public:\n  explicit Shop(MetricsService& m) : m_(m) {}\n private:\n  MetricsService& m_;\n};\n}  // namespace demo\n' > src/shop.cc
    write_db metrics.cc shop.cc
    rm .metrics-migrate.yaml
    expect 0 'registry: demo::registry\(\) from src/registry\.h, shared as demo::registryHandle\(\)' -- "$tool" init -p .
    grep -qx '  expr: "demo::registry()"' .metrics-migrate.yaml &&
      grep -qx '  shared: "demo::registryHandle()"' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    expect 0 '"jobs_total"' -- "$tool" catalog -p .
    ;;
  init-metrics-namespace)
    # A service already in a `metrics` namespace: the registry goes in it,
    # not in a `metrics::metrics`.
    sed -i -e 's/^namespace demo {/namespace obs::metrics {/' -e 's|^}  // namespace demo|}  // namespace obs::metrics|' src/metrics.cc
    rm .metrics-migrate.yaml
    expect 0 'registry: obs::metrics::DefaultRegistry\(\) from src/registry\.h \(none found' -- "$tool" init -p .
    grep -qx 'service_class: obs::metrics::MetricsService' .metrics-migrate.yaml &&
      grep -qx '  expr: "obs::metrics::DefaultRegistry()"' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    ;;
  init-header-extension)
    # A service declared in a `.hpp` header: the registry header proposed
    # beside it is a `.hpp` too.
    { echo '#pragma once'; cat src/metrics.cc; } > src/metrics.hpp
    printf '#include "src/metrics.hpp"\n' > src/metrics.cc
    rm .metrics-migrate.yaml
    expect 0 'registry: demo::metrics::DefaultRegistry\(\) from src/registry\.hpp \(none found' -- "$tool" init -p .
    grep -qx '  header: "src/registry.hpp"' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    ;;
  init-header-under-include)
    # Headers kept apart under include/, on the include path alone: the
    # registry header proposed goes beside the service's header, and every
    # include of it is spelled from include/, so the tree still builds.
    mkdir -p include/demo
    { echo '#pragma once'; cat src/metrics.cc; } > include/demo/metrics.hpp
    printf '#include "demo/metrics.hpp"\nnamespace demo { void Use(MetricsService& m) { m.RecordJob("u"); } }\n' > src/metrics.cc
    cat > compile_commands.json <<JSON
[{"directory": "$work/proj/src", "file": "$work/proj/src/metrics.cc", "command": "c++ -std=c++17 -I $work/proj/include -c $work/proj/src/metrics.cc"}]
JSON
    rm .metrics-migrate.yaml
    expect 0 'registry: demo::metrics::DefaultRegistry\(\) from include/demo/registry\.hpp' -- "$tool" init -p .
    grep -qx '  header: "include/demo/registry.hpp"' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    expect 0 '' -- "$tool" apply -p . -q
    [ -f include/demo/registry.hpp ] || { echo "registry header not written there"; exit 1; }
    grep -rqx '#include "demo/registry.hpp"' include src ||
      { echo "the registry header is not included from include/:"; grep -rn registry include src; exit 1; }
    c++ -std=c++17 -fsyntax-only -I include src/metrics.cc ||
      { echo "the migrated tree does not compile"; exit 1; }
    echo "ok: proposed under include/, spelled from it, compiles"
    ;;
  init-interfaces)
    # The polymorphic bases are written as interfaces, where a shard's
    # prefilter can see them.
    sed -i -e 's/^class MetricsService {/struct Sink { virtual ~Sink() = default; };\nclass MetricsService : public Sink {/' src/metrics.cc
    rm .metrics-migrate.yaml
    expect 0 'its own or as demo::Sink' -- "$tool" init -p .
    grep -qx 'interfaces: \["demo::Sink"\]' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    expect 0 '"demo::Sink"' -- "$tool" catalog -p .
    ;;
  init-nothing-found)
    printf 'namespace demo { struct Plain { int x = 0; }; }\n' > src/metrics.cc
    rm .metrics-migrate.yaml
    expect 2 'no class under .* has a prometheus-cpp metric or family field \(1 translation units, 1 of them never name .prometheus., 0 failed to parse\); write' -- "$tool" init -p .
    [ ! -e .metrics-migrate.yaml ] || { echo "a configuration was written"; exit 1; }
    echo "ok: nothing written"
    ;;
  init-failed-tu)
    # The service's own TU does not parse: no class is found, and the
    # message names the TU with its first error rather than only "none".
    sed -i 's/Name("jobs_total")/Name("jobs_total"/' src/metrics.cc
    rm .metrics-migrate.yaml
    expect 2 '1 failed to parse\); the service may be in one of those that failed' -- "$tool" init -p .
    expect 2 '^  src/metrics\.cc: src/metrics\.cc:[0-9]+:[0-9]+: error: expected' -- "$tool" init -p .
    out=$("$tool" init -p . 2>&1)
    ! grep -q 'errors\? generated' <<<"$out" || { echo "Clang's count reached stderr: $out"; exit 1; }
    [ ! -e .metrics-migrate.yaml ] || { echo "a configuration was written"; exit 1; }
    echo "ok: failed TU named, nothing written"
    ;;
  init-metric-methods)
    # Metrics built on each call by accessors, none held in a field: no
    # service, and the message names the class and its accessors.
    cat > src/metrics.cc <<'CPP'
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>
#include <memory>
namespace demo {
class Exporter {
 public:
  prometheus::Family<prometheus::Counter>& jobs() {
    return prometheus::BuildCounter().Name("jobs_total").Help("Jobs").Register(*registry_);
  }
 private:
  std::shared_ptr<prometheus::Registry> registry_ = std::make_shared<prometheus::Registry>();
};
}  // namespace demo
CPP
    rm .metrics-migrate.yaml
    expect 2 'no class under .* has a prometheus-cpp metric or family field .*; demo::Exporter \(src/metrics\.cc:6\) returns metrics from 1 method\(s\) \(jobs\) instead of holding them in fields' -- "$tool" init -p .
    [ ! -e .metrics-migrate.yaml ] || { echo "a configuration was written"; exit 1; }
    ;;
  init-prefilter)
    # A TU that never names prometheus is not parsed by init (this one
    # would not even parse); --no-prefilter parses it and reports it.
    printf 'namespace demo { class MetricsService; int broken( }\n' > src/broken.cc
    write_db metrics.cc broken.cc
    rm .metrics-migrate.yaml
    expect 0 'translation units: 2 \(1 skipped: they never name .prometheus.; 0 failed to parse\)' -- "$tool" init -p . -q
    expect 3 'failed to parse: .*broken\.cc:1:[0-9]+: error:' -- "$tool" init -p . -q --no-prefilter --force
    grep -qx 'service_class: demo::MetricsService' .metrics-migrate.yaml ||
      { echo "unexpected configuration:"; cat .metrics-migrate.yaml; exit 1; }
    ;;
  prefilter)
    # An unrelated TU is skipped without being parsed (it would not even
    # parse); a TU reaching the service through a header is not. The facts
    # are the same with and without the prefilter.
    mkdir -p src/util
    printf '#pragma once\n#include "src/metrics.cc"\n' > src/util/hub.h
    printf '#include "util/hub.h"\nnamespace demo { void Use(MetricsService& m) { m.RecordJob("u"); } }\n' > src/user.cc
    printf 'int unrelated() { return 1; }\n' > src/unrelated.cc
    write_db metrics.cc user.cc unrelated.cc
    expect 0 'translation units +3 \(1 skipped: they never name the service; 0 failed;' -- "$tool" catalog -p . --summary
    expect 0 'translation units +3 \(0 skipped' -- "$tool" catalog -p . --summary --no-prefilter
    # Not on a terminal: one progress line per TU on stderr; none with -q.
    expect 0 '^\[3/3\] user\.cc \(skipped 1, failed 0\)$' -- bash -c "'$tool' catalog -p . -j 1 2>&1 >/dev/null"
    expect 0 '^$' -- bash -c "'$tool' catalog -p . -j 1 -q 2>&1 >/dev/null | wc -c | tr -d ' ' | sed 's/^0\$//'"
    with=$("$tool" catalog -p . --facts) && without=$("$tool" catalog -p . --facts --no-prefilter)
    [ "$with" = "$without" ] || { echo "facts differ with the prefilter"; diff <(echo "$with") <(echo "$without"); exit 1; }
    grep -q '"src/user.cc"' <<<"$with" || { echo "user.cc's call was lost"; exit 1; }
    echo "ok: same facts with and without the prefilter"
    # A TU the prefilter skips is not parsed: its errors do not count.
    printf 'int broken( {\n' > src/unrelated.cc
    expect 0 '1 skipped' -- "$tool" catalog -p . --summary
    expect 3 'unrelated\.cc' -- "$tool" catalog -p . --summary --no-prefilter
    ;;
  prefilter-computed-include)
    # A TU reaching the service only through `#include MACRO` cannot be
    # followed by text: it is parsed, its call is migrated, and the tree
    # still compiles. One whose include is spelled out and names nothing is
    # skipped still, and so is one using `#include_next`. (Its only call:
    # the metric moves into it.)
    sed -i '/^inline void Work/d' src/metrics.cc
    mkdir -p src/util
    printf '#pragma once\n#include "src/metrics.cc"\nnamespace demo { MetricsService& hub(); }\n' > src/util/hub.h
    printf '#define DEMO_HUB "util/hub.h"\n#include DEMO_HUB\nvoid use() { demo::hub().RecordJob("u"); }\n' > src/user.cc
    printf '#include_next <stddef.h>\nint unrelated() { return 1; }\n' > src/unrelated.cc
    write_db metrics.cc user.cc unrelated.cc
    expect 0 'translation units +3 \(1 skipped: they never name the service; 0 failed;' -- "$tool" catalog -p . --summary
    expect 0 '"src/user.cc"' -- "$tool" catalog -p .
    expect 0 '' -- "$tool" apply -p . -q
    grep -q 'JOBS_TOTAL.Add({{"kind", "u"}}).Increment();' src/user.cc ||
      { echo "the call behind the computed include was not migrated:"; cat src/user.cc; exit 1; }
    ;;
  include-path-per-tu)
    # Most of the project includes from the root, but tools/ is compiled
    # with lib/ alone on its include path: the registry header a metric
    # moving into tools/dump.cc needs is spelled from its own folder there.
    sed -i '/^inline void Work/d' src/metrics.cc
    mkdir -p tools lib
    printf '#pragma once\nint helper();\n' > src/helper.h
    printf '#include "src/metrics.cc"\n#include "src/helper.h"\nint helper() { return 1; }\n' > src/user.cc
    printf '#include "../src/metrics.cc"\nvoid dump(demo::MetricsService& m) { m.RecordJob("d"); }\n' > tools/dump.cc
    cat > compile_commands.json <<JSON
[
{"directory": "$work/proj/src", "file": "$work/proj/src/metrics.cc", "command": "c++ -std=c++17 -I $work/proj -c $work/proj/src/metrics.cc"},
{"directory": "$work/proj/src", "file": "$work/proj/src/user.cc", "command": "c++ -std=c++17 -I $work/proj -c $work/proj/src/user.cc"},
{"directory": "$work/proj/tools", "file": "$work/proj/tools/dump.cc", "command": "c++ -std=c++17 -I $work/proj/lib -c $work/proj/tools/dump.cc"}
]
JSON
    expect 0 '' -- "$tool" apply -p . -q
    # So is the one the service's file gets: tools/dump.cc includes it too.
    grep -qx '#include "registry.h"' src/metrics.cc &&
      grep -qx '#include "../src/registry.h"' tools/dump.cc &&
      grep -q 'JOBS_TOTAL.Add({{"kind", "d"}}).Increment();' tools/dump.cc ||
      { echo "the include does not resolve on tools/dump.cc's path:"; cat tools/dump.cc; exit 1; }
    ;;
  prefilter-interfaces)
    # The service's base `Sink` is not configured. A TU that sees only the
    # base (its header, not the service) names no prefilter word and is
    # skipped at first; once the service's TU shows `Sink` to be its base,
    # it is parsed knowing it, with or without the prefilter.
    printf '#pragma once\n#include <string>\nnamespace demo {\nstruct Sink {\n  virtual ~Sink() = default;\n  virtual void RecordJob(const std::string& kind) = 0;\n};\n}  // namespace demo\n' > src/sink.h
    sed -i -e 's|^#include <memory>|#include <memory>\n#include "src/sink.h"|' \
        -e 's/^class MetricsService {/class MetricsService : public Sink {/' \
        -e 's/void RecordJob(const std::string& kind) {/void RecordJob(const std::string\& kind) override {/' src/metrics.cc
    printf '#include "src/sink.h"\nnamespace demo { void Work(Sink& s) { s.RecordJob("w"); } }\n' > src/worker.cc
    write_db metrics.cc worker.cc
    expect 0 'call sites +2' -- "$tool" catalog -p . --summary
    expect 0 'translation units +2 \(0 skipped' -- "$tool" catalog -p . --summary
    with=$("$tool" catalog -p .) && without=$("$tool" catalog -p . --no-prefilter)
    [ "$with" = "$without" ] || { echo "catalog differs with the prefilter"; diff <(echo "$with") <(echo "$without"); exit 1; }
    grep -q '"file": "src/worker.cc"' <<<"$with" || { echo "worker.cc's call was lost"; echo "$with"; exit 1; }
    # Shards cannot learn it from each other: the merge says so.
    "$tool" scan -p . --shard 1/2 -o "$work/f1.json" 2>/dev/null
    "$tool" scan -p . --shard 2/2 -o "$work/f2.json" 2>/dev/null
    expect 0 'warning: the service.s bases demo::Sink are not listed in .interfaces:.' -- "$tool" merge --no-verify "$work/f1.json" "$work/f2.json"
    # Listed, it is a word of the first pass: the same result.
    echo 'interfaces: ["demo::Sink"]' >> .metrics-migrate.yaml
    listed=$("$tool" catalog -p .)
    [ "$with" = "$listed" ] || { echo "catalog differs when the interface is listed"; exit 1; }
    "$tool" scan -p . --shard 1/2 -o "$work/f1.json" 2>/dev/null
    "$tool" scan -p . --shard 2/2 -o "$work/f2.json" 2>/dev/null
    out=$("$tool" merge --no-verify "$work/f1.json" "$work/f2.json" 2>&1 >/dev/null)
    ! grep -q 'not listed' <<<"$out" || { echo "warned although listed: $out"; exit 1; }
    echo "ok: the base's TU is scanned"
    ;;
  shards)
    # Two TUs in two shards; merge equals diff, also with --apply. The
    # only call is in user.cc: the metric moves there.
    sed -i '/^inline void Work/d' src/metrics.cc
    add_user() { printf '#include "src/metrics.cc"\nnamespace demo { void Use(MetricsService& m) { m.RecordJob("u"); } }\n' > src/user.cc; }
    add_user
    write_db metrics.cc user.cc
    "$tool" diff -p . > "$work/single.diff" 2>/dev/null
    expect 0 'shard 1/2: 1 translation units \(0 skipped, 0 failed\)' -- "$tool" scan -p . --shard 1/2 -o "$work/f1.json"
    expect 0 'shard 2/2: 1 translation units' -- "$tool" scan -p . --shard 2/2 -o "$work/f2.json"
    unchanged_before=$(tree_hash)
    expect 2 'merge: -p BUILD_DIR is needed to verify' -- "$tool" merge "$work/f1.json" "$work/f2.json"
    "$tool" merge -p . "$work/f1.json" "$work/f2.json" > "$work/merged.diff" 2>/dev/null
    [ "$(tree_hash)" = "$unchanged_before" ] || { echo "merge without --apply wrote"; exit 1; }
    cmp "$work/single.diff" "$work/merged.diff" || { echo "merge differs from diff"; exit 1; }
    # Shards given in any order, verified, written.
    expect 0 '3 files changed' -- "$tool" merge -p . --apply "$work/f2.json" "$work/f1.json"
    grep -q 'JOBS_TOTAL.Add({{"kind", "u"}}).Increment();' src/user.cc ||
      { echo "merge --apply did not write"; cat src/user.cc; exit 1; }
    # The facts carry the bytes' hashes: merging them again after the tree
    # changed rewrites nothing (their offsets are into the old bytes) and
    # writes nothing.
    changed=$(tree_hash)
    expect 4 'src/metrics\.cc: error: file changed since it was read' -- "$tool" merge -p . --apply "$work/f1.json" "$work/f2.json"
    [ "$(tree_hash)" = "$changed" ] || { echo "a merge of stale facts wrote"; exit 1; }
    ;;
  merge-errors)
    "$tool" scan -p . --shard 1/2 -o "$work/f1.json" 2>/dev/null
    "$tool" scan -p . --shard 2/2 -o "$work/f2.json" 2>/dev/null
    expect 2 'merge: shard 2/2 is missing' -- "$tool" merge "$work/f1.json"
    expect 2 'f1\.json: error: shard 1/2 again \(also in .*f1\.json\)' -- "$tool" merge "$work/f1.json" "$work/f1.json"
    expect 2 'shard K/N: expected|--shard 3/2: expected K/N' -- "$tool" scan -p . --shard 3/2 -o "$work/x.json"
    echo '{"format": "something-else"}' > "$work/bad.json"
    expect 2 'bad\.json: error: not a facts file' -- "$tool" merge "$work/bad.json"
    head -c 300 "$work/f1.json" > "$work/cut.json"
    expect 2 'cut\.json: error: \[[0-9]+:[0-9]+' -- "$tool" merge "$work/cut.json"
    sed 's/"parsed": true/"parsed": "yes"/' "$work/f1.json" > "$work/typed.json"
    expect 2 'typed\.json "tus": error: .*expected boolean' -- "$tool" merge "$work/typed.json" "$work/f2.json"
    ;;
  cache)
    # A re-run reuses every TU's facts; after an edit, only the TUs that read
    # the edited file are parsed again; the facts are those of a fresh run.
    printf '#include "src/metrics.cc"\nnamespace demo { void Use(MetricsService& m) { m.RecordJob("u"); } }\n' > src/user.cc
    printf '#include "src/metrics.cc"\n#include "src/other.h"\nnamespace demo { void Other(MetricsService& m) { m.RecordJob("o"); } }\n' > src/other.cc
    printf '#pragma once\n' > src/other.h
    write_db metrics.cc user.cc other.cc
    cache="$work/cache"
    expect 0 'translation units +3 \(0 skipped: they never name the service; 0 failed; 0 from the cache\)' -- "$tool" catalog -p . --summary --cache-dir "$cache"
    expect 0 '0 failed; 3 from the cache\)' -- "$tool" catalog -p . --summary --cache-dir "$cache"
    printf '#pragma once\n// edited\n' > src/other.h
    expect 0 '0 failed; 2 from the cache\)' -- "$tool" catalog -p . --summary --cache-dir "$cache"
    cached=$("$tool" catalog -p . --facts --cache-dir "$cache") && fresh=$("$tool" catalog -p . --facts)
    [ "$cached" = "$fresh" ] || { echo "cached facts differ from a fresh scan"; exit 1; }
    # A change of configuration invalidates everything.
    echo "# a comment" >> .metrics-migrate.yaml
    expect 0 '0 failed; 0 from the cache\)' -- env METRICS_MIGRATE_CACHE_DIR="$cache" "$tool" catalog -p . --summary
    # A damaged entry is a miss, not an error.
    for f in "$cache"/*.json; do echo garbage > "$f"; done
    expect 0 '0 failed; 0 from the cache\)' -- "$tool" catalog -p . --summary --cache-dir "$cache"
    ;;
  version)
    expect 0 '^metrics-migrate [0-9]+\.[0-9]+\.[0-9]+ \(LLVM 19\.[0-9.]+\)$' -- "$tool" --version
    ;;
  *)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
