//===--- MergeTest.cpp - Facts of many TUs -> one Catalog -----------------===//

#include "core/JSON.h"
#include "core/Merge.h"
#include "tests/unit/TemplateNotation.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Config config() {
  Config Cfg;
  Cfg.ServiceClass = "shop::MetricsService";
  Cfg.Path = "/p/.metrics-migrate.yaml";
  Cfg.ServiceClassLine = 3;
  return Cfg;
}

SourceSpan at(std::string File, unsigned Offset, unsigned Length = 4) {
  SourceSpan S;
  S.File = std::move(File);
  S.Offset = Offset;
  S.Length = Length;
  S.Line = 1 + Offset / 10;
  S.Column = 1;
  return S;
}

/// What a TU that only includes the header sees.
TUFacts headerView() {
  TUFacts F;
  F.SawService = true;
  F.Partial.TheService.Name = "shop::MetricsService";
  F.Partial.TheService.Header = "metrics/metrics_service.h";
  Metric M;
  M.Field = "kits_created_total_";
  M.FieldDecl = at("metrics/metrics_service.h", 100);
  F.Partial.Metrics.push_back(M);
  Wrapper W;
  W.Name = "RecordKitCreated";
  W.Signature = "RecordKitCreated(int)";
  W.Params = {{"count", "int", "1"}};
  F.Partial.Wrappers.push_back(W);
  Wrapper Poll;
  Poll.Name = "PollOnce";
  Poll.Signature = "PollOnce()";
  F.Partial.Wrappers.push_back(Poll);
  InjectionPoint IP;
  IP.Kind = InjectionKind::Field;
  IP.Loc = at("services/kit_service.h", 40);
  F.Partial.InjectionPoints.push_back(IP);
  return F;
}

/// What metrics_service.cpp sees: the same header plus the bodies.
TUFacts sourceView() {
  TUFacts F = headerView();
  F.Partial.TheService.Source = "metrics/metrics_service.cpp";
  Metric &M = F.Partial.Metrics[0];
  M.Name = "kits_created_total";
  M.Help = "Kits created";
  M.Init = InitStyle::ConstructorBody;
  Wrapper &W = F.Partial.Wrappers[0];
  W.Params = {{"n", "int", ""}};
  W.Definition = at("metrics/metrics_service.cpp", 500);
  W.Metrics = {"kits_created_total_"};
  W.Template = tmpl("${field:kits_created_total_}->Increment(${param:n});");
  W.Recordings = {{"kits_created_total_", tmpl("${field:kits_created_total_}"), "Increment",
                   tmpl("${param:n}")}};
  W.Guards = {{tmpl("${field:kits_created_total_}"), "==", tmpl("${param:n}")}};
  F.Partial.Wrappers[1].Definition = at("metrics/metrics_service.cpp", 600);
  return F;
}

CallSite call(std::string File, unsigned Offset, std::string Signature) {
  CallSite C;
  C.Loc = at(std::move(File), Offset);
  C.Signature = std::move(Signature);
  C.Wrapper = C.Signature.substr(0, C.Signature.find('('));
  return C;
}

TEST(Merge, JoinsHeaderAndSourceViews) {
  auto C = buildCatalog({headerView(), sourceView(), headerView()}, config());
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->TheService.Source, "metrics/metrics_service.cpp");
  ASSERT_EQ(C->Metrics.size(), 1u);
  EXPECT_EQ(C->Metrics[0].Name, "kits_created_total");
  EXPECT_EQ(C->Metrics[0].Init, InitStyle::ConstructorBody);
  ASSERT_EQ(C->Wrappers.size(), 1u);
  const Wrapper &W = C->Wrappers[0];
  EXPECT_THAT(W.Metrics, ElementsAre("kits_created_total"));
  EXPECT_EQ(notation(W.Template), "${metric:kits_created_total}->Increment(${param:n});");
  // What it records names metrics too, wherever it held a field.
  ASSERT_EQ(W.Recordings.size(), 1u);
  EXPECT_EQ(W.Recordings[0].Metric, "kits_created_total");
  EXPECT_EQ(notation(*W.Recordings[0].Labels), "${metric:kits_created_total}");
  EXPECT_EQ(notation(W.Recordings[0].Value), "${param:n}");
  ASSERT_EQ(W.Guards.size(), 1u);
  EXPECT_EQ(notation(W.Guards[0].Left), "${metric:kits_created_total}");
  // The definition's parameter name, the declaration's default.
  EXPECT_EQ(W.Params[0].Name, "n");
  EXPECT_EQ(W.Params[0].Default, "1");
  // A method with a body but no metric stays in the service.
  EXPECT_THAT(C->TheService.KeptMethods, ElementsAre("PollOnce"));
}

