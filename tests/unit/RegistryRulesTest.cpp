//===--- RegistryRulesTest.cpp - The service's registry gets an owner -----===//
//
// rewrite() on plain data for what defineMetrics does to the registry once a
// metric moves: the service's `std::shared_ptr<prometheus::Registry>` member
// (and a registry the service is built on elsewhere) is initialized with a
// pointer that has a live owner, so a std::weak_ptr to it (an Exposer's)
// locks: the configured `registry.shared`, the accessor a written registry
// header provides, or a pointer whose deleter does nothing. Nothing moved,
// nothing changes.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using test::FileTexts;
using test::rewriteError;
using test::rewritten;
using test::spanOf;

const char *const ServiceSource = R"cpp(#include "metrics/metrics_service.h"

MetricsService::MetricsService(std::shared_ptr<prometheus::Registry> registry)
    : registry_(std::move(registry)) {}
)cpp";

const char *const MainSource = R"cpp(int main() {
  auto registry = std::make_shared<prometheus::Registry>();
  exposer.RegisterCollectable(registry);
  MetricsService metrics(registry);
}
)cpp";

struct RegistryCase {
  FileTexts Files = {{"metrics/metrics_service.h",
                      "class MetricsService {\n  prometheus::Family<prometheus::Counter>& jobs_;\n};\n"},
                     {"metrics/metrics_service.cpp", ServiceSource},
                     {"services/jobs.cpp", "void Run() {}\n"},
                     {"app/main.cpp", MainSource}};
  Catalog C;
  Facts F;
  Plan P;

  explicit RegistryCase(bool Moved = true) {
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Namespace = "shop";
    C.TheService.Header = "metrics/metrics_service.h";
    C.TheService.Source = "metrics/metrics_service.cpp";
    C.TheService.Loc = spanOf(Files, C.TheService.Source, "MetricsService::MetricsService");
    C.TheService.RegistryInit = spanOf(Files, C.TheService.Source, "std::move(registry)");
    C.TheService.RegistryParam = spanOf(Files, C.TheService.Source, "registry)\n");
    C.TheService.RegistryParam.Length = 8;
    F.GivenRegistries = {spanOf(Files, "app/main.cpp", "std::make_shared<prometheus::Registry>()")};
    Metric M;
    M.Name = "jobs_total";
    M.Field = "jobs_";
    M.FieldDecl = spanOf(Files, C.TheService.Header, "prometheus::Family<prometheus::Counter>& jobs_;");
    C.Metrics = {M};
    MetricPlan MP;
    MP.Name = M.Name;
    MP.Fate = Moved ? MetricFate::Moved : MetricFate::Kept;
    MP.Constant = "JOBS_TOTAL";
    MP.OwnerSource = "services/jobs.cpp";
    MP.Definition = "prometheus::Family<prometheus::Counter>& JOBS_TOTAL = ...;";
    P.Metrics = {MP};
    P.RegistryExpr = "shop::metrics::DefaultRegistry()";
    P.RegistryHeader = "metrics/registry.h";
    P.RegistryInclude = "\"metrics/registry.h\"";
  }

  std::string serviceInit(const FileTexts &Out) const {
    const std::string &Text = Out.at(C.TheService.Source);
    size_t Begin = Text.find("MetricsService::MetricsService");
    return Text.substr(Begin);
  }
};

TEST(RegistryOwner, TheConfiguredSharedAccessor) {
  RegistryCase K;
  K.P.RegistryShared = "shop::metrics::SharedRegistry()";
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(K.serviceInit(Out),
            "MetricsService::MetricsService(std::shared_ptr<prometheus::Registry> /*registry*/)\n"
            "    : registry_(shop::metrics::SharedRegistry()) {}\n");
  EXPECT_EQ(Out["app/main.cpp"], R"cpp(int main() {
  auto registry = shop::metrics::SharedRegistry();
  exposer.RegisterCollectable(registry);
  MetricsService metrics(registry);
}
)cpp");
}

TEST(RegistryOwner, WithoutOneAPointerThatDeletesNothing) {
  RegistryCase K;
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(K.serviceInit(Out),
            "MetricsService::MetricsService(std::shared_ptr<prometheus::Registry> /*registry*/)\n"
            "    : registry_(std::shared_ptr<prometheus::Registry>(&shop::metrics::"
            "DefaultRegistry(), [](prometheus::Registry*) {})) {}\n");
  EXPECT_NE(Out["app/main.cpp"].find("auto registry = std::shared_ptr<prometheus::Registry>("
                                     "&shop::metrics::DefaultRegistry(), "
                                     "[](prometheus::Registry*) {});"),
            std::string::npos)
      << Out["app/main.cpp"];
  EXPECT_EQ(Out.count("metrics/registry.h"), 0u);
}

