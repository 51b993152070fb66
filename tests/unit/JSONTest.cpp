//===--- JSONTest.cpp - Facts -> JSON -> Facts ----------------------------===//
//
// Takes TUFacts (built by hand so that every field holds a value other than
// its default, and produced by the real matchers over a snippet), writes
// them as JSON, reads them back with readTUFacts and checks the second
// writing prints the same bytes; then feeds readTUFacts malformed facts and
// checks the exact error each one gets.
//
//===----------------------------------------------------------------------===//

#include "core/JSON.h"
#include "tests/unit/Snippet.h"
#include "tests/unit/TemplateNotation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <set>

namespace mm {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

SourceSpan span(std::string File, unsigned Line, unsigned Offset, unsigned Length = 7) {
  SourceSpan S;
  S.File = std::move(File);
  S.Line = Line;
  S.Column = 3;
  S.Offset = Offset;
  S.Length = Length;
  return S;
}

/// Two TUs whose fields, between them, all hold something other than their
/// default (EveryKeyIsExercised checks it), with each enum spelled at least
/// once and each conditional key (a call site's macro keys, an injection
/// point's index) present.
std::vector<TUFacts> everyField() {
  TUFacts A;
  A.MainFile = "services/kit_service.cpp";
  A.Parsed = false;
  A.Errors = {"services/kit_service.cpp:3:1: error: unknown type name 'Foo'"};
  A.SawService = true;

  Service &S = A.Partial.TheService;
  S.Name = "shop::MetricsService";
  S.Namespace = "shop";
  S.Loc = span("metrics/metrics_service.h", 10, 120);
  S.Header = "metrics/metrics_service.h";
  S.Source = "metrics/metrics_service.cpp";
  S.KeptMethods = {"PollOnce()", "registry()"};
  S.RegistryField = "registry_";
  S.RegistryInit = span("metrics/metrics_service.cpp", 4, 40);
  S.RegistryParam = span("metrics/metrics_service.cpp", 3, 30);
  S.HeaderNames = {"MetricsService", "MetricsServiceProtocol"};
  S.LocalConstants = {{"kLatencyBuckets", span("metrics/metrics_service.cpp", 2, 10),
                       span("metrics/metrics_service.cpp", 1, 5, 90), false, {}},
                      {"latency_buckets_", span("metrics/metrics_service.h", 30, 700), {}, true,
                       span("metrics/metrics_service.cpp", 9, 260, 30)}};

  Interface I;
  I.Name = "shop::MetricsServiceProtocol";
  I.Abstract = true;
  I.Loc = span("metrics/metrics_service.h", 3, 20);
  I.Methods = {{"RecordKitCreated(int)", span("metrics/metrics_service.h", 5, 60)}};
  A.Partial.Interfaces.push_back(I);

  TestDouble Stub;
  Stub.Name = "shop::StubMetricsService";
  Stub.Kind = DoubleKind::Stub;
  Stub.Base = "shop::MetricsServiceProtocol";
  Stub.Methods = {"RecordKitCreated(int)"};
  Stub.Loc = span("tests/stub.h", 2, 8);
  Stub.Decls = {{"RecordKitCreated(int)", span("tests/stub.h", 4, 30)}};
  TestDouble Mock = Stub;
  Mock.Name = "shop::MockMetricsService";
  Mock.Kind = DoubleKind::Mock;
  A.Partial.TestDoubles = {Stub, Mock};

  Metric M;
  M.Name = "request_latency_seconds";
  M.Kind = MetricKind::Histogram;
  M.Help = "Latency";
  M.LabelNames = {"method", "status"};
  M.ConstLabels = {{"region", "eu"}, {"tier", "gold"}};
  M.Buckets = {0.005, 0.1, 2.5, 1e300};
  M.BucketsText = "kLatencyBuckets";
  M.Field = "request_latency_seconds_";
  M.FieldType = "prometheus::Family<prometheus::Histogram> &";
  M.Style = FieldStyle::ChildPtr;
  M.Init = InitStyle::DefaultInitializer;
  M.FieldDecl = span("metrics/metrics_service.h", 30, 800);
  M.InitSite = span("metrics/metrics_service.cpp", 12, 400);
  M.BuilderChain = "prometheus::BuildHistogram().Name(\"request_latency_seconds\")";
  M.RegisterAt = 12;
  M.BuiltBy = "makeHistogramFamily";
  M.RegistryArg = "*registry_";
  M.ChildArgs = "{{\"k\", \"v\"}}, kLatencyBuckets";
  M.LocalConstants = {{"kLatencyBuckets", "const prometheus::Histogram::BucketBoundaries "
                                          "kLatencyBuckets{0.005, 0.1};"}};
  Metric Plain;
  Plain.Name = "kits_created_total";
  Plain.Kind = MetricKind::Gauge;
  Plain.Style = FieldStyle::FamilyPtr;
  Plain.Init = InitStyle::ConstructorBody;
  Metric Summary;
  Summary.Kind = MetricKind::Summary;
  Summary.Style = FieldStyle::ChildRef;
  Metric Counter;
  Counter.Style = FieldStyle::FamilyRef;
  Counter.Family = TakenFrom{"counts_family_", span("metrics/metrics_service.h", 30, 3),
                             span("metrics/metrics_service.cpp", 12, 4), InitStyle::MethodBody};
  Counter.Children = {{"ok_", R"({{"result", "ok"}})", /*Pointer=*/true,
                       span("metrics/metrics_service.h", 31, 3),
                       span("metrics/metrics_service.cpp", 13, 4), InitStyle::ConstructorBody}};
  Counter.SetAgain = {{"counts_again_", span("metrics/metrics_service.h", 32, 3),
                       span("metrics/metrics_service.cpp", 14, 4), InitStyle::MethodBody}};
  Summary.SetTwoWays = true;
  Counter.SetUp = {{span("metrics/metrics_service.cpp", 15, 3),
                    "// Exposed at 0.\n  counts_family_->Add({{\"result\", \"ok\"}});",
                    {{20, 16}}}};
  Plain.OtherUse = span("metrics/metrics_service.cpp", 16, 3);
  Summary.RuntimeRead = "`labels`, a parameter of MetricsService's constructor";
  Summary.RuntimeReadAt = span("metrics/metrics_service.cpp", 17, 15);
  Counter.Includes = {{"<array>", {"array"}}};
  A.Partial.Metrics = {M, Plain, Summary, Counter};

  Wrapper W;
  W.Name = "RecordLatency";
  W.Signature = "RecordLatency(const std::string &, double)";
  W.Params = {{"method", "const std::string &", ""}, {"seconds", "double", "0.5"}};
  W.ReturnType = "void";
  W.Metrics = {"request_latency_seconds"};
  W.Body = BodyKind::MultiStatement;
  W.BodyText = "if (seconds < 0) return; h_->Observe(seconds);";
  W.Template = tmpl("if (${param:seconds} < 0) return; ${metric:request_latency_seconds}"
               "->Observe(${param:seconds}); $");
  W.Recordings = {{"request_latency_seconds", tmpl("{{\"method\", ${param:method}}}"), "Observe",
                   tmpl("${param:seconds}")},
                  {"request_latency_seconds", std::nullopt, "Observe", tmpl("0")}};
  W.Guards = {{tmpl("${param:seconds}"), "<", tmpl("0")}};
  W.LabelSwitches = {{"method", "name", {{"Method::kGet", "\"get\""}}}};
  W.OtherBranches = true;
  W.Overrides = true;
  W.UsesServiceState = true;
  W.LocalConstants = {{"kMax", "constexpr double kMax = 10;"}};
  W.Includes = {{"<cstring>", {"strcmp"}}, {"src/util/states.h", {"State", "kStates"}}};
  W.Operations = {{"inventory_quantity_changes_total", {"Increment", "Set"}}};
  W.DroppedCaches = {{"latency_cache_", span("metrics/metrics_service.h", 33, 900)}};
  W.Decl = span("metrics/metrics_service.h", 14, 300);
  W.Definition = span("metrics/metrics_service.cpp", 40, 1500);
  Wrapper Single;
  Single.Body = BodyKind::SingleExpression;
  Wrapper Other;
  Other.Body = BodyKind::Other;
  A.Partial.Wrappers = {W, Single, Other};

  InjectionPoint Param;
  Param.Kind = InjectionKind::ConstructorParam;
  Param.Owner = "shop::KitService";
  Param.Name = "metrics";
  Param.Type = "MetricsServiceProtocol *";
  Param.Interface = "shop::MetricsServiceProtocol";
  Param.How = Holder::Pointer;
  Param.Default = "nullptr";
  Param.Index = 2;
  Param.Loc = span("services/kit_service.h", 8, 210);
  Param.Params = 3;
  Param.ExplicitAt = span("services/kit_service.h", 8, 190);
  InjectionPoint Field = Param;
  Field.Kind = InjectionKind::Field;
  Field.How = Holder::SharedPtr;
  InjectionPoint Fn = Param;
  Fn.Kind = InjectionKind::FunctionParam;
  Fn.How = Holder::UniquePtr;
  InjectionPoint Signature = Param;
  Signature.Kind = InjectionKind::FunctionTypeParam;
  Signature.Owner = "std::function<void (std::shared_ptr<shop::MetricsService>)>";
  InjectionPoint Ref = Param;
  Ref.How = Holder::Reference;
  InjectionPoint Val = Param;
  Val.How = Holder::Value;
  A.Partial.InjectionPoints = {Param, Field, Fn, Signature, Ref, Val};

  CallSite C;
  C.Loc = span("services/kit_service.cpp", 20, 640);
  C.Wrapper = "RecordLatency";
  C.Signature = W.Signature;
  C.Receiver = "metrics_";
  C.Arrow = true;
  C.Args = {"\"get\"", "elapsed"};
  C.ParamArgs = {1};
  C.EnclosingFunction = "shop::KitService::Get";
  C.Module = "services/kit_service";
  C.InMacro = true;
  C.Macro = "RECORD";
  C.MacroDefinition = span("services/kit_service.cpp", 2, 30);
  C.MacroArgs = {"m", "s"};
  C.InLambda = true;
  C.InTemplate = true;
  C.InTest = true;
  CallSite Plain2 = C;
  Plain2.InMacro = false;
  Plain2.AddressTaken = true;
  Plain2.Args.clear();
  Plain2.DerivedCaller = "shop::AuditedMetricsService";
  Plain2.ClassHeader = "services/kit_ledger.h";
  Plain2.Namespace = "shop::kits";
  Plain2.ReceiverParam = span("services/kit_service.cpp", 3, 33);
  Plain2.ReceiverParamUses = 2;
  Plain2.Inactive = true;
  Plain2.Statement = span("services/kit_service.cpp", 3, 30, 20);
  Plain2.StatementNeedsBraces = true;
  Plain2.ArgumentLocals = {{span("services/kit_service.cpp", 2, 12, 5),
                            {span("services/kit_service.cpp", 4, 50, 3),
                             span("services/kit_service.cpp", 5, 70, 3)}}};
  CallSite MacroInArgument = C;
  MacroInArgument.MacroDefinition = SourceSpan();
  A.Partial.CallSites = {C, Plain2, MacroInArgument};

  Facts &F = A.Scan;
  F.ForwardDeclarations = {{"shop::MetricsService", span("services/kit_service.h", 4, 30, 40)}};
  F.InterfaceMentions = {{"shop::MetricsServiceProtocol", "Outcome", span("services/kit_service.cpp", 9, 140, 7)}};
  F.ConditionalRegions = {{span("app/main.cpp", 4, 60, 80), "defined(WITH_METRICS)",
                           "app/config.h", {"metrics/metrics_service.h"}}};
  ValueAssertion VA;
  VA.Stmt = span("tests/kit_test.cpp", 12, 400, 60);
  VA.Read = span("tests/kit_test.cpp", 12, 410, 30);
  VA.Callee = "CounterValue";
  VA.Literals = {"kits_created_total"};
  VA.Methods = {"registry() const"};
  VA.ReadyAt = 350;
  VA.Sentinel = true;
  VA.Expected = 0.5;
  VA.BodyStart = 340;
  VA.Test = "KitsTest.Counts";
  F.ValueAssertions = {VA};
  ExpositionAssertion EA;
  EA.Stmt = span("tests/kit_test.cpp", 13, 470, 60);
  EA.Text = span("tests/kit_test.cpp", 13, 482, 4);
  EA.Literal = span("tests/kit_test.cpp", 13, 498, 22);
  EA.Line = "kits_created_total 1";
  EA.BodyStart = 350;
  EA.Test = "KitsTest.Counts";
  F.ExpositionAssertions = {EA};
  ServiceVar V;
  V.Decl = span("tests/kit_test.cpp", 9, 300);
  V.Removal = span("tests/kit_test.cpp", 9, 299, 9); // as for a lambda's capture
  V.Name = "metrics";
  V.Type = "StrictMock<MockMetricsService>";
  V.Double = "shop::MockMetricsService";
  V.IsField = true;
  V.Uses = {span("tests/kit_test.cpp", 10, 350), span("tests/kit_test.cpp", 11, 380)};
  F.ServiceVars = {V};
  Expectation E;
  E.Stmt = span("tests/kit_test.cpp", 12, 400);
  E.Mock = "metrics";
  E.Wrapper = "RecordKitCreated";
  E.Args = {"1", "::testing::_"};
  E.Times = 2;
  E.TimesKnown = false;
  E.ScopeEnd = 900;
  E.Test = "KitTest_Creates_Test::TestBody";
  Expectation Counted = E;
  Counted.TimesKnown = true;
  Counted.Namespace = "shop::kits";
  F.Expectations = {E, Counted};
  F.DoubleMentions = {{span("tests/kit_test.cpp", 3, 40), "shop::StubMetricsService"}};
  ArgumentSite AS;
  AS.Call = span("main.cpp", 30, 700);
  AS.Callee = "shop::KitService";
  AS.Form = "make_unique";
  AS.Index = 1;
  AS.ArgText = "metrics";
  AS.Arg = span("main.cpp", 30, 720);
  AS.Removal = span("main.cpp", 30, 718, 9);
  AS.EnclosingFunction = "main";
  F.ArgumentSites = {AS};
  F.FunctionValues = {{"std::function<void (std::shared_ptr<shop::MetricsService>)>",
                       span("main.cpp", 40, 900, 60), "lambda at main.cpp:40:18"}};
  F.MemberInits = {{"shop::KitService", "metrics_", span("services/kit_service.cpp", 5, 90),
                    span("services/kit_service.cpp", 5, 88, 20)}};
  NullGuard G;
  G.If = span("services/kit_service.cpp", 22, 660);
  G.Body = span("services/kit_service.cpp", 22, 680);
  G.Field = "metrics_";
  G.Owner = "shop::KitService";
  G.EarlyReturn = true;
  G.OnlyRecords = true;
  NullGuard H = G;
  H.If = span("services/kit_service.cpp", 30, 860, 40);
  H.Body = span("services/kit_service.cpp", 30, 880);
  H.EarlyReturn = false;
  H.Helper = "shop::withMetrics";
  H.InBlock = true;
  H.UnderLabel = true;
  F.NullGuards = {G, H};
  ThisCapture T;
  T.Capture = span("services/kit_service.cpp", 25, 720, 4);
  T.Removal = span("services/kit_service.cpp", 25, 718, 6);
  T.Owner = "shop::KitService";
  T.Fields = {"shop::KitService::metrics_"};
  T.Methods = {"shop::KitService::Flush"};
  T.OtherUse = true;
  F.ThisCaptures = {T};
  Registration R;
  R.Name = "kits_created_total";
  R.Kind = MetricKind::Counter;
  R.Help = "Kits created";
  R.LabelNames = {"kind"};
  R.Loc = span("metrics/metrics_service.cpp", 50, 1800);
  R.EnclosingFunction = "shop::MetricsService::MetricsService";
  F.Registrations = {R};
  F.WallClockReads = {{span("services/kit_service.cpp", 21, 650), "shop::KitService::Get",
                       "high_resolution_clock"}};
  F.RecordsBeforeFailure = {{span("services/kit_service.cpp", 23, 670),
                             span("services/kit_service.cpp", 24, 700), "throw",
                             "shop::KitService::Get"}};
  F.Files = {"metrics/metrics_service.h", "services/kit_service.cpp"};
  F.UpperSnakeNames = {{"services/kit_service.cpp", {"KITS_CREATED_TOTAL", "MAX_KITS"}}};
  F.IncludeSpellings = {{"include/shop/kit_service.hpp", "<shop/kit_service.hpp>"}};
  F.IncludeRoots = {{"include/", 3}, {".", 1}};

  A.ReadHashes = {{"services/kit_service.cpp", "9f86d081884c7d65"}};
  A.TestTU = true;

  TUFacts B;
  B.MainFile = "main.cpp";
  return {A, B};
}

std::string print(llvm::ArrayRef<TUFacts> TUs) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeTUFacts(OS, TUs);
  return Text;
}