TEST(Merge, WhoBuiltANamelessMetricIsWhatTheConstructorsTUSaw) {
  TUFacts Source = sourceView();
  Source.Partial.Metrics[0].Name = "";
  Source.Partial.Metrics[0].BuiltBy = "makeCounterFamily";
  for (const std::vector<TUFacts> &TUs :
       {std::vector<TUFacts>{headerView(), Source}, std::vector<TUFacts>{Source, headerView()}}) {
    auto C = buildCatalog(TUs, config());
    ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
    ASSERT_EQ(C->Metrics.size(), 1u);
    EXPECT_EQ(C->Metrics[0].BuiltBy, "makeCounterFamily");
    ASSERT_EQ(C->Wrappers.size(), 1u);
    EXPECT_THAT(C->Wrappers[0].Metrics, ElementsAre("kits_created_total_"));
  }
}

/// A TU seeing family `fam_` (set up at offset 300) and children taken
/// from it, one per name in \p Children.
TUFacts familyView(std::vector<std::string> Children) {
  TUFacts F;
  F.SawService = true;
  F.Partial.TheService.Name = "shop::MetricsService";
  Metric Family;
  Family.Name = "fam_total";
  Family.Field = "fam_";
  Family.FieldDecl = at("metrics/metrics_service.h", 200);
  Family.InitSite = at("metrics/metrics_service.cpp", 300);
  Family.Init = InitStyle::MethodBody;
  F.Partial.Metrics.push_back(Family);
  for (const std::string &Child : Children) {
    Metric M = Family;
    M.Field = Child;
    M.ChildArgs = "{}";
    M.FieldDecl = at("metrics/metrics_service.h", 200 + 20 * F.Partial.Metrics.size());
    M.Family = TakenFrom{"fam_", {}, {}, InitStyle::MemberInitializer};
    F.Partial.Metrics.push_back(M);
  }
  return F;
}

TEST(Merge, AFamilyTakenByOneChildIsFoldedIntoIt) {
  auto C = buildCatalog({familyView({"child_"})}, config());
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  ASSERT_EQ(C->Metrics.size(), 1u);
  const Metric &Child = C->Metrics.front();
  EXPECT_EQ(Child.Field, "child_");
  ASSERT_TRUE(Child.Family.has_value());
  EXPECT_EQ(Child.Family->FieldDecl, at("metrics/metrics_service.h", 200));
  EXPECT_EQ(Child.Family->InitSite, at("metrics/metrics_service.cpp", 300));
  EXPECT_EQ(Child.Family->Init, InitStyle::MethodBody);
}