TEST(RegistryOwner, AWrittenHeaderProvidesIt) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/registry.h"], R"cpp(#pragma once

#include <memory>

#include <prometheus/registry.h>

namespace shop::metrics {

/// The process-wide registry, shared: whoever keeps a std::shared_ptr or a
/// std::weak_ptr of it (prometheus::Exposer does) keeps this one.
inline const std::shared_ptr<prometheus::Registry>& DefaultRegistryPtr() {
  static const std::shared_ptr<prometheus::Registry> registry =
      std::make_shared<prometheus::Registry>();
  return registry;
}

/// The process-wide registry every metric registers on.
inline prometheus::Registry& DefaultRegistry() { return *DefaultRegistryPtr(); }

}  // namespace shop::metrics
)cpp");
  EXPECT_EQ(K.serviceInit(Out),
            "MetricsService::MetricsService(std::shared_ptr<prometheus::Registry> /*registry*/)\n"
            "    : registry_(shop::metrics::DefaultRegistryPtr()) {}\n");
}

TEST(RegistryOwner, AWrittenHeaderNamesTheConfiguredAccessor) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  K.P.RegistryShared = "shop::metrics::Shared()";
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["metrics/registry.h"].find("inline const std::shared_ptr<prometheus::Registry>& "
                                           "Shared() {"),
            std::string::npos);
  EXPECT_NE(Out["metrics/registry.h"].find("DefaultRegistry() { return *Shared(); }"),
            std::string::npos);
  EXPECT_NE(K.serviceInit(Out).find("registry_(shop::metrics::Shared())"), std::string::npos);
}

TEST(RegistryOwner, TheSharedAccessorIsNamedInTheAccessorsCase) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  K.P.RegistryExpr = "shop::metrics::default_registry()";
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["metrics/registry.h"].find("default_registry() { return *default_registry_ptr(); }"),
            std::string::npos)
      << Out["metrics/registry.h"];
  EXPECT_NE(K.serviceInit(Out).find("registry_(shop::metrics::default_registry_ptr())"),
            std::string::npos);
}

TEST(RegistryOwner, TheAccessorMayBeWrittenWithSpaces) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  K.P.RegistryExpr = "shop :: metrics::default_registry ( )";
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["metrics/registry.h"].find("default_registry() { return *default_registry_ptr(); }"),
            std::string::npos)
      << Out["metrics/registry.h"];
  EXPECT_NE(Out["metrics/registry.h"].find("namespace shop::metrics {"), std::string::npos);
  EXPECT_NE(K.serviceInit(Out).find("registry_(shop::metrics::default_registry_ptr())"),
            std::string::npos);
}

TEST(RegistryOwner, AnExpressionThatIsNotACallOfANameIsRefused) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  for (const char *Expr : {"registry()->get()", "shop::metrics::Get(1)", "*shop::Reg()",
                           "shop::::Get()"}) {
    K.P.RegistryExpr = Expr;
    EXPECT_EQ(rewriteError(K.C, K.F, K.P, K.Files),
              std::string("registry.expr '") + Expr +
                  "' is not a call like 'ns::DefaultRegistry()', and registry.header "
                  "'metrics/registry.h' does not exist to provide it");
  }
}

TEST(RegistryOwner, AWrittenHeaderCannotProvideOneInAnotherNamespace) {
  RegistryCase K;
  K.P.WriteRegistryHeader = true;
  K.P.RegistryShared = "other::Shared()";
  EXPECT_EQ(rewriteError(K.C, K.F, K.P, K.Files),
            "registry.shared 'other::Shared()' is not a call like "
            "'shop::metrics::DefaultRegistryPtr()', and registry.header 'metrics/registry.h' "
            "does not exist to provide it");
}

TEST(RegistryOwner, NothingMovedNothingChanges) {
  RegistryCase K(/*Moved=*/false);
  K.P.WriteRegistryHeader = true;
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out, K.Files);
}

} // namespace
} // namespace mm

