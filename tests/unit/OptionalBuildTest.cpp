//===--- OptionalBuildTest.cpp - A service compiled in one configuration --===//
//
// planner/OptionalBuild on plain data (the condition, the flags that build
// the other configuration, the units put under it, the calls that cannot
// be), and rewrite() putting recordings and definitions under it.
//
//===----------------------------------------------------------------------===//

#include "planner/OptionalBuild.h"
#include "tests/unit/RewriteHarness.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using test::rewritten;
using test::spanOf;

const char *const ReportSource = R"cpp(#include "services/report.h"

void Report(shop::Metrics* metrics, int rows) {
  if (rows == 0) return;
  const int seen = rows;
  if (metrics) metrics->RecordRows(seen);
  Flush(); metrics->RecordRows(1);  // one flush
  if (rows > 9)
    metrics->RecordRows(9);
}
)cpp";

/// RecordRows, inlined, records rows_total, owned by services/report; the
/// service's header is included under `#ifdef WITH_METRICS` in main.cpp.
struct OptionalCase {
  test::FileTexts Files = {
      {"services/report.cpp", ReportSource},
      {"services/report.h", "void Report(shop::Metrics* metrics, int rows);\n"},
      {"main.cpp", "#ifdef WITH_METRICS\n#include \"metrics/metrics.h\"\n#endif\nint main() {}\n"},
      {"metrics/metrics.h", "struct Metrics {\n  void RecordRows(int rows);\n};\n"}};
  Catalog C;
  Facts F;
  Config Cfg;

  CallSite call(const std::string &Text, const std::string &Arg) {
    CallSite CS;
    CS.Args = {Arg};
    CS.Loc = spanOf(Files, "services/report.cpp", Text);
    CS.Wrapper = "RecordRows";
    CS.Signature = "RecordRows(int)";
    CS.Receiver = "metrics";
    CS.Arrow = true;
    CS.Module = "services/report";
    return CS;
  }

  OptionalCase() {
    C.TheService.Name = "shop::Metrics";
    C.TheService.Header = "metrics/metrics.h";
    C.TheService.Loc = spanOf(Files, "metrics/metrics.h", "struct Metrics");
    ConditionalRegion R;
    R.Branch = spanOf(Files, "main.cpp", "#ifdef WITH_METRICS\n#include \"metrics/metrics.h\"\n");
    R.Condition = "defined(WITH_METRICS)";
    R.Includes = {"metrics/metrics.h"};
    F.ConditionalRegions = {R};
    CallSite Guarded = call("metrics->RecordRows(seen)", "seen");
    CallSite::ArgumentLocal Seen;
    Seen.Decl = spanOf(Files, "services/report.cpp", "const int seen");
    Seen.Decl.Length = 0;
    Seen.Reads = {spanOf(Files, "services/report.cpp", "seen);")};
    Seen.Reads[0].Length = 4;
    Guarded.ArgumentLocals = {Seen};
    CallSite Shared = call("metrics->RecordRows(1)", "1");
    Shared.Statement = spanOf(Files, "services/report.cpp", "metrics->RecordRows(1);");
    CallSite Unbraced = call("metrics->RecordRows(9)", "9");
    C.CallSites = {Guarded, Shared, Unbraced};
    NullGuard G;
    G.If = spanOf(Files, "services/report.cpp", "if (metrics) metrics->RecordRows(seen);");
    G.Body = spanOf(Files, "services/report.cpp", "metrics->RecordRows(seen);");
    G.Field = "metrics";
    G.Owner = "Report";
    G.OnlyRecords = true;
    G.InBlock = true;
    F.NullGuards = {G};
  }
};

