//===--- ReviewTest.cpp - The review's data, on plain input ---------------===//

#include "report/Review.h"
#include "report/ReviewJSON.h"
#include "report/ReviewMarkdown.h"
#include "report/ReviewSarif.h"
#include "tests/unit/TemplateNotation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

SourceSpan span(std::string File, unsigned Line, unsigned Offset = 0, unsigned Length = 0) {
  SourceSpan S;
  S.File = std::move(File);
  S.Line = Line;
  S.Offset = Offset;
  S.Length = Length;
  return S;
}

/// One metric moved from the service into services/order_service, recorded
/// by one call whose label comes from the caller's parameter.
struct Fixture {
  Catalog C;
  Facts F;
  Plan P;
  RewriteResult R;
  std::vector<MaterializedFile> Files;
  std::vector<std::string> Failed;
  std::map<std::string, std::string> Texts;

  Fixture() {
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Header = "metrics/metrics_service.h";
    Metric M;
    M.Name = "orders_total";
    M.Kind = MetricKind::Counter;
    M.Help = "Orders";
    M.LabelNames = {"customer"};
    M.Field = "orders_total_";
    M.BuilderChain = "prometheus::BuildCounter().Name(\"orders_total\").Help(\"Orders\")"
                     ".Register(*registry_)";
    M.RegisterAt = M.BuilderChain.rfind(".Register");
    M.FieldDecl = span("metrics/metrics_service.h", 12);
    C.Metrics = {M};
    Wrapper W;
    W.Name = "RecordOrder";
    W.Signature = "RecordOrder(const std::string &)";
    W.Params = {{"customer", "const std::string&", ""}};
    W.Metrics = {"orders_total"};
    W.Template = tmpl("${metric:orders_total}.Add({{\"customer\", ${param:customer}}}).Increment();");
    C.Wrappers = {W};
    CallSite CS;
    CS.Loc = span("services/order_service.cpp", 7, 100, 30);
    CS.Wrapper = "RecordOrder";
    CS.Signature = W.Signature;
    CS.Args = {"customer_id"};
    CS.ParamArgs = {0};
    CS.EnclosingFunction = "shop::OrderService::Place";
    CS.Module = "services/order_service";
    C.CallSites = {CS};
    F.Files = {"metrics/metrics_service.h", "services/order_service.cpp"};

    MetricPlan MP;
    MP.Name = "orders_total";
    MP.Fate = MetricFate::Moved;
    MP.Constant = "ORDERS_TOTAL";
    MP.Owner = "services/order_service";
    MP.OwnerSource = "services/order_service.cpp";
    MP.Type = "prometheus::Family<prometheus::Counter>&";
    MP.Definition = "prometheus::Family<prometheus::Counter>& ORDERS_TOTAL =\n"
                    "    prometheus::BuildCounter().Name(\"orders_total\").Help(\"Orders\")"
                    ".Register(shop::DefaultRegistry());";
    P.Metrics = {MP};
    WrapperPlan WP;
    WP.Name = "RecordOrder";
    WP.Signature = W.Signature;
    WP.Fate = WrapperFate::Inline;
    P.Wrappers = {WP};
    R.Edits.file("services/order_service.cpp").Edits.push_back({100, 30, "ORDERS_TOTAL...", ""});

    Texts["metrics/metrics_service.h"] = "class MetricsService {};\n";
    MaterializedFile MF;
    MF.File = "services/order_service.cpp";
    MF.Before = "void Place() {\n  record();\n}\n";
    MF.After = "prometheus::Family<prometheus::Counter>& ORDERS_TOTAL =\n"
               "    prometheus::BuildCounter().Name(\"orders_total\")\n"
               "void Place() {\n  ORDERS_TOTAL.Add({});\n}\n";
    Files = {MF};
  }

  Review review() {
    return buildReview({C, F, P, R, Files, Failed, [this](const std::string &File) {
                          auto It = Texts.find(File);
                          return It == Texts.end() ? std::string() : It->second;
                        }});
  }
};

const Check &checkOf(const std::vector<Check> &List, llvm::StringRef Id) {
  for (const Check &K : List)
    if (K.Id == Id)
      return K;
  static Check None;
  ADD_FAILURE() << "no check " << Id.str();
  return None;
}