namespace mm {
namespace {

TEST(ServiceTests, AReplacedTestBodyIsTheOnlyEditInsideIt) {
  // A test of the service built on its own registry, whose body the plan
  // replaces: the registry given there is not pointed anywhere (the edit
  // would overlap the replacement), and its call is not inlined.
  RegistryCase K;
  const std::string Test = "tests/jobs_test.cpp";
  K.Files[Test] = "TEST(Jobs, Counts) {\n"
                  "  auto registry = std::make_shared<prometheus::Registry>();\n"
                  "  MetricsService metrics(registry);\n"
                  "  metrics.RecordJob();\n"
                  "}\n";
  SourceSpan Body = spanOf(K.Files, Test, "{\n  auto registry");
  Body.Length = K.Files[Test].size() - 1 - Body.Offset;
  K.F.GivenRegistries.push_back(
      spanOf(K.Files, Test, "std::make_shared<prometheus::Registry>()"));
  K.Files[K.C.TheService.Header] += "void MetricsService::RecordJob() {}\n";
  Wrapper W;
  W.Name = "RecordJob";
  W.Signature = "RecordJob()";
  W.Decl = spanOf(K.Files, K.C.TheService.Header, "void MetricsService::RecordJob() {}");
  W.Metrics = {"jobs_total"};
  W.Template = tmpl("${metric:jobs_total}.Add({}).Increment();");
  K.C.Wrappers = {W};
  CallSite CS;
  CS.Loc = spanOf(K.Files, Test, "metrics.RecordJob()");
  CS.Wrapper = "RecordJob";
  CS.Signature = "RecordJob()";
  CS.InTest = true;
  CS.ServiceTest = Body;
  K.C.CallSites = {CS};
  WrapperPlan WP;
  WP.Name = W.Name;
  WP.Signature = W.Signature;
  WP.Fate = WrapperFate::Inline;
  K.P.Wrappers = {WP};
  ServiceTestPlan T;
  T.Body = Body;
  T.Name = "Jobs.Counts";
  T.Wrappers = {"RecordJob"};
  T.Metrics = {"jobs_total"};
  T.NewBody = "{\n  CHECK_REGISTERED();\n}";
  K.P.ServiceTests = {T};
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out[Test], "TEST(Jobs, Counts) {\n  CHECK_REGISTERED();\n}\n");
  // The registry given in main is still pointed at the shared one.
  EXPECT_EQ(Out["app/main.cpp"].find("std::make_shared<prometheus::Registry>()"),
            std::string::npos);
}

} // namespace
} // namespace mm

namespace mm {
namespace {

const char *const ShapeTest = R"cpp(TEST(Metrics, ExportedAtOnce) {
  auto registry = std::make_shared<prometheus::Registry>();
  MetricsService metrics(registry);
  const auto families = registry->Collect();
  EXPECT_EQ(families.size(), 11u);
  EXPECT_THAT(families, Contains(Field(&prometheus::MetricFamily::name, "jobs_total")));
  EXPECT_THAT(families, Not(Contains(Field(&prometheus::MetricFamily::name, "errors_total"))));
}
)cpp";

/// RegistryCase with a test that built the service on a registry of its own
/// and asserted how many families it holds and that one is absent.
RegistryCase shapeCase() {
  RegistryCase K;
  const std::string Test = "tests/metrics_test.cpp";
  K.Files[Test] = ShapeTest;
  K.F.GivenRegistries.push_back(
      spanOf(K.Files, Test, "std::make_shared<prometheus::Registry>()"));
  for (const char *Stmt :
       {"EXPECT_EQ(families.size(), 11u)",
        "EXPECT_THAT(families, Not(Contains(Field(&prometheus::MetricFamily::name, "
        "\"errors_total\"))))"}) {
    RegistryShapeAssertion A;
    A.Stmt = spanOf(K.Files, Test, Stmt);
    A.Registry = K.F.GivenRegistries.back();
    A.Test = "Metrics.ExportedAtOnce";
    K.F.RegistryShapeAssertions.push_back(A);
  }
  return K;
}

TEST(RegistryShapes, WhatTheProcessRegistryHoldsWholeIsNoLongerAsserted) {
  RegistryCase K = shapeCase();
  FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["tests/metrics_test.cpp"], R"cpp(TEST(Metrics, ExportedAtOnce) {
  auto registry = std::shared_ptr<prometheus::Registry>(&shop::metrics::DefaultRegistry(), [](prometheus::Registry*) {});
  MetricsService metrics(registry);
  const auto families = registry->Collect();
  EXPECT_THAT(families, Contains(Field(&prometheus::MetricFamily::name, "jobs_total")));
}
)cpp");
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->TestRewrites.size(), 2u);
  EXPECT_EQ(R->TestRewrites[0].Before, "EXPECT_EQ(families.size(), 11u);");
  EXPECT_EQ(R->TestRewrites[0].After, "");
  EXPECT_EQ(R->TestRewrites[0].Test, "Metrics.ExportedAtOnce");
}

TEST(RegistryShapes, ARegistryThatStaysTheTestsOwnKeepsThem) {
  // Nothing moved: the service's registry is not rewritten.
  RegistryCase K = shapeCase();
  K.C.TheService.RegistryInit = SourceSpan();
  K.C.Metrics.clear();
  K.P.Metrics.clear();
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["tests/metrics_test.cpp"], ShapeTest);
  // A registry the service is not built on.
  RegistryCase Other = shapeCase();
  Other.F.GivenRegistries.pop_back();
  std::string Out = rewritten(Other.C, Other.F, Other.P, Other.Files)["tests/metrics_test.cpp"];
  EXPECT_NE(Out.find("EXPECT_EQ(families.size(), 11u);"), std::string::npos);
}

} // namespace
} // namespace mm
