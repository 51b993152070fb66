//===--- ServiceRecorderTest.cpp - The service class, read ----------------===//

#include "tests/unit/Snippet.h"
#include "tests/unit/TemplateNotation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "llvm/ADT/StringExtras.h"

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Metric *metricNamed(const Catalog &C, llvm::StringRef Name) {
  for (const Metric &M : C.Metrics)
    if (M.Name == Name)
      return &M;
  return nullptr;
}

const Metric *metricOfField(const Catalog &C, llvm::StringRef Field) {
  for (const Metric &M : C.Metrics)
    if (M.Field == Field)
      return &M;
  return nullptr;
}

const Wrapper *wrapperNamed(const Catalog &C, llvm::StringRef Name) {
  for (const Wrapper &W : C.Wrappers)
    if (W.Name == Name)
      return &W;
  return nullptr;
}

/// A service whose class body and constructor body are given.
std::string service(const std::string &Members, const std::string &Inits,
                    const std::string &CtorBody, const std::string &Methods) {
  return std::string(PrometheusIncludes) + R"cpp(
namespace shop {
enum class AuthResult { kSuccess, kExpired };
class MetricsService {
 public:
  MetricsService();
)cpp" + Members + R"cpp(
  std::shared_ptr<prometheus::Registry> registry_;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()))cpp" +
         Inits + " {\n" + CtorBody + "\n}\n" + Methods + "\n}  // namespace shop\n";
}

TEST(ServiceRecorder, FamilyReferenceFromMemberInitializer) {
  std::string Code = std::string(PrometheusIncludes) + BasicService;
  Catalog C = catalogFor(Code);
  const Metric *M = metricNamed(C, "inventory_quantity_changes_total");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->Kind, MetricKind::Counter);
  EXPECT_EQ(M->Help, "Quantity changes by operation");
  EXPECT_EQ(M->Field, "inventory_quantity_changes_total_");
  EXPECT_EQ(M->FieldType, "prometheus::Family<prometheus::Counter>&");
  EXPECT_EQ(M->Style, FieldStyle::FamilyRef);
  EXPECT_EQ(M->Init, InitStyle::MemberInitializer);
  EXPECT_THAT(M->LabelNames, ElementsAre("operation"));
  EXPECT_EQ(M->RegistryArg, "*registry_");
  EXPECT_FALSE(M->ChildArgs.has_value());
  EXPECT_TRUE(llvm::StringRef(M->BuilderChain).starts_with("prometheus::BuildCounter()"));
  EXPECT_TRUE(llvm::StringRef(M->BuilderChain).ends_with(".Register(*registry_)"));
  EXPECT_EQ(llvm::StringRef(M->BuilderChain).substr(M->RegisterAt), ".Register(*registry_)");
  EXPECT_EQ(M->FieldDecl.File, "input.cc");
  EXPECT_EQ(M->FieldDecl.Line,
            lineOf(Code, "prometheus::Family<prometheus::Counter>& inventory_"));
  EXPECT_EQ(M->InitSite.Line, lineOf(Code, "inventory_quantity_changes_total_(prometheus"));
}

TEST(ServiceRecorder, ChildPointerSetInConstructorBody) {
  std::string Code = std::string(PrometheusIncludes) + BasicService;
  Catalog C = catalogFor(Code);
  const Metric *M = metricNamed(C, "kits_created_total");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->Style, FieldStyle::ChildPtr);
  EXPECT_EQ(M->Init, InitStyle::ConstructorBody);
  EXPECT_EQ(M->FieldType, "prometheus::Counter*");
  ASSERT_TRUE(M->ChildArgs.has_value());
  EXPECT_EQ(*M->ChildArgs, "{}");
  EXPECT_THAT(M->LabelNames, IsEmpty());
  EXPECT_EQ(M->InitSite.Line, lineOf(Code, "kits_created_total_ = &"));
  EXPECT_EQ(M->FieldDecl.Line, lineOf(Code, "prometheus::Counter* kits_created_total_"));
}

TEST(ServiceRecorder, ChainsSpacedAsTheHouseStyleSpacesThem) {
  Catalog C = catalogFor(service(
      "  prometheus::Gauge& open_;",
      R"cpp(,
      open_ (prometheus::BuildGauge ()
                 .Name ("open_files")
                 .Help ("Open files")
                 . Register ( *registry_ /* the service's */ )
                 .Add ({})))cpp",
      "", ""));
  const Metric *M = metricNamed(C, "open_files");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->RegistryArg, "*registry_");
  EXPECT_EQ(llvm::StringRef(M->BuilderChain).substr(M->RegisterAt),
            ". Register ( *registry_ /* the service's */ )");
  EXPECT_EQ(*M->ChildArgs, "{}");
}

TEST(ServiceRecorder, FamiliesBuiltByHelperFunctionsAreSpelledOut) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
using namespace prometheus;
namespace {
Family<Counter>& makeCounter(Registry& r, const std::string& name, const std::string& help) {
  return BuildCounter().Name(name).Help(help).Register(r);
}
Family<Histogram>& makeHistogram(Registry& r, const char* name, const char* help = "Time") {
  return BuildHistogram()
      .Name(name)
      .Help(help)
      .Labels({{"unit", "seconds"}})
      .Register(r);
}
Family<Gauge>& makeGauge(Registry& r, std::string name, std::string help) {
  return BuildGauge().Name(std::move(name)).Help(std::move(help)).Register(r);
}
const std::string kPrefix = "shop_";
}  // namespace
class MetricsService {
 public:
  MetricsService();
  std::shared_ptr<Registry> registry_;
  Family<Gauge>& depth_;
  Family<Counter>& orders_;
  Family<Histogram>& latency_;
  Family<Counter>& refunds_;
  Counter& plain_;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<Registry>()),
      depth_(makeGauge(*registry_, "shop_depth", "Depth")),
      orders_(makeCounter(*registry_, "shop_orders_total", "Orders")),
      latency_(makeHistogram(*registry_, "shop_latency_seconds")),
      refunds_(makeCounter(*registry_, kPrefix + "refunds_total", "Refunds")),
      plain_(BuildCounter().Name("shop_plain_total").Help("Plain").Register(*registry_).Add({})) {}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  const Metric *Orders = metricNamed(C, "shop_orders_total");
  ASSERT_NE(Orders, nullptr);
  EXPECT_EQ(Orders->Help, "Orders");
  EXPECT_EQ(Orders->BuiltBy, "makeCounter");
  EXPECT_EQ(Orders->BuilderChain, "prometheus::BuildCounter().Name(\"shop_orders_total\")"
                                  ".Help(\"Orders\").Register(*registry_)");
  EXPECT_EQ(llvm::StringRef(Orders->BuilderChain).substr(Orders->RegisterAt),
            ".Register(*registry_)");
  EXPECT_EQ(Orders->RegistryArg, "*registry_");
  EXPECT_EQ(Orders->InitSite.Line, lineOf(Code, "orders_(makeCounter"));

  // Parameters taken by value and moved on: the arguments, not moved.
  const Metric *Depth = metricNamed(C, "shop_depth");
  ASSERT_NE(Depth, nullptr);
  EXPECT_EQ(Depth->Help, "Depth");
  EXPECT_EQ(Depth->BuilderChain, "prometheus::BuildGauge().Name(\"shop_depth\")"
                                 ".Help(\"Depth\").Register(*registry_)");

  // A default argument is spelled as the parameter's default.
  const Metric *Latency = metricNamed(C, "shop_latency_seconds");
  ASSERT_NE(Latency, nullptr);
  EXPECT_EQ(Latency->Kind, MetricKind::Histogram);
  EXPECT_EQ(Latency->Help, "Time");
  ASSERT_EQ(Latency->ConstLabels.size(), 1u);
  EXPECT_EQ(Latency->ConstLabels[0].second, "seconds");
  EXPECT_EQ(Latency->BuilderChain, R"(prometheus::BuildHistogram()
      .Name("shop_latency_seconds")
      .Help("Time")
      .Labels({{"unit", "seconds"}})
      .Register(*registry_))");

  // A name that is not a literal: no metric name, and who built it.
  const Metric *Refunds = nullptr;
  for (const Metric &M : C.Metrics)
    if (M.Field == "refunds_")
      Refunds = &M;
  ASSERT_NE(Refunds, nullptr);
  EXPECT_EQ(Refunds->Name, "");
  EXPECT_EQ(Refunds->BuiltBy, "makeCounter");

  // A chain written in place naming the builder through the using-directive.
  const Metric *Plain = metricNamed(C, "shop_plain_total");
  ASSERT_NE(Plain, nullptr);
  EXPECT_EQ(Plain->BuiltBy, "");
  EXPECT_EQ(Plain->BuilderChain, "prometheus::BuildCounter().Name(\"shop_plain_total\")"
                                 ".Help(\"Plain\").Register(*registry_)");
  EXPECT_EQ(llvm::StringRef(Plain->BuilderChain).substr(Plain->RegisterAt),
            ".Register(*registry_)");
}

TEST(ServiceRecorder, AChildTakenWithWhatTheServiceIsBuiltWithReadsARuntimeValue) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  explicit MetricsService(const std::string& region);
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Labels labels_;
  const prometheus::Labels fixed_{{"tier", "gold"}};
  prometheus::Family<prometheus::Gauge>& here_family_;
  prometheus::Gauge& here_;
  prometheus::Family<prometheus::Gauge>& given_family_;
  prometheus::Gauge& given_;
  prometheus::Family<prometheus::Gauge>& fixed_family_;
  prometheus::Gauge& fixed_child_;
};
MetricsService::MetricsService(const std::string& region)
    : registry_(std::make_shared<prometheus::Registry>()),
      labels_({{"region", region}}),
      here_family_(prometheus::BuildGauge().Name("shop_here").Register(*registry_)),
      here_(here_family_.Add(labels_)),
      given_family_(prometheus::BuildGauge().Name("shop_given").Register(*registry_)),
      given_(given_family_.Add({{"zone", region}})),
      fixed_family_(prometheus::BuildGauge().Name("shop_fixed").Register(*registry_)),
      fixed_child_(fixed_family_.Add(fixed_)) {}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  auto Read = [&](llvm::StringRef Field) {
    const Metric *M = metricOfField(C, Field);
    EXPECT_NE(M, nullptr) << Field.str();
    return M ? M->RuntimeRead : "";
  };
  // A member the constructor sets, a parameter: known when it runs.
  EXPECT_EQ(Read("here_"), "`labels_`, a member of MetricsService");
  EXPECT_EQ(metricOfField(C, "here_")->RuntimeReadAt.Line, lineOf(Code, "here_(here_family_"));
  EXPECT_EQ(Read("given_"), "`region`, a parameter of MetricsService's constructor");
  // A constant member is a constant.
  EXPECT_EQ(Read("fixed_child_"), "");
}

TEST(ServiceRecorder, LambdasAndChildrenOfHelpersAreSpelledOut) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService();
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter* ok_ = nullptr;
  prometheus::Counter* failed_ = nullptr;
  prometheus::Gauge* depth_ = nullptr;
};
MetricsService::MetricsService() {
  registry_ = std::make_shared<prometheus::Registry>();
  auto counter = [this](const char* name, const char* help) -> prometheus::Family<prometheus::Counter>& {
    return prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
  };
  ok_ = &counter("shop_ok_total", "Worked").Add({});
  failed_ = &counter("shop_failed_total", "Failed").Add({{"stage", "io"}});
  std::string region = "eu";
  auto gauge = [&](const char* name) -> prometheus::Family<prometheus::Gauge>& {
    return prometheus::BuildGauge().Name(name).Help(region).Register(*registry_);
  };
  depth_ = &gauge("shop_depth").Add({});
}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  // A lambda held in a local of the constructor is a helper too, and a
  // child taken from what a helper builds is read with its `.Add(..)`.
  const Metric *Failed = metricNamed(C, "shop_failed_total");
  ASSERT_NE(Failed, nullptr);
  EXPECT_EQ(Failed->BuiltBy, "counter");
  EXPECT_EQ(Failed->Help, "Failed");
  EXPECT_EQ(Failed->BuilderChain, "prometheus::BuildCounter().Name(\"shop_failed_total\")"
                                  ".Help(\"Failed\").Register(*registry_)");
  EXPECT_EQ(Failed->ChildArgs.value_or("-"), R"({{"stage", "io"}})");
  EXPECT_THAT(Failed->LabelNames, ElementsAre("stage"));
  EXPECT_TRUE(Failed->RuntimeRead.empty());
  ASSERT_NE(metricNamed(C, "shop_ok_total"), nullptr);
  // The lambda's declaration goes once nothing calls it any more.
  std::vector<std::string> Sites;
  for (const LocalConstantSite &L : C.TheService.LocalConstants)
    Sites.push_back(L.Name + " " + std::to_string(L.Decl.Line));
  EXPECT_THAT(Sites, ElementsAre("counter " + std::to_string(lineOf(Code, "auto counter =")),
                                 "gauge " + std::to_string(lineOf(Code, "auto gauge ="))));
  // What a lambda reads from the function around it is known at run time.
  const Metric *Depth = metricNamed(C, "shop_depth");
  ASSERT_NE(Depth, nullptr);
  EXPECT_EQ(Depth->RuntimeRead, "`region`, a local variable of MetricsService's constructor");
  // A registry created in the constructor's body is the one replaced.
  EXPECT_EQ(C.TheService.RegistryField, "registry_");
  EXPECT_EQ(C.TheService.RegistryInit.Line,
            lineOf(Code, "registry_ = std::make_shared<prometheus::Registry>()"));
}