TEST(Review, MovedMetricWithItsDefinitionAndSites) {
  Fixture X;
  Review R = X.review();
  ASSERT_EQ(R.Moved.size(), 1u);
  const MovedMetric &M = R.Moved[0];
  EXPECT_EQ(M.Constant, "ORDERS_TOTAL");
  EXPECT_THAT(M.Wrappers, ElementsAre("RecordOrder"));
  EXPECT_THAT(M.Labels, ElementsAre("customer"));
  EXPECT_EQ(M.Definition.File, "services/order_service.cpp");
  EXPECT_EQ(M.Definition.Line, 1u);
  ASSERT_EQ(M.Sites.size(), 1u);
  EXPECT_EQ(M.Sites[0].Line, 7u);
  EXPECT_EQ(R.Summary.MetricsMoved, 1u);
  EXPECT_EQ(R.Summary.WrappersInlined, 1u);
  ASSERT_EQ(R.Summary.Files.size(), 1u);
  EXPECT_EQ(R.Summary.Files[0].Added, 3u);
  EXPECT_EQ(R.Summary.Files[0].Removed, 1u);
}

TEST(Review, AWallClockReadIsNamedAsWritten) {
  Fixture X;
  X.F.WallClockReads = {{span("services/order_service.cpp", 5, 40), "shop::Place"},
                        {span("services/order_service.cpp", 6, 60), "shop::Place",
                         "high_resolution_clock"}};
  Review R = X.review();
  const Check &K = checkOf(R.Checks, "wall-clock-duration");
  ASSERT_EQ(K.Where.size(), 2u);
  EXPECT_THAT(K.Where[0].Note, StartsWith("system_clock::now() in shop::Place, "));
  EXPECT_THAT(K.Where[1].Note,
              StartsWith("high_resolution_clock::now() (system_clock here) in shop::Place, "));
}

TEST(Review, CleanMigrationIsGo) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear(); // the label is computed, not passed in
  Review R = X.review();
  EXPECT_EQ(R.Summary.TheDecision, Decision::Go);
  for (const Check &K : R.Checks)
    EXPECT_FALSE(K.Fired) << K.Id;
  for (const Check &K : R.Invariants)
    EXPECT_FALSE(K.Fired) << K.Id;
  EXPECT_THAT(R.Risks, IsEmpty());
}

TEST(Review, AFieldWhoseNameCouldNotBeReadIsNoMetric) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  Metric Depth;
  Depth.Field = "depth_";
  Depth.Kind = MetricKind::Gauge;
  Depth.BuiltBy = "makeGaugeFamily";
  Depth.FieldDecl = span("metrics/metrics_service.h", 13);
  X.C.Metrics.insert(X.C.Metrics.begin(), Depth);
  Review R = X.review();
  EXPECT_EQ(checkOf(R.Invariants, "unique-names").Summary,
            "1 metrics of the service; all names unique");
  EXPECT_EQ(checkOf(R.Invariants, "defined-once").Summary,
            "1 of 1 metrics defined exactly once in the migrated tree");
  EXPECT_THAT(R.Kept, IsEmpty());
  EXPECT_THAT(R.Dead, IsEmpty());
  EXPECT_EQ(R.Summary.TheDecision, Decision::Go);
}

TEST(Review, ChildrenTakenByOneChainAreOneMetricName) {
  // `auto& f = Build..Name("jobs_total")..; ok_ = &f.Add(..); failed_ =
  // &f.Add(..)`: two series of one family. Another chain of that name is a
  // second registration.
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  Metric Ok;
  Ok.Name = "jobs_total";
  Ok.Field = "ok_";
  Ok.BuilderChain = "prometheus::BuildCounter().Name(\"jobs_total\").Register(r)";
  Ok.ChildArgs = R"({{"result", "ok"}})";
  Ok.FieldDecl = span("metrics/metrics_service.h", 13);
  Metric Failed = Ok;
  Failed.Field = "failed_";
  Failed.ChildArgs = R"({{"result", "failed"}})";
  Failed.FieldDecl = span("metrics/metrics_service.h", 14);
  X.C.Metrics.push_back(Ok);
  X.C.Metrics.push_back(Failed);
  Review R = X.review();
  EXPECT_FALSE(checkOf(R.Invariants, "unique-names").Fired);
  X.C.Metrics.back().BuilderChain = "prometheus::BuildCounter().Name(\"jobs_total\").Help(\"x\")";
  R = X.review();
  EXPECT_TRUE(checkOf(R.Invariants, "unique-names").Fired);
}

TEST(Review, LabelFromTheCallersParameterIsUnbounded) {
  Fixture X;
  Review R = X.review();
  const Check &K = checkOf(R.Checks, "unbounded-label");
  EXPECT_TRUE(K.Fired);
  ASSERT_EQ(K.Where.size(), 1u);
  EXPECT_EQ(K.Where[0].File, "services/order_service.cpp");
  EXPECT_EQ(K.Where[0].Line, 7u);
  EXPECT_THAT(K.Where[0].Note, HasSubstr("'customer_id'"));
  // A literal is bounded even when it is passed through.
  X.C.CallSites[0].Args = {"\"guest\""};
  EXPECT_FALSE(checkOf(X.review().Checks, "unbounded-label").Fired);
}