/// readTUFacts(Text), then writeTUFacts.
std::string reread(const std::string &Text) {
  llvm::Expected<std::vector<TUFacts>> Read = readTUFacts(Text, "facts.json");
  if (!Read) {
    ADD_FAILURE() << llvm::toString(Read.takeError());
    return "";
  }
  return print(*Read);
}

/// The error readTUFacts gives for \p Text ("" when it reads it).
std::string errorFor(const std::string &Text) {
  llvm::Expected<std::vector<TUFacts>> Read = readTUFacts(Text, "facts.json");
  if (Read)
    return "";
  return llvm::toString(Read.takeError());
}

bool isDefault(const Value &V) {
  if (V.kind() == Value::Null)
    return true;
  if (auto B = V.getAsBoolean())
    return !*B;
  if (auto N = V.getAsNumber())
    return *N == 0;
  if (auto S = V.getAsString())
    return S->empty();
  if (auto *A = V.getAsArray())
    return A->empty();
  return V.getAsObject()->empty();
}

/// Every key path (array indices as `[]`) under \p V, and whether some
/// value at it is not the default.
void collectKeys(const Value &V, const std::string &Path,
                 std::map<std::string, bool> &Seen) {
  bool &NonDefault = Seen[Path];
  NonDefault = NonDefault || !isDefault(V);
  if (auto *A = V.getAsArray())
    for (const Value &Item : *A)
      collectKeys(Item, Path + "[]", Seen);
  if (auto *O = V.getAsObject())
    for (const auto &KV : *O)
      collectKeys(KV.second, Path + "." + std::string(KV.first.str()), Seen);
}

