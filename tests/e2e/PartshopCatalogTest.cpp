//===--- PartshopCatalogTest.cpp - The catalog of the bundled sample ------===//
//
// Runs stages [1] and [2] over the compile database of test-inputs/partshop
// (built by the partshop.before test) and checks what they found, exactly.
//
//===----------------------------------------------------------------------===//

#include "core/Config.h"
#include "core/Merge.h"
#include "tests/unit/TemplateNotation.h"
#include "tool/Executor.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <map>
#include <set>

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class PartshopCatalog : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto Cfg = loadConfig(PARTSHOP_SOURCE_DIR "/.metrics-migrate.yaml");
    ASSERT_TRUE(static_cast<bool>(Cfg)) << llvm::toString(Cfg.takeError());
    ScanOptions Opts;
    Opts.BuildDir = PARTSHOP_BUILD_DIR;
    auto Facts = scanDatabase(*Cfg, Opts);
    ASSERT_TRUE(static_cast<bool>(Facts)) << llvm::toString(Facts.takeError());
    for (const TUFacts &TU : *Facts)
      ASSERT_TRUE(TU.Parsed) << TU.MainFile << ": "
                             << (TU.Errors.empty() ? "" : TU.Errors.front());
    TUCount = Facts->size();
    auto C = buildCatalog(*Facts, *Cfg);
    ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
    TheCatalog = new Catalog(std::move(*C));
  }
  static void TearDownTestSuite() { delete TheCatalog; }

  const Catalog &C() {
    if (!TheCatalog)
      ADD_FAILURE() << "catalog could not be built";
    static const Catalog Empty;
    return TheCatalog ? *TheCatalog : Empty;
  }
  const Metric *metric(llvm::StringRef Name) {
    for (const Metric &M : C().Metrics)
      if (M.Name == Name)
        return &M;
    return nullptr;
  }
  const Wrapper *wrapper(llvm::StringRef Name) {
    for (const Wrapper &W : C().Wrappers)
      if (W.Name == Name)
        return &W;
    return nullptr;
  }
  std::vector<const CallSite *> callsTo(llvm::StringRef Wrapper) {
    std::vector<const CallSite *> Out;
    for (const CallSite &CS : C().CallSites)
      if (CS.Wrapper == Wrapper)
        Out.push_back(&CS);
    return Out;
  }

  static Catalog *TheCatalog;
  static size_t TUCount;
};

Catalog *PartshopCatalog::TheCatalog = nullptr;
size_t PartshopCatalog::TUCount = 0;

TEST_F(PartshopCatalog, ServiceInterfaceAndDoubles) {
  EXPECT_EQ(TUCount, 40u); // every .cpp of partshop
  EXPECT_EQ(C().TheService.Name, "partshop::MetricsService");
  EXPECT_EQ(C().TheService.Header, "metrics/metrics_service.h");
  EXPECT_EQ(C().TheService.Source, "metrics/metrics_service.cpp");
  EXPECT_THAT(C().TheService.KeptMethods,
              ElementsAre("BackgroundLoop", "IsBackgroundUpdaterRunning", "PollOnce",
                          "RegisterForPolling", "SetDashboardSource", "Shutdown",
                          "StartBackgroundUpdater", "registry"));
  ASSERT_EQ(C().Interfaces.size(), 1u);
  EXPECT_EQ(C().Interfaces[0].Name, "partshop::MetricsServiceProtocol");
  ASSERT_EQ(C().TestDoubles.size(), 2u);
  EXPECT_EQ(C().TestDoubles[0].Name, "partshop::testing_utils::MockMetricsService");
  EXPECT_EQ(C().TestDoubles[0].Kind, DoubleKind::Mock);
  EXPECT_EQ(C().TestDoubles[0].Methods.size(), 45u);
  EXPECT_EQ(C().TestDoubles[1].Name, "partshop::testing_utils::StubMetricsService");
  EXPECT_EQ(C().TestDoubles[1].Kind, DoubleKind::Stub);
  EXPECT_EQ(C().TestDoubles[1].Methods.size(), 45u);
}

TEST_F(PartshopCatalog, Metrics) {
  ASSERT_EQ(C().Metrics.size(), 55u);
  std::map<MetricKind, int> Kinds;
  std::map<FieldStyle, int> Styles;
  std::map<InitStyle, int> Inits;
  std::set<std::string> Names;
  for (const Metric &M : C().Metrics) {
    ++Kinds[M.Kind];
    ++Styles[M.Style];
    ++Inits[M.Init];
    Names.insert(M.Name);
    EXPECT_FALSE(M.Help.empty()) << M.Name;
    EXPECT_EQ(M.RegistryArg, "*registry_") << M.Name;
  }
  EXPECT_EQ(Names.size(), 55u);
  EXPECT_EQ(Kinds[MetricKind::Counter], 31);
  EXPECT_EQ(Kinds[MetricKind::Gauge], 13);
  EXPECT_EQ(Kinds[MetricKind::Histogram], 11);
  EXPECT_EQ(Styles[FieldStyle::FamilyRef], 23);
  EXPECT_EQ(Styles[FieldStyle::ChildPtr], 29);
  EXPECT_EQ(Styles[FieldStyle::ChildRef], 3);
  EXPECT_EQ(Inits[InitStyle::MemberInitializer], 26);
  EXPECT_EQ(Inits[InitStyle::ConstructorBody], 29);

  const Metric *Q = metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Field, "inventory_quantity_changes_total_");
  EXPECT_EQ(Q->Style, FieldStyle::FamilyRef);
  EXPECT_THAT(Q->LabelNames, ElementsAre("operation"));
  EXPECT_EQ(Q->FieldDecl.File, "metrics/metrics_service.h");
  EXPECT_EQ(Q->InitSite.File, "metrics/metrics_service.cpp");

  const Metric *T = metric("task_execution_duration_seconds");
  ASSERT_NE(T, nullptr);
  EXPECT_EQ(T->Kind, MetricKind::Histogram);
  EXPECT_EQ(T->BucketsText, "kTaskDurationBuckets");
  EXPECT_THAT(T->Buckets, ElementsAre(0.01, 0.1, 1, 10, 60, 300));
  EXPECT_THAT(T->LabelNames, ElementsAre("task_type"));

  const Metric *A = metric("application_shutting_down");
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->Style, FieldStyle::ChildRef);
  ASSERT_EQ(A->ConstLabels.size(), 1u);
  EXPECT_EQ(A->ConstLabels[0], std::make_pair(std::string("service"), std::string("partshop")));
}