TEST(Review, ManualItemsMakeItConditional) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  X.R.Manual.push_back({"services/order_service.cpp", 9, "call to RecordOrder", "why"});
  Review R = X.review();
  EXPECT_EQ(R.Summary.TheDecision, Decision::GoWithConditions);
  ASSERT_EQ(R.Manual.size(), 1u);
  EXPECT_EQ(R.Manual[0].Note, "call to RecordOrder: why");
  ASSERT_EQ(R.Risks.size(), 1u);
  EXPECT_EQ(R.Risks[0].Severity, "medium");
}

// The review sorts items by what they are about, never by their text: an
// item reads as a human wrote it, and its words may be anything.
TEST(Review, ItemsAreSortedByTheirSubjectNotTheirWords) {
  Fixture X;
  X.R.Manual.push_back({"tests/order_test.cpp", 4, "the expectation of RecordOrder", "why",
                        LeftBecause::Expectation, ManualSubject::Expectation});
  X.R.Manual.push_back({"tests/order_test.cpp", 9, "EXPECT_CALL-like words", "why",
                        LeftBecause::Other, ManualSubject::Other});
  X.R.Manual.push_back({"services/order_service.cpp", 3, "the metrics_ initializer", "why",
                        LeftBecause::Injection, ManualSubject::Initializer});
  X.R.Manual.push_back({"services/order_service.cpp", 5, "argument 'm' inside a macro", "why",
                        LeftBecause::Other, ManualSubject::Other});
  X.P.Wrappers[0].Blockers.push_back({"services/order_service.cpp", 7, "COUNT(order)", "why",
                                      LeftBecause::Macro, ManualSubject::MacroExpansion});
  X.P.Wrappers[0].Blockers.push_back({"services/order_service.cpp", 8, "a macro call to it",
                                      "why", LeftBecause::Macro, ManualSubject::Call});
  Review R = X.review();
  ASSERT_EQ(R.TestsLeft.size(), 1u);
  EXPECT_EQ(R.TestsLeft[0].Line, 4u);
  const Check &Sites = checkOf(R.Checks, "construction-sites");
  ASSERT_EQ(Sites.Where.size(), 1u);
  EXPECT_EQ(Sites.Where[0].Line, 3u);
  const Check &Macro = checkOf(R.Checks, "macro-sites");
  ASSERT_EQ(Macro.Where.size(), 1u);
  EXPECT_EQ(Macro.Where[0].Line, 7u);
}

// A construction site the migration could not change fires the check, by
// what the site is, whatever its note says.
TEST(Review, AnArgumentLeftAsItWasFiresTheConstructionSitesCheck) {
  Fixture X;
  InjectionPoint IP;
  IP.Kind = InjectionKind::ConstructorParam;
  IP.Owner = "shop::OrderService";
  IP.Name = "metrics";
  IP.Index = 0;
  IP.Loc = span("services/order_service.h", 5);
  X.P.Strip = {IP};
  ArgumentSite Done, Left;
  Done.Callee = Left.Callee = "shop::OrderService";
  Done.Call = span("app/main.cpp", 10);
  Done.Arg = Done.Removal = span("app/main.cpp", 10, 200, 7);
  Done.ArgText = "metrics";
  Done.Form = Left.Form = "paren";
  Left.Call = span("app/main.cpp", 20);
  Left.Arg = span("app/main.cpp", 20, 400, 7);
  Left.ArgText = "METRICS_ARG";
  X.F.ArgumentSites = {Done, Left};
  Review R = X.review();
  const Check &Sites = checkOf(R.Checks, "construction-sites");
  EXPECT_TRUE(Sites.Fired);
  ASSERT_EQ(Sites.Where.size(), 1u);
  EXPECT_EQ(Sites.Where[0].Line, 20u);
  EXPECT_THAT(Sites.Summary, HasSubstr("1 left as they were"));
}