TEST(ServiceRecorder, AMethodReadingChildrenTheConstructorStoredInAMapRecordsTheirFamily) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
#include <map>
namespace shop {
class MetricsService {
 public:
  MetricsService();
  void inc(const std::string& type);
  int known(const std::string& type) const;
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>* msg_family_ = nullptr;
  std::map<std::string, prometheus::Counter*> msg_;
  std::map<std::string, int> seen_;
};
MetricsService::MetricsService() : registry_(std::make_shared<prometheus::Registry>()) {
  msg_family_ = &prometheus::BuildCounter().Name("msgs_total").Help("Messages").Register(*registry_);
  for (const char* t : {"a", "b"}) {
    msg_[t] = &msg_family_->Add({{"type", t}});
    seen_[t] = 0;
  }
}
void MetricsService::inc(const std::string& type) {
  auto it = msg_.find(type);
  if (it != msg_.end()) it->second->Increment();
}
int MetricsService::known(const std::string& type) const { return seen_.count(type); }
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  // It stays with the family (the loop is more than creating series), but
  // it is a wrapper: its calls are counted, and it is listed as kept.
  const Wrapper *Inc = wrapperNamed(C, "inc");
  ASSERT_NE(Inc, nullptr);
  EXPECT_THAT(Inc->Metrics, ElementsAre("msgs_total"));
  EXPECT_TRUE(Inc->UsesServiceState);
  const Metric *Family = metricNamed(C, "msgs_total");
  ASSERT_NE(Family, nullptr);
  EXPECT_TRUE(Family->OtherUse.valid());
  // A map of anything else is state.
  EXPECT_EQ(wrapperNamed(C, "known"), nullptr);
  EXPECT_THAT(C.TheService.KeptMethods, ElementsAre("known"));
}

TEST(ServiceRecorder, AFamilyBuiltByAMethodOfTheServiceIsSpelledOut) {
  Catalog C = catalogFor(std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService();
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& jobs_;
  prometheus::Family<prometheus::Counter>& other_;

 private:
  prometheus::Family<prometheus::Counter>& counter(const std::string& name,
                                                   const std::string& help) {
    return prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
  }
};
MetricsService Another;
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      jobs_(counter("jobs_total", "Jobs")),
      other_(Another.counter("other_total", "Other")) {}
}  // namespace shop
)cpp");
  const Metric *Jobs = metricNamed(C, "jobs_total");
  ASSERT_NE(Jobs, nullptr);
  EXPECT_EQ(Jobs->BuiltBy, "counter");
  EXPECT_EQ(Jobs->BuilderChain,
            "prometheus::BuildCounter().Name(\"jobs_total\").Help(\"Jobs\").Register(*registry_)");
  // On another object: not the service's own helper, and no name.
  EXPECT_EQ(metricNamed(C, "other_total"), nullptr);
}

TEST(ServiceRecorder, ChildReferenceWithLabelsAndGauge) {
  Catalog C = catalogFor(service(
      "  prometheus::Gauge& sse_gateway_active_connections_;",
      R"cpp(,
      sse_gateway_active_connections_(prometheus::BuildGauge()
          .Name("sse_gateway_active_connections")
          .Help("Open SSE connections")
          .Register(*registry_)
          .Add({{"gateway", "main"}})))cpp",
      "", ""));
  const Metric *M = metricNamed(C, "sse_gateway_active_connections");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->Kind, MetricKind::Gauge);
  EXPECT_EQ(M->Style, FieldStyle::ChildRef);
  EXPECT_EQ(M->Init, InitStyle::MemberInitializer);
  EXPECT_EQ(*M->ChildArgs, R"({{"gateway", "main"}})");
  EXPECT_THAT(M->LabelNames, ElementsAre("gateway"));
}

TEST(ServiceRecorder, FamilyPointerAndConstantLabels) {
  Catalog C = catalogFor(service(
      "  prometheus::Family<prometheus::Counter>* auth_logins_total_ = nullptr;\n"
      "  void RecordLogin(AuthResult r);",
      "",
      R"cpp(  auth_logins_total_ = &prometheus::BuildCounter()
      .Name("auth_logins_total").Help("Logins")
      .Labels({{"service", "partshop"}})
      .Register(*registry_);)cpp",
      R"cpp(void MetricsService::RecordLogin(AuthResult r) {
  switch (r) {
    case AuthResult::kSuccess:
      auth_logins_total_->Add({{"result", "success"}}).Increment();
      break;
    case AuthResult::kExpired:
      auth_logins_total_->Add({{"result", "expired"}}).Increment();
      break;
  }
})cpp"));
  const Metric *M = metricNamed(C, "auth_logins_total");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->Style, FieldStyle::FamilyPtr);
  EXPECT_EQ(M->Init, InitStyle::ConstructorBody);
  ASSERT_EQ(M->ConstLabels.size(), 1u);
  EXPECT_EQ(M->ConstLabels[0].first, "service");
  EXPECT_EQ(M->ConstLabels[0].second, "partshop");
  EXPECT_THAT(M->LabelNames, ElementsAre("result"));
  const Wrapper *W = wrapperNamed(C, "RecordLogin");
  ASSERT_NE(W, nullptr);
  EXPECT_EQ(W->Body, BodyKind::MultiStatement);
  EXPECT_THAT(W->Metrics, ElementsAre("auth_logins_total"));
}

TEST(ServiceRecorder, AChainReadingALocalOrAParameterSaysWhich) {
  Catalog C = catalogFor(service(
      "  prometheus::Family<prometheus::Gauge>* zone_ = nullptr;\n"
      "  prometheus::Histogram* wait_ = nullptr;\n"
      "  prometheus::Counter* tries_ = nullptr;",
      "",
      R"cpp(  std::string region = "eu";
  region += "-1";
  constexpr double kTop = 5.0;
  zone_ = &prometheus::BuildGauge().Name("zone").Help("Zone")
      .Labels({{"region", region}}).Register(*registry_);
  wait_ = &prometheus::BuildHistogram().Name("wait_seconds").Help("Wait")
      .Register(*registry_).Add({}, prometheus::Histogram::BucketBoundaries{1.0, kTop});
  tries_ = &prometheus::BuildCounter().Name("tries_total").Help("Tries")
      .Labels({{"region", "eu"}}).Register(*registry_).Add({});)cpp",
      ""));
  const Metric *Zone = metricNamed(C, "zone");
  ASSERT_NE(Zone, nullptr);
  EXPECT_EQ(Zone->RuntimeRead, "`region`, a local variable of MetricsService's constructor");
  EXPECT_EQ(Zone->RuntimeReadAt.Line, 26u);
  // A constant, literals and the registry: nothing read at run time.
  const Metric *Wait = metricNamed(C, "wait_seconds");
  ASSERT_NE(Wait, nullptr);
  EXPECT_EQ(Wait->RuntimeRead, "");
  const Metric *Tries = metricNamed(C, "tries_total");
  ASSERT_NE(Tries, nullptr);
  EXPECT_EQ(Tries->RuntimeRead, "");
}

TEST(ServiceRecorder, AFamilyHeldInALocalIsReadForWhatItReadsAtRunTime) {
  Catalog C = catalogFor(service(
      "  prometheus::Gauge* depth_ = nullptr;", "",
      R"cpp(  std::string region = "eu";
  region += "-1";
  auto* depths = &prometheus::BuildGauge().Name("depth").Help("Depth")
      .Labels({{"region", region}}).Register(*registry_);
  depth_ = &depths->Add({});)cpp",
      ""));
  std::vector<std::string> Read;
  for (const Metric &M : C.Metrics)
    Read.push_back(M.Field + " " + M.Name + " " + M.ChildArgs.value_or("-") + " " +
                   M.RuntimeRead);
  EXPECT_THAT(Read, ElementsAre("depth_ depth {} `region`, a local variable of "
                                "MetricsService's constructor"));
}

TEST(ServiceRecorder, ChildrenTakenFromALocalFamilyAreThatFamilysSeries) {
  std::string Code = service(
      "  prometheus::Counter* ok_ = nullptr;\n"
      "  prometheus::Counter* failed_ = nullptr;\n"
      "  prometheus::Gauge* open_ = nullptr;",
      "",
      R"cpp(  auto& results = prometheus::BuildCounter().Name("jobs_total").Help("Jobs")
      .Register(*registry_);
  ok_ = &results.Add({{"result", "ok"}});
  failed_ = &results.Add({{"result", "failed"}});
  prometheus::Family<prometheus::Gauge>* open =
      &prometheus::BuildGauge().Name("open").Help("Open").Register(*registry_);
  open_ = &open->Add({});)cpp",
      "");
  Catalog C = catalogFor(Code);
  // Two children: grouped into the local's family, which has no field, and
  // whose declaration goes where it goes.
  const Metric *Jobs = metricNamed(C, "jobs_total");
  ASSERT_NE(Jobs, nullptr);
  EXPECT_EQ(Jobs->Field, "results");
  EXPECT_FALSE(Jobs->FieldDecl.valid());
  EXPECT_EQ(Jobs->InitSite.Line, lineOf(Code, "auto& results ="));
  EXPECT_EQ(Jobs->Init, InitStyle::ConstructorBody);
  EXPECT_EQ(Jobs->Style, FieldStyle::FamilyRef);
  EXPECT_FALSE(Jobs->ChildArgs.has_value());
  EXPECT_THAT(Jobs->LabelNames, ElementsAre("result"));
  std::vector<std::string> Children;
  for (const ChildField &Ch : Jobs->Children)
    Children.push_back(Ch.Field + " " + Ch.Args + " " + std::to_string(Ch.InitSite.Line));
  EXPECT_THAT(Children,
              ElementsAre("failed_ {{\"result\", \"failed\"}} " +
                              std::to_string(lineOf(Code, "failed_ = &results")),
                          "ok_ {{\"result\", \"ok\"}} " +
                              std::to_string(lineOf(Code, "ok_ = &results"))));
  // One child: the family folds into it, and its declaration goes with it.
  const Metric *Open = metricNamed(C, "open");
  ASSERT_NE(Open, nullptr);
  EXPECT_EQ(Open->Field, "open_");
  ASSERT_TRUE(Open->Family.has_value());
  EXPECT_EQ(Open->Family->Field, "open");
  EXPECT_FALSE(Open->Family->FieldDecl.valid());
  EXPECT_EQ(Open->Family->InitSite.Line, lineOf(Code, "prometheus::Family<prometheus::Gauge>* open ="));
  EXPECT_EQ(Open->BuilderChain,
            R"(prometheus::BuildGauge().Name("open").Help("Open").Register(*registry_))");
  EXPECT_EQ(Open->ChildArgs.value_or("-"), "{}");
  EXPECT_EQ(metricOfField(C, "open"), nullptr);
}