TEST(JSON, EveryKeyIsExercised) {
  // Keys whose values are names chosen by the data (maps), not by the schema.
  const std::set<std::string> DataKeys = {"kLatencyBuckets", "kMax", "region", "tier",
                                          "services/kit_service.cpp"};
  std::map<std::string, bool> Seen;
  for (const TUFacts &TU : everyField())
    collectKeys(toJSON(TU), "", Seen);
  for (const auto &[Path, NonDefault] : Seen) {
    llvm::StringRef Last = llvm::StringRef(Path).rsplit('.').second;
    if (!DataKeys.count(Last.str())) {
      EXPECT_TRUE(NonDefault) << Path << " only ever holds its default";
    }
  }
  EXPECT_TRUE(Seen.count(".partial.call_sites[].macro_definition.file"));
  EXPECT_TRUE(Seen.count(".partial.injection_points[].index"));
}

TEST(JSON, RoundTripOfEveryField) {
  std::string Text = print(everyField());
  EXPECT_EQ(reread(Text), Text);
}

TEST(JSON, ReadValuesMatchTheWrittenOnes) {
  std::vector<TUFacts> Written = everyField();
  llvm::Expected<std::vector<TUFacts>> Read = readTUFacts(print(Written), "facts.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  ASSERT_EQ(Read->size(), 2u);
  const TUFacts &A = (*Read)[0];
  EXPECT_FALSE(A.Parsed);
  EXPECT_TRUE((*Read)[1].Parsed);
  const Metric &M = A.Partial.Metrics[0];
  EXPECT_EQ(M.Kind, MetricKind::Histogram);
  EXPECT_EQ(M.Style, FieldStyle::ChildPtr);
  EXPECT_THAT(M.Buckets, ::testing::ElementsAre(0.005, 0.1, 2.5, 1e300));
  EXPECT_THAT(M.ConstLabels, ::testing::ElementsAre(std::make_pair("region", "eu"),
                                                    std::make_pair("tier", "gold")));
  EXPECT_EQ(M.ChildArgs, Written[0].Partial.Metrics[0].ChildArgs);
  EXPECT_EQ(A.Partial.Metrics[1].ChildArgs, std::nullopt);
  EXPECT_EQ(A.Partial.Wrappers[0].Params[0].Default, "");
  EXPECT_EQ(A.Partial.Wrappers[0].Params[1].Default, "0.5");
  EXPECT_EQ(A.Partial.Wrappers[0].Includes, Written[0].Partial.Wrappers[0].Includes);
  EXPECT_EQ(A.Partial.Metrics[3].Includes, Written[0].Partial.Metrics[3].Includes);
  EXPECT_TRUE(A.Partial.Metrics[0].Includes.empty());
  EXPECT_EQ(A.Partial.Metrics[2].RuntimeRead, Written[0].Partial.Metrics[2].RuntimeRead);
  EXPECT_EQ(A.Partial.Metrics[2].RuntimeReadAt.Line, 17u);
  const CallSite &C = A.Partial.CallSites[0];
  EXPECT_EQ(C.Loc.Offset, 640u);
  EXPECT_EQ(C.Loc.Column, 3u);
  EXPECT_EQ(C.MacroDefinition.Line, 2u);
  EXPECT_THAT(C.ParamArgs, ::testing::ElementsAre(1u));
  EXPECT_FALSE(A.Partial.CallSites[2].MacroDefinition.valid());
  EXPECT_EQ(A.Partial.InjectionPoints[0].Index, 2u);
  EXPECT_EQ(A.Partial.InjectionPoints[1].Index, 0u); // Fields have none.
  EXPECT_EQ(A.Scan.Expectations[0].ScopeEnd, 900u);
  EXPECT_EQ(A.Scan.UpperSnakeNames, Written[0].Scan.UpperSnakeNames);
  EXPECT_EQ(A.Scan.IncludeSpellings, Written[0].Scan.IncludeSpellings);
  EXPECT_EQ(A.Scan.IncludeRoots, Written[0].Scan.IncludeRoots);
  EXPECT_EQ(A.Partial.CallSites[1].Namespace, "shop::kits");
  EXPECT_EQ(A.Partial.CallSites[1].ReceiverParamUses, 2u);
  EXPECT_EQ(A.Partial.CallSites[1].ReceiverParam.Offset, 33u);
  EXPECT_EQ(A.Partial.CallSites[0].Namespace, "");
  EXPECT_EQ(A.Scan.Expectations[0].Namespace, "");
  EXPECT_EQ(A.Scan.Expectations[1].Namespace, "shop::kits");
  ASSERT_EQ(A.Scan.ConditionalRegions.size(), 1u);
  EXPECT_EQ(A.Scan.ConditionalRegions[0].Condition, "defined(WITH_METRICS)");
  EXPECT_EQ(A.Scan.ConditionalRegions[0].Branch, Written[0].Scan.ConditionalRegions[0].Branch);
  EXPECT_EQ(A.Scan.ConditionalRegions[0].Includes,
            std::vector<std::string>{"metrics/metrics_service.h"});
  EXPECT_EQ(A.Scan.ConditionalRegions[0].DefinedIn, "app/config.h");
  EXPECT_EQ(A.Partial.CallSites[1].Statement.Offset, 30u);
  EXPECT_TRUE(A.Scan.NullGuards[1].InBlock);
  EXPECT_EQ(A.Scan.WallClockReads[0].Clock, "high_resolution_clock");
}

TEST(JSON, ATemplateIsTextAndHoles) {
  BodyTemplate T = tmpl("if (${param:n} > 0) ${metric:a_total#hits_}->Increment(${param:n});");
  EXPECT_EQ(llvm::formatv("{0}", toJSON(T)).str(),
            R"(["if (",{"param":"n"}," > 0) ",{"metric":"a_total#hits_"},"->Increment(",)"
            R"({"param":"n"},");"])");
  BodyTemplate Field = tmpl("${field:hits_}->Increment();");
  for (const BodyTemplate &Written : {T, Field, BodyTemplate()}) {
    BodyTemplate Read;
    llvm::json::Path::Root Root;
    ASSERT_TRUE(fromJSON(toJSON(Written), Read, Root));
    EXPECT_EQ(Read, Written) << notation(Written);
  }
}

