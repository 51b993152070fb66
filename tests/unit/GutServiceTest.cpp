//===--- GutServiceTest.cpp - What leaves the service's own files ---------===//
//
// rewrite() on plain data for gutService and dropMetricHeaders: a metric
// that moves takes its field, its member initializer and the wrappers that
// went along out of the service, and the header of a kind the service no
// longer holds goes from its includes (rewrite() lists it; Materialize
// drops it); a metric and a wrapper that stay,
// and a field whose name could not be read, change nothing.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"

#include "gtest/gtest.h"

#include <map>

namespace mm {
namespace {

using test::droppedIncludes;
using test::rewritten;
using test::spanOf;

const char *const Header = R"cpp(#include <prometheus/counter.h>
#include <prometheus/gauge.h>

class MetricsService {
 public:
  MetricsService();
  void RecordOrder();
  void Poll();

 private:
  prometheus::Family<prometheus::Counter>& orders_;
  prometheus::Gauge& open_;
};
)cpp";

const char *const Source = R"cpp(#include "metrics/metrics_service.h"

MetricsService::MetricsService()
    : orders_(prometheus::BuildCounter().Name("orders_total").Help("Orders").Register(*registry_)),
      open_(prometheus::BuildGauge().Name("open").Help("Open").Register(*registry_).Add({})) {}

void MetricsService::RecordOrder() { orders_.Add({}).Increment(); }

void MetricsService::Poll() { open_.Set(1); }
)cpp";

/// orders_total moves to services/order_service.cpp with RecordOrder;
/// open stays with Poll, which is no wrapper.
struct GutCase {
  std::map<std::string, std::string> Files = {
      {"metrics/metrics_service.h", Header},
      {"metrics/metrics_service.cpp", Source},
      {"services/order_service.cpp", "void Place() {}\n"}};
  Catalog C;
  Facts F;
  Plan P;

  GutCase() {
    const std::string H = "metrics/metrics_service.h", S = "metrics/metrics_service.cpp";
    C.TheService.Name = "MetricsService";
    C.TheService.Header = H;
    C.TheService.Source = S;
    auto Field = [&](const std::string &Name, const std::string &Prometheus, MetricKind Kind,
                     const std::string &Decl, const std::string &Init) {
      Metric M;
      M.Name = Prometheus;
      M.Field = Name;
      M.Kind = Kind;
      M.FieldDecl = spanOf(Files, H, Decl);
      M.InitSite = spanOf(Files, S, Init);
      M.Init = InitStyle::MemberInitializer;
      C.Metrics.push_back(M);
    };
    Field("orders_", "orders_total", MetricKind::Counter,
          "prometheus::Family<prometheus::Counter>& orders_;",
          "orders_(prometheus::BuildCounter().Name(\"orders_total\").Help(\"Orders\")"
          ".Register(*registry_))");
    Field("open_", "open", MetricKind::Gauge, "prometheus::Gauge& open_;",
          "open_(prometheus::BuildGauge().Name(\"open\").Help(\"Open\")"
          ".Register(*registry_).Add({}))");
    Wrapper W;
    W.Name = "RecordOrder";
    W.Signature = "RecordOrder()";
    W.Decl = spanOf(Files, H, "void RecordOrder();");
    W.Definition = spanOf(Files, S, "void MetricsService::RecordOrder() { orders_.Add({}).Increment(); }");
    W.Metrics = {"orders_total"};
    C.Wrappers.push_back(W);

    MetricPlan Orders;
    Orders.Name = "orders_total";
    Orders.Field = "orders_";
    Orders.Fate = MetricFate::Moved;
    Orders.Constant = "ORDERS_TOTAL";
    Orders.Owner = "services/order_service";
    Orders.OwnerSource = "services/order_service.cpp";
    Orders.Type = "prometheus::Family<prometheus::Counter>&";
    Orders.Definition = "prometheus::Family<prometheus::Counter>& ORDERS_TOTAL = make();";
    MetricPlan Open;
    Open.Name = "open";
    Open.Field = "open_";
    Open.Fate = MetricFate::Kept;
    P.Metrics = {Open, Orders};
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    WP.Fate = WrapperFate::Inline;
    P.Wrappers = {WP};
  }
};

