#!/usr/bin/env python3
"""Write a synthetic C++ codebase for benchmarking metrics-migrate.

The tree holds:
  metrics/metrics_service.{h,cpp}  a MetricsService (M metrics, W wrappers) behind an
                                   abstract MetricsServiceProtocol, as in test-inputs/partshop
  services/svcS/fileF.{h,cpp}      S services x F files; every class takes a
                                   MetricsServiceProtocol& in its constructor and records
                                   through it (C call sites in all)
  app/main.cpp                     constructs every service class with one MetricsService
  lib/modK/unitU.{h,cpp}           TUs that never mention the service (standard library only)
  build/compile_commands.json      one entry per .cpp
  .metrics-migrate.yaml

--tus is the total number of TUs; --metrics-ratio of them use metrics (the service's .cpp,
app/main.cpp and the service files). The same arguments always write the same bytes.

  bench/generate.py /tmp/tree --tus 1000 --metrics-ratio 0.1
"""

import argparse
import json
import os
import random
import shutil
import sys

STD_HEADERS = ["algorithm", "map", "memory", "string", "vector", "unordered_map", "set",
               "functional", "numeric", "sstream", "optional", "utility", "stdexcept",
               "chrono", "mutex", "iostream", "deque", "tuple", "array", "cstdint"]
PROM_HEADERS = ["prometheus/counter.h", "prometheus/family.h", "prometheus/gauge.h",
                "prometheus/histogram.h", "prometheus/registry.h"]
KINDS = ["counter", "gauge", "histogram"]


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def metric_name(j):
    kind = KINDS[j % 3]
    suffix = {"counter": "_total", "gauge": "_current", "histogram": "_duration_seconds"}[kind]
    return f"bench_area{j // 3}_{kind}{j}{suffix}"


def wrapper(i, metrics):
    """(name, params, call argument template, kind, metric index) of wrapper i."""
    j = i % metrics
    kind = KINDS[j % 3]
    if kind == "counter":
        return f"RecordEvent{i}", "const std::string& operation, int count", kind, j
    if kind == "gauge":
        return f"SetLevel{i}", "int value", kind, j
    return f"ObserveDuration{i}", "double duration_seconds", kind, j


def call_args(kind, k):
    if kind == "counter":
        return f'"op{k % 5}", n'
    if kind == "gauge":
        return "static_cast<int>(items_.size())"
    return "n * 0.001"


def gen_service(args):
    M, W = args.metrics, args.wrappers
    h = ["#pragma once", ""]
    h += [f"#include <{p}>" for p in PROM_HEADERS]
    h += ["", "#include <memory>", "#include <string>", "", "namespace bench {", "",
          "// Interface the services record metrics through; tests swap in a stub.",
          "class MetricsServiceProtocol {", " public:",
          "  virtual ~MetricsServiceProtocol() = default;"]
    for i in range(W):
        name, params, _, _ = wrapper(i, M)
        h.append(f"  virtual void {name}({params}) = 0;")
    h += ["};", "", "// Owns the registry and every metric of the application.",
          "class MetricsService : public MetricsServiceProtocol {", " public:",
          "  MetricsService();", "",
          "  MetricsService(const MetricsService&) = delete;",
          "  MetricsService& operator=(const MetricsService&) = delete;", "",
          "  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }", ""]
    for i in range(W):
        name, params, _, _ = wrapper(i, M)
        h.append(f"  void {name}({params}) override;")
    h += ["", " private:", "  std::shared_ptr<prometheus::Registry> registry_;"]
    for j in range(M):
        kind = KINDS[j % 3]
        t = {"counter": "prometheus::Family<prometheus::Counter>&",
             "gauge": "prometheus::Gauge&",
             "histogram": "prometheus::Family<prometheus::Histogram>&"}[kind]
        h.append(f"  {t} m{j}_;")
    h += ["};", "", "}  // namespace bench", ""]

    c = ['#include "metrics/metrics_service.h"', "", "#include <utility>", "",
         "namespace bench {", "namespace {", "",
         "// Latency buckets for request/response style operations.",
         "static const prometheus::Histogram::BucketBoundaries kLatencyBuckets{",
         "    0.01, 0.05, 0.1, 0.5, 1.0, 5.0};", "", "}  // namespace", "",
         "MetricsService::MetricsService()",
         "    : registry_(std::make_shared<prometheus::Registry>())"]
    for j in range(M):
        kind = KINDS[j % 3]
        builder = {"counter": "BuildCounter", "gauge": "BuildGauge",
                   "histogram": "BuildHistogram"}[kind]
        c[-1] += ","
        c += [f"      m{j}_(prometheus::{builder}()",
              f'               .Name("{metric_name(j)}")',
              f'               .Help("Synthetic {kind} number {j}")',
              "               .Register(*registry_)" + (")" if kind != "gauge" else "")]
        if kind == "gauge":
            c.append("               .Add({}))")
    c += ["{}", ""]
    for i in range(W):
        name, params, kind, j = wrapper(i, M)
        c.append(f"void MetricsService::{name}({params}) {{")
        if kind == "counter":
            c.append(f'  m{j}_.Add({{{{"operation", operation}}}}).Increment(count);')
        elif kind == "gauge":
            c.append(f"  m{j}_.Set(value);")
        else:
            c.append(f"  m{j}_.Add({{}}, kLatencyBuckets).Observe(duration_seconds);")
        c += ["}", ""]
    c += ["}  // namespace bench", ""]
    return "\n".join(h), "\n".join(c)


