//===--- PlannerTest.cpp - Catalog + Facts -> Plan, on plain data ---------===//

#include "planner/Planner.h"
#include "tests/unit/TemplateNotation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Metric metric(std::string Name, FieldStyle Style, MetricKind Kind = MetricKind::Counter) {
  Metric M;
  M.Name = Name;
  M.Field = Name + "_";
  M.Kind = Kind;
  M.Style = Style;
  M.BuilderChain = "prometheus::BuildCounter()\n    .Name(\"" + Name +
                   "\")\n    .Help(\"h\")\n    .Register(*registry_)";
  M.RegisterAt = M.BuilderChain.rfind(".Register");
  if (Style == FieldStyle::ChildPtr || Style == FieldStyle::ChildRef)
    M.ChildArgs = "{}";
  return M;
}

Wrapper wrapper(std::string Name, std::vector<std::string> Metrics,
                BodyKind Body = BodyKind::SingleExpression, bool Overrides = true) {
  Wrapper W;
  W.Name = Name;
  W.Signature = Name + "()";
  W.Metrics = std::move(Metrics);
  W.Body = Body;
  W.Overrides = Overrides;
  W.ReturnType = "void";
  return W;
}

CallSite call(const std::string &Module, const std::string &Wrapper, bool InTest = false) {
  CallSite CS;
  CS.Module = Module;
  CS.Wrapper = Wrapper;
  CS.Signature = Wrapper + "()";
  CS.InTest = InTest;
  CS.Loc.File = Module + ".cpp";
  CS.Namespace = "shop";
  return CS;
}

struct Fixture {
  Catalog C;
  Facts F;
  Config Cfg;
  Fixture() {
    Cfg.ServiceClass = "shop::MetricsService";
    Cfg.Registry.Expr = "shop::metrics::DefaultRegistry()";
    Cfg.Registry.Header = "metrics/registry.h";
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Namespace = "shop";
    C.Metrics = {metric("kits_created_total", FieldStyle::ChildPtr),
                 metric("inventory_quantity_changes_total", FieldStyle::FamilyRef),
                 metric("auth_token_refreshes_total", FieldStyle::ChildPtr),
                 metric("dashboard_total_parts", FieldStyle::ChildPtr, MetricKind::Gauge)};
    C.Wrappers = {wrapper("RecordKitCreated", {"kits_created_total"}, BodyKind::MultiStatement),
                  wrapper("RecordQuantityChange", {"inventory_quantity_changes_total"}),
                  wrapper("RecordAuthTokenRefresh", {"auth_token_refreshes_total"}),
                  wrapper("UpdateDashboardGauges", {"dashboard_total_parts"},
                          BodyKind::MultiStatement, /*Overrides=*/false)};
    C.Wrappers[0].Params = {{"count", "int", "1"}};
    C.Wrappers[0].Template = tmpl("if (${param:count} <= 0) return;\n  "
                             "${metric:kits_created_total}->Increment(${param:count});");
    C.Wrappers[3].UsesServiceState = true;
    C.CallSites = {call("services/inventory_service", "RecordQuantityChange"),
                   call("services/inventory_service", "RecordQuantityChange"),
                   call("services/kit_service", "RecordQuantityChange"),
                   call("services/kit_service", "RecordKitCreated"),
                   call("tests/kit_service_test", "RecordKitCreated", /*InTest=*/true)};
    F.Files = {"services/inventory_service.cpp", "services/inventory_service.h",
               "services/kit_service.cpp", "services/kit_service.h"};
    F.UpperSnakeNames["services/kit_service.h"] = {"KITS_CREATED_TOTAL"};
    InjectionPoint Proto;
    Proto.Interface = "shop::MetricsServiceProtocol";
    Proto.Owner = "shop::KitService";
    InjectionPoint Owner;
    Owner.Interface = "shop::MetricsService";
    Owner.Owner = "shop::Container";
    C.InjectionPoints = {Proto, Owner};
  }
};

/// inventory_service's header removed: its calls are in methods of a class
/// \p ClassHeader defines.
Fixture withoutOwnerHeader(const std::string &ClassHeader) {
  Fixture X;
  llvm::erase(X.F.Files, "services/inventory_service.h");
  X.F.Files.push_back(ClassHeader);
  for (CallSite &CS : X.C.CallSites)
    if (CS.Module == "services/inventory_service")
      CS.ClassHeader = ClassHeader;
  return X;
}

TEST(Planner, OwnerHeaderOfAnotherStem) {
  Fixture X = withoutOwnerHeader("services/stock_ledger.h");
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Fate, MetricFate::Shared);
  EXPECT_EQ(Q->OwnerSource, "services/inventory_service.cpp");
  EXPECT_EQ(Q->OwnerHeader, "services/stock_ledger.h");
}

TEST(Planner, AFamilyHeldBesideItsChildStays) {
  // `kits_created_total` also held as the family its child is taken from:
  // one name, two fields. Neither moves; the others still do.
  Fixture X;
  Metric Family = metric("kits_created_total", FieldStyle::FamilyPtr);
  Family.Field = "kits_family_";
  X.C.Metrics.push_back(Family);
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Kits = P.metric("kits_created_total");
  ASSERT_NE(Kits, nullptr);
  EXPECT_EQ(Kits->Fate, MetricFate::Kept);
  EXPECT_EQ(Kits->Reason, "`kits_created_total` is held in 2 fields (a family and the children "
                          "taken from it): one constant per metric name is all the migration "
                          "writes");
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Fate, MetricFate::Shared);
  // Without the second holder it moves.
  Plan Before = makePlan(Fixture().C, X.F, X.Cfg);
  EXPECT_NE(Before.metric("kits_created_total")->Fate, MetricFate::Kept);
}

TEST(Planner, AFieldSetByTwoDifferentChainsStays) {
  Fixture X;
  for (Metric &M : X.C.Metrics)
    if (M.Name == "kits_created_total")
      M.SetTwoWays = true;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Kits = P.metric("kits_created_total");
  ASSERT_NE(Kits, nullptr);
  EXPECT_EQ(Kits->Fate, MetricFate::Kept);
  EXPECT_EQ(Kits->Cause, LeftBecause::SetTwoWays);
  EXPECT_NE(Kits->Reason.find("is set by two different chains"), std::string::npos);
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Cause, LeftBecause::SetTwoWays);
  // Set again the same way, it moves.
  for (Metric &M : X.C.Metrics)
    if (M.Name == "kits_created_total") {
      M.SetTwoWays = false;
      M.SetAgain = {{M.Field, {}, M.InitSite, InitStyle::MethodBody}};
    }
  EXPECT_NE(makePlan(X.C, X.F, X.Cfg).metric("kits_created_total")->Fate, MetricFate::Kept);
}

TEST(Planner, AChainReadingARuntimeValueStays) {
  Fixture X;
  for (Metric &M : X.C.Metrics)
    if (M.Name == "kits_created_total") {
      M.RuntimeRead = "`labels`, a parameter of MetricsService's constructor";
      M.RuntimeReadAt = {"metrics/metrics_service.cpp", 12, 0, 100, 6};
    }
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Kits = P.metric("kits_created_total");
  ASSERT_NE(Kits, nullptr);
  EXPECT_EQ(Kits->Fate, MetricFate::Kept);
  EXPECT_EQ(Kits->Cause, LeftBecause::RuntimeValue);
  EXPECT_EQ(Kits->Reason, "its chain reads `labels`, a parameter of MetricsService's "
                          "constructor (metrics/metrics_service.cpp:12), known only when the "
                          "service is built: a constant at namespace scope cannot read it");
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Cause, LeftBecause::RuntimeValue);
  // Reading nothing at run time, it moves.
  EXPECT_NE(makePlan(Fixture().C, X.F, X.Cfg).metric("kits_created_total")->Fate,
            MetricFate::Kept);
}

TEST(Planner, WhatStaysCarriesTheCauseAtTheRootOfItsChain) {
  // kits_created_total stays for holding one name in two fields: its
  // wrapper stays because of it, and is counted under that cause, not as
  // "records a metric that stays".
  Fixture X;
  Metric Family = metric("kits_created_total", FieldStyle::FamilyPtr);
  Family.Field = "kits_family_";
  X.C.Metrics.push_back(Family);
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.metric("kits_created_total")->Cause, LeftBecause::SharedMetricName);
  const WrapperPlan *Kit = P.wrapper("RecordKitCreated()");
  ASSERT_NE(Kit, nullptr);
  EXPECT_EQ(Kit->Fate, WrapperFate::Keep);
  EXPECT_EQ(Kit->Reason, "it records kits_created_total, which stays in the service");
  EXPECT_EQ(Kit->Cause, LeftBecause::SharedMetricName);
  // A body using the service's state is its own cause.
  const WrapperPlan *Gauges = P.wrapper("UpdateDashboardGauges()");
  ASSERT_NE(Gauges, nullptr);
  EXPECT_EQ(Gauges->Cause, LeftBecause::BodyUsesService);
  // What moves has none.
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Cause, LeftBecause::Other);
  EXPECT_EQ(P.metric("inventory_quantity_changes_total")->Cause, LeftBecause::Other);
}

TEST(Planner, AWrapperKeptByItsCallSitesTakesTheirCause) {
  // The only production call of RecordAuthTokenRefresh is named, not
  // called: the wrapper and its metric stay, as address-taken.
  Fixture X;
  CallSite CS = call("services/kit_service", "RecordAuthTokenRefresh");
  CS.AddressTaken = true;
  X.C.CallSites.push_back(CS);
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Auth = P.wrapper("RecordAuthTokenRefresh()");
  ASSERT_NE(Auth, nullptr);
  EXPECT_EQ(Auth->Fate, WrapperFate::Keep);
  ASSERT_EQ(Auth->Blockers.size(), 1u);
  EXPECT_EQ(Auth->Blockers[0].Cause, LeftBecause::AddressTaken);
  EXPECT_EQ(Auth->Cause, LeftBecause::AddressTaken);
  EXPECT_EQ(P.metric("auth_token_refreshes_total")->Cause, LeftBecause::AddressTaken);
  // Called plainly, it moves.
  X.C.CallSites.back().AddressTaken = false;
  EXPECT_NE(makePlan(X.C, X.F, X.Cfg).wrapper("RecordAuthTokenRefresh()")->Fate,
            WrapperFate::Keep);
}