TEST(JSON, EveryEnumNameReadsBack) {
  llvm::json::Path::Root Root;
  auto Check = [&](auto... Values) {
    for (auto V : {Values...}) {
      decltype(V) Read{};
      if (V == Read) // Start from another value than the one expected.
        Read = decltype(V)(1);
      EXPECT_TRUE(fromJSON(Value(toString(V)), Read, Root)) << toString(V).str();
      EXPECT_EQ(Read, V) << toString(V).str();
    }
  };
  Check(MetricKind::Counter, MetricKind::Gauge, MetricKind::Histogram, MetricKind::Summary);
  Check(FieldStyle::FamilyRef, FieldStyle::FamilyPtr, FieldStyle::ChildRef,
        FieldStyle::ChildPtr);
  Check(InitStyle::MemberInitializer, InitStyle::ConstructorBody,
        InitStyle::DefaultInitializer);
  Check(BodyKind::SingleExpression, BodyKind::MultiStatement, BodyKind::Other);
  Check(InjectionKind::ConstructorParam, InjectionKind::Field,
        InjectionKind::FunctionParam, InjectionKind::FunctionTypeParam);
  Check(Holder::Reference, Holder::Pointer, Holder::SharedPtr, Holder::UniquePtr,
        Holder::Value);
  Check(DoubleKind::Stub, DoubleKind::Mock);
}

