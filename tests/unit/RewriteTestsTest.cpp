//===--- RewriteTestsTest.cpp - Expectations become value assertions -----===//
//
// rewrite() on plain data for rewriteTests: an `EXPECT_CALL` on a wrapper
// that leaves the service becomes a reading of its metric before the code
// under test runs and an assertion on the change at the end of the block,
// from the recordings the matchers read in the wrapper's body; one whose
// wrapper stays, or whose recording cannot be asserted, stays and is listed.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using test::rewritten;
using test::spanOf;

const char *const RunnerTest = R"cpp(TEST(Runner, CountsJobs) {
  MockStats stats;
  EXPECT_CALL(stats, Job("nightly", 2)).Times(3);
  run(stats);
}
)cpp";

/// Job(kind, n) adds n to jobs_total{kind}, which moves to jobs/runner.
struct RunnerTestCase {
  test::FileTexts Files = {{"tests/runner_test.cpp", RunnerTest},
                           {"jobs/runner.cpp", "int run() { return 1; }\n"},
                           {"stats/stats.h", "#pragma once\n\nclass Stats {\n public:\n  void Job(const std::string& kind, int n) {}\n};\n"}};
  Catalog C;
  Facts F;
  Plan P;

  RunnerTestCase() {
    C.TheService.Name = "Stats";
    C.TheService.Header = C.TheService.Source = "stats/stats.h";
    Wrapper W;
    W.Name = "Job";
    W.Signature = "Job(const std::string &, int)";
    W.Params = {{"kind", "const std::string &", ""}, {"n", "int", ""}};
    W.Metrics = {"jobs_total"};
    W.Decl = W.Definition =
        spanOf(Files, "stats/stats.h", "void Job(const std::string& kind, int n) {}");
    W.Template = tmpl("${metric:jobs_total}.Add({{\"kind\", ${param:kind}}}).Increment(${param:n});");
    W.Recordings = {{"jobs_total", tmpl("{{\"kind\", ${param:kind}}}"), "Increment",
                     tmpl("${param:n}")}};
    C.Wrappers = {W};
    Metric M;
    M.Name = "jobs_total";
    M.Kind = MetricKind::Counter;
    C.Metrics = {M};
    Expectation E;
    E.Stmt = spanOf(Files, "tests/runner_test.cpp", "EXPECT_CALL(stats, Job(\"nightly\", 2)).Times(3);");
    E.Mock = "stats";
    E.Wrapper = "Job";
    E.Args = {"\"nightly\"", "2"};
    E.Stmt.Column = 3;
    E.Times = 3;
    E.ScopeEnd = static_cast<unsigned>(std::string(RunnerTest).rfind('}'));
    E.Test = "Runner_CountsJobs_Test::TestBody";
    F.Expectations = {E};
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    P.Wrappers = {WP};
    MetricPlan MP;
    MP.Name = "jobs_total";
    MP.Constant = "JOBS_TOTAL";
    MP.Owner = "jobs/runner";
    MP.OwnerSource = "jobs/runner.cpp";
    MP.Fate = MetricFate::Kept; // defined elsewhere: only the test changes
    P.Metrics = {MP};
  }
};

TEST(RewriteTests, AnExpectationBecomesTheChangeOfItsMetric) {
  RunnerTestCase K;
  test::FileTexts Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["tests/runner_test.cpp"], R"cpp(TEST(Runner, CountsJobs) {
  MockStats stats;
  const double jobs_total_before = JOBS_TOTAL.Add({{"kind", "nightly"}}).Value();
  run(stats);
  EXPECT_DOUBLE_EQ(JOBS_TOTAL.Add({{"kind", "nightly"}}).Value() - jobs_total_before, 6);
}
)cpp");
}

TEST(RewriteTests, AnExpectationOnAWrapperThatStaysIsLeftAndListed) {
  RunnerTestCase K;
  K.P.Wrappers[0].Fate = WrapperFate::Keep;
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files), K.Files);
  std::vector<ManualItem> Items = test::leftForAHuman(K.C, K.F, K.P, K.Files);
  ASSERT_EQ(Items.size(), 1u);
  EXPECT_EQ(Items[0].What, "EXPECT_CALL on Job");
  EXPECT_EQ(Items[0].Why, "the wrapper stays in the service");
  EXPECT_EQ(Items[0].Subject, ManualSubject::Expectation);
}

TEST(RewriteTests, AnExpectationWhoseRecordingCannotBeAssertedIsLeftAndListed) {
  // (The planner keeps such a wrapper; here only the test is looked at.)
  RunnerTestCase K;
  K.F.Expectations[0].Args = {"::testing::_", "2"};
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["tests/runner_test.cpp"], RunnerTest);
  std::vector<ManualItem> Items = test::leftForAHuman(K.C, K.F, K.P, K.Files);
  ASSERT_EQ(Items.size(), 1u);
  EXPECT_EQ(Items[0].Why, "a label comes from a '_' matcher");
  // A branch the matchers saw in the body: nothing is guessed.
  K.F.Expectations[0].Args = {"\"nightly\"", "2"};
  K.C.Wrappers[0].OtherBranches = true;
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["tests/runner_test.cpp"], RunnerTest);
  Items = test::leftForAHuman(K.C, K.F, K.P, K.Files);
  ASSERT_EQ(Items.size(), 1u);
  EXPECT_EQ(Items[0].Why, "the wrapper's body branches on something other than a literal");
}

} // namespace
} // namespace mm