TEST(ServiceRecorder, ALocalFamilyUsedForMoreThanItsChildrenStays) {
  std::string Code = service(
      "  prometheus::Counter* ok_ = nullptr;\n"
      "  prometheus::Counter* slow_ = nullptr;",
      "",
      R"cpp(  auto& results = prometheus::BuildCounter().Name("jobs_total").Help("Jobs")
      .Register(*registry_);
  ok_ = &results.Add({{"result", "ok"}});
  results.Add({{"result", "skipped"}});
  {
    auto& nested = prometheus::BuildCounter().Name("slow_total").Help("Slow")
        .Register(*registry_);
    slow_ = &nested.Add({});
  })cpp",
      "");
  Catalog C = catalogFor(Code);
  // Its other use stays in the constructor: the family is not folded into
  // the child but grouped with it, one metric that names the use.
  const Metric *Family = metricOfField(C, "results");
  ASSERT_NE(Family, nullptr);
  EXPECT_EQ(Family->OtherUse.Line, lineOf(Code, "results.Add({{\"result\", \"skipped\"}})"));
  ASSERT_EQ(Family->Children.size(), 1u);
  EXPECT_EQ(Family->Children.front().Field, "ok_");
  EXPECT_EQ(metricOfField(C, "ok_"), nullptr);
  // Declared in a nested block, a local is not read: nothing could remove
  // its declaration alone.
  const Metric *Slow = metricOfField(C, "slow_");
  ASSERT_NE(Slow, nullptr);
  EXPECT_TRUE(Slow->Name.empty());
  EXPECT_EQ(metricOfField(C, "nested"), nullptr);
}

TEST(ServiceRecorder, AChainReadingAConstructorsParameterSaysSo) {
  Catalog C = catalogFor(std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService(prometheus::Registry& registry, const std::string& host);
 private:
  prometheus::Counter& hits_;
  prometheus::Counter& misses_;
};
MetricsService::MetricsService(prometheus::Registry& registry, const std::string& host)
    : hits_(prometheus::BuildCounter().Name("hits_total").Help("Hits")
                .Labels({{"host", host}}).Register(registry).Add({})),
      misses_(prometheus::BuildCounter().Name("misses_total").Help("Misses")
                  .Register(registry).Add({})) {}
}  // namespace shop
)cpp");
  const Metric *Hits = metricNamed(C, "hits_total");
  ASSERT_NE(Hits, nullptr);
  EXPECT_EQ(Hits->RuntimeRead, "`host`, a parameter of MetricsService's constructor");
  // The registry it is registered on is replaced where it moves.
  const Metric *Misses = metricNamed(C, "misses_total");
  ASSERT_NE(Misses, nullptr);
  EXPECT_EQ(Misses->RuntimeRead, "");
}

TEST(ServiceRecorder, HistogramBucketsInlineAndFromConstant) {
  std::string Code = service(
      "  prometheus::Family<prometheus::Histogram>& mouser_api_request_duration_seconds_;\n"
      "  prometheus::Histogram* task_duration_seconds_ = nullptr;\n"
      "  void RecordMouser(const std::string& endpoint, double s);",
      R"cpp(,
      mouser_api_request_duration_seconds_(prometheus::BuildHistogram()
          .Name("mouser_api_request_duration_seconds").Help("Mouser latency")
          .Register(*registry_)))cpp",
      R"cpp(  task_duration_seconds_ = &prometheus::BuildHistogram()
      .Name("task_duration_seconds").Help("Task duration")
      .Register(*registry_)
      .Add({}, kTaskBuckets);)cpp",
      R"cpp(void MetricsService::RecordMouser(const std::string& endpoint, double s) {
  mouser_api_request_duration_seconds_
      .Add({{"endpoint", endpoint}},
           prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1, 5.0})
      .Observe(s);
})cpp");
  Code.replace(Code.find("namespace shop {"), 16,
               "namespace shop {\nconst prometheus::Histogram::BucketBoundaries "
               "kTaskBuckets{0.005, 0.05, 0.5};");
  Catalog C = catalogFor(Code);
  const Metric *Inline = metricNamed(C, "mouser_api_request_duration_seconds");
  ASSERT_NE(Inline, nullptr);
  EXPECT_EQ(Inline->Kind, MetricKind::Histogram);
  EXPECT_THAT(Inline->Buckets, ElementsAre(0.1, 0.5, 1.0, 5.0));
  EXPECT_EQ(Inline->BucketsText,
            "prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1, 5.0}");
  EXPECT_THAT(Inline->LabelNames, ElementsAre("endpoint"));
  const Metric *Named = metricNamed(C, "task_duration_seconds");
  ASSERT_NE(Named, nullptr);
  EXPECT_THAT(Named->Buckets, ElementsAre(0.005, 0.05, 0.5));
  EXPECT_EQ(Named->BucketsText, "kTaskBuckets");
  EXPECT_EQ(*Named->ChildArgs, "{}, kTaskBuckets");
}

TEST(ServiceRecorder, SeriesCreatedUpFrontAreTheFamilysSetUp) {
  std::string Code = service(
      "  prometheus::Family<prometheus::Gauge>& state_;\n"
      "  prometheus::Family<prometheus::Histogram>* latency_ = nullptr;\n"
      "  void Set(const std::string& s);",
      R"cpp(,
      state_(prometheus::BuildGauge().Name("door_state").Help("State")
          .Register(*registry_)))cpp",
      R"cpp(  latency_ = &prometheus::BuildHistogram().Name("door_seconds").Help("Latency")
      .Register(*registry_);
  // Every state is exposed at 0.
  for (const char* s : {"open", "closed"}) {
    state_.Add({{"state", s}}).Set(0);
  }
  this->latency_->Add({{"op", "read"}}, kBuckets);)cpp",
      R"cpp(void MetricsService::Set(const std::string& s) { state_.Add({{"state", s}}).Set(1); })cpp");
  Code.replace(Code.find("namespace shop {"), 16,
               "namespace shop {\nconst prometheus::Histogram::BucketBoundaries "
               "kBuckets{0.5, 1};");
  Catalog C = catalogFor(Code);
  const Metric *State = metricNamed(C, "door_state");
  ASSERT_NE(State, nullptr);
  ASSERT_EQ(State->SetUp.size(), 1u);
  const SetUpStatement &Loop = State->SetUp[0];
  EXPECT_EQ(Loop.Text, "// Every state is exposed at 0.\n"
                       "  for (const char* s : {\"open\", \"closed\"}) {\n"
                       "    state_.Add({{\"state\", s}}).Set(0);\n"
                       "  }");
  ASSERT_EQ(Loop.FamilyUses.size(), 1u);
  EXPECT_EQ(Loop.Text.substr(Loop.FamilyUses[0].first, Loop.FamilyUses[0].second), "state_.");
  EXPECT_EQ(Loop.Site.Line, lineOf(Code, "for (const char* s"));
  EXPECT_EQ(Code.substr(Loop.Site.Offset, Loop.Site.Length),
            Loop.Text.substr(Loop.Text.find("for")));
  EXPECT_FALSE(State->OtherUse.valid());

  const Metric *Latency = metricNamed(C, "door_seconds");
  ASSERT_NE(Latency, nullptr);
  ASSERT_EQ(Latency->SetUp.size(), 1u);
  const SetUpStatement &Read = Latency->SetUp[0];
  EXPECT_EQ(Read.Text, "this->latency_->Add({{\"op\", \"read\"}}, kBuckets);");
  ASSERT_EQ(Read.FamilyUses.size(), 1u);
  EXPECT_EQ(Read.Text.substr(Read.FamilyUses[0].first, Read.FamilyUses[0].second),
            "this->latency_->");
  // Its labels are the family's, and its constant travels with it.
  EXPECT_THAT(Latency->LabelNames, ElementsAre("op"));
  EXPECT_EQ(Latency->LocalConstants.count("kBuckets"), 1u);
}

TEST(ServiceRecorder, OtherUsesInTheConstructorAreNotSetUp) {
  auto Read = [](const std::string &CtorBody) {
    std::string Code = service(
        "  MetricsService(const std::string& shard);\n"
        "  prometheus::Family<prometheus::Counter>& hits_;\n"
        "  prometheus::Counter* ok_ = nullptr;\n"
        "  std::string shard_;",
        R"cpp(,
      hits_(prometheus::BuildCounter().Name("hits_total").Help("Hits")
          .Register(*registry_)))cpp",
        "", "");
    // A second constructor taking the shard, whose body is given.
    Code.replace(Code.rfind("}  // namespace shop"), 0,
                 "MetricsService::MetricsService(const std::string& shard)\n"
                 "    : hits_(prometheus::BuildCounter().Name(\"hits_total\").Help(\"Hits\")"
                 ".Register(*registry_)), shard_(shard) {\n" +
                     CtorBody + "\n}\n");
    Catalog C = catalogFor(Code);
    const Metric *Hits = metricNamed(C, "hits_total");
    EXPECT_NE(Hits, nullptr);
    return Hits ? *Hits : Metric();
  };
  // A parameter, another member, a local kept for later, a return, a
  // capture of `this`.
  for (const char *Body :
       {"  hits_.Add({{\"shard\", shard}});", "  hits_.Add({{\"shard\", shard_}});",
        "  auto& mine = hits_.Add({});\n  mine.Increment(0);", "  if (shard.empty()) return;\n"
        "  if (true) { hits_.Add({}); return; }",
        "  [this] { hits_.Add({}); }();"}) {
    Metric Hits = Read(Body);
    EXPECT_TRUE(Hits.SetUp.empty()) << Body;
    EXPECT_TRUE(Hits.OtherUse.valid()) << Body;
  }
  // Taking a child into a field is the child's set-up, not a use; naming
  // no metric at all is nothing.
  for (const char *Body : {"  ok_ = &hits_.Add({{\"shard\", \"a\"}});", "  shard_ += \"x\";"}) {
    Metric Hits = Read(Body);
    EXPECT_TRUE(Hits.SetUp.empty()) << Body;
    EXPECT_FALSE(Hits.OtherUse.valid()) << Body;
  }
}

TEST(ServiceRecorder, WrapperTemplateAndDefaultsFromInterface) {
  std::string Code = std::string(PrometheusIncludes) + BasicService;
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.Wrappers.size(), 2u);
  const Wrapper *Q = wrapperNamed(C, "RecordQuantityChange");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Signature, "RecordQuantityChange(const std::basic_string<char> &, int)");
  EXPECT_EQ(Q->Body, BodyKind::SingleExpression);
  EXPECT_EQ(notation(Q->Template), "${metric:inventory_quantity_changes_total}.Add({{\"operation\", "
                         "${param:operation}}}).Increment(${param:delta});");
  ASSERT_EQ(Q->Params.size(), 2u);
  EXPECT_EQ(Q->Params[0].Name, "operation");
  EXPECT_EQ(Q->Params[0].Type, "const std::string&");
  EXPECT_TRUE(Q->Overrides);
  const Wrapper *K = wrapperNamed(C, "RecordKitCreated");
  ASSERT_NE(K, nullptr);
  ASSERT_EQ(K->Params.size(), 1u);
  EXPECT_EQ(K->Params[0].Default, "1");
  EXPECT_EQ(notation(K->Template), "${metric:kits_created_total}->Increment(${param:count});");
  EXPECT_EQ(K->Definition.Line, lineOf(Code, "void MetricsService::RecordKitCreated"));
  EXPECT_EQ(K->Decl.Line, lineOf(Code, "void RecordKitCreated(int count = 1) override"));
}

TEST(ServiceRecorder, ABracedDefaultIsTheTextACallWouldWrite) {
  Catalog C = catalogFor(service(
      "  prometheus::Family<prometheus::Counter>* frames_ = nullptr;\n"
      "  void CountFrames(prometheus::Labels tags = {}, double n = 1) {\n"
      "    frames_->Add(std::move(tags)).Increment(n);\n  }\n",
      "",
      R"cpp(  frames_ = &prometheus::BuildCounter().Name("frames_total").Help("f")
      .Register(*registry_);)cpp",
      ""));
  const Wrapper *W = wrapperNamed(C, "CountFrames");
  ASSERT_NE(W, nullptr);
  ASSERT_EQ(W->Params.size(), 2u);
  EXPECT_EQ(W->Params[0].Default, "{}");
  EXPECT_EQ(W->Params[1].Default, "1");
  EXPECT_EQ(notation(W->Template),
            "${metric:frames_total}->Add(std::move(${param:tags})).Increment(${param:n});");
}