TEST(JSON, RoundTripOfWhatTheMatchersFind) {
  std::string Code = "#include <gmock/gmock.h>\n#include <gtest/gtest.h>\n" +
                     std::string(test::PrometheusIncludes) + test::BasicService +
                     R"cpp(
namespace shop {
class MockMetricsService : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordQuantityChange, (const std::string& operation, int delta), (override));
  MOCK_METHOD(void, RecordKitCreated, (int count), (override));
};
#define RECORD_KIT(m) (m)->RecordKitCreated(1)
class Kits {
 public:
  explicit Kits(MetricsServiceProtocol* m) : m_(m) {}
  void Make(int n) {
    if (m_) m_->RecordQuantityChange("make", n);
    RECORD_KIT(m_);
    auto later = [this] { m_->RecordKitCreated(2); };
    later();
  }
 private:
  MetricsServiceProtocol* m_;
};
TEST(KitsTest, Records) {
  ::testing::StrictMock<MockMetricsService> metrics;
  Kits kits(&metrics);
  EXPECT_CALL(metrics, RecordKitCreated(1)).Times(2);
  kits.Make(3);
}
}  // namespace shop
)cpp";
  TUFacts F = test::factsFor(Code);
  // The snippet gives every kind of fact something to hold.
  EXPECT_TRUE(F.SawService);
  EXPECT_FALSE(F.Partial.Metrics.empty());
  EXPECT_FALSE(F.Partial.Wrappers.empty());
  EXPECT_FALSE(F.Partial.Interfaces.empty());
  EXPECT_FALSE(F.Partial.TestDoubles.empty());
  EXPECT_FALSE(F.Partial.InjectionPoints.empty());
  EXPECT_FALSE(F.Partial.CallSites.empty());
  EXPECT_FALSE(F.Scan.Expectations.empty());
  EXPECT_FALSE(F.Scan.ArgumentSites.empty());
  EXPECT_FALSE(F.Scan.MemberInits.empty());
  EXPECT_FALSE(F.Scan.NullGuards.empty());
  EXPECT_FALSE(F.Scan.ThisCaptures.empty());
  EXPECT_FALSE(F.Scan.Registrations.empty());
  EXPECT_FALSE(F.Scan.ServiceVars.empty());
  std::string Text = print({F});
  EXPECT_EQ(reread(Text), Text);
}