def gen_service_file(rng, s, f, calls, args):
    cls = f"Svc{s}File{f}"
    stds = sorted(rng.sample(STD_HEADERS, 5) + ["string", "vector"])
    stds = sorted(set(stds))
    h = ["#pragma once", ""] + [f"#include <{x}>" for x in stds] + [
        "", '#include "metrics/metrics_service.h"', "", f"namespace bench::svc{s} {{", "",
        f"class {cls} {{", " public:",
        f"  explicit {cls}(MetricsServiceProtocol& metrics);", ""]
    for k in range(len(calls)):
        h.append(f"  int Handle{k}(const std::string& key, int n);")
    h += ["  std::size_t Size() const { return items_.size(); }", "", " private:",
          "  MetricsServiceProtocol& metrics_;", "  std::vector<std::string> items_;",
          "};", "", f"}}  // namespace bench::svc{s}", ""]
    c = [f'#include "services/svc{s}/file{f}.h"', ""]
    c += [f"#include <{p}>" for p in sorted(rng.sample(PROM_HEADERS, 3))]
    c += ["", "#include <algorithm>", "#include <map>", "#include <memory>", "",
          f"namespace bench::svc{s} {{", "",
          f"{cls}::{cls}(MetricsServiceProtocol& metrics) : metrics_(metrics) {{}}", ""]
    for k, i in enumerate(calls):
        name, _, kind, _ = wrapper(i, args.metrics)
        c += [f"int {cls}::Handle{k}(const std::string& key, int n) {{",
              "  items_.push_back(key);",
              "  std::sort(items_.begin(), items_.end());",
              "  std::map<std::string, int> seen;",
              "  for (const auto& item : items_) ++seen[item];",
              f"  metrics_.{name}({call_args(kind, k)});",
              "  return seen[key] + n;", "}", ""]
    c += [f"}}  // namespace bench::svc{s}", ""]
    return "\n".join(h), "\n".join(c)