TEST(ServiceRecorder, NamesABodyBorrowsThroughUsingAreSpelledWithTheirNamespace) {
  Catalog C = catalogFor(service(
      "  prometheus::Family<prometheus::Histogram>* latency_ = nullptr;\n"
      "  void Observe(double s);",
      "",
      R"cpp(  latency_ = &prometheus::BuildHistogram().Name("latency_seconds").Help("l")
      .Register(*registry_);)cpp",
      R"cpp(double half(double x) { return x / 2; }
using namespace prometheus;
using std::vector;
void MetricsService::Observe(double s) {
  vector<double> parts{s};
  latency_->Add({}, Histogram::BucketBoundaries{0.1, 1}).Observe(half(parts.front()));
  latency_->Add({{"a", "b"}}, prometheus::Histogram::BucketBoundaries{1}).Observe(s);
})cpp"));
  const Wrapper *W = wrapperNamed(C, "Observe");
  ASSERT_NE(W, nullptr);
  // Borrowed names get their namespace; those already qualified, and those
  // of a namespace around the body (`half`), stay as written.
  EXPECT_EQ(notation(W->Template),
            "std::vector<double> parts{${param:s}};\n"
            "  ${metric:latency_seconds}->Add({}, "
            "prometheus::Histogram::BucketBoundaries{0.1, 1}).Observe(half(parts.front()));\n"
            "  ${metric:latency_seconds}->Add({{\"a\", \"b\"}}, "
            "prometheus::Histogram::BucketBoundaries{1}).Observe(${param:s});");
}

TEST(ServiceRecorder, DollarSignsInBodiesStayAsWritten) {
  Catalog C = catalogFor(service(
      "  prometheus::Counter* a_total_ = nullptr;\n  void Rec(int n);",
      "",
      R"cpp(  a_total_ = &prometheus::BuildCounter().Name("a_total").Help("$ spent")
      .Register(*registry_).Add({});)cpp",
      "void MetricsService::Rec(int n) { a_total_->Increment(n /* $ */); }"));
  const Wrapper *W = wrapperNamed(C, "Rec");
  ASSERT_NE(W, nullptr);
  EXPECT_EQ(notation(W->Template), "${metric:a_total}->Increment(${param:n} /* $ */);");
  EXPECT_EQ(metricNamed(C, "a_total")->Help, "$ spent");
}

/// \p R as `metric[.Add(labels)].Op(value)`, in the template notation.
std::string describe(const BodyRecording &R) {
  return R.Metric + (R.Labels ? ".Add(" + notation(*R.Labels) + ")" : "") + "." + R.Op + "(" +
         notation(R.Value) + ")";
}

TEST(ServiceRecorder, WhatABodyRecordsAndWhatDecidesIt) {
  Catalog C = catalogFor(service(
      "  prometheus::Family<prometheus::Counter>& auth_;\n"
      "  prometheus::Counter* kits_ = nullptr;\n"
      "  prometheus::Histogram* latency_ = nullptr;\n"
      "  void Auth(AuthResult result);\n  void Kits(int count);\n"
      "  void Observe(double s, int n);\n  void Looped(int n);\n  void Chooses(bool ok);\n"
      "  void Other(int k);\n  void Checked(int n);\n  void Default(int n = 1);\n",
      ",\n      auth_(prometheus::BuildCounter().Name(\"auth_total\").Help(\"a\")"
      ".Register(*registry_))",
      "  kits_ = &prometheus::BuildCounter().Name(\"kits_total\").Help(\"k\")"
      ".Register(*registry_).Add({});\n"
      "  latency_ = &prometheus::BuildHistogram().Name(\"latency_seconds\").Help(\"l\")"
      ".Register(*registry_).Add({}, prometheus::Histogram::BucketBoundaries{1});",
      R"cpp(void MetricsService::Auth(AuthResult result) {
  std::string label;
  switch (result) {
    case AuthResult::kSuccess:
      label = "success";
      break;
    case AuthResult::kExpired: label = "expired"; break;
  }
  auth_.Add({{"result", label}}).Increment();
}
void MetricsService::Kits(int count) {
  if (count <= 0) { return; }
  kits_->Increment(count);
}
void MetricsService::Observe(double s, int n) {
  latency_->Observe(s * kits_->Value() + n);
  (*kits_).Increment();
}
void MetricsService::Looped(int n) {
  for (int i = 0; i < n; ++i) kits_->Increment();
}
void MetricsService::Chooses(bool ok) {
  if (ok) kits_->Increment();
}
void MetricsService::Other(int k) {
  switch (k) { case 1: kits_->Increment(); break; }
}
void MetricsService::Checked(int n) {
  if (!kits_) return;
  kits_->Increment(n);
}
void MetricsService::Default(int n) { kits_->Increment(); }
)cpp"));
  auto Read = [&](const char *Name) -> const Wrapper & {
    static const Wrapper None;
    const Wrapper *W = wrapperNamed(C, Name);
    EXPECT_NE(W, nullptr) << Name;
    return W ? *W : None;
  };
  auto Recordings = [&](const char *Name) {
    std::vector<std::string> Out;
    for (const BodyRecording &R : Read(Name).Recordings)
      Out.push_back(describe(R));
    return Out;
  };
  // A label switch: the local it sets is a hole wherever it is used.
  const Wrapper &Auth = Read("Auth");
  EXPECT_THAT(Recordings("Auth"),
              ElementsAre("auth_total.Add({{\"result\", ${local:label}}}).Increment()"));
  ASSERT_EQ(Auth.LabelSwitches.size(), 1u);
  EXPECT_EQ(Auth.LabelSwitches[0].Param, "result");
  EXPECT_EQ(Auth.LabelSwitches[0].Variable, "label");
  ASSERT_EQ(Auth.LabelSwitches[0].Cases.size(), 2u);
  EXPECT_EQ(Auth.LabelSwitches[0].Cases[0].Label, "AuthResult::kSuccess");
  EXPECT_EQ(Auth.LabelSwitches[0].Cases[0].Literal, "\"success\"");
  EXPECT_EQ(Auth.LabelSwitches[0].Cases[1].Label, "AuthResult::kExpired");
  EXPECT_FALSE(Auth.OtherBranches);
  // A guard over the parameter.
  const Wrapper &Kits = Read("Kits");
  EXPECT_THAT(Recordings("Kits"), ElementsAre("kits_total.Increment(${param:count})"));
  ASSERT_EQ(Kits.Guards.size(), 1u);
  EXPECT_EQ(notation(Kits.Guards[0].Left), "${param:count}");
  EXPECT_EQ(Kits.Guards[0].Op, "<=");
  EXPECT_EQ(notation(Kits.Guards[0].Right), "0");
  EXPECT_FALSE(Kits.OtherBranches);
  // In the order written; a read inside a value is the value's; through `*`.
  EXPECT_THAT(Recordings("Observe"),
              ElementsAre("latency_seconds.Observe(${param:s} * ${metric:kits_total}->Value() + "
                          "${param:n})",
                          "kits_total.Increment()"));
  EXPECT_FALSE(Read("Observe").OtherBranches);
  // A loop, a condition, a switch that sets no label: it branches.
  for (const char *Name : {"Looped", "Chooses", "Other"}) {
    EXPECT_TRUE(Read(Name).OtherBranches) << Name;
    EXPECT_THAT(Recordings(Name), ElementsAre("kits_total.Increment()")) << Name;
  }
  // A null check the template leaves out is no branch of it.
  EXPECT_THAT(Recordings("Checked"), ElementsAre("kits_total.Increment(${param:n})"));
  EXPECT_FALSE(Read("Checked").OtherBranches);
  EXPECT_TRUE(Read("Checked").Guards.empty());
  // No argument written, none recorded.
  EXPECT_THAT(Recordings("Default"), ElementsAre("kits_total.Increment()"));
}

TEST(ServiceRecorder, BodyKinds) {
  Catalog C = catalogFor(service(
      "  prometheus::Counter* a_total_ = nullptr;\n"
      "  prometheus::Gauge* b_ = nullptr;\n"
      "  void Guarded(int n);\n  void Two();\n  double Read() const;\n",
      "",
      R"cpp(  a_total_ = &prometheus::BuildCounter().Name("a_total").Help("a")
      .Register(*registry_).Add({});
  b_ = &prometheus::BuildGauge().Name("b").Help("b").Register(*registry_).Add({});)cpp",
      R"cpp(void MetricsService::Guarded(int n) {
  if (n <= 0) return;
  a_total_->Increment(n);
}
void MetricsService::Two() {
  a_total_->Increment();
  b_->Set(1);
}
double MetricsService::Read() const { return b_->Value(); })cpp"));
  EXPECT_EQ(wrapperNamed(C, "Guarded")->Body, BodyKind::MultiStatement);
  EXPECT_EQ(wrapperNamed(C, "Two")->Body, BodyKind::MultiStatement);
  EXPECT_THAT(wrapperNamed(C, "Two")->Metrics, ElementsAre("a_total", "b"));
  EXPECT_EQ(wrapperNamed(C, "Read")->Body, BodyKind::Other);
}

TEST(ServiceRecorder, MethodsWithoutMetricsAreKept) {
  Catalog C = catalogFor(service(
      "  prometheus::Gauge* dashboard_parts_total_ = nullptr;\n"
      "  void RegisterForPolling(int id);\n"
      "  void PollOnce();\n",
      "",
      R"cpp(  dashboard_parts_total_ = &prometheus::BuildGauge().Name("dashboard_parts_total")
      .Help("Parts").Register(*registry_).Add({});)cpp",
      R"cpp(void MetricsService::RegisterForPolling(int) {}
void MetricsService::PollOnce() { dashboard_parts_total_->Set(3); })cpp"));
  EXPECT_THAT(C.TheService.KeptMethods, ElementsAre("RegisterForPolling"));
  ASSERT_EQ(C.Wrappers.size(), 1u);
  EXPECT_EQ(C.Wrappers[0].Name, "PollOnce");
  EXPECT_EQ(notation(C.Wrappers[0].Template), "${metric:dashboard_parts_total}->Set(3);");
}

TEST(ServiceRecorder, InterfacesAreThePolymorphicBases) {
  Catalog C = catalogFor(std::string(PrometheusIncludes) + BasicService);
  EXPECT_EQ(C.TheService.Name, "shop::MetricsService");
  EXPECT_EQ(C.TheService.Namespace, "shop");
  ASSERT_EQ(C.Interfaces.size(), 1u);
  EXPECT_EQ(C.Interfaces[0].Name, "shop::MetricsServiceProtocol");
  EXPECT_TRUE(C.Interfaces[0].Abstract);
}

TEST(ServiceRecorder, NonMetricFieldsAreIgnored) {
  Catalog C = catalogFor(service("  int counter_ = 0;\n  std::string name_;\n", "", "", ""));
  EXPECT_THAT(C.Metrics, IsEmpty());
  EXPECT_THAT(C.Wrappers, IsEmpty());
}

TEST(ServiceRecorder, WhatBuildingTheServiceDoesBesidesItsMetrics) {
  Catalog Quiet = catalogFor("#include <map>\n#include <vector>\n" + service(
      "  int counter_ = 0;\n  std::string name_;\n  std::vector<int> seen_;\n"
      "  std::map<std::string, prometheus::Counter*> cache_;\n"
      "  ~MetricsService() = default;\n",
      "", "", ""));
  EXPECT_THAT(Quiet.TheService.Effects, IsEmpty());

  Catalog Busy = catalogFor("#include <optional>\n#include <prometheus/exposer.h>\n#include <thread>\n" +
                            service("  std::unique_ptr<prometheus::Exposer> exposer_;\n"
                                    "  std::thread poller_;\n  struct Closer { ~Closer(); };\n"
                                    "  Closer closer_;\n  std::optional<Closer> later_;\n"
                                    "  int* raw_ = nullptr;\n  ~MetricsService();\n",
                                    "", "",
                                    "MetricsService::~MetricsService() { delete raw_; }"));
  EXPECT_THAT(Busy.TheService.Effects,
              ElementsAre("field closer_", "field exposer_", "field later_", "field poller_",
                          "its destructor"));
}