//===--- Malformed facts -------------------------------------------------===//

/// A small valid file to break: one TU with one metric and one call site.
Value smallFacts() {
  TUFacts TU;
  TU.MainFile = "a.cc";
  Metric M;
  M.Name = "m_total";
  TU.Partial.Metrics.push_back(M);
  CallSite C;
  C.Loc = span("a.cc", 1, 0);
  TU.Partial.CallSites.push_back(C);
  return Array{toJSON(TU)};
}

/// smallFacts() after \p Change, printed.
template <typename Fn> std::string broken(Fn Change) {
  Value V = smallFacts();
  Change(*V.getAsArray()->front().getAsObject());
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << V;
  return Text;
}

Object &metric0(Object &TU) {
  return *TU.getObject("partial")->getArray("metrics")->front().getAsObject();
}

Object &call0(Object &TU) {
  return *TU.getObject("partial")->getArray("call_sites")->front().getAsObject();
}

/// The first line of an error (the message; the context follows).
std::string firstLine(const std::string &Error) {
  return Error.substr(0, Error.find('\n'));
}

TEST(JSONErrors, WrongTypeNamesThePathAndShowsTheContext) {
  std::string Error = errorFor(broken([](Object &TU) { TU["main_file"] = 42; }));
  EXPECT_EQ(Error, R"(facts.json: error: expected string at $[0].main_file
{
  "errors": [],
  "main_file": /* error: expected string */ 42,
  "parsed": true,
  "partial": { ... },
  "read_hashes": {},
  "saw_service": false,
  "scan": { ... }
})");
}