TEST(Planner, ChildrenOfAMovingFamilyGetConstantsOfTheirOwn) {
  // inventory_quantity_changes_total's family with two children grouped
  // into it: each child is defined from the family's constant, right after
  // it, and its hole names the child's constant.
  Fixture X;
  Metric &Family = X.C.Metrics[1];
  ASSERT_EQ(Family.Name, "inventory_quantity_changes_total");
  Family.Children = {{"m_addOk", R"({{"op", "add"}})", /*Pointer=*/true, {}, {}, {}},
                     {"remove_count_", R"({{"op", "remove"}})", /*Pointer=*/false, {}, {}, {}}};
  X.F.UpperSnakeNames["services/inventory_service.h"] = {"REMOVE_COUNT"};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  ASSERT_EQ(Q->Children.size(), 2u);
  EXPECT_EQ(Q->Children[0].Constant, "ADD_OK");
  EXPECT_TRUE(Q->Children[0].Pointer);
  // The owner's header already declares REMOVE_COUNT.
  EXPECT_EQ(Q->Children[1].Constant, "REMOVE_COUNT_METRIC");
  EXPECT_TRUE(llvm::StringRef(Q->Definition)
                  .ends_with(".Register(shop::metrics::DefaultRegistry());\n"
                             "prometheus::Counter& ADD_OK =\n"
                             "    INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"op\", \"add\"}});\n"
                             "prometheus::Counter& REMOVE_COUNT_METRIC =\n"
                             "    INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"op\", \"remove\"}});"))
      << Q->Definition;
  EXPECT_EQ(Q->Declaration,
            "extern prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL;\n"
            "extern prometheus::Counter& ADD_OK;\n"
            "extern prometheus::Counter& REMOVE_COUNT_METRIC;");
  EXPECT_EQ(fillTemplate(tmpl("${metric:inventory_quantity_changes_total#m_addOk}->Increment();"), P, {},
                         llvm::StringRef("shop")),
            "ADD_OK.Increment();");
  EXPECT_EQ(fillTemplate(tmpl("${metric:inventory_quantity_changes_total#remove_count_}.Increment();"),
                         P, {}),
            "REMOVE_COUNT_METRIC.Increment();");
  // Without children, the family alone.
  Plan Alone = makePlan(Fixture().C, X.F, X.Cfg);
  EXPECT_TRUE(Alone.metric("inventory_quantity_changes_total")->Children.empty());
  EXPECT_EQ(Alone.metric("inventory_quantity_changes_total")->Declaration,
            "extern prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL;");
}

TEST(Planner, SeriesCreatedUpFrontAreCreatedWhereTheFamilyIsDefined) {
  // The constructor's statements on the family run once, in an immediately
  // invoked lambda, each use of the field become the local holding it (its
  // name taken when a statement already uses `family`).
  Fixture X;
  Metric &Family = X.C.Metrics[1];
  ASSERT_EQ(Family.Name, "inventory_quantity_changes_total");
  std::string Loop = "for (const char* family : {\"a\", \"b\"})\n"
                     "    inventory_quantity_changes_total_.Add({{\"op\", family}});";
  std::string Pointer = "this->m_->Add({{\"op\", \"c\"}}).Increment(0);";
  Family.SetUp = {{{}, Loop, {{Loop.find("inventory"), 34}}}, {{}, Pointer, {{0, 10}}}};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Fate, MetricFate::Shared);
  EXPECT_EQ(Q->Definition,
            "prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL =\n"
            "    []() -> prometheus::Family<prometheus::Counter>& {\n"
            "  auto& family_ = prometheus::BuildCounter()\n"
            "    .Name(\"inventory_quantity_changes_total\")\n"
            "    .Help(\"h\")\n"
            "    .Register(shop::metrics::DefaultRegistry());\n"
            "  for (const char* family : {\"a\", \"b\"})\n"
            "    family_.Add({{\"op\", family}});\n"
            "  family_.Add({{\"op\", \"c\"}}).Increment(0);\n"
            "  return family_;\n"
            "}();");
  // Without them, the chain alone.
  EXPECT_EQ(makePlan(Fixture().C, X.F, X.Cfg).metric("inventory_quantity_changes_total")->Definition,
            "prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL =\n"
            "    prometheus::BuildCounter()\n"
            "    .Name(\"inventory_quantity_changes_total\")\n"
            "    .Help(\"h\")\n"
            "    .Register(shop::metrics::DefaultRegistry());");
}

TEST(Planner, AFieldTheConstructorUsesForMoreStaysAndSaysWhere) {
  Fixture X;
  Metric &Family = X.C.Metrics[1];
  Family.OtherUse = {"metrics/metrics_service.cpp", 14, 3, 200, 40};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Fate, MetricFate::Kept);
  EXPECT_EQ(Q->Cause, LeftBecause::SetUpUse);
  EXPECT_NE(Q->Reason.find("metrics/metrics_service.cpp:14 uses "
                           "`inventory_quantity_changes_total_` for more than creating its "
                           "series up front"),
            std::string::npos)
      << Q->Reason;
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Keep);
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Cause, LeftBecause::SetUpUse);
}

TEST(Planner, ADoubleWhoseStateATestReadsKeepsTheWrappersItOverrides) {
  // `fake.finished.size()`: the fake must go on receiving the calls. Handed
  // to a constructor, called, or expected, it is what the rewrite handles.
  Fixture X;
  TestDouble Fake;
  Fake.Name = "shop::FakeMetrics";
  Fake.Methods = {"RecordKitCreated"};
  X.C.TestDoubles = {Fake};
  ServiceVar V;
  V.Name = "fake";
  V.Double = "shop::FakeMetrics";
  V.Decl = {"tests/kit_test.cpp", 5, 3, 100, 30};
  SourceSpan Passed = {"tests/kit_test.cpp", 6, 20, 150, 4};
  SourceSpan Read = {"tests/kit_test.cpp", 8, 10, 200, 4};
  ArgumentSite A;
  A.Arg = Passed;
  X.F.ArgumentSites = {A};
  V.Uses = {Passed};
  X.F.ServiceVars = {V};
  EXPECT_NE(makePlan(X.C, X.F, X.Cfg).wrapper("RecordKitCreated()")->Fate, WrapperFate::Keep);

  X.F.ServiceVars[0].Uses.push_back(Read);
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Kit = P.wrapper("RecordKitCreated()");
  EXPECT_EQ(Kit->Fate, WrapperFate::Keep);
  EXPECT_EQ(Kit->Cause, LeftBecause::DoubleOverride);
  ASSERT_EQ(Kit->Blockers.size(), 1u);
  EXPECT_EQ(Kit->Blockers[0].Line, 8u);
  EXPECT_NE(Kit->Blockers[0].Why.find("the test reads what 'fake' holds at tests/kit_test.cpp:8"),
            std::string::npos);
  // The wrapper it does not override moves all the same.
  EXPECT_NE(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Keep);
}

TEST(Planner, AMacroParameterStandsForAnyExpression) {
  Plan P;
  std::map<std::string, std::string> Args = {{"on", "fired"}, {"n", "2"}};
  BodyTemplate Template = tmpl("m.Add({{\"k\", ${param:on} ? \"a\" : \"b\"}}).Increment(${param:n});");
  EXPECT_EQ(fillTemplate(Template, P, Args, std::nullopt, HoleText::MacroArguments),
            "m.Add({{\"k\", (fired) ? \"a\" : \"b\"}}).Increment(2);");
  EXPECT_EQ(fillTemplate(Template, P, Args, std::nullopt, HoleText::CallArguments),
            "m.Add({{\"k\", fired ? \"a\" : \"b\"}}).Increment(2);");
}

TEST(Planner, ATestOfTheServicesOwnWrappersChecksTheirRegistrationInstead) {
  // metrics_.RecordQuantityChange(..) in a test that builds the service:
  // the body becomes a check that the constant is what the process-wide
  // registry hands back for its chain.
  Fixture X;
  CallSite InTest = call("tests/metrics_service_test", "RecordQuantityChange", /*InTest=*/true);
  InTest.Loc = {"tests/metrics_service_test.cpp", 12, 3, 300, 40};
  InTest.ServiceTest = {"tests/metrics_service_test.cpp", 11, 50, 280, 120};
  InTest.TestName = "MetricsServiceTest.Counts";
  X.C.CallSites.push_back(InTest);
  ServiceVar Field;
  Field.Name = "metrics_";
  Field.IsField = true;
  Field.Decl = {"tests/metrics_service_test.cpp", 5, 3, 100, 20};
  Field.Uses = {{"tests/metrics_service_test.cpp", 12, 3, 300, 8}};
  X.F.ServiceVars = {Field};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(P.ServiceTests.size(), 1u);
  const ServiceTestPlan &T = P.ServiceTests[0];
  EXPECT_EQ(T.Name, "MetricsServiceTest.Counts");
  EXPECT_THAT(T.Wrappers, ElementsAre("RecordQuantityChange"));
  EXPECT_THAT(T.Metrics, ElementsAre("inventory_quantity_changes_total"));
  EXPECT_EQ(T.NewBody,
            "{\n"
            "  // RecordQuantityChange left the service; its callers record on the metrics "
            "themselves.\n"
            "  // What is left to check: each is on the process-wide registry.\n"
            "  EXPECT_EQ(&prometheus::BuildCounter()\n"
            "    .Name(\"inventory_quantity_changes_total\")\n"
            "    .Help(\"h\")\n"
            "    .Register(shop::metrics::DefaultRegistry()),\n"
            "            &INVENTORY_QUANTITY_CHANGES_TOTAL);\n"
            "}");
  EXPECT_EQ(P.replacedTest(InTest.Loc), &T);
  EXPECT_EQ(P.replacedTest(Field.Decl), nullptr);

  // The object named for anything else there (handed to a function), a
  // method of the service that is no wrapper called there, or a wrapper
  // that stays: the test stays as it is.
  Fixture X2 = X;
  X2.F.ServiceVars[0].Uses.push_back({"tests/metrics_service_test.cpp", 13, 20, 350, 8});
  EXPECT_TRUE(makePlan(X2.C, X2.F, X2.Cfg).ServiceTests.empty());
  Fixture X3 = X;
  X3.C.CallSites.back().ServiceTestCallsMore = true;
  EXPECT_TRUE(makePlan(X3.C, X3.F, X3.Cfg).ServiceTests.empty());
  Fixture X4 = X;
  X4.C.Metrics[1].SetTwoWays = true;
  EXPECT_TRUE(makePlan(X4.C, X4.F, X4.Cfg).ServiceTests.empty());
}