TEST(ServiceRecorder, BucketsInAMemberNoMethodWritesTravelAsAConstant) {
  std::string Code = "#include <vector>\n" + service(
      "  prometheus::Family<prometheus::Histogram>& latency_;\n"
      "  void RecordLatency(const std::string& route, double s);\n"
      "  void RecordSize(double b);\n"
      "  void Rescale(double f);\n"
      " private:\n"
      "  // Seconds.\n"
      "  std::vector<double> bounds_{0.01, 0.1, 1.0};\n"
      "  std::vector<double> sizes_ = {10, 100};\n",
      R"cpp(,
      latency_(prometheus::BuildHistogram().Name("route_latency_seconds").Help("Latency")
          .Register(*registry_)))cpp",
      "",
      R"cpp(void MetricsService::RecordLatency(const std::string& route, double s) {
  if (bounds_.empty()) return;
  latency_.Add({{"route", route}}, bounds_).Observe(s);
}
void MetricsService::RecordSize(double b) {
  latency_.Add({{"route", "size"}}, sizes_).Observe(b);
}
void MetricsService::Rescale(double f) { for (double& x : sizes_) x *= f; })cpp");
  Catalog C = catalogFor(Code);
  const Wrapper *Latency = wrapperNamed(C, "RecordLatency");
  ASSERT_NE(Latency, nullptr);
  EXPECT_FALSE(Latency->UsesServiceState);
  ASSERT_EQ(Latency->LocalConstants.count("bounds_"), 1u);
  // Never written, so const where it goes.
  EXPECT_EQ(Latency->LocalConstants.at("bounds_"),
            "// Seconds.\n  const std::vector<double> bounds_{0.01, 0.1, 1.0};");
  // No change: a member a method writes is the object's state.
  const Wrapper *Size = wrapperNamed(C, "RecordSize");
  ASSERT_NE(Size, nullptr);
  EXPECT_TRUE(Size->UsesServiceState);
  EXPECT_EQ(Size->LocalConstants.count("sizes_"), 0u);
}

TEST(ServiceRecorder, NoServiceNoFacts) {
  TUFacts F = factsFor(std::string(PrometheusIncludes) +
                       "namespace shop { struct Other { void RecordKitCreated() {} }; }");
  EXPECT_FALSE(F.SawService);
  EXPECT_THAT(F.Partial.Metrics, IsEmpty());
  EXPECT_THAT(F.Partial.CallSites, IsEmpty());
}

TEST(ServiceRecorder, UnknownServiceIsAnErrorNamingTheConfig) {
  TUFacts F = factsFor(std::string(PrometheusIncludes) + BasicService, "shop::Nope");
  Config Cfg;
  Cfg.ServiceClass = "shop::Nope";
  Cfg.Path = "/project/.metrics-migrate.yaml";
  Cfg.ServiceClassLine = 1;
  auto C = buildCatalog({F}, Cfg);
  ASSERT_FALSE(static_cast<bool>(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "/project/.metrics-migrate.yaml:1: error: service class 'shop::Nope' is "
            "not defined in any translation unit of the compilation database");
}

} // namespace
} // namespace mm::test

namespace mm::test {
namespace {

TEST(ServiceRecorder, RegistryMemberAndHeaderNames) {
  std::string Code = std::string(PrometheusIncludes) + BasicService;
  Catalog C = catalogFor(Code);
  EXPECT_EQ(C.TheService.RegistryField, "registry_");
  EXPECT_EQ(Code.substr(C.TheService.RegistryInit.Offset, C.TheService.RegistryInit.Length),
            "std::make_shared<prometheus::Registry>()");
  EXPECT_THAT(C.TheService.HeaderNames,
              ::testing::ElementsAre("MetricsService", "MetricsServiceProtocol"));
}

TEST(ServiceRecorder, RegistryPassedInAndMovedIntoItsMember) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService(std::shared_ptr<prometheus::Registry> registry, int shards);
  void Record() { kits_.Increment(); }
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  int shards_;
  prometheus::Counter& kits_;
};
MetricsService::MetricsService(std::shared_ptr<prometheus::Registry> registry, int shards)
    : registry_(std::move(registry)), shards_(shards),
      kits_(prometheus::BuildCounter().Name("kits").Help("k").Register(*registry_).Add({})) {}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  const Service &S = C.TheService;
  // The text inside the parentheses, not the member's name with it.
  EXPECT_EQ(Code.substr(S.RegistryInit.Offset, S.RegistryInit.Length), "std::move(registry)");
  ASSERT_TRUE(S.RegistryParam.valid());
  EXPECT_EQ(Code.substr(S.RegistryParam.Offset, S.RegistryParam.Length), "registry");
  EXPECT_EQ(S.RegistryParam.Line, lineOf(Code, "MetricsService::MetricsService("));

  // No change: a parameter the constructor also uses elsewhere keeps its name.
  std::string Used = Code;
  Used.replace(Used.find("shards_(shards)"), 15, "shards_(registry ? shards : 0)");
  Catalog U = catalogFor(Used);
  EXPECT_EQ(Used.substr(U.TheService.RegistryInit.Offset, U.TheService.RegistryInit.Length),
            "std::move(registry)");
  EXPECT_FALSE(U.TheService.RegistryParam.valid());
}

TEST(ServiceRecorder, RegistriesTheServiceIsBuiltOn) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService(std::shared_ptr<prometheus::Registry> registry, int shards);
 private:
  std::shared_ptr<prometheus::Registry> registry_;
};
inline void Check() {
  auto registry = std::make_shared<prometheus::Registry>();
  MetricsService metrics(registry, 2);
  auto unrelated = std::make_shared<prometheus::Registry>();
  auto shared = std::make_shared<MetricsService>(std::make_shared<prometheus::Registry>(), 1);
}
struct Fixture {
  std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
  std::shared_ptr<MetricsService> m_metrics = std::make_shared<MetricsService>(m_registry, 1);
};
}  // namespace shop
)cpp";
  TUFacts F = factsFor(Code);
  std::vector<std::string> Given;
  for (const SourceSpan &S : F.Scan.GivenRegistries)
    Given.push_back(Code.substr(S.Offset, S.Length) + " @" + std::to_string(S.Line));
  // Handed to the constructor, directly or through make_shared; a registry
  // built in the argument itself, or never handed, is not listed.
  EXPECT_THAT(Given, ElementsAre("std::make_shared<prometheus::Registry>() @" +
                                     std::to_string(lineOf(Code, "auto registry =")),
                                 "std::make_shared<prometheus::Registry>() @" +
                                     std::to_string(lineOf(Code, "m_registry ="))));
}

TEST(ServiceRecorder, FileLocalFunctionsTravelAndStaticLocalsStayInTheBody) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
namespace {
// Doubling bounds.
prometheus::Histogram::BucketBoundaries doubling(double start, int n) {
  prometheus::Histogram::BucketBoundaries out;
  for (int i = 0; i < n; ++i, start *= 2) out.push_back(start);
  return out;
}
}  // namespace
class MetricsService {
 public:
  MetricsService();
  void Observe(double s) {
    static const prometheus::Histogram::BucketBoundaries kBounds = doubling(0.1, 4);
    latency_.Add({}, kBounds).Observe(s);
  }
  void Count() { kits_.Increment(); }
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Counter& kits_;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      latency_(prometheus::BuildHistogram().Name("latency").Help("l").Register(*registry_)),
      kits_(prometheus::BuildCounter().Name("kits").Help("k").Register(*registry_).Add({})) {}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  const Wrapper *Observe = wrapperNamed(C, "Observe");
  ASSERT_NE(Observe, nullptr);
  ASSERT_EQ(Observe->LocalConstants.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(Observe->LocalConstants.at("doubling"))
                  .starts_with("// Doubling bounds.\nprometheus::Histogram::BucketBoundaries "
                               "doubling(double start, int n) {"));
  EXPECT_TRUE(llvm::StringRef(Observe->LocalConstants.at("doubling")).ends_with("return out;\n}"));
  EXPECT_FALSE(Observe->UsesServiceState);
  ASSERT_EQ(C.TheService.LocalConstants.size(), 1u);
  EXPECT_EQ(C.TheService.LocalConstants[0].Name, "doubling");
  EXPECT_TRUE(C.TheService.LocalConstants[0].Namespace.valid());
  // No change: a wrapper using neither takes nothing along.
  const Wrapper *Count = wrapperNamed(C, "Count");
  ASSERT_NE(Count, nullptr);
  EXPECT_THAT(Count->LocalConstants, IsEmpty());
}

TEST(ServiceRecorder, FileLocalConstantsTravelWithWrappersAndChains) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
namespace {
const prometheus::Histogram::BucketBoundaries kLatency{0.1, 1.0};
}  // namespace
class MetricsService {
 public:
  MetricsService();
  void Observe(double s);
  int Count();
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram>& latency_seconds_;
  prometheus::Histogram* task_seconds_ = nullptr;
  int calls_ = 0;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      latency_seconds_(prometheus::BuildHistogram().Name("latency_seconds").Help("l")
                           .Register(*registry_)) {
  task_seconds_ = &prometheus::BuildHistogram().Name("task_seconds").Help("t")
                       .Register(*registry_).Add({}, kLatency);
}
void MetricsService::Observe(double s) { latency_seconds_.Add({}, kLatency).Observe(s); }
int MetricsService::Count() { task_seconds_->Observe(1); return ++calls_; }
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.Wrappers.size(), 2u);
  const Wrapper &Count = C.Wrappers[0];
  const Wrapper &Observe = C.Wrappers[1];
  EXPECT_EQ(Observe.Name, "Observe");
  ASSERT_EQ(Observe.LocalConstants.size(), 1u);
  EXPECT_EQ(Observe.LocalConstants.at("kLatency"),
            "const prometheus::Histogram::BucketBoundaries kLatency{0.1, 1.0};");
  EXPECT_FALSE(Observe.UsesServiceState);
  EXPECT_EQ(Count.Name, "Count");
  EXPECT_TRUE(Count.UsesServiceState); // calls_
  const Metric &Task = C.Metrics[1];
  EXPECT_EQ(Task.Name, "task_seconds");
  EXPECT_EQ(Task.LocalConstants.count("kLatency"), 1u);
  EXPECT_THAT(Task.Buckets, ::testing::ElementsAre(0.1, 1.0));
}

TEST(ServiceRecorder, WhatMovedCodeNamesComesWithTheHeadersDeclaringIt) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
#include <array>
#include <cstring>
#include <vector>
namespace shop {
namespace {
constexpr std::array kStates = {"idle", "busy"};
}  // namespace
class MetricsService {
 public:
  MetricsService();
  void SetState(const char* name);
  void Count(const std::string& kind);
  void Observe(double v);
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Gauge>* state_ = nullptr;
  prometheus::Family<prometheus::Counter>* jobs_ = nullptr;
  prometheus::Histogram* latency_ = nullptr;
};
MetricsService::MetricsService() : registry_(std::make_shared<prometheus::Registry>()) {
  state_ = &prometheus::BuildGauge().Name("state").Help("s").Register(*registry_);
  for (auto* s : kStates) state_->Add({{"state", s}}).Set(0);
  jobs_ = &prometheus::BuildCounter().Name("jobs_total").Help("j").Register(*registry_);
  latency_ = &prometheus::BuildHistogram().Name("latency").Help("l").Register(*registry_)
                  .Add({}, prometheus::Histogram::BucketBoundaries{1, 2});
}
void MetricsService::SetState(const char* name) {
  for (auto* s : kStates) state_->Add({{"state", s}}).Set(std::strcmp(s, name) == 0 ? 1 : 0);
}
void MetricsService::Count(const std::string& kind) {
  jobs_->Add({{"kind", kind}}).Increment();
}
void MetricsService::Observe(double v) { latency_->Observe(v); }
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  auto W = [&](llvm::StringRef Name) {
    return *llvm::find_if(C.Wrappers, [&](const Wrapper &W) { return W.Name == Name; });
  };
  auto M = [&](llvm::StringRef Name) {
    return *llvm::find_if(C.Metrics, [&](const Metric &M) { return M.Name == Name; });
  };
  auto Spelled = [](const std::vector<NeededHeader> &Needed) {
    std::vector<std::string> Out;
    for (const NeededHeader &H : Needed)
      Out.push_back(H.Header + " " + llvm::join(H.Names, ","));
    return Out;
  };
  // The standard's own header for each name, whatever libstdc++ file
  // declares it; the array comes with the constant the body copies.
  EXPECT_THAT(Spelled(W("SetState").Includes), ElementsAre("<array> array", "<cstring> strcmp"));
  EXPECT_THAT(Spelled(M("state").Includes), ElementsAre("<array> array"));
  // The parameter's type is the call's business; prometheus-cpp's names are
  // added by metric kind.
  EXPECT_THAT(W("Count").Includes, IsEmpty());
  EXPECT_THAT(W("Observe").Includes, IsEmpty());
  EXPECT_THAT(M("latency").Includes, IsEmpty());
}