TEST(JSONErrors, WrongTypeDeepDown) {
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) {
              metric0(TU)["labels"] = Array{"op", 3};
            }))),
            "facts.json: error: expected string at $[0].partial.metrics[0].labels[1]");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { call0(TU)["arrow"] = "yes"; }))),
            "facts.json: error: expected boolean at $[0].partial.call_sites[0].arrow");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { TU["scan"] = Array{}; }))),
            "facts.json: error: expected object at $[0].scan");
}

TEST(JSONErrors, MissingKey) {
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) {
              TU.getObject("partial")->getObject("service")->erase("loc");
            }))),
            "facts.json: error: missing value at $[0].partial.service.loc");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { call0(TU).erase("offset"); }))),
            "facts.json: error: missing value at $[0].partial.call_sites[0].offset");
}

TEST(JSONErrors, KeysRequiredOnlyInSomeStates) {
  // A call in a macro must say which macro.
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { call0(TU)["in_macro"] = true; }))),
            "facts.json: error: missing value at $[0].partial.call_sites[0].macro");
  // A constructor parameter must have its index; a field need not.
  auto Injection = [](llvm::StringRef Kind) {
    return broken([&](Object &TU) {
      InjectionPoint P;
      P.Kind = InjectionKind::Field;
      Value V = toJSON(P);
      (*V.getAsObject())["kind"] = Kind;
      TU.getObject("partial")->getArray("injection_points")->push_back(std::move(V));
    });
  };
  EXPECT_EQ(errorFor(Injection("field")), "");
  EXPECT_EQ(firstLine(errorFor(Injection("constructor-param"))),
            "facts.json: error: missing value at $[0].partial.injection_points[0].index");
}

TEST(JSONErrors, ATemplatePieceIsTextOrOneHole) {
  auto Template = [](Value Piece) {
    return broken([&](Object &TU) {
      Wrapper W;
      Value V = toJSON(W);
      (*V.getAsObject())["template"] = Array{"x", std::move(Piece)};
      TU.getObject("partial")->getArray("wrappers")->push_back(std::move(V));
    });
  };
  EXPECT_EQ(errorFor(Template(Object{{"param", "n"}})), "");
  const char *Expected = "facts.json: error: expected a string or one of "
                         "{\"param\"|\"field\"|\"metric\"|\"local\": name} at "
                         "$[0].partial.wrappers[0].template[1]";
  EXPECT_EQ(firstLine(errorFor(Template(Object{{"hole", "n"}}))), Expected);
  EXPECT_EQ(firstLine(errorFor(Template(Object{{"param", "n"}, {"metric", "m"}}))), Expected);
  EXPECT_EQ(firstLine(errorFor(Template(3))), Expected);
}