TEST(Review, ADroppedChildCacheIsALowRisk) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  X.C.Wrappers[0].Definition = span("metrics/metrics_service.cpp", 40);
  X.C.Wrappers[0].DroppedCaches = {{"by_customer_", span("metrics/metrics_service.h", 14)}};
  Review R = X.review();
  ASSERT_EQ(R.Risks.size(), 1u);
  EXPECT_EQ(R.Risks[0].Severity, "low");
  EXPECT_THAT(R.Risks[0].Text, HasSubstr("cached per label value"));
  ASSERT_EQ(R.Risks[0].Where.size(), 1u);
  EXPECT_EQ(R.Risks[0].Where[0].File, "metrics/metrics_service.cpp");
  EXPECT_EQ(R.Risks[0].Where[0].Line, 40u);
  EXPECT_THAT(R.Risks[0].Where[0].Note, HasSubstr("`by_customer_`"));
  // A wrapper that stays keeps its cache: nothing changed.
  X.P.Wrappers[0].Fate = WrapperFate::Keep;
  EXPECT_THAT(X.review().Risks, IsEmpty());
}

TEST(Review, AServiceEachOfTwoClassesBuildsIsALowRisk) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  MemberInit Node;
  Node.Owner = "pbft::Node";
  Node.Field = "metrics_";
  Node.Init = span("src/node.cc", 56);
  Node.Creates = true;
  MemberInit Client = Node;
  Client.Owner = "pbft::Client";
  Client.Init = span("src/client.cc", 30);
  MemberInit Freed = Node;
  Freed.Creates = false;
  Freed.Init = span("src/node.cc", 90);
  X.F.MemberInits = {Node, Freed};
  // One class building it: nothing to say.
  EXPECT_THAT(X.review().Risks, IsEmpty());
  X.F.MemberInits.push_back(Client);
  Review R = X.review();
  ASSERT_EQ(R.Risks.size(), 1u);
  EXPECT_EQ(R.Risks[0].Severity, "low");
  EXPECT_THAT(R.Risks[0].Text, HasSubstr("built in 2 places"));
  ASSERT_EQ(R.Risks[0].Where.size(), 2u);
  EXPECT_EQ(R.Risks[0].Where[0].Note, "pbft::Node::metrics_ builds one");
  EXPECT_EQ(R.Risks[0].Where[1].File, "src/client.cc");
  // Nothing moved: nothing is shared.
  X.P.Metrics[0].Fate = MetricFate::Kept;
  X.P.Wrappers[0].Fate = WrapperFate::Keep;
  for (const Risk &Item : X.review().Risks)
    EXPECT_THAT(Item.Text, ::testing::Not(HasSubstr("built in")));
}

TEST(Review, FailedTUAndDuplicateRegistrationAreNoGo) {
  Fixture X;
  X.C.CallSites[0].ParamArgs.clear();
  X.Failed = {"services/broken.cpp: error: expected ';'"};
  Registration A, B;
  A.Name = B.Name = "orders_total";
  A.Loc = span("metrics/metrics_service.cpp", 20);
  B.Loc = span("services/legacy.cpp", 4);
  X.F.Registrations = {A, B};
  Review R = X.review();
  EXPECT_EQ(R.Summary.TheDecision, Decision::NoGo);
  EXPECT_TRUE(checkOf(R.Checks, "failed-tus").Fired);
  const Check &Dup = checkOf(R.Checks, "duplicate-registration");
  EXPECT_TRUE(Dup.Fired);
  ASSERT_EQ(Dup.Where.size(), 2u);
  EXPECT_EQ(Dup.Where[1].File, "services/legacy.cpp");
  ASSERT_FALSE(R.Collisions.empty());
  EXPECT_EQ(R.Collisions[0].Kind, "duplicate-name");
  EXPECT_EQ(R.Risks.front().Severity, "high");
}

TEST(Review, ANameSetTwiceInOneFunctionIsMergedNotThrown) {
  // The catalog found the two registrations to be one family of the
  // service (Metric::SetAgain): prometheus-cpp merges the second into the
  // first, so the review says so, and does not stop the migration.
  Fixture X;
  Metric &M = X.C.Metrics[0];
  M.InitSite = span("metrics/metrics_service.cpp", 20, 400, 120);
  AlsoSet Again;
  Again.Field = "orders_again_";
  Again.InitSite = span("metrics/metrics_service.cpp", 30, 700, 120);
  M.SetAgain = {Again};
  Registration A, B;
  A.Name = B.Name = "orders_total";
  A.Loc = span("metrics/metrics_service.cpp", 20, 410, 40);
  B.Loc = span("metrics/metrics_service.cpp", 30, 710, 40);
  X.F.Registrations = {A, B};
  Review R = X.review();
  ASSERT_EQ(R.Collisions.size(), 1u);
  EXPECT_EQ(R.Collisions[0].Kind, "merged-name");
  EXPECT_THAT(R.Collisions[0].Detail, HasSubstr("merged into the family registered first"));
  EXPECT_THAT(R.Collisions[0].Detail, testing::Not(HasSubstr("throws")));
  EXPECT_FALSE(checkOf(R.Checks, "duplicate-registration").Fired);
  EXPECT_NE(R.Summary.TheDecision, Decision::NoGo);
  // A registration elsewhere is a duplicate all the same.
  B.Loc = span("services/legacy.cpp", 4, 10, 40);
  X.F.Registrations = {A, B};
  Review Elsewhere = X.review();
  ASSERT_EQ(Elsewhere.Collisions.size(), 1u);
  EXPECT_EQ(Elsewhere.Collisions[0].Kind, "duplicate-name");
  EXPECT_TRUE(checkOf(Elsewhere.Checks, "duplicate-registration").Fired);
}

