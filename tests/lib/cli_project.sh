# Shared by the command-line test scripts: a one-file project with a
# compile database, and `expect` to check a command's exit code and output.
# The sourcing script sets $tool; this sets $work (removed on exit).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A one-file project with a compile database.
make_project() {
  mkdir -p "$work/proj/src"
  cat > "$work/proj/src/metrics.cc" <<'CPP'
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>
#include <memory>
namespace demo {
class MetricsService {
 public:
  MetricsService()
      : registry_(std::make_shared<prometheus::Registry>()),
        jobs_total_(prometheus::BuildCounter().Name("jobs_total").Help("Jobs").Register(*registry_)) {}
  void RecordJob(const std::string& kind) { jobs_total_.Add({{"kind", kind}}).Increment(); }
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& jobs_total_;
};
inline void Work(MetricsService& m) { m.RecordJob("x"); }
}  // namespace demo
CPP
  cat > "$work/proj/.metrics-migrate.yaml" <<'YAML'
service_class: demo::MetricsService
registry:
  expr: "demo::DefaultRegistry()"
  header: "src/registry.h"
YAML
  write_db metrics.cc
}

write_db() {
  {
    echo "["
    local first=1
    for f in "$@"; do
      [ $first = 1 ] || echo ","
      first=0
      printf '{"directory": "%s", "file": "%s", "command": "c++ -std=c++17 -I '"$work/proj"' -c %s"}\n' \
        "$work/proj/src" "$work/proj/src/$f" "$work/proj/src/$f"
    done
    echo "]"
  } > "$work/proj/compile_commands.json"
}

# expect CODE PATTERN -- command...: runs it, checks exit code and that
# stdout+stderr match the extended regex PATTERN.
expect() {
  local want=$1 pattern=$2
  shift 3
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want" ]; then
    echo "exit code $rc, expected $want; output:"
    echo "$out"
    exit 1
  fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "output does not match /$pattern/:"
    echo "$out"
    exit 1
  fi
  echo "ok: exit $rc, /$pattern/"
}

# tree_hash: one hash of every file's path and bytes under the project,
# to prove a command wrote nothing.
tree_hash() {
  (cd "$work/proj" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
}