TEST(ServiceRecorder, MetricFieldAssignedOutsideTheConstructorIsServiceState) {
  std::string Code = service(R"cpp(
  void RecordHit();
  void StartEpoch(const std::string& epoch);
  prometheus::Family<prometheus::Counter>* hits_family_ = nullptr;
  prometheus::Counter* hits_ = nullptr;)cpp",
                             "", R"cpp(
  hits_family_ = &prometheus::BuildCounter().Name("hits_total").Help("h")
                      .Register(*registry_);
  hits_ = &hits_family_->Add({{"epoch", "0"}});)cpp",
                             R"cpp(
void MetricsService::RecordHit() { hits_->Increment(); }
void MetricsService::StartEpoch(const std::string& epoch) {
  hits_ = &hits_family_->Add({{"epoch", epoch}});
})cpp");
  Catalog C = catalogFor(Code);
  const Wrapper *Hit = wrapperNamed(C, "RecordHit");
  const Wrapper *Epoch = wrapperNamed(C, "StartEpoch");
  ASSERT_NE(Hit, nullptr);
  ASSERT_NE(Epoch, nullptr);
  EXPECT_FALSE(Hit->UsesServiceState);
  EXPECT_TRUE(Epoch->UsesServiceState);
}


TEST(ServiceRecorder, FamiliesAndChildrenSetUpInAnInitializeMethod) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace olr {
class Metrics {
public:
    void initialize();
    void emitCheckpointsOut(unsigned n);
private:
    std::shared_ptr<prometheus::Registry> registry;
    prometheus::Family<prometheus::Counter>* checkpoints{nullptr};
    prometheus::Counter* checkpointsOutCounter{nullptr};
};
void Metrics::initialize() {
    registry = std::make_shared<prometheus::Registry>();
    checkpoints = &prometheus::BuildCounter().Name("checkpoints")
                                             .Help("Checkpoint records")
                                             .Register(*registry);
    checkpointsOutCounter = &checkpoints->Add({{"filter", "out"}});
}
void Metrics::emitCheckpointsOut(unsigned n) { checkpointsOutCounter->Increment(n); }
}  // namespace olr
)cpp";
  // The family as one TU records it, before the catalog folds it.
  TUFacts Facts = factsFor(Code, "olr::Metrics");
  const Metric *Family = metricOfField(Facts.Partial, "checkpoints");
  ASSERT_NE(Family, nullptr);
  EXPECT_EQ(Family->Name, "checkpoints");
  EXPECT_EQ(Family->Init, InitStyle::MethodBody);
  EXPECT_FALSE(Family->ChildArgs.has_value());
  std::string FamilyChain = Family->BuilderChain;

  Catalog C = catalogFor(Code, "olr::Metrics");
  const Metric *Child = metricOfField(C, "checkpointsOutCounter");
  ASSERT_NE(Child, nullptr);
  // Taken by this child only, the family is folded into it: it goes where
  // the child goes.
  EXPECT_EQ(metricOfField(C, "checkpoints"), nullptr);
  ASSERT_TRUE(Child->Family.has_value());
  EXPECT_EQ(Child->Family->Field, "checkpoints");
  EXPECT_EQ(Child->Family->InitSite.Line, lineOf(Code, "checkpoints = &"));
  EXPECT_EQ(Child->Family->FieldDecl.Line, lineOf(Code, "prometheus::Family<prometheus::Counter>* checkpoints"));
  EXPECT_EQ(Child->Family->Init, InitStyle::MethodBody);
  // The child is the family's chain plus its own `.Add(..)`.
  EXPECT_EQ(Child->Name, "checkpoints");
  EXPECT_EQ(Child->Help, "Checkpoint records");
  EXPECT_EQ(Child->Init, InitStyle::MethodBody);
  EXPECT_EQ(Child->BuilderChain, FamilyChain);
  EXPECT_EQ(Child->RegisterAt, Family->RegisterAt);
  EXPECT_EQ(llvm::StringRef(Child->BuilderChain).substr(Child->RegisterAt), ".Register(*registry)");
  EXPECT_EQ(Child->RegistryArg, "*registry");
  ASSERT_TRUE(Child->ChildArgs.has_value());
  EXPECT_EQ(*Child->ChildArgs, R"({{"filter", "out"}})");
  EXPECT_THAT(Child->LabelNames, ElementsAre("filter"));
  EXPECT_EQ(Child->InitSite.Line, lineOf(Code, "checkpointsOutCounter = &"));
  // The set-up method records nothing; the wrapper records the child.
  const Wrapper *Init = wrapperNamed(C, "initialize");
  EXPECT_TRUE(Init == nullptr || Init->Metrics.empty());
  const Wrapper *Emit = wrapperNamed(C, "emitCheckpointsOut");
  ASSERT_NE(Emit, nullptr);
  EXPECT_THAT(Emit->Metrics, ElementsAre("checkpoints"));
  // The registry it creates is the one the migration replaces.
  EXPECT_EQ(C.TheService.RegistryField, "registry");
  EXPECT_EQ(C.TheService.RegistryInit.Line,
            lineOf(Code, "registry = std::make_shared<prometheus::Registry>()"));
}

TEST(ServiceRecorder, AFamilyRegisteredAgainUnderItsNameIsTheFirstOne) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace olr {
class Metrics {
public:
    void initialize();
    void emitDeleteOut(unsigned n);
    void emitCommitOut(unsigned n);
private:
    std::shared_ptr<prometheus::Registry> registry;
    prometheus::Family<prometheus::Counter>* dmlOps{nullptr};
    prometheus::Counter* dmlOpsDeleteOutCounter{nullptr};
    prometheus::Counter* dmlOpsInsertOutCounter{nullptr};
    prometheus::Family<prometheus::Counter>* transactions{nullptr};
    prometheus::Counter* transactionsCommitOutCounter{nullptr};
    prometheus::Counter* transactionsRollbackOutCounter{nullptr};
};
void Metrics::initialize() {
    registry = std::make_shared<prometheus::Registry>();
    dmlOps = &prometheus::BuildCounter().Name("dml_ops").Help("Number of DML operations").Register(*registry);
    dmlOpsDeleteOutCounter = &dmlOps->Add({{"type", "delete"}});
    dmlOpsInsertOutCounter = &dmlOps->Add({{"type", "insert"}});
    transactions = &prometheus::BuildCounter().Name("dml_ops").Help("Number of transactions").Register(*registry);
    transactionsCommitOutCounter = &transactions->Add({{"type", "commit"}});
    transactionsRollbackOutCounter = &transactions->Add({{"type", "rollback"}});
}
void Metrics::emitDeleteOut(unsigned n) { dmlOpsDeleteOutCounter->Increment(n); }
void Metrics::emitCommitOut(unsigned n) { transactionsCommitOutCounter->Increment(n); }
}  // namespace olr
)cpp";
  // prometheus-cpp hands `transactions` the family `dmlOps` registered:
  // one metric, set again there, and four children of it.
  TUFacts Facts = factsFor(Code, "olr::Metrics");
  EXPECT_EQ(metricOfField(Facts.Partial, "transactions"), nullptr);
  const Metric *Family = metricOfField(Facts.Partial, "dmlOps");
  ASSERT_NE(Family, nullptr);
  EXPECT_EQ(Family->Help, "Number of DML operations");
  ASSERT_EQ(Family->SetAgain.size(), 1u);
  EXPECT_EQ(Family->SetAgain[0].Field, "transactions");
  EXPECT_EQ(Family->SetAgain[0].FieldDecl.Line,
            lineOf(Code, "prometheus::Family<prometheus::Counter>* transactions"));
  EXPECT_EQ(Family->SetAgain[0].InitSite.Line, lineOf(Code, "transactions = &"));
  EXPECT_EQ(Family->SetAgain[0].Init, InitStyle::MethodBody);
  const Metric *Commit = metricOfField(Facts.Partial, "transactionsCommitOutCounter");
  ASSERT_NE(Commit, nullptr);
  ASSERT_TRUE(Commit->Family.has_value());
  EXPECT_EQ(Commit->Family->Field, "dmlOps");
  EXPECT_EQ(Commit->Name, "dml_ops");

  Catalog C = catalogFor(Code, "olr::Metrics");
  ASSERT_EQ(C.Metrics.size(), 1u);
  EXPECT_EQ(C.Metrics[0].Field, "dmlOps");
  std::vector<std::string> Children;
  for (const ChildField &Ch : C.Metrics[0].Children)
    Children.push_back(Ch.Field);
  EXPECT_THAT(Children, ElementsAre("dmlOpsDeleteOutCounter", "dmlOpsInsertOutCounter",
                                    "transactionsCommitOutCounter",
                                    "transactionsRollbackOutCounter"));
  const Wrapper *Emit = wrapperNamed(C, "emitCommitOut");
  ASSERT_NE(Emit, nullptr);
  EXPECT_THAT(Emit->Metrics, ElementsAre("dml_ops"));
  EXPECT_EQ(notation(Emit->Template), "${metric:dml_ops#transactionsCommitOutCounter}->Increment(${param:n});");
}

TEST(ServiceRecorder, AnotherNameKindOrRegistryIsNotTheSameFamily) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
class Metrics {
public:
    void initialize();
private:
    std::shared_ptr<prometheus::Registry> registry;
    std::shared_ptr<prometheus::Registry> other;
    prometheus::Family<prometheus::Counter>* a{nullptr};
    prometheus::Family<prometheus::Counter>* b{nullptr};
    prometheus::Family<prometheus::Gauge>* c{nullptr};
    prometheus::Family<prometheus::Counter>* d{nullptr};
};
void Metrics::initialize() {
    a = &prometheus::BuildCounter().Name("a_total").Help("A").Register(*registry);
    b = &prometheus::BuildCounter().Name("b_total").Help("B").Register(*registry);
    c = &prometheus::BuildGauge().Name("a_total").Help("A").Register(*registry);
    d = &prometheus::BuildCounter().Name("a_total").Help("A").Register(*other);
}
)cpp";
  TUFacts Facts = factsFor(Code, "Metrics");
  for (const char *Field : {"a", "b", "c", "d"}) {
    const Metric *M = metricOfField(Facts.Partial, Field);
    ASSERT_NE(M, nullptr) << Field;
    EXPECT_TRUE(M->SetAgain.empty()) << Field;
  }
}