TEST(Planner, FieldConstantNames) {
  EXPECT_EQ(fieldConstantName("restocks_ok_"), "RESTOCKS_OK");
  EXPECT_EQ(fieldConstantName("m_restocks_ok"), "RESTOCKS_OK");
  EXPECT_EQ(fieldConstantName("dmlOpsUpdateOutCounter"), "DML_OPS_UPDATE_OUT_COUNTER");
  EXPECT_EQ(fieldConstantName("mOkCount"), "OK_COUNT");
  EXPECT_EQ(fieldConstantName("httpHTTPCode2xx"), "HTTP_HTTP_CODE2XX");
  EXPECT_EQ(fieldConstantName("_5xx"), "M_5XX");
  EXPECT_EQ(fieldConstantName("memory"), "MEMORY");
}

TEST(Planner, ConstantNames) {
  EXPECT_EQ(constantName("inventory_quantity_changes_total"),
            "INVENTORY_QUANTITY_CHANGES_TOTAL");
  EXPECT_EQ(constantName("http:requests"), "HTTP_REQUESTS");
  EXPECT_EQ(constantName("5xx_total"), "M_5XX_TOTAL");
}

TEST(Planner, OwnerIsTheModuleWithMostCallSites) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Fate, MetricFate::Shared);
  EXPECT_EQ(Q->Owner, "services/inventory_service");
  EXPECT_EQ(Q->OwnerSites, 2u);
  EXPECT_THAT(Q->Users, ElementsAre("services/kit_service"));
  EXPECT_EQ(Q->OwnerSource, "services/inventory_service.cpp");
  EXPECT_EQ(Q->OwnerHeader, "services/inventory_service.h");
  EXPECT_EQ(Q->Type, "prometheus::Family<prometheus::Counter>&");
  EXPECT_EQ(Q->Definition,
            "prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL =\n"
            "    prometheus::BuildCounter()\n"
            "    .Name(\"inventory_quantity_changes_total\")\n"
            "    .Help(\"h\")\n"
            "    .Register(shop::metrics::DefaultRegistry());");
  EXPECT_EQ(Q->Declaration,
            "extern prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL;");
  EXPECT_EQ(Q->Namespace, "shop");
}

TEST(Planner, ATestFileWithOnlyExpectationsUsesTheirNamespace) {
  Fixture X;
  Expectation Global, Nested;
  Global.Stmt.File = "tests/global_test.cpp";
  Nested.Stmt.File = "tests/nested_test.cpp";
  Nested.Namespace = "shop::kits";
  X.F.Expectations = {Global, Nested};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.namespaceIn("tests/global_test.cpp"), "");
  EXPECT_EQ(P.namespaceIn("tests/nested_test.cpp"), "shop::kits");
  // A test file with call sites keeps theirs.
  X.F.Expectations[0].Stmt.File = "tests/kit_service_test.cpp";
  X.C.CallSites.back().Namespace = "shop::testing";
  P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.namespaceIn("tests/kit_service_test.cpp"), "shop::testing");
}

TEST(Planner, SpelledFromAnotherNamespace) {
  EXPECT_EQ(spelledFrom("K", "app::pipeline", "app::pipeline"), "K");
  EXPECT_EQ(spelledFrom("K", "app::pipeline", "app::pipeline::detail"), "K");
  EXPECT_EQ(spelledFrom("K", "app::pipeline", "app::net"), "pipeline::K");
  EXPECT_EQ(spelledFrom("K", "app::pipeline", ""), "app::pipeline::K");
  EXPECT_EQ(spelledFrom("K", "app::pipeline", "app"), "pipeline::K");
  EXPECT_EQ(spelledFrom("K", "", "app::net"), "K");
}

TEST(Planner, ConstantsLiveInTheNamespaceOfTheCodeRecordingThem) {
  Fixture X;
  for (CallSite &CS : X.C.CallSites)
    if (CS.Module == "services/inventory_service")
      CS.Namespace = "shop::inventory";
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  EXPECT_EQ(Q->Owner, "services/inventory_service");
  EXPECT_EQ(Q->Namespace, "shop::inventory");
  EXPECT_EQ(P.namespaceIn("services/inventory_service.cpp"), "shop::inventory");
  EXPECT_EQ(P.namespaceIn("services/inventory_service.h"), "shop::inventory");
  EXPECT_EQ(P.namespaceIn("services/kit_service.cpp"), "shop");
  EXPECT_EQ(P.namespaceIn("tools/unrelated.cpp"), "shop"); // the service's
  // The user in `shop` names it through its namespace; the owner does not.
  BodyTemplate T = tmpl("${metric:inventory_quantity_changes_total}.Add({}).Increment();");
  EXPECT_EQ(fillTemplate(T, P, {}, llvm::StringRef("shop")),
            "inventory::INVENTORY_QUANTITY_CHANGES_TOTAL.Add({}).Increment();");
  EXPECT_EQ(fillTemplate(T, P, {}, llvm::StringRef("shop::inventory")),
            "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({}).Increment();");
  EXPECT_EQ(fillTemplate(T, P, {}), "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({}).Increment();");

  // A call's `true` or `false` picks the branch of the conditional it is the
  // condition of; a helper's body keeps its parameter.
  BodyTemplate Alarm = tmpl("${metric:inventory_quantity_changes_total}.Add({{\"state\", "
                            "${param:fired} ? \"fired\" : \"cleared\"}}).Increment();");
  EXPECT_EQ(fillTemplate(Alarm, P, {{"fired", "false"}}, std::nullopt, HoleText::CallArguments),
            "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"state\", \"cleared\"}}).Increment();");
  EXPECT_EQ(fillTemplate(Alarm, P, {{"fired", "armed"}}, std::nullopt, HoleText::CallArguments),
            "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"state\", armed ? \"fired\" : "
            "\"cleared\"}}).Increment();");
  EXPECT_EQ(fillTemplate(Alarm, P, {}),
            "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"state\", fired ? \"fired\" : "
            "\"cleared\"}}).Increment();");

  // No change: every call in the service's namespace keeps it there.
  Plan Same = makePlan(Fixture().C, Fixture().F, Fixture().Cfg);
  EXPECT_EQ(Same.metric("inventory_quantity_changes_total")->Namespace, "shop");
}

TEST(Planner, HelperSpellsConstantsFromItsFilesNamespace) {
  Fixture X;
  for (CallSite &CS : X.C.CallSites)
    CS.Namespace = "shop::kits";
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const Wrapper &W = X.C.Wrappers[0];
  EXPECT_EQ(helperDefinition(W, P, llvm::StringRef("shop::kits")),
            "void RecordKitCreated(int count = 1) {\n  if (count <= 0) return;\n  "
            "KITS_CREATED_TOTAL_METRIC.Increment(count);\n}");
  EXPECT_EQ(helperDefinition(W, P, llvm::StringRef("")),
            "void RecordKitCreated(int count = 1) {\n  if (count <= 0) return;\n  "
            "shop::kits::KITS_CREATED_TOTAL_METRIC.Increment(count);\n}");
}

TEST(Planner, AHeaderApartFromItsSourceIsInItsModule) {
  Fixture X;
  X.F.Files = {"src/pipeline/batcher.cpp", "include/app/pipeline/batcher.hpp",
               "include/app/net/batcher.hpp", "src/net/router.cpp",
               "include/app/net/router.hpp", "include/app/other/router.hpp",
               "src/util/clock.cpp", "include/a/clock.hpp", "include/b/clock.hpp"};
  X.C.CallSites = {call("src/pipeline/batcher", "RecordQuantityChange"),
                   call("include/app/pipeline/batcher", "RecordQuantityChange"),
                   call("src/net/router", "RecordQuantityChange"),
                   call("src/net/router", "RecordAuthTokenRefresh"),
                   call("src/util/clock", "RecordKitCreated")};
  X.C.CallSites[1].Loc.File = "include/app/pipeline/batcher.hpp";
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Q, nullptr);
  // The header's call counts for its source's module, which owns it.
  EXPECT_EQ(Q->Owner, "src/pipeline/batcher");
  EXPECT_EQ(Q->OwnerSites, 2u);
  EXPECT_EQ(Q->OwnerSource, "src/pipeline/batcher.cpp");
  EXPECT_EQ(Q->OwnerHeader, "include/app/pipeline/batcher.hpp");
  // The header sharing most of the source's path is its header.
  const MetricPlan *A = P.metric("auth_token_refreshes_total");
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->Owner, "src/net/router");
  EXPECT_EQ(A->OwnerHeader, "include/app/net/router.hpp");
  // Two headers share as much of clock's path: neither is its header.
  const MetricPlan *K = P.metric("kits_created_total");
  ASSERT_NE(K, nullptr);
  EXPECT_EQ(K->Owner, "src/util/clock");
  EXPECT_EQ(K->OwnerHeader, "");
}