TEST(Review, EveryNullCheckTheMigrationRemovedIsABehaviourChange) {
  // A field's check (anywhere in its class's module), a parameter's (in
  // its function), and a check whose pointer test alone went.
  Fixture X;
  InjectionPoint Field, Param;
  Field.Kind = InjectionKind::Field;
  Field.Owner = "shop::OrderService";
  Field.Name = "metrics_";
  Field.Loc = span("services/order_service.h", 9);
  Param.Kind = InjectionKind::FunctionParam;
  Param.Owner = "shop::Report";
  Param.Name = "metrics";
  Param.Loc = span("services/report.cpp", 3);
  X.P.Strip = {Field, Param};
  NullGuard OnField, OnParam, Conjunction, Kept;
  OnField.If = span("services/order_service.cpp", 7, 100, 30);
  OnField.Field = "metrics_";
  OnField.Owner = "shop::OrderService";
  OnField.OnlyRecords = true;
  OnParam.If = span("services/report.cpp", 5, 200, 40);
  OnParam.Field = "metrics";
  OnParam.Owner = "shop::Report";
  OnParam.OnlyRecords = true;
  Conjunction = OnParam;
  Conjunction.If = span("services/report.cpp", 8, 300, 60);
  Conjunction.Conjunct = span("services/report.cpp", 8, 304, 12);
  Kept = OnParam;
  Kept.Owner = "shop::Other"; // another function's parameter of that name
  Kept.If = span("services/report.cpp", 12, 400, 40);
  X.F.NullGuards = {OnField, OnParam, Conjunction, Kept};
  X.R.Edits.file("services/report.cpp").Edits = {{200, 40, "RECORD;", ""}, {304, 12, "", ""},
                                                  {400, 40, "RECORD;", ""}};
  X.R.Edits.file("services/order_service.cpp").Edits = {{90, 50, "RECORD;", ""}};
  Review R = X.review();
  std::vector<std::string> Changes;
  for (const InjectionChange &Ch : R.Injection)
    for (const Evidence &E : Ch.BehaviourChanges)
      Changes.push_back(Ch.Owner + " " + E.File + ":" + std::to_string(E.Line) + " " + E.Note);
  EXPECT_THAT(Changes,
              testing::UnorderedElementsAre(
                  "shop::OrderService services/order_service.cpp:7 `metrics_` was null-checked "
                  "before recording; the recording now always happens",
                  "shop::Report services/report.cpp:5 `metrics` was null-checked before "
                  "recording; the recording now always happens",
                  "shop::Report services/report.cpp:8 `metrics` was null-checked before "
                  "recording; the recording now happens whenever the rest of the condition "
                  "holds"));
}

TEST(Review, CallLeftUnrewrittenBreaksAnInvariant) {
  Fixture X;
  X.R.Edits.Files.clear();
  Review R = X.review();
  const Check &K = checkOf(R.Invariants, "no-wrapper-call-left");
  EXPECT_TRUE(K.Fired);
  EXPECT_EQ(R.Summary.TheDecision, Decision::NoGo);
}

TEST(Review, RenderersAgree) {
  Fixture X;
  Review R = X.review();
  std::string Md;
  llvm::raw_string_ostream OS(Md);
  printReviewMarkdown(OS, R);
  EXPECT_THAT(Md, HasSubstr("## 9) Risks"));
  EXPECT_THAT(Md, HasSubstr("| `orders_total` | counter | customer | RecordOrder | "
                            "`ORDERS_TOTAL` | `services/order_service.cpp:1` | "
                            "services/order_service.cpp:7 |"));
  llvm::json::Value J = toJSON(R);
  EXPECT_EQ(*J.getAsObject()->getString("schema"), "metrics-migrate/review");
  llvm::json::Value S = toSarif(R);
  const llvm::json::Array *Results =
      (*S.getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results");
  ASSERT_EQ(Results->size(), 1u); // the unbounded label
  EXPECT_EQ(*(*Results)[0].getAsObject()->getString("ruleId"), "unbounded-label");
}

} // namespace
} // namespace mm