def gen_unit(rng, m, u, units_per_mod):
    cls = f"Mod{m}Unit{u}"
    stds = sorted(set(rng.sample(STD_HEADERS, 6) + ["string", "vector", "map", "algorithm"]))
    h = ["#pragma once", ""] + [f"#include <{x}>" for x in stds] + [
        "", f"namespace bench::mod{m} {{", "", f"class {cls} {{", " public:",
        "  void Add(const std::string& key, int value);",
        "  int Total() const;", "  std::vector<std::string> Keys() const;", "", " private:",
        "  std::map<std::string, int> values_;", "};", "", f"}}  // namespace bench::mod{m}", ""]
    c = [f'#include "lib/mod{m}/unit{u}.h"', ""]
    if u > 0 and rng.random() < 0.5:  # some project headers that include others
        c.append(f'#include "lib/mod{m}/unit{rng.randrange(u)}.h"')
    c += ["", "#include <numeric>", "", f"namespace bench::mod{m} {{", "",
          f"void {cls}::Add(const std::string& key, int value) {{ values_[key] += value; }}", "",
          f"int {cls}::Total() const {{",
          "  return std::accumulate(values_.begin(), values_.end(), 0,",
          "                         [](int sum, const auto& kv) { return sum + kv.second; });",
          "}", "", f"std::vector<std::string> {cls}::Keys() const {{",
          "  std::vector<std::string> keys;",
          "  for (const auto& kv : values_) keys.push_back(kv.first);",
          "  std::sort(keys.begin(), keys.end());", "  return keys;", "}", "",
          f"}}  // namespace bench::mod{m}", ""]
    return "\n".join(h), "\n".join(c)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="directory to write (replaced if it exists)")
    p.add_argument("--tus", type=int, default=1000, help="total translation units (default 1000)")
    p.add_argument("--metrics-ratio", type=float, default=0.1,
                   help="share of the TUs that use the metrics service (default 0.1)")
    p.add_argument("--services", type=int, default=10, help="services S (default 10)")
    p.add_argument("--files", type=int, default=0,
                   help="files F per service (default: what --tus x --metrics-ratio leaves)")
    p.add_argument("--metrics", type=int, default=60, help="metrics M (default 60)")
    p.add_argument("--wrappers", type=int, default=80, help="wrapper methods W (default 80)")
    p.add_argument("--call-sites", type=int, default=0,
                   help="call sites C in the services (default 3 per service file)")
    p.add_argument("--units-per-module", type=int, default=25,
                   help="unrelated TUs per lib/ module (default 25)")
    p.add_argument("--compiler", default="/usr/bin/clang++-19")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    metric_tus = max(3, round(a.tus * a.metrics_ratio))
    files = a.files or max(1, -(-(metric_tus - 2) // a.services))
    service_files = [(s, f) for f in range(files) for s in range(a.services)]
    if not a.files:
        service_files = sorted(service_files[:metric_tus - 2])
    plain = max(0, a.tus - len(service_files) - 2)
    C = a.call_sites or 3 * len(service_files)
    if a.wrappers < 1 or a.metrics < 1:
        sys.exit("--metrics and --wrappers must be at least 1")

    rng = random.Random(a.seed)
    root = os.path.abspath(a.out)
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "build"))

    write(root, ".metrics-migrate.yaml",
          "# metrics-migrate configuration for the synthetic benchmark tree.\n"
          "service_class: bench::MetricsService\n"
          "registry:\n"
          '  expr: "bench::metrics::DefaultRegistry()"\n'
          '  header: "metrics/registry.h"\n')
    h, c = gen_service(a)
    write(root, "metrics/metrics_service.h", h)
    write(root, "metrics/metrics_service.cpp", c)
    sources = ["metrics/metrics_service.cpp", "app/main.cpp"]

    # Call sites: wrapper i goes to file k round-robin, so every wrapper is used when C >= W.
    calls = {sf: [] for sf in service_files}
    for k in range(C):
        calls[service_files[k % len(service_files)]].append(k % a.wrappers if k < a.wrappers
                                                            else rng.randrange(a.wrappers))
    main_lines = ['#include "metrics/metrics_service.h"']
    for s, f in service_files:
        h, c = gen_service_file(rng, s, f, calls[(s, f)], a)
        write(root, f"services/svc{s}/file{f}.h", h)
        write(root, f"services/svc{s}/file{f}.cpp", c)
        sources.append(f"services/svc{s}/file{f}.cpp")
        main_lines.append(f'#include "services/svc{s}/file{f}.h"')
    main_lines += ["", "int main() {", "  bench::MetricsService metrics;"]
    for s, f in service_files:
        main_lines.append(f"  bench::svc{s}::Svc{s}File{f} s{s}_{f}(metrics);")
    main_lines += ["  return 0;", "}", ""]
    write(root, "app/main.cpp", "\n".join(main_lines))

    for n in range(plain):
        m, u = divmod(n, a.units_per_module)
        h, c = gen_unit(rng, m, u, a.units_per_module)
        write(root, f"lib/mod{m}/unit{u}.h", h)
        write(root, f"lib/mod{m}/unit{u}.cpp", c)
        sources.append(f"lib/mod{m}/unit{u}.cpp")

    build = os.path.join(root, "build")
    db = []
    for src in sources:
        obj = "CMakeFiles/bench.dir/" + src + ".o"
        db.append({"directory": build,
                   "command": f"{a.compiler} -I{root} -Wall -Wextra -g -std=c++17 "
                              f"-o {obj} -c {root}/{src}",
                   "file": f"{root}/{src}",
                   "output": obj})
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=2)
        f.write("\n")
    # The TUs that name the service (and so pass the tool's prefilter), for the benchmark.
    with open(os.path.join(root, "metric-tus.txt"), "w") as f:
        f.write("".join(f"{root}/{s}\n" for s in sources[:len(service_files) + 2]))
    print(f"{root}: {len(sources)} TUs ({len(service_files) + 2} use metrics), "
          f"{a.metrics} metrics, {a.wrappers} wrappers, {C} call sites", file=sys.stderr)


if __name__ == "__main__":
    main()