TEST(Planner, RegistryHeaderByItsPathOrByItsIncludeSpelling) {
  Fixture X;
  X.Cfg.Registry.Header = "app/telemetry/registry.hpp";
  Plan Missing = makePlan(X.C, X.F, X.Cfg);
  EXPECT_TRUE(Missing.WriteRegistryHeader);
  EXPECT_EQ(Missing.RegistryHeader, "app/telemetry/registry.hpp");
  EXPECT_EQ(Missing.RegistryInclude, "\"app/telemetry/registry.hpp\"");

  X.F.Files.push_back("include/app/telemetry/registry.hpp");
  X.F.IncludeSpellings["include/app/telemetry/registry.hpp"] = "<app/telemetry/registry.hpp>";
  Plan Found = makePlan(X.C, X.F, X.Cfg);
  EXPECT_FALSE(Found.WriteRegistryHeader);
  EXPECT_EQ(Found.RegistryHeader, "include/app/telemetry/registry.hpp");
  EXPECT_EQ(Found.RegistryInclude, "<app/telemetry/registry.hpp>");
}

TEST(Planner, AHeaderToWriteGoesWhereItsFolderIsOnTheIncludePath) {
  Fixture X;
  X.Cfg.Registry.Header = "daq/registry.h";
  X.F.Files.push_back("include/daq/telemetry.h");
  X.F.IncludeRoots = {{"include/", 4}, {"", 1}, {".", 2}};
  Plan Under = makePlan(X.C, X.F, X.Cfg);
  EXPECT_TRUE(Under.WriteRegistryHeader);
  EXPECT_EQ(Under.RegistryHeader, "include/daq/registry.h");
  EXPECT_EQ(Under.RegistryInclude, "\"daq/registry.h\"");

  // The folder at the root as well: the path is the root's.
  X.F.Files.push_back("daq/legacy.h");
  Plan AtRoot = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(AtRoot.RegistryHeader, "daq/registry.h");

  // A folder nowhere: from the root, as written.
  X.Cfg.Registry.Header = "obs/registry.h";
  EXPECT_EQ(makePlan(X.C, X.F, X.Cfg).RegistryHeader, "obs/registry.h");
}

TEST(Planner, TestCallSitesDoNotMakeOwners) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *K = P.metric("kits_created_total");
  ASSERT_NE(K, nullptr);
  EXPECT_EQ(K->Fate, MetricFate::Moved);
  EXPECT_EQ(K->Owner, "services/kit_service");
  EXPECT_THAT(K->Users, IsEmpty());
}

TEST(Planner, ClashingIdentifierGetsASuffix) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *K = P.metric("kits_created_total");
  EXPECT_EQ(K->Constant, "KITS_CREATED_TOTAL_METRIC");
  EXPECT_EQ(K->ClashWith.Name, "KITS_CREATED_TOTAL");
  EXPECT_EQ(K->ClashWith.File, "services/kit_service.h");
  // A child becomes a reference to the child, added where it is defined.
  EXPECT_EQ(K->Type, "prometheus::Counter&");
  EXPECT_TRUE(K->Pointer);
  EXPECT_TRUE(llvm::StringRef(K->Definition).ends_with(".Add({});"));
  // No clash, no suffix.
  EXPECT_TRUE(P.metric("inventory_quantity_changes_total")->ClashWith.empty());
}

TEST(Planner, KeptAndDeadMetrics) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.metric("dashboard_total_parts")->Fate, MetricFate::Kept);
  EXPECT_EQ(P.metric("auth_token_refreshes_total")->Fate, MetricFate::Dead);
  EXPECT_EQ(P.metric("dashboard_total_parts")->Constant, "");
  // Nobody records it: dead, even where something else would keep it.
  for (Metric &M : X.C.Metrics)
    if (M.Name == "auth_token_refreshes_total" || M.Name == "dashboard_total_parts")
      M.OtherUse.File = "metrics/metrics_service.cpp";
  Plan Q = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Q.metric("auth_token_refreshes_total")->Fate, MetricFate::Dead);
  EXPECT_EQ(Q.metric("dashboard_total_parts")->Fate, MetricFate::Kept);
  EXPECT_THAT(Q.metric("dashboard_total_parts")->Reason, ::testing::HasSubstr("creating its series"));
}

TEST(Planner, WrapperFates) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
  const WrapperPlan *K = P.wrapper("RecordKitCreated()");
  EXPECT_EQ(K->Fate, WrapperFate::Helper);
  EXPECT_EQ(K->HelperDefinition, "void RecordKitCreated(int count = 1) {\n"
                                 "  if (count <= 0) return;\n"
                                 "  KITS_CREATED_TOTAL_METRIC.Increment(count);\n}");
  EXPECT_EQ(P.wrapper("UpdateDashboardGauges()")->Fate, WrapperFate::Keep);
  EXPECT_EQ(P.wrapper("RecordAuthTokenRefresh()")->Fate, WrapperFate::Keep);
}

TEST(Planner, InterfaceInjectionGoesServiceInjectionStays) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(P.Strip.size(), 1u);
  EXPECT_EQ(P.Strip[0].Owner, "shop::KitService");
  ASSERT_EQ(P.Keep.size(), 1u);
  EXPECT_EQ(P.Keep[0].Owner, "shop::Container");
}

TEST(Planner, RegistryHeaderIsWrittenOnlyWhenMissing) {
  Fixture X;
  EXPECT_TRUE(makePlan(X.C, X.F, X.Cfg).WriteRegistryHeader);
  X.F.Files.push_back("metrics/registry.h");
  EXPECT_FALSE(makePlan(X.C, X.F, X.Cfg).WriteRegistryHeader);
}

TEST(Planner, HeaderOnlyOwnerGetsAnInlineDefinition) {
  Fixture X;
  X.F.Files = {"utils/timed_cache.h"};
  X.C.CallSites = {call("utils/timed_cache", "RecordQuantityChange")};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Q = P.metric("inventory_quantity_changes_total");
  EXPECT_EQ(Q->OwnerSource, "");
  EXPECT_EQ(Q->OwnerHeader, "utils/timed_cache.h");
  EXPECT_TRUE(llvm::StringRef(Q->Definition).starts_with("inline prometheus::Family"));
}

TEST(Planner, FillTemplate) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(fillTemplate(tmpl("${metric:inventory_quantity_changes_total}.Add({{\"op\", "
                         "${param:op}}}).Increment(${param:n});"),
                         P, {{"op", "\"add\""}, {"n", "qty + 1"}}),
            "INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{\"op\", \"add\"}}).Increment(qty + 1);");
  EXPECT_EQ(fillTemplate(tmpl("${metric:kits_created_total}->Increment(); // $5"), P, {}),
            "KITS_CREATED_TOTAL_METRIC.Increment(); // $5");
}

TEST(Planner, FillTemplateMovedParameterAtACall) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  auto Inlined = [&](llvm::StringRef T, const std::string &Arg) {
    return fillTemplate(tmpl(T), P, {{"tags", Arg}}, std::nullopt, HoleText::CallArguments);
  };
  const char *Moved = "${metric:kits_created_total}.Add(std::move(${param:tags}));";
  // The argument as written: a braced list, a variable the caller keeps
  // using, a move the caller wrote.
  EXPECT_EQ(Inlined(Moved, "{{\"k\", v}}"), "KITS_CREATED_TOTAL_METRIC.Add({{\"k\", v}});");
  EXPECT_EQ(Inlined(Moved, "tags"), "KITS_CREATED_TOTAL_METRIC.Add(tags);");
  EXPECT_EQ(Inlined(Moved, "std::move(tags)"), "KITS_CREATED_TOTAL_METRIC.Add(std::move(tags));");
  EXPECT_EQ(Inlined("f(::std::move( ${param:tags} ));", "{}"), "f({});");
  EXPECT_EQ(Inlined("f(std::forward<L>(${param:tags}));", "{}"), "f({});");
  // Anything else around the parameter stays.
  EXPECT_EQ(Inlined("f(mystd::move(${param:tags}));", "x"), "f(mystd::move(x));");
  EXPECT_EQ(Inlined("f(std::move(${param:tags}.a));", "x"), "f(std::move(x.a));");
  EXPECT_EQ(Inlined("f(std::make_pair(${param:tags}));", "x"), "f(std::make_pair(x));");
  // A helper's body keeps moving from its own parameter.
  EXPECT_EQ(fillTemplate(tmpl(Moved), P, {{"tags", "tags"}}),
            "KITS_CREATED_TOTAL_METRIC.Add(std::move(tags));");
}

/// A call of RecordQuantityChange inside FINISH in kit_service.cpp.
CallSite macroCall(bool Definition) {
  CallSite CS = call("services/kit_service", "RecordQuantityChange");
  CS.InMacro = true;
  CS.Macro = "FINISH";
  CS.Loc.Line = 20;
  CS.EnclosingFunction = "shop::KitService::Create";
  if (Definition) {
    CS.MacroDefinition.File = "services/kit_service.cpp";
    CS.MacroArgs = {"op"};
  }
  return CS;
}

TEST(Planner, MacroSpelledInItsDefinitionIsRewritten) {
  Fixture X;
  X.C.Wrappers[1].Params = {{"op", "const std::string&", ""}};
  for (CallSite &CS : X.C.CallSites)
    CS.Args = {"\"add\""};
  X.C.CallSites.push_back(macroCall(/*Definition=*/true));
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
  EXPECT_THAT(P.wrapper("RecordQuantityChange()")->Blockers, IsEmpty());
  EXPECT_EQ(P.metric("inventory_quantity_changes_total")->Fate, MetricFate::Shared);
}

