//===--- DefineMetricsTest.cpp - Constants defined where they are owned ---===//
//
// rewrite() on plain data for defineMetrics: a moved metric is defined in
// its owner's .cpp, in the namespace of the code there, and declared
// `extern` in its header; the registry header is written when the project
// has none; a metric that stays defines nothing.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using test::rewritten;

/// jobs_total moves from the service to jobs/runner.
struct RunnerCase {
  test::FileTexts Files = {
      {"jobs/runner.cpp", "#include \"jobs/runner.h\"\n\nnamespace jobs {\n\nint run() { return 1; }\n\n"
                          "}  // namespace jobs\n"},
      {"jobs/runner.h", "#pragma once\n\nnamespace jobs {\n\nint run();\n\n}  // namespace jobs\n"},
      {"stats/stats.h", "#pragma once\n\nclass Stats {\n public:\n  Stats() : registry_(std::make_shared<prometheus::Registry>()) {}\n  void Job();\n\n private:\n  std::shared_ptr<prometheus::Registry> registry_;\n};\n"}};
  Catalog C;
  Facts F;
  Plan P;

  RunnerCase() {
    C.TheService.Name = "Stats";
    C.TheService.Header = C.TheService.Source = "stats/stats.h";
    C.TheService.RegistryInit =
        test::spanOf(Files, "stats/stats.h", "std::make_shared<prometheus::Registry>()");
    Metric M;
    M.Name = "jobs_total";
    M.Field = "jobs_";
    C.Metrics = {M};
    for (const auto &[File, Text] : Files)
      F.Files.push_back(File);
    P.RegistryHeader = "metrics/registry.h";
    P.RegistryExpr = "metrics::DefaultRegistry()";
    P.WriteRegistryHeader = true;
    P.FileNamespaces = {{"jobs/runner.cpp", "jobs"}, {"jobs/runner.h", "jobs"}};
    MetricPlan MP;
    MP.Name = "jobs_total";
    MP.Field = "jobs_";
    MP.Constant = "JOBS_TOTAL";
    MP.Owner = "jobs/runner";
    MP.OwnerSource = "jobs/runner.cpp";
    MP.OwnerHeader = "jobs/runner.h";
    MP.Namespace = "jobs";
    MP.Type = "prometheus::Counter&";
    MP.Definition = "prometheus::Counter& JOBS_TOTAL = prometheus::BuildCounter()"
                    ".Name(\"jobs_total\").Help(\"Jobs\").Register(metrics::DefaultRegistry())"
                    ".Add({});";
    MP.Declaration = "extern prometheus::Counter& JOBS_TOTAL;";
    P.Metrics = {MP};
  }
};

TEST(DefineMetrics, AMovedMetricIsDefinedByItsOwnerAndDeclaredInItsHeader) {
  RunnerCase K;
  test::FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["jobs/runner.cpp"], R"cpp(#include "jobs/runner.h"

namespace jobs {

prometheus::Counter& JOBS_TOTAL = prometheus::BuildCounter().Name("jobs_total").Help("Jobs").Register(metrics::DefaultRegistry()).Add({});

int run() { return 1; }

}  // namespace jobs
)cpp");
  EXPECT_EQ(Out["jobs/runner.h"], R"cpp(#pragma once

namespace jobs {

extern prometheus::Counter& JOBS_TOTAL;

int run();

}  // namespace jobs
)cpp");
  // The service's registry is the process-wide one, through the header
  // written for it.
  EXPECT_NE(Out["stats/stats.h"].find("Stats() : registry_(metrics::DefaultRegistryPtr()) {}"),
            std::string::npos)
      << Out["stats/stats.h"];
  EXPECT_NE(Out["metrics/registry.h"].find(
                "namespace metrics {\n\n/// The process-wide registry, shared"),
            std::string::npos)
      << Out["metrics/registry.h"];
  EXPECT_NE(Out["metrics/registry.h"].find(
                "inline prometheus::Registry& DefaultRegistry() { return *DefaultRegistryPtr(); }"),
            std::string::npos);
}

TEST(DefineMetrics, AMetricThatStaysDefinesNothing) {
  RunnerCase K;
  K.P.Metrics[0].Fate = MetricFate::Kept;
  test::FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out, K.Files);
}

} // namespace
} // namespace mm