TEST_F(PartshopCatalog, Wrappers) {
  ASSERT_EQ(C().Wrappers.size(), 46u); // 45 recording wrappers + the dashboard poll
  int Multi = 0;
  for (const Wrapper &W : C().Wrappers)
    Multi += W.Body == BodyKind::MultiStatement;
  EXPECT_EQ(Multi, 6);
  const Wrapper *K = wrapper("RecordKitCreated");
  ASSERT_NE(K, nullptr);
  EXPECT_EQ(K->Params[0].Default, "1");
  EXPECT_EQ(notation(K->Template), "if (${param:count} <= 0) return;\n"
                         "  ${metric:kits_created_total}->Increment(${param:count});");
  const Wrapper *S = wrapper("RecordSseEventSent");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Params[1].Default, "\"success\"");
  const Wrapper *D = wrapper("UpdateDashboardGauges");
  ASSERT_NE(D, nullptr);
  EXPECT_FALSE(D->Overrides);
  EXPECT_EQ(D->Metrics.size(), 8u);
  EXPECT_THAT(callsTo("UpdateDashboardGauges"), IsEmpty());
  // The dead metric: its wrapper exists, nobody calls it.
  ASSERT_NE(wrapper("RecordAuthTokenRefresh"), nullptr);
  EXPECT_THAT(callsTo("RecordAuthTokenRefresh"), IsEmpty());
}

TEST_F(PartshopCatalog, InjectionPoints) {
  ASSERT_EQ(C().InjectionPoints.size(), 53u);
  std::map<InjectionKind, int> Kinds;
  std::map<Holder, int> Holders;
  for (const InjectionPoint &P : C().InjectionPoints) {
    ++Kinds[P.Kind];
    ++Holders[P.How];
  }
  EXPECT_EQ(Kinds[InjectionKind::ConstructorParam], 29);
  EXPECT_EQ(Kinds[InjectionKind::Field], 16);
  EXPECT_EQ(Kinds[InjectionKind::FunctionParam], 8);
  EXPECT_EQ(Holders[Holder::SharedPtr], 10); // 3 services x 3 + the container
  EXPECT_EQ(Holders[Holder::Pointer], 6);
  bool SawOidcDefault = false;
  for (const InjectionPoint &P : C().InjectionPoints)
    if (P.Owner == "partshop::OidcClientService" && P.Kind == InjectionKind::ConstructorParam &&
        P.Loc.File == "services/oidc_client_service.h") {
      SawOidcDefault = true;
      EXPECT_EQ(P.Default, "nullptr");
      EXPECT_EQ(P.How, Holder::Pointer);
    }
  EXPECT_TRUE(SawOidcDefault);
}

TEST_F(PartshopCatalog, CallSites) {
  ASSERT_EQ(C().CallSites.size(), 83u);
  int Tests = 0, Lambdas = 0, Templates = 0;
  std::set<std::pair<std::string, unsigned>> Seen;
  for (const CallSite &CS : C().CallSites) {
    Tests += CS.InTest;
    Lambdas += CS.InLambda;
    Templates += CS.InTemplate;
    EXPECT_TRUE(Seen.insert({CS.Loc.File, CS.Loc.Offset}).second)
        << "listed twice: " << CS.Loc.File << ":" << CS.Loc.Line;
  }
  EXPECT_EQ(Tests, 17);
  EXPECT_EQ(Lambdas, 2);
  EXPECT_EQ(Templates, 2);

  auto Q = callsTo("RecordQuantityChange");
  std::vector<std::string> Production;
  for (const CallSite *CS : Q)
    if (!CS->InTest)
      Production.push_back(CS->Loc.File + ":" + std::to_string(CS->Loc.Line));
  EXPECT_THAT(Production, ElementsAre("services/inventory_service.cpp:56",
                                      "services/inventory_service.cpp:66",
                                      "services/inventory_service.cpp:84",
                                      "services/kit_service.cpp:109"));
  const CallSite *Adjust = Q[2];
  EXPECT_THAT(Adjust->Args, ElementsAre("\"adjust\"", "std::abs(delta)"));
  EXPECT_EQ(Adjust->EnclosingFunction, "partshop::InventoryService::AdjustStock");
  EXPECT_EQ(Adjust->Module, "services/inventory_service");

  auto Header = callsTo("SetTaskQueueDepth");
  ASSERT_FALSE(Header.empty());
  EXPECT_EQ(Header[0]->Loc.File, "services/task_service.h");
  EXPECT_EQ(Header[0]->Loc.Line, 39u);
}

} // namespace
} // namespace mm