TEST(JSONErrors, BadEnum) {
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { metric0(TU)["kind"] = "meter"; }))),
            "facts.json: error: expected \"counter\", \"gauge\", \"histogram\" or "
            "\"summary\" at $[0].partial.metrics[0].kind");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { metric0(TU)["field_style"] = 1; }))),
            "facts.json: error: expected \"family-ref\", \"family-ptr\", \"child-ref\" or "
            "\"child-ptr\" at $[0].partial.metrics[0].field_style");
  // Names are case-sensitive, as toString() spells them.
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) { metric0(TU)["init_style"] = "Constructor-Body"; }))),
            "facts.json: error: expected \"member-initializer\", \"constructor-body\", "
            "\"default-initializer\" or \"method-body\" at $[0].partial.metrics[0].init_style");
}

TEST(JSONErrors, IntegersOutOfRange) {
  const char *Expected = "facts.json: error: expected an integer from 0 to 4294967295 at "
                         "$[0].partial.call_sites[0].line";
  for (Value Bad : {Value(-1), Value(int64_t(1) << 32), Value(1.5), Value("3"), Value(nullptr)})
    EXPECT_EQ(firstLine(errorFor(broken([&](Object &TU) { call0(TU)["line"] = Bad; }))),
              Expected);
  EXPECT_EQ(errorFor(broken([](Object &TU) { call0(TU)["line"] = 4294967295u; })), "");
  EXPECT_EQ(errorFor(broken([](Object &TU) { call0(TU)["line"] = 7.0; })), "");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) {
              call0(TU)["param_args"] = Array{0, -2};
            }))),
            "facts.json: error: expected an integer from 0 to 4294967295 at "
            "$[0].partial.call_sites[0].param_args[1]");
  EXPECT_EQ(firstLine(errorFor(broken([](Object &TU) {
              call0(TU)["offset"] = 4000000000u;
              call0(TU)["length"] = 300000000u;
            }))),
            "facts.json: error: offset + length must be below 4294967296 at "
            "$[0].partial.call_sites[0].length");
}

TEST(JSONErrors, BucketsMustBeFinite) {
  std::string Text = broken([](Object &TU) { metric0(TU)["buckets"] = Array{1, 2}; });
  EXPECT_EQ(errorFor(Text), "");
  Text.replace(Text.find("[1,2]"), 5, "[1,1e999]");
  EXPECT_EQ(firstLine(errorFor(Text)),
            "facts.json: error: expected a finite number at $[0].partial.metrics[0].buckets[1]");
}

TEST(JSONErrors, NegativeZeroBucketReadsAsZero) {
  // -0.0 prints as `-0`, which reads back as the integer 0: reading it as
  // -0.0 would make the second writing differ from the first.
  std::string Text = broken([](Object &TU) { metric0(TU)["buckets"] = Array{1, 2}; });
  Text.replace(Text.find("[1,2]"), 5, "[-0.0]");
  llvm::Expected<std::vector<TUFacts>> Read = readTUFacts(Text, "facts.json");
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  ASSERT_EQ((*Read)[0].Partial.Metrics[0].Buckets.size(), 1u);
  EXPECT_FALSE(std::signbit((*Read)[0].Partial.Metrics[0].Buckets[0]));
  std::string Once = print(*Read);
  EXPECT_EQ(reread(Once), Once);
}

TEST(JSONErrors, NotAnArrayOfObjects) {
  EXPECT_EQ(errorFor("{}"), "facts.json: error: expected an array of translation units at $");
  EXPECT_EQ(errorFor("[{\"main_file\": \"a.cc\"}, 3]"),
            "facts.json: error: missing value at $[0].parsed\n/* error: missing value */\n"
            "{\n  \"main_file\": \"a.cc\"\n}");
  EXPECT_EQ(errorFor("[3]"), "facts.json: error: expected object at $[0]");
  llvm::Expected<std::vector<TUFacts>> Empty = readTUFacts("[]", "facts.json");
  ASSERT_TRUE(bool(Empty));
  EXPECT_TRUE(Empty->empty());
}

TEST(JSONErrors, NotJSON) {
  EXPECT_EQ(errorFor("[{\"main_file\": }]"),
            "facts.json: error: [1:16, byte=16]: Invalid JSON value");
  EXPECT_EQ(errorFor(""), "facts.json: error: [1:0, byte=0]: Unexpected EOF");
}

TEST(JSONErrors, DeepNestingIsRefusedBeforeParsing) {
  // The parser recurses once per level: a few hundred thousand levels would
  // overflow the stack.
  std::string Deep(400000, '[');
  EXPECT_EQ(errorFor(Deep),
            "facts.json: error: [byte=64]: arrays and objects nested deeper than 64");
  // Brackets inside strings do not count, escaped quotes do not end them.
  std::string InString = "[\"\\\"" + std::string(100, '[') + "\"]";
  EXPECT_EQ(firstLine(errorFor(InString)), "facts.json: error: expected object at $[0]");
}

} // namespace
} // namespace mm