TEST(ServiceRecorder, AFieldSetAgainWithTheSameChainIsOneMetric) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace olr {
class Metrics {
public:
    void initialize();
    void reset();
    void emitUsed(double v);
private:
    std::shared_ptr<prometheus::Registry> registry;
    prometheus::Family<prometheus::Gauge>* usedTotal{nullptr};
    prometheus::Gauge* usedTotalGauge{nullptr};
    prometheus::Family<prometheus::Gauge>* swap{nullptr};
};
void Metrics::initialize() {
    usedTotal = &prometheus::BuildGauge().Name("used_total").Help("Total used").Register(*registry);
    usedTotalGauge = &usedTotal->Add({});
    usedTotal = &prometheus::BuildGauge().Name("used_total").Help("Total used").Register(*registry);
    usedTotalGauge = &usedTotal->Add({});
}
void Metrics::reset() {
    swap = &prometheus::BuildGauge().Name("swap").Help("Swap").Register(*registry);
}
void Metrics::emitUsed(double v) { usedTotalGauge->Set(v); }
}  // namespace olr
)cpp";
  TUFacts Facts = factsFor(Code, "olr::Metrics");
  const Metric *Family = metricOfField(Facts.Partial, "usedTotal");
  ASSERT_NE(Family, nullptr);
  EXPECT_FALSE(Family->SetTwoWays);
  ASSERT_EQ(Family->SetAgain.size(), 1u);
  EXPECT_FALSE(Family->SetAgain[0].FieldDecl.valid());
  EXPECT_EQ(Family->InitSite.Line, lineOf(Code, "usedTotal = &"));
  EXPECT_GT(Family->SetAgain[0].InitSite.Line, Family->InitSite.Line);

  // The family folds into its one child, taking the places that set it
  // again along: all four assignments go where the child goes.
  Catalog C = catalogFor(Code, "olr::Metrics");
  const Metric *Child = metricOfField(C, "usedTotalGauge");
  ASSERT_NE(Child, nullptr);
  EXPECT_EQ(Child->SetAgain.size(), 2u);
  EXPECT_FALSE(Child->SetTwoWays);
}

TEST(ServiceRecorder, AFieldSetByTwoDifferentChainsIsSaidSo) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
class Metrics {
public:
    void initialize();
    void reset();
private:
    std::shared_ptr<prometheus::Registry> registry;
    prometheus::Family<prometheus::Gauge>* used{nullptr};
};
void Metrics::initialize() {
    used = &prometheus::BuildGauge().Name("used").Help("Used").Register(*registry);
}
void Metrics::reset() {
    used = &prometheus::BuildGauge().Name("used_now").Help("Used").Register(*registry);
}
)cpp";
  TUFacts Facts = factsFor(Code, "Metrics");
  const Metric *M = metricOfField(Facts.Partial, "used");
  ASSERT_NE(M, nullptr);
  EXPECT_TRUE(M->SetTwoWays);
}

TEST(ServiceRecorder, MethodCallingAnInterfaceWrapperRecordsItsMetrics) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;
  virtual void RecordShipment(const std::string& carrier, int parcels) = 0;
  virtual void RecordShipment(int parcels) = 0;
};
class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();
  void RecordShipment(const std::string& carrier, int parcels) override;
  void RecordShipment(int parcels) override;
  void Flush();
  void Poll();
  void Refresh();
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& shipments_total_;
  prometheus::Gauge* pending_ = nullptr;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      shipments_total_(prometheus::BuildCounter().Name("shipments_total").Help("s")
                           .Register(*registry_)) {
  pending_ = &prometheus::BuildGauge().Name("pending").Help("p").Register(*registry_).Add({});
}
void MetricsService::RecordShipment(const std::string& carrier, int parcels) {
  shipments_total_.Add({{"carrier", carrier}}).Increment(parcels);
}
void MetricsService::RecordShipment(int parcels) { RecordShipment("unknown", parcels); }
void MetricsService::Flush() { RecordShipment(0); }
void MetricsService::Poll() { Refresh(); }
void MetricsService::Refresh() { pending_->Set(0); }
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  // Through one overload to the other, and from a method outside the
  // interface through both.
  ASSERT_EQ(C.Wrappers.size(), 4u);
  EXPECT_EQ(C.Wrappers[0].Name, "Flush");
  EXPECT_THAT(C.Wrappers[0].Metrics, ElementsAre("shipments_total"));
  EXPECT_TRUE(C.Wrappers[0].UsesServiceState);
  EXPECT_EQ(C.Wrappers[2].Signature, "RecordShipment(int)");
  EXPECT_THAT(C.Wrappers[2].Metrics, ElementsAre("shipments_total"));
  EXPECT_TRUE(C.Wrappers[2].UsesServiceState);
  // A call of a method outside the interfaces adds nothing: Poll stays a
  // plain method of the service.
  EXPECT_EQ(C.Wrappers[3].Name, "Refresh");
  EXPECT_THAT(C.TheService.KeptMethods, ElementsAre("Poll"));
}

TEST(ServiceRecorder, ANullCheckOfTheMetricPointerGoesFromTheTemplate) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
class audit_metrics {
public:
    audit_metrics();
    void login();
    void sessions(double open);
    void failure(const std::string &reason);
    void other(double open);
    void both(double open);
    void after(double open);
    void twice(double open);
    void otherwise(double open);
private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter *m_logins = nullptr;
    prometheus::Gauge *m_sessions = nullptr;
    prometheus::Family<prometheus::Counter> *m_failures = nullptr;
};
audit_metrics::audit_metrics() : m_registry(std::make_shared<prometheus::Registry>()) {
    m_logins = &prometheus::BuildCounter().Name("logins").Help("l").Register(*m_registry).Add({});
    m_sessions = &prometheus::BuildGauge().Name("sessions").Help("s").Register(*m_registry).Add({});
    m_failures = &prometheus::BuildCounter().Name("failures").Help("f").Register(*m_registry);
}
void audit_metrics::login() {
    if (m_logins)
        m_logins->Increment();
}
void audit_metrics::sessions(double open) {
    if (nullptr != m_sessions) {
        m_sessions->Set(open);
    }
}
void audit_metrics::failure(const std::string &reason) {
    if (m_failures == nullptr)
        return;
    m_failures->Add({{"reason", reason}}).Increment();
}
void audit_metrics::other(double open) {
    if (m_logins)
        m_sessions->Set(open);
}
void audit_metrics::both(double open) {
    if (m_sessions && open > 0)
        m_sessions->Set(open);
}
void audit_metrics::after(double open) {
    if (open > 0 && (open < 10 && m_sessions != nullptr)) {
        m_sessions->Set(open);
    }
}
void audit_metrics::twice(double open) {
    if (m_sessions && open > 0)
        m_sessions->Set(open);
    if (m_sessions)
        m_sessions->Set(0);
}
void audit_metrics::otherwise(double open) {
    if (m_sessions && open > 0)
        m_sessions->Set(open);
    else
        m_sessions->Set(0);
}
)cpp";
  Catalog C = catalogFor(Code, "audit_metrics");
  auto Expect = [&](const char *Name, BodyKind Kind, const char *Template) {
    const Wrapper *W = wrapperNamed(C, Name);
    ASSERT_NE(W, nullptr) << Name;
    EXPECT_EQ(W->Body, Kind) << Name;
    EXPECT_EQ(notation(W->Template), Template) << Name;
  };
  Expect("login", BodyKind::SingleExpression, "${metric:logins}->Increment();");
  Expect("sessions", BodyKind::SingleExpression, "${metric:sessions}->Set(${param:open});");
  Expect("failure", BodyKind::SingleExpression,
         "${metric:failures}->Add({{\"reason\", ${param:reason}}}).Increment();");
  // A check of another field, or of more than the field: the body as written.
  Expect("other", BodyKind::MultiStatement,
         "if (${metric:logins})\n        ${metric:sessions}->Set(${param:open});");
  // One operand of `&&`: the test and its `&&` go, the rest of the
  // condition stays.
  Expect("both", BodyKind::MultiStatement,
         "if (${param:open} > 0)\n        ${metric:sessions}->Set(${param:open});");
  Expect("after", BodyKind::MultiStatement,
         "if (${param:open} > 0 && (${param:open} < 10)) {\n        "
         "${metric:sessions}->Set(${param:open});\n    }");
  // Tested twice, or with an `else`: as written (the rule for the plain
  // form does not apply either).
  Expect("twice", BodyKind::MultiStatement,
         "if (${metric:sessions} && ${param:open} > 0)\n        "
         "${metric:sessions}->Set(${param:open});\n    if (${metric:sessions})\n        "
         "${metric:sessions}->Set(0);");
  Expect("otherwise", BodyKind::MultiStatement,
         "if (${metric:sessions} && ${param:open} > 0)\n        "
         "${metric:sessions}->Set(${param:open});\n    else\n        "
         "${metric:sessions}->Set(0);");
}

TEST(ServiceRecorder, AMemberItsOnlyConstructorGivesAConstantValueIsAConstant) {
  std::string Service = R"cpp(
#include <chrono>
#include <vector>
class ResolverMetrics {
 public:
  ResolverMetrics(double scale);
  void observe(double seconds);
  void count(double seconds);
  void uptime();
  double queries() const;  // defined elsewhere: it cannot write a member
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram> &queries_;
  // Seconds.
  std::vector<double> query_buckets_;
  std::vector<double> scaled_buckets_;
  std::chrono::steady_clock::time_point started_;
};
ResolverMetrics::ResolverMetrics(double scale)
    : registry_(std::make_shared<prometheus::Registry>()),
      queries_(prometheus::BuildHistogram().Name("q").Help("q").Register(*registry_)),
      query_buckets_{0.001, 0.01},
      scaled_buckets_({scale, 2 * scale}),
      started_(std::chrono::steady_clock::now()) {}
void ResolverMetrics::observe(double seconds) { queries_.Add({}, query_buckets_).Observe(seconds); }
void ResolverMetrics::count(double seconds) { queries_.Add({}, scaled_buckets_).Observe(seconds); }
void ResolverMetrics::uptime() {
  queries_.Add({}, query_buckets_).Observe((std::chrono::steady_clock::now() - started_).count());
}
)cpp";
  std::string Code = std::string(PrometheusIncludes) + Service;
  TUFacts Facts = factsFor(Code, "ResolverMetrics");
  const Wrapper *Observe = wrapperNamed(Facts.Partial, "observe");
  ASSERT_NE(Observe, nullptr);
  EXPECT_FALSE(Observe->UsesServiceState);
  ASSERT_EQ(Observe->LocalConstants.count("query_buckets_"), 1u);
  EXPECT_EQ(Observe->LocalConstants.at("query_buckets_"),
            "// Seconds.\n  const std::vector<double> query_buckets_{0.001, 0.01};");
  // Where the class declares it, and the initializer that goes with it.
  std::vector<std::string> Members;
  for (const LocalConstantSite &L : Facts.Partial.TheService.LocalConstants)
    if (L.Member)
      Members.push_back(L.Name + ":" + std::to_string(L.Decl.Line) + " " +
                        Code.substr(L.Initializer.Offset, L.Initializer.Length));
  EXPECT_THAT(Members, ElementsAre("query_buckets_:" +
                                   std::to_string(lineOf(Code, "  std::vector<double> query_")) +
                                   " query_buckets_{0.001, 0.01}"));
  // A value read from a parameter, or from a call when the object is
  // built, differs per object: state.
  for (const char *Name : {"count", "uptime"}) {
    const Wrapper *Kept = wrapperNamed(Facts.Partial, Name);
    ASSERT_NE(Kept, nullptr) << Name;
    EXPECT_TRUE(Kept->UsesServiceState) << Name;
  }
  EXPECT_THAT(wrapperNamed(Facts.Partial, "count")->LocalConstants, IsEmpty());
  // A method defined elsewhere that is not `const` may write it: state.
  std::string Writer = Service;
  Writer.replace(Writer.find("  void uptime();"), 0, "  void reset();\n");
  TUFacts WriterFacts = factsFor(std::string(PrometheusIncludes) + Writer, "ResolverMetrics");
  const Wrapper *Unsure = wrapperNamed(WriterFacts.Partial, "observe");
  ASSERT_NE(Unsure, nullptr);
  EXPECT_TRUE(Unsure->UsesServiceState);
  // A second constructor may give it another value: state.
  std::string Two = Service;
  Two.replace(Two.find("  ResolverMetrics(double scale);"), 0,
              "  ResolverMetrics() : ResolverMetrics(1) {}\n");
  TUFacts TwoFacts = factsFor(std::string(PrometheusIncludes) + Two, "ResolverMetrics");
  const Wrapper *Observed = wrapperNamed(TwoFacts.Partial, "observe");
  ASSERT_NE(Observed, nullptr);
  EXPECT_TRUE(Observed->UsesServiceState);
}