TEST(OptionalBuild, OneConditionAndTheFlagsOfTheOtherConfiguration) {
  OptionalCase K;
  std::optional<OptionalBuild> O = optionalBuild(K.C, K.F, K.Cfg);
  ASSERT_TRUE(O);
  EXPECT_EQ(O->Condition, "defined(WITH_METRICS)");
  EXPECT_EQ(O->Open, "#ifdef WITH_METRICS");
  EXPECT_EQ(O->WithoutFlags, std::vector<std::string>{"-UWITH_METRICS"});
  EXPECT_EQ(O->DefinedIn, "");

  // A project header defines the macro: -U cannot build the other
  // configuration; the configured flags can.
  K.F.ConditionalRegions[0].DefinedIn = "config.h";
  EXPECT_FALSE(optionalBuild(K.C, K.F, K.Cfg));
  K.Cfg.WithoutServiceFlags = {"-DNO_METRICS"};
  O = optionalBuild(K.C, K.F, K.Cfg);
  ASSERT_TRUE(O);
  EXPECT_EQ(O->DefinedIn, "config.h");
  EXPECT_EQ(O->WithoutFlags, std::vector<std::string>{"-DNO_METRICS"});

  // Two conditions: nothing to write under.
  ConditionalRegion Other = K.F.ConditionalRegions[0];
  Other.Condition = "defined(HAVE_PROM)";
  Other.Branch.Offset += 1;
  K.F.ConditionalRegions.push_back(Other);
  EXPECT_FALSE(optionalBuild(K.C, K.F, K.Cfg));
}

TEST(OptionalBuild, NoConditionNoOptionalBuild) {
  OptionalCase K;
  K.F.ConditionalRegions.clear();
  EXPECT_FALSE(optionalBuild(K.C, K.F, K.Cfg));
}

TEST(OptionalBuild, TheUnitsPutUnderItAndTheCallsThatCannotBe) {
  OptionalCase K;
  OptionalBuild O = *optionalBuild(K.C, K.F, K.Cfg);
  auto All = [](const CallSite &) { return true; };
  std::vector<OptionalBuild::Unit> Units = conditionalStatements(K.C, K.F, O, All);
  ASSERT_EQ(Units.size(), 2u);
  EXPECT_EQ(Units[0].Span, K.F.NullGuards[0].If);        // the whole null check
  EXPECT_EQ(Units[1].Span, K.C.CallSites[1].Statement); // a statement of its own
  EXPECT_FALSE(Units[0].Braces || Units[1].Braces);
  EXPECT_FALSE(optionalProblem(K.C.CallSites[0], K.F, O));
  EXPECT_FALSE(optionalProblem(K.C.CallSites[1], K.F, O));
  std::optional<ManualItem> Problem = optionalProblem(K.C.CallSites[2], K.F, O);
  ASSERT_TRUE(Problem);
  EXPECT_EQ(Problem->Line, 9u);
  EXPECT_EQ(Problem->Cause, LeftBecause::CompileTimeOptional);
  EXPECT_EQ(Problem->Why, "the service is compiled only when `defined(WITH_METRICS)` holds, and "
                          "this call cannot be put under that condition: it is not a statement "
                          "of its own (it is part of an expression)");
  // The unbraced body of an `if` is one, in braces.
  K.C.CallSites[2].Statement = spanOf(K.Files, "services/report.cpp", "metrics->RecordRows(9);");
  K.C.CallSites[2].StatementNeedsBraces = true;
  EXPECT_FALSE(optionalProblem(K.C.CallSites[2], K.F, O));
  Units = conditionalStatements(K.C, K.F, O, All);
  ASSERT_EQ(Units.size(), 3u);
  EXPECT_TRUE(Units[2].Braces);

  // Under a `case` label: braces, or the label could be left with nothing.
  K.F.NullGuards[0].UnderLabel = true;
  EXPECT_TRUE(conditionalStatements(K.C, K.F, O, All)[0].Braces);
  // A guard that records more, or stands as an unbraced branch, is no unit.
  K.F.NullGuards[0].InBlock = false;
  EXPECT_TRUE(optionalProblem(K.C.CallSites[0], K.F, O));
  // Already under the condition: nothing to do, nothing to say.
  ConditionalRegion Around;
  Around.Branch = spanOf(K.Files, "services/report.cpp", "if (rows > 9)\n    metrics->RecordRows(9);");
  Around.Condition = "defined( WITH_METRICS )";
  K.F.ConditionalRegions.push_back(Around);
  EXPECT_FALSE(optionalProblem(K.C.CallSites[2], K.F, O));
  Units = conditionalStatements(K.C, K.F, O, All);
  EXPECT_EQ(Units.size(), 1u); // the statement of its own
  // Only the calls of wrappers that leave.
  EXPECT_TRUE(conditionalStatements(K.C, K.F, O, [](const CallSite &) { return false; }).empty());
}