TEST(Planner, CallThatCannotBeRewrittenKeepsWrapperMetricAndInjection) {
  Fixture X;
  X.C.CallSites.push_back(macroCall(/*Definition=*/false));
  // A second wrapper recording the same metric must stay with it.
  X.C.Wrappers.push_back(wrapper("RecordRestock", {"inventory_quantity_changes_total"}));
  X.C.CallSites.push_back(call("services/inventory_service", "RecordRestock"));
  Plan P = makePlan(X.C, X.F, X.Cfg);

  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  EXPECT_EQ(Q->Reason, "it is called where the call cannot be rewritten");
  ASSERT_EQ(Q->Blockers.size(), 1u);
  EXPECT_EQ(Q->Blockers[0].File, "services/kit_service.cpp");
  EXPECT_EQ(Q->Blockers[0].Line, 20u);
  EXPECT_EQ(Q->Blockers[0].What, "call to RecordQuantityChange inside a macro expansion");
  EXPECT_EQ(Q->Blockers[0].Why, "the call is made of FINISH's arguments; rewriting it would "
                                "change every other use of the macro");

  const MetricPlan *M = P.metric("inventory_quantity_changes_total");
  EXPECT_EQ(M->Fate, MetricFate::Kept);
  EXPECT_EQ(M->Reason, "RecordQuantityChange stays in the service: it is called where the "
                       "call cannot be rewritten");
  EXPECT_EQ(M->Constant, "");
  EXPECT_EQ(M->Definition, "");
  const WrapperPlan *R = P.wrapper("RecordRestock()");
  EXPECT_EQ(R->Fate, WrapperFate::Keep);
  EXPECT_EQ(R->Reason, "it records inventory_quantity_changes_total, which stays in the service");
  // Other wrappers still go.
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Fate, WrapperFate::Helper);

  // KitService still calls a kept wrapper: its injection stays.
  EXPECT_THAT(P.Strip, IsEmpty());
  ASSERT_EQ(P.Keep.size(), 2u);
  EXPECT_EQ(P.Keep[0].Owner, "shop::KitService");
}

TEST(Planner, AKeptCallUnderANullCheckKeepsThePointerOfTheClassDeclaringIt) {
  // class Reader { protected: std::shared_ptr<MetricsService> metrics_; };
  // void KitService::Create() { metric_call(metrics_, [&](auto& m) { FINISH(m); }); }
  Fixture X;
  CallSite Kept = macroCall(/*Definition=*/false);
  Kept.Loc.Offset = 400;
  Kept.Loc.Length = 20;
  X.C.CallSites.push_back(Kept);
  InjectionPoint Base = X.C.InjectionPoints[1];
  Base.Kind = InjectionKind::Field;
  Base.Owner = "shop::Reader";
  Base.Name = "metrics_";
  Base.Interface = "shop::MetricsServiceProtocol";
  X.C.InjectionPoints.push_back(Base);
  NullGuard G;
  G.If = Kept.Loc;
  G.If.Offset = 380;
  G.If.Length = 60;
  G.Field = "metrics_";
  G.Owner = "shop::Reader";
  G.Helper = "shop::metric_call";
  G.OnlyRecords = true;
  X.F.NullGuards = {G};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(P.KeptBecause["shop::Reader"],
            "it still carries calls of RecordQuantityChange, which stays");
  EXPECT_TRUE(llvm::any_of(P.Keep, [](const InjectionPoint &IP) {
    return IP.Owner == "shop::Reader";
  }));
  // A guard elsewhere holds nothing.
  X.F.NullGuards[0].If.Offset = 900;
  Plan Elsewhere = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Elsewhere.KeptBecause.count("shop::Reader"), 0u);
}

TEST(Planner, ArgumentsThatWouldBeDroppedOrRepeatedAreBlockers) {
  Fixture X;
  Wrapper &Q = X.C.Wrappers[1];
  Q.Params = {{"op", "const std::string&", ""}, {"n", "int", ""}};
  Q.Template = tmpl("${metric:inventory_quantity_changes_total}.Add({{\"op\", ${param:op}}})"
               ".Increment(${param:op}.size());");
  X.C.CallSites = {call("services/inventory_service", "RecordQuantityChange")};
  X.C.CallSites[0].Args = {"\"add\"", "qty"};
  EXPECT_EQ(makePlan(X.C, X.F, X.Cfg).wrapper("RecordQuantityChange()")->Fate,
            WrapperFate::Inline);

  X.C.CallSites[0].Args = {"NextOp()", "qty"};
  Plan Twice = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(Twice.wrapper("RecordQuantityChange()")->Blockers.size(), 1u);
  EXPECT_EQ(Twice.wrapper("RecordQuantityChange()")->Blockers[0].Why,
            "argument 'NextOp()' would be evaluated 2 times");

  X.C.CallSites[0].Args = {"\"add\"", "Count()"};
  Plan Dropped = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(Dropped.wrapper("RecordQuantityChange()")->Blockers.size(), 1u);
  EXPECT_EQ(Dropped.wrapper("RecordQuantityChange()")->Blockers[0].Why,
            "argument 'Count()' would no longer be evaluated");
}

TEST(Planner, AFunctionHandingTheServiceOnLosesItWithTheParameterItFeeds) {
  Fixture X;
  // makeReader(fd, m) { return std::make_unique<Reader>(fd, std::move(m)); }
  InjectionPoint ReaderParam = X.C.InjectionPoints[1];
  ReaderParam.Kind = InjectionKind::ConstructorParam;
  ReaderParam.Owner = "app::Reader";
  ReaderParam.Name = "m";
  ReaderParam.Index = 1;
  InjectionPoint ReaderField = ReaderParam;
  ReaderField.Kind = InjectionKind::Field;
  ReaderField.Name = "m_";
  InjectionPoint Factory = ReaderParam;
  Factory.Kind = InjectionKind::FunctionParam;
  Factory.Owner = "app::makeReader";
  X.C.InjectionPoints = {ReaderParam, ReaderField, Factory};
  ArgumentSite A;
  A.Callee = "app::Reader";
  A.Index = 1;
  A.ArgText = "std::move(m)";
  A.EnclosingFunction = "app::makeReader";
  X.F.ArgumentSites = {A};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_THAT(P.Keep, IsEmpty());
  EXPECT_EQ(P.Strip.size(), 3u);

  // No change: a function handing on something else keeps what it takes.
  X.F.ArgumentSites[0].ArgText = "std::move(other)";
  Plan Other = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(Other.Keep.size(), 1u);
  EXPECT_EQ(Other.Keep[0].Owner, "app::makeReader");
  EXPECT_EQ(Other.KeptBecause.size(), 1u);
  EXPECT_EQ(Other.KeptBecause["app::makeReader"],
            "typed as the service itself: it takes m for something other than calls the "
            "migration rewrites or handing it on to a parameter that goes");
}

TEST(Planner, AStdFunctionTypeAndTheLambdasItIsMadeFromLoseTheServiceTogether) {
  // using Maker = std::function<std::unique_ptr<Reader>(int, std::shared_ptr<Metrics>)>;
  // template <class T> Registration() { add([](int fd, std::shared_ptr<Metrics> m) {
  //   return std::make_unique<T>(fd, std::move(m)); }); }   // T: Reader, Tail
  // std::unique_ptr<Reader> make(Maker& maker, std::shared_ptr<Metrics> m) {
  //   return maker(3, std::move(m)); }
  Fixture X;
  const std::string Type = "std::function<std::unique_ptr<app::Reader> (int, "
                           "std::shared_ptr<shop::MetricsService>)>";
  const std::string Lambda = "lambda at app/registry.h:9:9";
  auto Span = [](const std::string &File, unsigned Line, unsigned Offset, unsigned Length) {
    SourceSpan S;
    S.File = File;
    S.Line = Line;
    S.Offset = Offset;
    S.Length = Length;
    return S;
  };
  auto Point = [&](InjectionKind Kind, const std::string &Owner, const std::string &Name,
                   unsigned Index) {
    InjectionPoint IP = X.C.InjectionPoints[1];
    IP.Kind = Kind;
    IP.Owner = Owner;
    IP.Name = Name;
    IP.Index = Index;
    IP.How = Holder::SharedPtr;
    return IP;
  };
  X.C.InjectionPoints = {Point(InjectionKind::FunctionTypeParam, Type, "", 1),
                         Point(InjectionKind::FunctionParam, Lambda, "m", 1),
                         Point(InjectionKind::ConstructorParam, "app::Reader", "m", 1),
                         Point(InjectionKind::Field, "app::Reader", "m_", 0),
                         Point(InjectionKind::ConstructorParam, "app::Tail", "m", 1),
                         Point(InjectionKind::FunctionParam, "app::make", "m", 1)};
  X.F.FunctionValues = {{Type, Span("app/registry.h", 9, 200, 90), Lambda}};
  auto Site = [&](const std::string &Callee, SourceSpan Arg, const std::string &In) {
    ArgumentSite A;
    A.Callee = Callee;
    A.Index = 1;
    A.ArgText = "std::move(m)";
    A.Arg = A.Removal = Arg;
    A.EnclosingFunction = In;
    return A;
  };
  SourceSpan InLambda = Span("app/registry.h", 10, 260, 12);
  X.F.ArgumentSites = {Site("app::Reader", InLambda, "app::Registration::Registration<T>"),
                       Site("app::Tail", InLambda, "app::Registration::Registration<T>"),
                       Site("app::Reader", Span("app/tail.h", 4, 80, 12), "app::Tail::Tail"),
                       Site(Type, Span("app/registry.cpp", 12, 300, 12), "app::make")};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_THAT(P.Keep, IsEmpty());
  EXPECT_EQ(P.Strip.size(), 6u);

  // Made from a function as well: the type keeps its parameter, so do the
  // lambda and the factory calling through it; the readers still lose it.
  Fixture Y = X;
  Y.F.FunctionValues.push_back({Type, Span("app/main.cpp", 20, 500, 6), ""});
  Plan Opaque = makePlan(Y.C, Y.F, Y.Cfg);
  std::vector<std::string> Kept;
  for (const InjectionPoint &IP : Opaque.Keep)
    Kept.push_back(IP.Owner);
  EXPECT_THAT(Kept, ElementsAre(Type, Lambda, "app::make"));
  EXPECT_EQ(Opaque.KeptBecause[Type], "it is made from a callable that is no lambda (at "
                                      "app/main.cpp:20)");
  EXPECT_EQ(Opaque.KeptBecause[Lambda], "it becomes a " + Type + ", which keeps it");
  EXPECT_EQ(Opaque.KeptBecause["app::make"], "it hands the service to " + Type +
                                                 ", which keeps it");

  // One class the lambda builds keeps it (Tail uses it itself): the
  // lambda's argument stays for every class, so all keep it.
  Fixture Z = X;
  Z.F.ArgumentSites.erase(Z.F.ArgumentSites.begin() + 2);
  Plan Together = makePlan(Z.C, Z.F, Z.Cfg);
  EXPECT_EQ(Together.Keep.size(), 6u);
  EXPECT_THAT(Together.Strip, IsEmpty());
  EXPECT_EQ(Together.KeptBecause["app::Reader"],
            "the argument std::move(m) at app/registry.h:10 is also handed to app::Tail, which "
            "keeps it");

  // A type whose signature is written nowhere the scan read keeps it: so
  // do the lambda it is made from and the factory calling through it.
  Fixture W = X;
  W.C.InjectionPoints.erase(W.C.InjectionPoints.begin());
  Plan Unwritten = makePlan(W.C, W.F, W.Cfg);
  Kept.clear();
  for (const InjectionPoint &IP : Unwritten.Keep)
    Kept.push_back(IP.Owner);
  EXPECT_THAT(Kept, ElementsAre(Lambda, "app::make"));
  EXPECT_EQ(Unwritten.KeptBecause[Lambda],
            "it becomes a " + Type + ", whose signature is not written in the project's code");
}