TEST(ServiceRecorder, ConstantMembersTravelLikeFileLocalConstants) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
#include <vector>
class GatewayMetrics {
 public:
  GatewayMetrics();
  void saveLatency(double latency);
  void saveSize(int size);
  void saveOther(int size);
  void saveMore(int size);
  void clearOther();
 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram> &latency_family_;
  prometheus::Family<prometheus::Histogram> &size_family_;
  prometheus::Histogram *latency_;
  // Seconds.
  const std::vector<double> latency_buckets_ = {0.1, 1};
  const std::vector<double> size_buckets_{100, 1000};
  std::vector<double> other_buckets_ = {1, 2};
};
GatewayMetrics::GatewayMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      latency_family_(prometheus::BuildHistogram().Name("latency").Help("l").Register(*registry_)),
      size_family_(prometheus::BuildHistogram().Name("size").Help("s").Register(*registry_)) {
  latency_ = &latency_family_.Add({}, prometheus::Histogram::BucketBoundaries(latency_buckets_));
}
void GatewayMetrics::saveLatency(double latency) { latency_->Observe(latency); }
void GatewayMetrics::saveSize(int size) { size_family_.Add({}, size_buckets_).Observe(size); }
void GatewayMetrics::saveOther(int size) { size_family_.Add({}, other_buckets_).Observe(size); }
void GatewayMetrics::saveMore(int size) { size_family_.Add({}, this->size_buckets_).Observe(size); }
void GatewayMetrics::clearOther() { other_buckets_.clear(); }
)cpp";
  TUFacts Facts = factsFor(Code, "GatewayMetrics");
  const Metric *Latency = metricOfField(Facts.Partial, "latency_");
  ASSERT_NE(Latency, nullptr);
  ASSERT_EQ(Latency->LocalConstants.count("latency_buckets_"), 1u);
  EXPECT_EQ(Latency->LocalConstants.at("latency_buckets_"),
            "// Seconds.\n  const std::vector<double> latency_buckets_ = {0.1, 1};");
  const Wrapper *Size = wrapperNamed(Facts.Partial, "saveSize");
  ASSERT_NE(Size, nullptr);
  EXPECT_FALSE(Size->UsesServiceState);
  ASSERT_EQ(Size->LocalConstants.count("size_buckets_"), 1u);
  EXPECT_EQ(Size->LocalConstants.at("size_buckets_"),
            "const std::vector<double> size_buckets_{100, 1000};");
  // Where the class declares each, to go when the class no longer names it.
  std::vector<std::string> Members;
  for (const LocalConstantSite &L : Facts.Partial.TheService.LocalConstants)
    if (L.Member)
      Members.push_back(L.Name + ":" + std::to_string(L.Decl.Line));
  EXPECT_THAT(Members,
              ElementsAre("latency_buckets_:" + std::to_string(lineOf(Code, "const std::vector<double> latency_buckets_")),
                          "size_buckets_:" + std::to_string(lineOf(Code, "size_buckets_{"))));
  // A member a method writes, or one named through `this->`: state.
  for (const char *Name : {"saveOther", "saveMore"}) {
    const Wrapper *Kept = wrapperNamed(Facts.Partial, Name);
    ASSERT_NE(Kept, nullptr) << Name;
    EXPECT_TRUE(Kept->UsesServiceState) << Name;
    EXPECT_THAT(Kept->LocalConstants, IsEmpty()) << Name;
  }
}

TEST(ServiceRecorder, AChildCachedPerLabelRecordsThroughAdd) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
#include <map>
#include <string>
#include <unordered_map>
namespace olr {
class Metrics {
public:
    Metrics();
    void emitRowsOut(unsigned counter, const std::string& table);
    void emitRowsSkip(unsigned counter, const std::string& table);
    void emitRowsKeyed(const std::string& table);
    void emitRowsShared(const std::string& table);
    size_t sharedSize() const { return shared.size(); }
protected:
    std::shared_ptr<prometheus::Registry> registry;
    prometheus::Family<prometheus::Counter>* rows{nullptr};
    std::unordered_map<std::string, prometheus::Counter*> outMap;
    std::map<std::string, prometheus::Counter*> skipMap;
    std::map<std::string, prometheus::Counter*> keyedMap;
    std::map<std::string, prometheus::Counter*> shared;
};
Metrics::Metrics() : registry(std::make_shared<prometheus::Registry>()) {
    rows = &prometheus::BuildCounter().Name("rows").Help("Rows").Register(*registry);
}
void Metrics::emitRowsOut(unsigned counter, const std::string& table) {
    const std::string key("out." + table);
    prometheus::Counter* cnt;
    const auto& it = outMap.find(key);

    if (it != outMap.end())
        cnt = it->second;
    else
        cnt = &rows->Add({{"filter", "out"}, {"table", table}});

    cnt->Increment(counter);
}
void Metrics::emitRowsSkip(unsigned counter, const std::string& table) {
    auto it = skipMap.find(table);
    prometheus::Counter* cnt = it == skipMap.end() ? nullptr : (*it).second;
    if (cnt == nullptr) {
        cnt = &rows->Add({{"filter", "skip"}, {"table", table}});
        skipMap[table] = cnt;
    }
    cnt->Increment(counter);
}
void Metrics::emitRowsKeyed(const std::string& table) {
    const std::string key = "keyed." + table;
    prometheus::Counter* cnt;
    auto it = keyedMap.find(key);
    if (it != keyedMap.end()) {
        cnt = it->second;
    } else {
        cnt = &rows->Add({{"key", key}});
        keyedMap.emplace(key, cnt);
    }
    cnt->Increment();
}
void Metrics::emitRowsShared(const std::string& table) {
    prometheus::Counter* cnt;
    auto it = shared.find(table);
    if (it != shared.end())
        cnt = it->second;
    else
        cnt = &rows->Add({{"table", table}});
    cnt->Increment();
}
}  // namespace olr
)cpp";
  Catalog C = catalogFor(Code, "olr::Metrics");
  const Wrapper *Out = wrapperNamed(C, "emitRowsOut");
  ASSERT_NE(Out, nullptr);
  EXPECT_FALSE(Out->UsesServiceState);
  EXPECT_EQ(Out->Body, BodyKind::SingleExpression);
  EXPECT_EQ(notation(Out->Template), "${metric:rows}->Add({{\"filter\", \"out\"}, {\"table\", "
                           "${param:table}}}).Increment(${param:counter});");
  ASSERT_EQ(Out->DroppedCaches.size(), 1u);
  EXPECT_EQ(Out->DroppedCaches[0].Field, "outMap");
  EXPECT_EQ(Out->DroppedCaches[0].Decl.Line, lineOf(Code, "outMap;"));
  // A ternary, a null check and a store into the map.
  const Wrapper *Skip = wrapperNamed(C, "emitRowsSkip");
  ASSERT_NE(Skip, nullptr);
  EXPECT_FALSE(Skip->UsesServiceState);
  EXPECT_EQ(notation(Skip->Template), "${metric:rows}->Add({{\"filter\", \"skip\"}, {\"table\", "
                            "${param:table}}}).Increment(${param:counter});");
  ASSERT_EQ(Skip->DroppedCaches.size(), 1u);
  EXPECT_EQ(Skip->DroppedCaches[0].Field, "skipMap");
  // Labels made from a local of the body, and a map another method reads:
  // the bodies stay as written, in the service.
  for (const char *Name : {"emitRowsKeyed", "emitRowsShared"}) {
    const Wrapper *Kept = wrapperNamed(C, Name);
    ASSERT_NE(Kept, nullptr) << Name;
    EXPECT_TRUE(Kept->UsesServiceState) << Name;
    EXPECT_EQ(Kept->Body, BodyKind::MultiStatement) << Name;
    EXPECT_THAT(Kept->DroppedCaches, IsEmpty()) << Name;
  }
  // The family is one metric with the labels every Add gives it.
  const Metric *Rows = metricNamed(C, "rows");
  ASSERT_NE(Rows, nullptr);
  EXPECT_THAT(Rows->LabelNames, ElementsAre("filter", "key", "table"));
}

/// The text \p S covers in \p Code.
std::string textAt(const std::string &Code, const SourceSpan &S) {
  EXPECT_EQ(S.File, "input.cc");
  return S.Offset + S.Length > Code.size() ? "<out of range>" : Code.substr(S.Offset, S.Length);
}

TEST(ServiceRecorder, FileLocalConstantsCarryTheirCommentAndWhereTheyAre) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
namespace {

// Latency buckets for request/response style operations.
// In seconds.
static const prometheus::Histogram::BucketBoundaries kLatency{
    0.1, 1.0};

/* Sizes, in items. */
const prometheus::Histogram::BucketBoundaries kSizes{1, 10};

// A comment that belongs to nothing below.

const prometheus::Histogram::BucketBoundaries kCounts{2, 20};
}  // namespace
const double kScale = 2.0;
class MetricsService {
 public:
  MetricsService();
  void Observe(double s);
  void Size(double s);
 private:
  static constexpr double kFactor = 3;
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram>& latency_seconds_;
  prometheus::Family<prometheus::Histogram>& size_items_;
};
MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      latency_seconds_(prometheus::BuildHistogram().Name("latency_seconds").Help("l")
                           .Register(*registry_)),
      size_items_(prometheus::BuildHistogram().Name("size_items").Help("s")
                      .Register(*registry_)) {}
void MetricsService::Observe(double s) {
  latency_seconds_.Add({}, kLatency).Observe(s * kScale * kFactor);
}
void MetricsService::Size(double s) {
  size_items_.Add({{"k", "a"}}, kSizes).Observe(s);
  size_items_.Add({{"k", "b"}}, kCounts).Observe(s);
}
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.Wrappers.size(), 2u);
  const Wrapper &Observe = C.Wrappers[0];
  const Wrapper &Size = C.Wrappers[1];
  ASSERT_EQ(Observe.Name, "Observe");
  EXPECT_EQ(Observe.LocalConstants.at("kLatency"),
            "// Latency buckets for request/response style operations.\n"
            "// In seconds.\n"
            "static const prometheus::Histogram::BucketBoundaries kLatency{\n"
            "    0.1, 1.0};");
  EXPECT_EQ(Observe.LocalConstants.at("kScale"), "const double kScale = 2.0;");
  EXPECT_EQ(Observe.LocalConstants.count("kFactor"), 1u);
  ASSERT_EQ(Size.Name, "Size");
  EXPECT_EQ(Size.LocalConstants.at("kSizes"),
            "/* Sizes, in items. */\n"
            "const prometheus::Histogram::BucketBoundaries kSizes{1, 10};");
  // A blank line parts the comment from the definition: it stays behind.
  EXPECT_EQ(Size.LocalConstants.at("kCounts"),
            "const prometheus::Histogram::BucketBoundaries kCounts{2, 20};");

  // Where the namespace-scope ones are defined; a static member has no site.
  const std::vector<LocalConstantSite> &Sites = C.TheService.LocalConstants;
  ASSERT_EQ(Sites.size(), 4u);
  EXPECT_EQ(Sites[0].Name, "kLatency");
  EXPECT_EQ(textAt(Code, Sites[0].Decl),
            "static const prometheus::Histogram::BucketBoundaries kLatency{\n    0.1, 1.0}");
  EXPECT_EQ(Sites[0].Decl.Line, lineOf(Code, "static const prometheus::Histogram"));
  EXPECT_EQ(Sites[1].Name, "kSizes");
  EXPECT_EQ(Sites[2].Name, "kCounts");
  std::string Namespace = textAt(Code, Sites[0].Namespace);
  EXPECT_EQ(Namespace.substr(0, 13), "namespace {\n\n");
  EXPECT_EQ(Namespace.substr(Namespace.size() - 2), "\n}");
  EXPECT_EQ(Sites[1].Namespace, Sites[0].Namespace);
  EXPECT_EQ(Sites[2].Namespace, Sites[0].Namespace);
  EXPECT_EQ(Sites[3].Name, "kScale");
  EXPECT_EQ(textAt(Code, Sites[3].Decl), "const double kScale = 2.0");
  EXPECT_FALSE(Sites[3].Namespace.valid());
}

TEST(ServiceRecorder, NoConstantsNoSites) {
  Catalog C = catalogFor(std::string(PrometheusIncludes) + BasicService);
  EXPECT_THAT(C.TheService.LocalConstants, IsEmpty());
  for (const Wrapper &W : C.Wrappers)
    EXPECT_THAT(W.LocalConstants, IsEmpty());
}

} // namespace
} // namespace mm::test