TEST(Merge, TwoChildrenOfAFamilyJoinIt) {
  // Each child is one of the family's, recorded through a hole of its own.
  TUFacts View = familyView({"a_", "b_"});
  View.Partial.Metrics[2].Style = FieldStyle::ChildPtr;
  View.Partial.Metrics[2].ChildArgs = R"({{"result", "failed"}})";
  Wrapper W;
  W.Name = "RecordFailed";
  W.Signature = "RecordFailed()";
  W.Metrics = {"b_"};
  W.Template = tmpl("${field:b_}->Increment();");
  W.Definition = at("metrics/metrics_service.cpp", 500);
  View.Partial.Wrappers.push_back(W);
  auto Two = buildCatalog({View}, config());
  ASSERT_TRUE(static_cast<bool>(Two)) << llvm::toString(Two.takeError());
  ASSERT_EQ(Two->Metrics.size(), 1u);
  const Metric &Family = Two->Metrics.front();
  EXPECT_EQ(Family.Field, "fam_");
  ASSERT_EQ(Family.Children.size(), 2u);
  EXPECT_EQ(Family.Children[0].Field, "a_");
  EXPECT_EQ(Family.Children[0].Args, "{}");
  EXPECT_FALSE(Family.Children[0].Pointer);
  EXPECT_EQ(Family.Children[1].Field, "b_");
  EXPECT_EQ(Family.Children[1].Args, R"({{"result", "failed"}})");
  EXPECT_TRUE(Family.Children[1].Pointer);
  EXPECT_EQ(Family.Children[1].FieldDecl, at("metrics/metrics_service.h", 240));
  EXPECT_EQ(Family.Children[1].InitSite, at("metrics/metrics_service.cpp", 300));
  ASSERT_EQ(Two->Wrappers.size(), 1u);
  EXPECT_THAT(Two->Wrappers[0].Metrics, ElementsAre("fam_total"));
  EXPECT_EQ(notation(Two->Wrappers[0].Template), "${metric:fam_total#b_}->Increment();");
  // The facts' JSON carries them.
  Catalog Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(toJSON(Family), Back.Metrics.emplace_back(), Root));
  EXPECT_EQ(Back.Metrics.back().Children.size(), 2u);
  EXPECT_EQ(Back.Metrics.back().Children[1].Args, R"({{"result", "failed"}})");
}

TEST(Merge, AFamilyRegisteredAgainIsOneMetricInEveryTU) {
  // The TU seeing the set-up method knows `again_` is `fam_` registered
  // again; a TU seeing only the class recorded `again_` without a name.
  TUFacts Source = familyView({"a_", "b_"});
  Source.Partial.Metrics[0].SetAgain = {{"again_", at("metrics/metrics_service.h", 300),
                                         at("metrics/metrics_service.cpp", 400),
                                         InitStyle::MethodBody}};
  Source.Partial.Metrics[2].SetAgain = {{"b_", {}, at("metrics/metrics_service.cpp", 500),
                                         InitStyle::MethodBody}};
  TUFacts Header;
  Header.SawService = true;
  Header.Partial.TheService.Name = "shop::MetricsService";
  Metric Nameless;
  Nameless.Field = "again_";
  Nameless.FieldDecl = at("metrics/metrics_service.h", 300);
  Header.Partial.Metrics.push_back(Nameless);
  Wrapper W;
  W.Name = "RecordAgain";
  W.Signature = "RecordAgain()";
  W.Metrics = {"again_"};
  W.Template = tmpl("${field:again_}->Add({}).Increment();");
  W.Definition = at("metrics/metrics_service.cpp", 600);
  Source.Partial.Wrappers.push_back(W);

  auto C = buildCatalog({Header, Source}, config());
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  ASSERT_EQ(C->Metrics.size(), 1u);
  const Metric &Family = C->Metrics.front();
  EXPECT_EQ(Family.Field, "fam_");
  // Its own place set again, and the grouped child's.
  ASSERT_EQ(Family.SetAgain.size(), 2u);
  EXPECT_EQ(Family.SetAgain[0].Field, "again_");
  EXPECT_EQ(Family.SetAgain[1].Field, "b_");
  ASSERT_EQ(C->Wrappers.size(), 1u);
  EXPECT_THAT(C->Wrappers[0].Metrics, ElementsAre("fam_total"));
  EXPECT_EQ(notation(C->Wrappers[0].Template), "${metric:fam_total}->Add({}).Increment();");
}