TEST(GutService, AMovedMetricTakesItsFieldInitializerWrapperAndKindHeader) {
  GutCase K;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.h"], R"cpp(#include <prometheus/counter.h>
#include <prometheus/gauge.h>

class MetricsService {
 public:
  MetricsService();
  void Poll();

 private:
  prometheus::Gauge& open_;
};
)cpp");
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(#include "metrics/metrics_service.h"

MetricsService::MetricsService()
    : open_(prometheus::BuildGauge().Name("open").Help("Open").Register(*registry_).Add({})) {}

void MetricsService::Poll() { open_.Set(1); }
)cpp");
  // The service holds no counter any more; its gauge header stays.
  auto Dropped = droppedIncludes(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Dropped["metrics/metrics_service.h"], std::vector<std::string>{"<prometheus/counter.h>"});
}

TEST(GutService, SeriesCreatedUpFrontLeaveTheConstructorWithTheirFamily) {
  GutCase K;
  std::string Statement = "orders_.Add({{\"kind\", \"web\"}});";
  std::string &S = K.Files["metrics/metrics_service.cpp"];
  S.replace(S.find(" {}\n"), 4, " {\n  // Exposed at 0.\n  " + Statement + "\n}\n");
  K.C.Wrappers[0].Definition =
      test::spanOf(K.Files, "metrics/metrics_service.cpp",
                   "void MetricsService::RecordOrder() { orders_.Add({}).Increment(); }");
  K.C.Metrics[0].SetUp = {
      {test::spanOf(K.Files, "metrics/metrics_service.cpp", Statement), Statement, {{0, 8}}}};
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(#include "metrics/metrics_service.h"

MetricsService::MetricsService()
    : open_(prometheus::BuildGauge().Name("open").Help("Open").Register(*registry_).Add({})) {
}

void MetricsService::Poll() { open_.Set(1); }
)cpp");
  // Kept, they stay.
  K.P.Metrics[1].Fate = MetricFate::Kept;
  K.P.Wrappers[0].Fate = WrapperFate::Keep;
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["metrics/metrics_service.cpp"], S);
}

TEST(GutService, WhatStaysChangesNothing) {
  GutCase K;
  K.P.Metrics[1].Fate = MetricFate::Kept;
  K.P.Wrappers[0].Fate = WrapperFate::Keep;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.h"], Header);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], Source);
  EXPECT_TRUE(droppedIncludes(K.C, K.F, K.P, K.Files).empty());
}

TEST(GutService, AFieldWhoseNameCouldNotBeReadKeepsItsKindHeader) {
  GutCase K;
  // open_ set by a helper the name could not be read from: no plan of it.
  K.C.Metrics[1].Name = "";
  K.C.Metrics[1].Kind = MetricKind::Counter;
  K.P.Metrics.erase(K.P.Metrics.begin());
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.h"].find("orders_;"), std::string::npos);
  EXPECT_TRUE(droppedIncludes(K.C, K.F, K.P, K.Files).empty());
}

const char *const StatsHeader = R"cpp(class Stats {
 public:
  enum class Outcome { Accepted, Rejected };
  virtual ~Stats() = default;
  virtual void RecordOrder() = 0;
};

class MockStats : public Stats {
 public:
  MOCK_METHOD(void, RecordOrder, (), (override));
};
)cpp";