TEST(Planner, ALambdaRecordingThroughItsParameterLosesItWithItsCalls) {
  // Maker m = [](int fd, std::shared_ptr<Metrics> metrics) {
  //   metrics->RecordQuantityChange(); return open(fd); };
  Fixture X;
  const std::string Type = "std::function<int (int, std::shared_ptr<shop::MetricsService>)>";
  const std::string Lambda = "lambda at app/open.cpp:4:11";
  InjectionPoint Signature = X.C.InjectionPoints[1];
  Signature.Kind = InjectionKind::FunctionTypeParam;
  Signature.Owner = Type;
  Signature.Name = "";
  Signature.Index = 1;
  InjectionPoint Param = Signature;
  Param.Kind = InjectionKind::FunctionParam;
  Param.Owner = Lambda;
  Param.Name = "metrics";
  X.C.InjectionPoints = {Signature, Param};
  FunctionValue V;
  V.Type = Type;
  V.Lambda = Lambda;
  V.Loc.File = "app/open.cpp";
  V.Loc.Line = 4;
  V.Loc.Offset = 100;
  V.Loc.Length = 120;
  X.F.FunctionValues = {V};
  // The call is recorded with the named function around the lambda.
  CallSite CS = call("app/open", "RecordQuantityChange");
  CS.Receiver = "metrics";
  CS.Arrow = true;
  CS.EnclosingFunction = "app::install";
  CS.Loc.Offset = 150;
  CS.Loc.Length = 32;
  X.C.CallSites = {CS};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_THAT(P.Keep, IsEmpty());
  EXPECT_EQ(P.Strip.size(), 2u);
  // The same call outside the lambda's span: the parameter has no use
  // the migration rewrites, and stays with the type.
  X.C.CallSites[0].Loc.Offset = 300;
  Plan Outside = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Outside.Keep.size(), 2u);
}

TEST(Planner, AnUnnamedParameterOfADeclarationIsTheDefinitionsOne) {
  Fixture X;
  // class Stack { friend Stack build(std::shared_ptr<Metrics>); };
  // Stack build(std::shared_ptr<Metrics> m) { return Stack(std::move(m)); }
  InjectionPoint StackParam = X.C.InjectionPoints[1];
  StackParam.Kind = InjectionKind::ConstructorParam;
  StackParam.Owner = "app::Stack";
  StackParam.Name = "m";
  StackParam.Index = 0;
  InjectionPoint StackField = StackParam;
  StackField.Kind = InjectionKind::Field;
  StackField.Name = "m_";
  InjectionPoint Definition = StackParam;
  Definition.Kind = InjectionKind::FunctionParam;
  Definition.Owner = "app::build";
  InjectionPoint Friend = Definition;
  Friend.Name = "";
  X.C.InjectionPoints = {StackParam, StackField, Friend, Definition};
  ArgumentSite A;
  A.Callee = "app::Stack";
  A.Index = 0;
  A.ArgText = "std::move(m)";
  A.EnclosingFunction = "app::build";
  X.F.ArgumentSites = {A};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  EXPECT_THAT(P.Keep, IsEmpty());
  EXPECT_EQ(P.Strip.size(), 4u);

  // No declaration names it: its body cannot have been read.
  X.C.InjectionPoints = {StackParam, StackField, Friend};
  X.F.ArgumentSites.clear();
  Plan Unseen = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(Unseen.Keep.size(), 1u);
  EXPECT_EQ(Unseen.Keep[0].Owner, "app::build");
  EXPECT_EQ(Unseen.KeptBecause["app::build"],
            "typed as the service itself: no definition of it was seen: no declaration names "
            "the parameter its body would use");
}

TEST(Planner, KeptInjectionKeepsWhatPassesTheServiceOn) {
  Fixture X;
  X.C.CallSites.push_back(macroCall(/*Definition=*/false));
  // App holds the interface and hands it to KitService's constructor;
  // Other holds it and hands it nowhere.
  InjectionPoint KitParam = X.C.InjectionPoints[0];
  KitParam.Kind = InjectionKind::ConstructorParam;
  KitParam.Index = 0;
  InjectionPoint AppField = X.C.InjectionPoints[0];
  AppField.Kind = InjectionKind::Field;
  AppField.Owner = "shop::App";
  AppField.Name = "metrics_";
  InjectionPoint OtherField = AppField;
  OtherField.Owner = "shop::Other";
  X.C.InjectionPoints = {KitParam, AppField, OtherField};
  ArgumentSite A;
  A.Callee = "shop::KitService";
  A.Index = 0;
  A.ArgText = "*metrics_";
  A.EnclosingFunction = "shop::App::Start";
  X.F.ArgumentSites = {A};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(P.Keep.size(), 2u);
  EXPECT_EQ(P.Keep[0].Owner, "shop::KitService");
  EXPECT_EQ(P.Keep[1].Owner, "shop::App");
  ASSERT_EQ(P.Strip.size(), 1u);
  EXPECT_EQ(P.Strip[0].Owner, "shop::Other");
  // Each says why.
  EXPECT_EQ(P.KeptBecause.size(), 2u);
  EXPECT_EQ(P.KeptBecause["shop::App"], "it hands the service to shop::KitService, which keeps it");
  EXPECT_EQ(P.KeptBecause.count("shop::Other"), 0u);
}

TEST(Planner, BodiesThatCannotLeaveTheService) {
  Wrapper W = wrapper("RecordQuantityChange", {"inventory_quantity_changes_total"});
  W.BodyText = "${metric:inventory_quantity_changes_total}.Add({}).Increment();";
  EXPECT_EQ(bodyProblem(W), std::nullopt);
  W.BodyText = "#if FEATURE\n  a_.Add({}).Increment();\n#else\n  b_.Add({}).Increment();\n#endif";
  EXPECT_EQ(bodyProblem(W), "its body holds preprocessor directives; a copy would leave the "
                            "other branches behind");
  W.BodyText = "  #ifdef FEATURE\n  a_.Add({}).Increment();\n  #endif";
  EXPECT_NE(bodyProblem(W), std::nullopt);
  W.BodyText = "a_.Add({{\"k\", \"#1\"}}).Increment();";
  EXPECT_EQ(bodyProblem(W), std::nullopt);
  W.UsesServiceState = true;
  EXPECT_EQ(bodyProblem(W), "its body uses other members of the service");
}

TEST(Planner, CallsOfAnInterfaceWrapperThatStaysAreListed) {
  Fixture X;
  X.C.Wrappers[1].UsesServiceState = true; // RecordQuantityChange
  X.C.CallSites[0].Loc.Line = 12;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  EXPECT_EQ(Q->Reason, "its body uses other members of the service");
  ASSERT_EQ(Q->Blockers.size(), 3u);
  EXPECT_EQ(Q->Blockers[0].File, "services/inventory_service.cpp");
  EXPECT_EQ(Q->Blockers[0].Line, 12u);
  EXPECT_EQ(Q->Blockers[0].What, "call to RecordQuantityChange");
  EXPECT_EQ(Q->Blockers[0].Why, "RecordQuantityChange stays in the service: its body uses "
                                "other members of the service");
  // A method of the service alone (polling) that stays lists nothing.
  EXPECT_EQ(P.wrapper("UpdateDashboardGauges()")->Fate, WrapperFate::Keep);
  EXPECT_THAT(P.wrapper("UpdateDashboardGauges()")->Blockers, IsEmpty());
  // Nor does a wrapper that moves.
  EXPECT_THAT(P.wrapper("RecordKitCreated()")->Blockers, IsEmpty());
}

TEST(Planner, WrapperRecordingAFieldWithoutBuilderChainStays) {
  Fixture X;
  X.C.Wrappers[1].Metrics = {"hits_"}; // no builder chain gave it a name
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  EXPECT_EQ(Q->Reason, "it records hits_, which is not set from a builder chain");
  EXPECT_EQ(Q->Blockers.size(), 3u);
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Fate, WrapperFate::Helper);
}