TEST(Merge, AFamilyRecordedItselfTakesItsChildrenAlong) {
  // A method records through the family (`fam_->Add({..})`) besides the
  // children taken from it: one metric, its family constant and one per
  // child.
  Wrapper W;
  W.Name = "Record";
  W.Signature = "Record(const std::string &)";
  W.Metrics = {"fam_"};
  W.Template = tmpl("${field:fam_}->Add({{\"table\", ${param:table}}}).Increment();");
  W.Definition = at("metrics/metrics_service.cpp", 500);
  TUFacts Recorded = familyView({"child_"});
  Recorded.Partial.Wrappers.push_back(W);
  auto One = buildCatalog({Recorded}, config());
  ASSERT_TRUE(static_cast<bool>(One)) << llvm::toString(One.takeError());
  ASSERT_EQ(One->Metrics.size(), 1u);
  EXPECT_EQ(One->Metrics[0].Field, "fam_");
  ASSERT_EQ(One->Metrics[0].Children.size(), 1u);
  EXPECT_EQ(One->Metrics[0].Children[0].Field, "child_");
  ASSERT_EQ(One->Wrappers.size(), 1u);
  EXPECT_EQ(notation(One->Wrappers[0].Template),
            "${metric:fam_total}->Add({{\"table\", ${param:table}}}).Increment();");

  TUFacts Two = familyView({"a_", "b_"});
  Two.Partial.Wrappers.push_back(W);
  auto Both = buildCatalog({Two}, config());
  ASSERT_TRUE(static_cast<bool>(Both)) << llvm::toString(Both.takeError());
  ASSERT_EQ(Both->Metrics.size(), 1u);
  EXPECT_EQ(Both->Metrics[0].Children.size(), 2u);

  // A family whose name is unknown keeps its children apart.
  TUFacts Nameless = familyView({"a_"});
  Nameless.Partial.Metrics[0].Name.clear();
  Nameless.Partial.Wrappers.push_back(W);
  auto Apart = buildCatalog({Nameless}, config());
  ASSERT_TRUE(static_cast<bool>(Apart)) << llvm::toString(Apart.takeError());
  EXPECT_EQ(Apart->Metrics.size(), 2u);
  for (const Metric &M : Apart->Metrics)
    EXPECT_TRUE(M.Children.empty()) << M.Field;
}

TEST(Merge, SameLocationFromManyTUsIsListedOnce) {
  TUFacts A = sourceView(), B = headerView();
  A.Partial.CallSites.push_back(call("services/task_service.h", 70, "RecordKitCreated(int)"));
  B.Partial.CallSites.push_back(call("services/task_service.h", 70, "RecordKitCreated(int)"));
  B.Partial.CallSites.push_back(call("services/kit_service.cpp", 10, "RecordKitCreated(int)"));
  auto C = buildCatalog({A, B}, config());
  ASSERT_TRUE(static_cast<bool>(C));
  ASSERT_EQ(C->CallSites.size(), 2u);
  EXPECT_EQ(C->CallSites[0].Loc.File, "services/kit_service.cpp");
  EXPECT_EQ(C->CallSites[1].Loc.File, "services/task_service.h");
  EXPECT_EQ(C->InjectionPoints.size(), 1u);
}

TEST(Merge, TestCodeIsWhatOnlyTUsIncludingATestFrameworkRead) {
  // A test TU in check/ (no "test" in any name) and a production TU share a
  // header; a helper header is read by the test TU only.
  TUFacts Test = headerView(), Prod = sourceView();
  Test.TestTU = true;
  Test.Scan.Files = {"check/ingest_check.cpp", "check/helpers.h", "src/shared.h"};
  Prod.Scan.Files = {"src/shared.h", "src/ingest.cpp"};
  for (const char *File : {"check/ingest_check.cpp", "check/helpers.h", "src/shared.h"})
    Test.Partial.CallSites.push_back(call(File, 10, "RecordKitCreated(int)"));
  Prod.Partial.CallSites.push_back(call("src/ingest.cpp", 10, "RecordKitCreated(int)"));
  Prod.Partial.CallSites.push_back(call("src/shared.h", 10, "RecordKitCreated(int)"));
  auto C = buildCatalog({Test, Prod}, config());
  ASSERT_TRUE(static_cast<bool>(C));
  std::map<std::string, bool> InTest;
  for (const CallSite &CS : C->CallSites)
    InTest[CS.Loc.File] = CS.InTest;
  EXPECT_EQ(InTest, (std::map<std::string, bool>{{"check/helpers.h", true},
                                                 {"check/ingest_check.cpp", true},
                                                 {"src/ingest.cpp", false},
                                                 {"src/shared.h", false}}));

  // No change: a file in tests/ that no test TU reads is production code.
  TUFacts Plain = sourceView();
  Plain.Scan.Files = {"tests/tool.cpp"};
  Plain.Partial.CallSites.push_back(call("tests/tool.cpp", 10, "RecordKitCreated(int)"));
  auto P = buildCatalog({Plain}, config());
  ASSERT_TRUE(static_cast<bool>(P));
  ASSERT_EQ(P->CallSites.size(), 1u);
  EXPECT_FALSE(P->CallSites[0].InTest);
}