/// GutCase with the service implementing the interface Stats of
/// metrics/stats.h, which a mock derives from and which declares an enum
/// order_service.cpp names. No injection point keeps Stats.
struct InterfaceCase : GutCase {
  const std::string I = "metrics/stats.h", H = "metrics/metrics_service.h";
  InterfaceCase() {
    std::string &Service = Files[H];
    Service.replace(Service.find("class MetricsService {"), 22,
                    "class MetricsService : public Stats {");
    Files[I] = StatsHeader;
    Files["services/order_service.cpp"] =
        "Stats::Outcome Place() { return Stats::Outcome::Accepted; }\n";
    C.TheService.Loc = spanOf(Files, H, Service.substr(Service.find("class MetricsService")));
    C.TheService.Loc.Length -= 2; // up to the `}`, without `;\n`
    Interface S;
    S.Name = "Stats";
    S.Abstract = true;
    S.Loc = spanOf(Files, I, std::string(StatsHeader).substr(0, std::string(StatsHeader).find("};\n\nclass") + 1));
    S.Methods = {{"RecordOrder()", spanOf(Files, I, "  virtual void RecordOrder() = 0;\n")}};
    C.Interfaces.push_back(S);
    TestDouble D;
    D.Name = "MockStats";
    D.Kind = DoubleKind::Mock;
    D.Base = "Stats";
    D.Methods = {"RecordOrder"};
    std::string Mock = std::string(StatsHeader).substr(std::string(StatsHeader).find("class MockStats"));
    D.Loc = spanOf(Files, I, Mock.substr(0, Mock.find("};") + 2));
    D.Decls = {{"RecordOrder()", spanOf(Files, I, "  MOCK_METHOD(void, RecordOrder, (), (override));\n")}};
    C.TestDoubles.push_back(D);
  }
  void mention(const std::string &File, const std::string &Needle, const std::string &Name) {
    F.InterfaceMentions.push_back({"Stats", Name, spanOf(Files, File, Needle)});
  }
};

TEST(GutService, AnInterfaceStillNamedElsewhereStaysWithoutTheWrappersButItsDoublesGo) {
  InterfaceCase K;
  K.mention("services/order_service.cpp", "Outcome Place", "Outcome");
  K.F.InterfaceMentions.back().Loc.Length = 7;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/stats.h"], R"cpp(class Stats {
 public:
  enum class Outcome { Accepted, Rejected };
  virtual ~Stats() = default;
};

)cpp");
  // The service keeps its base, which still declares what it names.
  EXPECT_NE(Out["metrics/metrics_service.h"].find("class MetricsService : public Stats {"),
            std::string::npos);
}

TEST(GutService, AnInterfaceNamedOnlyInWhatGoesGoesWithItsDoubles) {
  for (bool InMock : {false, true}) {
    InterfaceCase K;
    if (InMock) // named by the mock alone, which goes with the injection
      K.mention("metrics/stats.h", "RecordOrder, ()", "RecordOrder");
    auto Out = rewritten(K.C, K.F, K.P, K.Files);
    EXPECT_EQ(Out["metrics/stats.h"], "") << InMock;
    EXPECT_NE(Out["metrics/metrics_service.h"].find("class MetricsService {"), std::string::npos)
        << InMock;
  }
}

TEST(GutService, TheClassHeadLosesTheBaseAndItsOverridesButNotWhatAComment) {
  InterfaceCase K;
  std::string &Service = K.Files[K.H];
  // At the end of the class: the spans recorded before it stay as they are.
  Service.insert(Service.find("};", Service.find("class MetricsService")),
                 "  void Flush() override;  // no override of Stats, a \"override\"\n");
  K.C.TheService.Loc =
      spanOf(K.Files, K.H, Service.substr(Service.find("class MetricsService")));
  K.C.TheService.Loc.Length -= 2;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  const std::string &After = Out["metrics/metrics_service.h"];
  EXPECT_NE(After.find("class MetricsService {"), std::string::npos) << After;
  EXPECT_NE(After.find("  void Flush();  // no override of Stats, a \"override\""),
            std::string::npos)
      << After;
}

} // namespace
} // namespace mm