TEST(Planner, AFieldWhoseNameIsBuiltByAFunctionIsNoMetricAndItsWrapperSaysWhy) {
  Fixture X;
  Metric Hits = X.C.Metrics[0];
  Hits.Name = "";
  Hits.Field = "hits_";
  Hits.BuilderChain = "";
  Hits.BuiltBy = "makeCounterFamily";
  X.C.Metrics.push_back(Hits);
  X.C.Wrappers[1].Metrics = {"hits_"};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  EXPECT_EQ(Q->Reason, "it records hits_, whose name is built by `makeCounterFamily`: not a "
                       "literal");
  EXPECT_EQ(Q->Cause, LeftBecause::NameNotReadable);
  // Each call of it is for a human, with the reason.
  ASSERT_EQ(Q->Blockers.size(), 3u);
  EXPECT_EQ(Q->Blockers[0].Why, "RecordQuantityChange stays in the service: " + Q->Reason);
  EXPECT_EQ(P.Metrics.size(), X.C.Metrics.size() - 1);
  EXPECT_EQ(P.metric(""), nullptr);
}

TEST(Planner, MethodNamedNotCalledIsABlocker) {
  Fixture X;
  CallSite Ref = call("services/kit_service", "RecordQuantityChange");
  Ref.AddressTaken = true;
  Ref.Loc.Line = 7;
  Ref.EnclosingFunction = "shop::KitService::KitService";
  X.C.CallSites.push_back(Ref);
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  ASSERT_EQ(Q->Blockers.size(), 1u);
  EXPECT_EQ(Q->Blockers[0].Line, 7u);
  EXPECT_EQ(Q->Blockers[0].What, "use of &RecordQuantityChange");
  EXPECT_EQ(Q->Blockers[0].Why, "the method is named, not called (a member-function pointer "
                                "or std::bind): its calls and their arguments are not visible "
                                "here");
  // KitService keeps the injection the named method is reached through.
  ASSERT_EQ(P.Keep.size(), 2u);
  EXPECT_EQ(P.Keep[0].Owner, "shop::KitService");
}

TEST(Planner, OverrideInAClassDerivingFromTheServiceKeepsTheWrapper) {
  Fixture X;
  TestDouble Audited;
  Audited.Name = "shop::AuditedMetricsService";
  Audited.Base = "shop::MetricsService";
  Audited.Methods = {"RecordQuantityChange"};
  Audited.Loc.File = "metrics/metrics_service.h";
  Audited.Loc.Line = 40;
  TestDouble Stub = Audited;
  Stub.Name = "shop::StubMetrics";
  Stub.Base = "shop::MetricsServiceProtocol";
  Stub.Methods = {"RecordKitCreated"};

  X.C.TestDoubles = {Stub};
  Plan Unchanged = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Unchanged.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
  EXPECT_EQ(Unchanged.wrapper("RecordKitCreated()")->Fate, WrapperFate::Helper);

  X.C.TestDoubles = {Audited, Stub};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Q = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Q->Fate, WrapperFate::Keep);
  ASSERT_EQ(Q->Blockers.size(), 1u);
  EXPECT_EQ(Q->Blockers[0].File, "metrics/metrics_service.h");
  EXPECT_EQ(Q->Blockers[0].Line, 40u);
  EXPECT_EQ(Q->Blockers[0].What, "override of RecordQuantityChange in shop::AuditedMetricsService");
  EXPECT_EQ(Q->Blockers[0].Why,
            "shop::AuditedMetricsService derives from the service and overrides it");
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Fate, WrapperFate::Helper);
}

TEST(Planner, InheritedWrapperCalledByADerivedClassStays) {
  Fixture X;
  X.C.CallSites.push_back(call("metrics/metrics_service", "RecordAuthTokenRefresh"));
  X.C.CallSites.back().DerivedCaller = "shop::AuditedMetrics";
  X.C.CallSites.back().Loc.Line = 12;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *W = P.wrapper("RecordAuthTokenRefresh()");
  EXPECT_EQ(W->Fate, WrapperFate::Keep);
  ASSERT_EQ(W->Blockers.size(), 1u);
  EXPECT_EQ(W->Blockers[0].What, "call to RecordAuthTokenRefresh in shop::AuditedMetrics");
  EXPECT_EQ(W->Blockers[0].Why, "shop::AuditedMetrics derives from the service and calls the "
                                "wrapper it inherits, which must stay in the service for it");

  // No change: the same call from an unrelated class is inlined.
  X.C.CallSites.back().DerivedCaller.clear();
  EXPECT_EQ(makePlan(X.C, X.F, X.Cfg).wrapper("RecordAuthTokenRefresh()")->Fate,
            WrapperFate::Inline);
}

TEST(Planner, CallInAnInactiveBranchKeepsEveryOverload) {
  Fixture X;
  Wrapper Other = X.C.Wrappers[2];
  Other.Signature = "RecordAuthTokenRefresh(int)";
  X.C.Wrappers.push_back(Other);
  X.C.CallSites.push_back(call("services/kit_service", "RecordAuthTokenRefresh"));
  X.C.CallSites.back().Inactive = true;
  X.C.CallSites.back().Loc.Line = 7;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  for (const char *Signature : {"RecordAuthTokenRefresh()", "RecordAuthTokenRefresh(int)"}) {
    const WrapperPlan *W = P.wrapper(Signature);
    EXPECT_EQ(W->Fate, WrapperFate::Keep) << Signature;
    ASSERT_EQ(W->Blockers.size(), 1u) << Signature;
    EXPECT_EQ(W->Blockers[0].Line, 7u);
    EXPECT_EQ(W->Blockers[0].What,
              "call to RecordAuthTokenRefresh in an inactive preprocessor branch");
    EXPECT_EQ(W->Blockers[0].Why, "the branch is skipped under this build's flags, so the "
                                  "call was never parsed and cannot be rewritten; the wrapper "
                                  "stays for it");
  }
  // No change: the same call, parsed, is inlined.
  X.C.CallSites.back().Inactive = false;
  Plan Parsed = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Parsed.wrapper("RecordAuthTokenRefresh()")->Fate, WrapperFate::Inline);
}

TEST(Planner, CallInAFileThatIsNotWrittenKeepsTheWrapper) {
  Fixture X;
  X.Cfg.Exclude = {"third_party/"};
  X.C.CallSites.push_back(call("third_party/vendor/hook", "RecordAuthTokenRefresh"));
  X.C.CallSites.back().Loc.Line = 3;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *W = P.wrapper("RecordAuthTokenRefresh()");
  EXPECT_EQ(W->Fate, WrapperFate::Keep);
  ASSERT_EQ(W->Blockers.size(), 1u);
  EXPECT_EQ(W->Blockers[0].File, "third_party/vendor/hook.cpp");
  EXPECT_EQ(W->Blockers[0].Line, 3u);
  EXPECT_EQ(W->Blockers[0].What, "call to RecordAuthTokenRefresh");
  EXPECT_EQ(W->Blockers[0].Why, "third_party/vendor/hook.cpp is excluded by the configuration "
                                "or --exclude; the call cannot be rewritten there");
  EXPECT_EQ(P.metric("auth_token_refreshes_total")->Fate, MetricFate::Kept);

  // Outside the root, the same.
  X.C.CallSites.back() = call("../elsewhere/hook", "RecordAuthTokenRefresh");
  EXPECT_EQ(makePlan(X.C, X.F, X.Cfg).wrapper("RecordAuthTokenRefresh()")->Blockers[0].Why,
            "../elsewhere/hook.cpp is outside the project root; the call cannot be "
            "rewritten there");

  // No change: the same call in a file that is written is inlined.
  X.C.CallSites.back() = call("src/hook", "RecordAuthTokenRefresh");
  Plan Written = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *Free = Written.wrapper("RecordAuthTokenRefresh()");
  EXPECT_EQ(Free->Fate, WrapperFate::Inline);
  EXPECT_THAT(Free->Blockers, IsEmpty());
}

TEST(Planner, DoubleInAFileThatIsNotWrittenKeepsWhatItOverrides) {
  Fixture X;
  X.Cfg.Exclude = {"third_party/"};
  TestDouble D;
  D.Name = "vendor::FakeMetrics";
  D.Base = "shop::MetricsServiceProtocol";
  D.Methods = {"RecordQuantityChange"};
  D.Loc.File = "third_party/fake_metrics.h";
  D.Loc.Line = 9;
  X.C.TestDoubles = {D};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const WrapperPlan *W = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(W->Fate, WrapperFate::Keep);
  ASSERT_EQ(W->Blockers.size(), 1u);
  EXPECT_EQ(W->Blockers[0].What, "override of RecordQuantityChange in vendor::FakeMetrics");
  EXPECT_EQ(W->Blockers[0].Why, "the file is excluded by the configuration or --exclude; the "
                                "override cannot go");

  // No change: a double in a file that is written loses the override.
  X.C.TestDoubles[0].Loc.File = "tests/fake_metrics.h";
  Plan Written = makePlan(X.C, X.F, X.Cfg);
  EXPECT_EQ(Written.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
}

TEST(Planner, InjectionInOrFromAFileThatIsNotWrittenStays) {
  Fixture X;
  X.Cfg.Exclude = {"gen/"};
  // KitService's injection point lies in gen/: it stays.
  X.C.InjectionPoints[0].Loc.File = "gen/kit_service.h";
  Plan P = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(P.Keep.size(), 2u);
  EXPECT_EQ(P.Keep[0].Owner, "shop::KitService");
  EXPECT_THAT(P.Strip, IsEmpty());

  // It lies in a written file, but gen/ constructs KitService with the
  // service: the parameter stays.
  X.C.InjectionPoints[0].Loc.File = "services/kit_service.h";
  ArgumentSite A;
  A.Callee = "shop::KitService";
  A.Call.File = "gen/wiring.cpp";
  X.F.ArgumentSites = {A};
  EXPECT_EQ(makePlan(X.C, X.F, X.Cfg).Keep.size(), 2u);

  // No change: constructed from a written file, it goes.
  X.F.ArgumentSites[0].Call.File = "app/wiring.cpp";
  Plan Written = makePlan(X.C, X.F, X.Cfg);
  ASSERT_EQ(Written.Strip.size(), 1u);
  EXPECT_EQ(Written.Strip[0].Owner, "shop::KitService");
}

} // namespace
} // namespace mm