TEST(Merge, ATestsOwnChainsAreNoRegistrationsOfTheProject) {
  // `BuildCounter().Name("kits_total")...Register(r)` in a test file, beside
  // the same name registered in production code: only the latter counts.
  TUFacts Test = headerView(), Prod = sourceView();
  Test.TestTU = true;
  Test.Scan.Files = {"check/kits_check.cpp", "src/kits.h"};
  Prod.Scan.Files = {"src/kits.h", "src/kits.cpp"};
  Registration InTest, InProd;
  InTest.Name = InProd.Name = "kits_total";
  InTest.Loc = {"check/kits_check.cpp", 12, 5, 300, 6};
  InProd.Loc = {"src/kits.cpp", 8, 5, 200, 6};
  Test.Scan.Registrations = {InTest};
  Prod.Scan.Registrations = {InProd};
  Facts F = mergeScan({Test, Prod});
  ASSERT_EQ(F.Registrations.size(), 1u);
  EXPECT_EQ(F.Registrations[0].Loc.File, "src/kits.cpp");
  // Without a test framework, both are the project's.
  Test.TestTU = false;
  EXPECT_EQ(mergeScan({Test, Prod}).Registrations.size(), 2u);
}

TEST(Merge, TestFrameworkHeaders) {
  EXPECT_TRUE(isTestFrameworkHeader("/usr/include/gtest/gtest.h"));
  EXPECT_TRUE(isTestFrameworkHeader("/opt/gmock/include/gmock/gmock.h"));
  EXPECT_TRUE(isTestFrameworkHeader("/usr/include/catch2/catch_test_macros.hpp"));
  EXPECT_TRUE(isTestFrameworkHeader("doctest/doctest.h"));
  EXPECT_FALSE(isTestFrameworkHeader("/usr/include/gtest/gtest-message.h"));
  EXPECT_FALSE(isTestFrameworkHeader("/project/src/mygtest/gtest.hpp"));
  EXPECT_FALSE(isTestFrameworkHeader("tests/helpers.h"));
}

TEST(FileKinds, OneTableOfExtensions) {
  for (const char *Header : {"a/x.h", "x.hpp", "x.hh", "x.hxx", "x.h++", "X.H"}) {
    EXPECT_TRUE(isHeaderFile(Header)) << Header;
    EXPECT_TRUE(isCxxFile(Header)) << Header;
  }
  for (const char *Source : {"x.cpp", "x.cc", "x.cxx", "x.c++", "x.C", "x.c", "x.inc", "x.ixx"}) {
    EXPECT_FALSE(isHeaderFile(Source)) << Source;
    EXPECT_TRUE(isCxxFile(Source)) << Source;
  }
  for (const char *Other : {"CMakeLists.txt", "x.hpp.in", "x.py", "h", "x.json"})
    EXPECT_FALSE(isCxxFile(Other)) << Other;
}

TEST(FileKinds, GmockWildcards) {
  for (const char *Any : {"_", " ::testing::_", "testing::_ "})
    EXPECT_TRUE(isGmockWildcard(Any)) << Any;
  for (const char *Value : {"\"_\"", "Eq(1)", "testing::Eq(_)", "__", "x_"})
    EXPECT_FALSE(isGmockWildcard(Value)) << Value;
}

TEST(Merge, CallsToMethodsThatAreNotWrappersAreDropped) {
  TUFacts A = sourceView();
  A.Partial.CallSites.push_back(call("services/container.cpp", 10, "PollOnce()"));
  auto C = buildCatalog({A}, config());
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_THAT(C->CallSites, IsEmpty());
}