TEST(OptionalBuild, RecordingsAndDefinitionsGoUnderTheCondition) {
  OptionalCase K;
  Wrapper W;
  W.Name = "RecordRows";
  W.Signature = "RecordRows(int)";
  W.ReturnType = "void";
  W.Params = {{"rows", "int", ""}};
  W.Metrics = {"rows_total"};
  W.Decl = spanOf(K.Files, "metrics/metrics.h", "void RecordRows(int rows);");
  W.Body = BodyKind::SingleExpression;
  W.Template = tmpl("${metric:rows_total}.Increment(${param:rows})");
  K.C.Wrappers = {W};
  K.C.CallSites[2].Statement = spanOf(K.Files, "services/report.cpp", "metrics->RecordRows(9);");
  K.C.CallSites[2].StatementNeedsBraces = true;
  Metric M;
  M.Name = "rows_total";
  M.Field = "rows_total_";
  K.C.Metrics = {M};
  Plan P;
  MetricPlan MP;
  MP.Name = "rows_total";
  MP.Fate = MetricFate::Moved;
  MP.Constant = "ROWS_TOTAL";
  MP.Owner = "services/report";
  MP.OwnerSource = "services/report.cpp";
  MP.OwnerHeader = "services/report.h";
  MP.Definition = "prometheus::Counter& ROWS_TOTAL = Make();";
  MP.Declaration = "extern prometheus::Counter& ROWS_TOTAL;";
  P.Metrics = {MP};
  WrapperPlan WP;
  WP.Name = W.Name;
  WP.Signature = W.Signature;
  WP.Fate = WrapperFate::Inline;
  P.Wrappers = {WP};

  // Without an optional build: no directive.
  auto Plain = rewritten(K.C, K.F, P, K.Files);
  EXPECT_EQ(llvm::StringRef(Plain["services/report.cpp"]).count("#"), 1u);

  P.Optional = optionalBuild(K.C, K.F, K.Cfg);
  P.Optional->Statements = conditionalStatements(K.C, K.F, *P.Optional,
                                                 [](const CallSite &) { return true; });
  auto Out = rewritten(K.C, K.F, P, K.Files);
  EXPECT_EQ(Out["services/report.cpp"], R"cpp(#include "services/report.h"

#ifdef WITH_METRICS
prometheus::Counter& ROWS_TOTAL = Make();
#endif

void Report(shop::Metrics* metrics, int rows) {
  if (rows == 0) return;
  [[maybe_unused]] const int seen = rows;
#ifdef WITH_METRICS
  ROWS_TOTAL.Increment(seen);
#endif
  Flush(); 
#ifdef WITH_METRICS
  ROWS_TOTAL.Increment(1);  // one flush
#endif
  if (rows > 9) {
#ifdef WITH_METRICS
    ROWS_TOTAL.Increment(9);
#endif
  }
}
)cpp");
  EXPECT_EQ(Out["services/report.h"], R"cpp(
#ifdef WITH_METRICS
extern prometheus::Counter& ROWS_TOTAL;
#endif
void Report(shop::Metrics* metrics, int rows);
)cpp");

  // Read again inside what goes under the condition (a test around the
  // recording, here the null check's): still unused without it.
  std::vector<SourceSpan> &Reads = K.C.CallSites[0].ArgumentLocals[0].Reads;
  SourceSpan InCheck = spanOf(K.Files, "services/report.cpp", "metrics) metrics->RecordRows(seen)");
  InCheck.Length = 7;
  Reads.push_back(InCheck);
  EXPECT_NE(rewritten(K.C, K.F, P, K.Files)["services/report.cpp"].find(
                "[[maybe_unused]] const int seen"),
            std::string::npos);
  // Read by code that stays in both configurations: used.
  Reads.push_back(spanOf(K.Files, "services/report.cpp", "rows == 0"));
  EXPECT_EQ(rewritten(K.C, K.F, P, K.Files)["services/report.cpp"].find("[[maybe_unused]]"),
            std::string::npos);
}

} // namespace
} // namespace mm