namespace mm {
namespace {

Demotion demotion(PlanDecision::Kind K, std::string Key) {
  return {{K, std::move(Key)}, {"app/main.cpp", 9, "kept", "it did not compile"}};
}

TEST(PlannerDemotions, TheDecisionsVerificationMayTakeBack) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg);
  std::vector<std::string> Described;
  for (const PlanDecision &D : decisionsOf(P))
    Described.push_back(D.describe());
  EXPECT_THAT(Described,
              ElementsAre("wrapper RecordKitCreated()", "wrapper RecordQuantityChange()",
                          "metric inventory_quantity_changes_total",
                          "metric kits_created_total", "injection of shop::KitService"));
}

TEST(PlannerDemotions, ADemotedWrapperStaysWithItsMetric) {
  Fixture X;
  auto D = demotion(PlanDecision::Kind::Wrapper, "RecordQuantityChange()");
  Plan P = makePlan(X.C, X.F, X.Cfg, {D});
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Keep);
  EXPECT_EQ(P.metric("inventory_quantity_changes_total")->Fate, MetricFate::Kept);
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Reason,
            "its edits did not compile (it did not compile)");
  ASSERT_EQ(P.Demoted.size(), 1u);
  EXPECT_EQ(P.Demoted.front().Item.Why, "it did not compile");
  // The other wrappers still go.
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Fate, WrapperFate::Helper);
}

TEST(PlannerDemotions, ADemotedMetricKeepsTheWrappersRecordingIt) {
  Fixture X;
  Plan P = makePlan(X.C, X.F, X.Cfg,
                    {demotion(PlanDecision::Kind::Metric, "kits_created_total")});
  EXPECT_EQ(P.metric("kits_created_total")->Fate, MetricFate::Kept);
  EXPECT_EQ(P.wrapper("RecordKitCreated()")->Fate, WrapperFate::Keep);
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
}

TEST(PlannerDemotions, ADemotedOwnerKeepsItsInjection) {
  Fixture X;
  // The container takes the service itself for more than calls: it stays.
  ASSERT_EQ(makePlan(X.C, X.F, X.Cfg).Keep.size(), 1u);
  Plan P = makePlan(X.C, X.F, X.Cfg,
                    {demotion(PlanDecision::Kind::Injection, "shop::KitService")});
  ASSERT_EQ(P.Keep.size(), 2u);
  EXPECT_EQ(P.Keep.front().Owner, "shop::KitService");
  EXPECT_THAT(P.Strip, IsEmpty());
  // Nothing else changes.
  EXPECT_EQ(P.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
}

TEST(PlannerDemotions, NoDemotionNoChange) {
  Fixture X;
  Plan A = makePlan(X.C, X.F, X.Cfg), B = makePlan(X.C, X.F, X.Cfg, {});
  EXPECT_EQ(A.Strip.size(), B.Strip.size());
  EXPECT_THAT(B.Demoted, IsEmpty());
  EXPECT_EQ(A.wrapper("RecordQuantityChange()")->Fate, WrapperFate::Inline);
}


TEST(Planner, AFieldCheckedByAnEarlyReturnBeforeRecordingsGoes) {
  for (bool OnlyRecords : {true, false}) {
    Fixture X;
    InjectionPoint Field;
    Field.Kind = InjectionKind::Field;
    Field.Interface = "shop::MetricsService";
    Field.Owner = "shop::Sessions";
    Field.Name = "metrics_";
    Field.How = Holder::Pointer;
    Field.Loc = {"services/sessions.h", 9, 3, 120, 30};
    X.C.InjectionPoints.push_back(Field);
    ServiceVar V;
    V.Name = "metrics_";
    V.IsField = true;
    V.Decl = Field.Loc;
    V.Uses = {{"services/sessions.cpp", 12, 9, 300, 8}}; // `if (metrics_ == nullptr) return;`
    X.F.ServiceVars = {V};
    NullGuard G;
    G.Owner = "shop::Sessions";
    G.Field = "metrics_";
    G.EarlyReturn = true;
    G.OnlyRecords = OnlyRecords;
    G.If = {"services/sessions.cpp", 12, 5, 296, 32};
    X.F.NullGuards = {G};
    Plan P = makePlan(X.C, X.F, X.Cfg);
    EXPECT_EQ(P.KeptBecause.count("shop::Sessions"), OnlyRecords ? 0u : 1u) << OnlyRecords;
  }
}

TEST(Planner, AFieldTheServiceIsBuiltIntoGoesOnlyIfBuildingItDoesNothingElse) {
  auto PlanFor = [](std::vector<std::string> Effects, bool KeepAMetric) {
    Fixture X;
    // UpdateDashboardGauges stays, and so does its gauge; nothing records
    // auth_token_refreshes_total, which stays dead.
    if (!KeepAMetric) {
      X.C.Wrappers.resize(2);
      X.C.Metrics.resize(2);
    }
    X.C.TheService.Effects = std::move(Effects);
    InjectionPoint Field;
    Field.Kind = InjectionKind::Field;
    Field.Interface = "shop::MetricsServiceProtocol";
    Field.Owner = "shop::Ctx";
    Field.Name = "metrics";
    Field.How = Holder::Pointer;
    Field.Loc = {"app/ctx.h", 5, 3, 60, 30};
    X.C.InjectionPoints.push_back(Field);
    MemberInit Built;
    Built.Owner = "shop::Ctx";
    Built.Field = "metrics";
    Built.Init = {"app/main.cpp", 14, 5, 200, 38}; // `ctx.metrics = new shop::MetricsService();`
    Built.Removal = {"app/main.cpp", 14, 1, 196, 43};
    Built.Creates = true;
    X.F.MemberInits = {Built};
    return makePlan(X.C, X.F, X.Cfg);
  };
  auto Stripped = [](const Plan &P) {
    return llvm::any_of(P.Strip, [](const InjectionPoint &IP) { return IP.Owner == "shop::Ctx"; });
  };

  Plan Quiet = PlanFor({}, false);
  EXPECT_TRUE(Stripped(Quiet));
  EXPECT_EQ(Quiet.KeptBecause.count("shop::Ctx"), 0u);

  Plan Serving = PlanFor({"field exposer_", "its destructor"}, false);
  EXPECT_FALSE(Stripped(Serving));
  EXPECT_EQ(Serving.KeptBecause["shop::Ctx"],
            "building the service into metrics at app/main.cpp:14 does more than its metrics "
            "(field exposer_, its destructor)");

  Plan Registering = PlanFor({}, true);
  EXPECT_FALSE(Stripped(Registering));
  EXPECT_EQ(Registering.KeptBecause["shop::Ctx"],
            "building the service into metrics at app/main.cpp:14 registers "
            "auth_token_refreshes_total, which stays in it");
}

TEST(Planner, AMetricRecordedInSeveralModulesIsOwnedByOneWithAHeader) {
  // inventory_service records it most but has no header; kit_service,
  // which records it too, has one to declare it in for the other.
  Fixture X;
  X.F.Files = {"services/inventory_service.cpp", "services/kit_service.cpp",
               "services/kit_service.h"};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  const MetricPlan *Quantity = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Quantity, nullptr);
  EXPECT_EQ(Quantity->Fate, MetricFate::Shared);
  EXPECT_EQ(Quantity->Owner, "services/kit_service");
  EXPECT_EQ(Quantity->OwnerHeader, "services/kit_service.h");
  EXPECT_EQ(Quantity->Users, std::vector<std::string>{"services/inventory_service"});
  // With a header there too, the module recording it most owns it.
  Fixture Y;
  EXPECT_EQ(makePlan(Y.C, Y.F, Y.Cfg).metric("inventory_quantity_changes_total")->Owner,
            "services/inventory_service");
}

TEST(Planner, AConstantNamedOutsideAnOwnerWithoutAHeaderStays) {
  Fixture X;
  X.F.Files = {"services/inventory_service.cpp", "services/kit_service.cpp"};
  Plan P = makePlan(X.C, X.F, X.Cfg);
  // kit_service records it too, and a test of kit_service calls the other.
  const MetricPlan *Quantity = P.metric("inventory_quantity_changes_total");
  ASSERT_NE(Quantity, nullptr);
  EXPECT_EQ(Quantity->Fate, MetricFate::Kept);
  EXPECT_EQ(Quantity->Cause, LeftBecause::NoHeader);
  EXPECT_EQ(Quantity->Reason, "its owner services/inventory_service has no header to declare "
                              "its constant in, and services/kit_service would name it");
  const MetricPlan *Kits = P.metric("kits_created_total");
  ASSERT_NE(Kits, nullptr);
  EXPECT_EQ(Kits->Fate, MetricFate::Kept);
  EXPECT_EQ(Kits->Reason, "its owner services/kit_service has no header to declare its "
                          "constant in, and tests/kit_service_test.cpp would name it");
  const WrapperPlan *Kept = P.wrapper("RecordQuantityChange()");
  EXPECT_EQ(Kept->Fate, WrapperFate::Keep);
  // Each call of it is for a human, who could give the module a header.
  ASSERT_EQ(Kept->Blockers.size(), 3u);
  EXPECT_EQ(Kept->Blockers[0].Why,
            "RecordQuantityChange stays in the service: it records "
            "inventory_quantity_changes_total: its owner services/inventory_service has no "
            "header to declare its constant in, and services/kit_service would name it");
  EXPECT_EQ(Kept->Blockers[0].Cause, LeftBecause::NoHeader);
  // No change with the headers there.
  Fixture Y;
  Plan Q = makePlan(Y.C, Y.F, Y.Cfg);
  EXPECT_EQ(Q.metric("inventory_quantity_changes_total")->Fate, MetricFate::Shared);
  EXPECT_EQ(Q.metric("kits_created_total")->Fate, MetricFate::Moved);
}

} // namespace
} // namespace mm