TEST(Merge, FailedTUsContributeNothing) {
  TUFacts Bad = sourceView();
  Bad.Parsed = false;
  Bad.Partial.CallSites.push_back(call("services/kit_service.cpp", 10, "RecordKitCreated(int)"));
  auto C = buildCatalog({headerView(), Bad}, config());
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_THAT(C->CallSites, IsEmpty());
  EXPECT_THAT(C->Wrappers, IsEmpty());
}

TEST(Merge, NoServiceAnywhereNamesTheConfigLine) {
  TUFacts Empty;
  auto C = buildCatalog({Empty}, config());
  ASSERT_FALSE(static_cast<bool>(C));
  EXPECT_THAT(llvm::toString(C.takeError()),
              ::testing::StartsWith("/p/.metrics-migrate.yaml:3: error: service class "
                                    "'shop::MetricsService' is not defined"));
}

TEST(Merge, ConstantSitesFromEveryTUThatSawTheService) {
  TUFacts Header = headerView(), Source = sourceView();
  LocalConstantSite L;
  L.Name = "kLatency";
  L.Decl = at("metrics/metrics_service.cpp", 200, 60);
  L.Namespace = at("metrics/metrics_service.cpp", 180, 100);
  LocalConstantSite Scale;
  Scale.Name = "kScale";
  Scale.Decl = at("metrics/metrics_service.cpp", 20, 25);
  Source.Partial.TheService.LocalConstants = {L, Scale};
  TUFacts Again = Source;
  auto C = buildCatalog({Header, Source, Again}, config());
  ASSERT_TRUE(static_cast<bool>(C));
  const std::vector<LocalConstantSite> &Sites = C->TheService.LocalConstants;
  ASSERT_EQ(Sites.size(), 2u);
  EXPECT_EQ(Sites[0].Name, "kScale");
  EXPECT_FALSE(Sites[0].Namespace.valid());
  EXPECT_EQ(Sites[1].Name, "kLatency");
  EXPECT_EQ(Sites[1].Namespace, at("metrics/metrics_service.cpp", 180, 100));

  auto Alone = buildCatalog({Header}, config());
  ASSERT_TRUE(static_cast<bool>(Alone));
  EXPECT_THAT(Alone->TheService.LocalConstants, IsEmpty());
}

TEST(Merge, ThisCapturesOnceWithWhatEveryTUSaw) {
  ThisCapture T;
  T.Capture = at("services/pick_service.h", 50, 4);
  T.Removal = at("services/pick_service.h", 48, 6);
  T.Owner = "shop::PickService";
  T.Fields = {"shop::PickService::metrics_"};
  TUFacts A, B, Failed;
  A.Scan.ThisCaptures = {T};
  ThisCapture Seen = T; // an instantiation only this TU has
  Seen.Methods = {"shop::PickService::Helper"};
  Seen.Fields = {"shop::PickService::count_", "shop::PickService::metrics_"};
  B.Scan.ThisCaptures = {Seen};
  ThisCapture Other = T;
  Other.Capture = at("services/other.cpp", 10, 4);
  Other.OtherUse = true;
  Failed.Parsed = false;
  Failed.Scan.ThisCaptures = {Other};
  B.Scan.ThisCaptures.push_back(Other);
  B.Scan.ThisCaptures.back().Capture = at("services/a.cpp", 10, 4);

  Facts F = mergeScan({A, B, Failed});
  ASSERT_EQ(F.ThisCaptures.size(), 2u);
  EXPECT_EQ(F.ThisCaptures[0].Capture, at("services/a.cpp", 10, 4));
  EXPECT_TRUE(F.ThisCaptures[0].OtherUse);
  const ThisCapture &M = F.ThisCaptures[1];
  EXPECT_EQ(M.Capture, at("services/pick_service.h", 50, 4));
  EXPECT_EQ(M.Removal, at("services/pick_service.h", 48, 6));
  EXPECT_THAT(M.Fields, ElementsAre("shop::PickService::count_", "shop::PickService::metrics_"));
  EXPECT_THAT(M.Methods, ElementsAre("shop::PickService::Helper"));
  EXPECT_FALSE(M.OtherUse);
}

} // namespace
} // namespace mm
