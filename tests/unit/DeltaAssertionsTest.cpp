//===--- DeltaAssertionsTest.cpp - Absolute readings become changes -------===//
//
// rewrite() on plain data for deltaAssertions: a test's read of a metric
// that accumulates is made once more where the test can first make it, and
// the assertion is on the change; a gauge only ever set, a read of nothing
// of the service and a replaced test are left alone; a read that cannot be
// made early is an item.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using test::rewritten;
using test::spanOf;

const char *const Check = R"cpp(TEST_F(BatcherCheck, Flushes) {
    auto registry = makeRegistry();
    m_batcher.add(1);
    EXPECT_EQ(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}), 2.0);
    EXPECT_EQ(sampleValue(*registry, "app_flushed_total", {{"reason", "age"}}), 1.0);
    EXPECT_EQ(m_metrics.pendingRecords(), 1.0);
    EXPECT_GE(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}), 2.0);
    EXPECT_EQ(m_metrics.openConnections(), 1.0);
    EXPECT_EQ(sampleValue(*registry, "unrelated_total"), 1.0);
}
)cpp";

struct DeltaCase {
  std::map<std::string, std::string> Files = {{"check/batcher_check.cpp", Check}};
  Catalog C;
  Facts F;
  Plan P;

  DeltaCase() {
    Metric Flushed;
    Flushed.Name = "app_flushed_total";
    Flushed.LabelNames = {"reason"};
    Metric Pending;
    Pending.Name = "app_pending_records";
    Pending.Kind = MetricKind::Gauge;
    Metric Open;
    Open.Name = "app_open_connections";
    Open.Kind = MetricKind::Gauge;
    C.Metrics = {Flushed, Pending, Open};
    C.Wrappers = {wrapper("setPending", "void", "app_pending_records", "Set"),
                  wrapper("pendingRecords", "double", "app_pending_records", ""),
                  wrapper("opened", "void", "app_open_connections", "Increment"),
                  wrapper("openConnections", "double", "app_open_connections", "")};
  }

  static Wrapper wrapper(std::string Name, std::string Returns, std::string Metric,
                         std::string Op) {
    Wrapper W;
    W.Name = Name;
    W.Signature = Name + "() const";
    W.ReturnType = Returns;
    W.Metrics = {Metric};
    if (!Op.empty())
      W.Operations[Metric] = {Op};
    return W;
  }

  /// The assertion holding \p Read (its first occurrence after \p After).
  void assertion(const std::string &Read, std::vector<std::string> Literals,
                 std::vector<std::string> Methods, unsigned ReadyAt, const std::string &Callee,
                 const std::string &After = "") {
    const std::string &Text = Files["check/batcher_check.cpp"];
    size_t At = Text.find(Read, After.empty() ? 0 : Text.find(After) + After.size());
    size_t Line = Text.rfind('\n', At) + 1;
    ValueAssertion A;
    A.Read = spanOf(Files, "check/batcher_check.cpp", Read);
    A.Read.Offset = static_cast<unsigned>(At);
    A.Stmt = A.Read;
    A.Stmt.Offset = static_cast<unsigned>(Text.find_first_not_of(' ', Line));
    A.Stmt.Length = static_cast<unsigned>(Text.find(";\n", At) - A.Stmt.Offset);
    A.Literals = std::move(Literals);
    A.Methods = std::move(Methods);
    A.ReadyAt = ReadyAt;
    A.Callee = Callee;
    A.Test = "BatcherCheck.Flushes";
    F.ValueAssertions.push_back(A);
  }

  unsigned afterBrace() const {
    return static_cast<unsigned>(Files.at("check/batcher_check.cpp").find('{') + 1);
  }

  unsigned afterRegistry() const {
    const std::string &Text = Files.at("check/batcher_check.cpp");
    std::string Decl = "auto registry = makeRegistry();";
    return static_cast<unsigned>(Text.find(Decl) + Decl.size());
  }

  void all(unsigned LoopReadyAt) {
    std::string Size = R"(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}))";
    std::string Age = R"(sampleValue(*registry, "app_flushed_total", {{"reason", "age"}}))";
    assertion(Size, {"app_flushed_total", "reason", "size"}, {}, afterRegistry(), "sampleValue");
    assertion(Age, {"age", "app_flushed_total", "reason"}, {}, LoopReadyAt, "sampleValue");
    assertion("m_metrics.pendingRecords()", {}, {"pendingRecords() const"}, afterBrace(), "pendingRecords");
    assertion(Size, {"app_flushed_total", "reason", "size"}, {}, afterRegistry(), "sampleValue",
              "EXPECT_GE(");
    assertion("m_metrics.openConnections()", {}, {"openConnections() const"}, afterBrace(),
              "openConnections");
    assertion(R"(sampleValue(*registry, "unrelated_total"))", {"unrelated_total"}, {},
              afterRegistry(), "sampleValue");
  }
};

TEST(DeltaAssertions, ReadsOfWhatAccumulatesBecomeChanges) {
  DeltaCase K;
  K.all(K.afterRegistry());
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["check/batcher_check.cpp"], R"cpp(TEST_F(BatcherCheck, Flushes) {
    const auto openConnectionsBefore = m_metrics.openConnections();
    auto registry = makeRegistry();
    const auto flushedSizeBefore = sampleValue(*registry, "app_flushed_total", {{"reason", "size"}});
    const auto flushedAgeBefore = sampleValue(*registry, "app_flushed_total", {{"reason", "age"}});
    m_batcher.add(1);
    EXPECT_EQ(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}) - flushedSizeBefore, 2.0);
    EXPECT_EQ(sampleValue(*registry, "app_flushed_total", {{"reason", "age"}}) - flushedAgeBefore, 1.0);
    EXPECT_EQ(m_metrics.pendingRecords(), 1.0);
    EXPECT_GE(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}) - flushedSizeBefore, 2.0);
    EXPECT_EQ(m_metrics.openConnections() - openConnectionsBefore, 1.0);
    EXPECT_EQ(sampleValue(*registry, "unrelated_total"), 1.0);
}
)cpp");
  // Listed among the test rewrites, once per assertion.
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->TestRewrites.size(), 4u);
  EXPECT_EQ(R->TestRewrites[0].Wrapper, "app_flushed_total");
  EXPECT_EQ(R->TestRewrites[0].After,
            "const auto flushedSizeBefore = sampleValue(*registry, \"app_flushed_total\", "
            "{{\"reason\", \"size\"}});\n"
            "EXPECT_EQ(sampleValue(*registry, \"app_flushed_total\", {{\"reason\", \"size\"}}) - "
            "flushedSizeBefore, 2.0)");
  EXPECT_TRUE(R->Manual.empty());
}

TEST(DeltaAssertions, AReadThatCannotBeMadeEarlyIsAnItem) {
  DeltaCase K;
  K.all(0);
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->Manual.size(), 1u);
  EXPECT_EQ(R->Manual[0].Line, 5u);
  EXPECT_EQ(R->Manual[0].Cause, LeftBecause::AbsoluteValue);
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["check/batcher_check.cpp"].find(
                R"(EXPECT_EQ(sampleValue(*registry, "app_flushed_total", {{"reason", "age"}}), 1.0);)"),
            std::string::npos);
}

TEST(DeltaAssertions, AReaderWithASentinelIsAnItem) {
  DeltaCase K;
  K.assertion(R"(sampleValue(*registry, "app_flushed_total", {{"reason", "size"}}))",
              {"app_flushed_total", "reason", "size"}, {}, K.afterRegistry(), "sampleValue");
  K.F.ValueAssertions.back().Sentinel = true;
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->Manual.size(), 1u);
  EXPECT_EQ(R->Manual[0].Cause, LeftBecause::AbsoluteValue);
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["check/batcher_check.cpp"], Check);
}

TEST(DeltaAssertions, AMetricRegisteredElsewhereIsListedNotRewritten) {
  // A second run: the constant moved out of the service is registered by
  // its owner. What the first run left for a human is listed again; what it
  // could rewrite is no longer its business.
  DeltaCase K;
  Registration R;
  R.Name = "unrelated_total";
  K.F.Registrations.push_back(R);
  K.assertion(R"(sampleValue(*registry, "unrelated_total"))", {"unrelated_total"}, {},
              K.afterRegistry(), "sampleValue");
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["check/batcher_check.cpp"], Check);
  K.F.ValueAssertions.back().Sentinel = true;
  auto Out = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(Out)) << llvm::toString(Out.takeError());
  ASSERT_EQ(Out->Manual.size(), 1u);
  EXPECT_EQ(Out->Manual[0].Cause, LeftBecause::AbsoluteValue);
}

const char *const Exposed = R"cpp(namespace app {
TEST(MetricsApi, Exposes) {
  const std::string text = Serve();
  EXPECT_THAT(text, HasSubstr("app_flushed_total{reason=\"size\"} 2"));
  ASSERT_NE(text.find("app_flushed_total{reason=\"age\"} 1"), std::string::npos);
  EXPECT_THAT(text, HasSubstr("app_pending_records 3"));
}
}  // namespace app
)cpp";

TEST(DeltaAssertions, TheTextExpositionSearchedForALineBecomesItsValuesChange) {
  DeltaCase K;
  K.Files = {{"tests/api_test.cc", Exposed}};
  K.P.RegistryExpr = "app::registry()";
  K.P.RegistryHeader = "app/registry.h";
  K.P.FileNamespaces["tests/api_test.cc"] = "app";
  const std::string &T = K.Files["tests/api_test.cc"];
  auto Add = [&](const std::string &Stmt, const std::string &Text, const std::string &Literal) {
    ExpositionAssertion A;
    A.Stmt = spanOf(K.Files, "tests/api_test.cc", Stmt);
    A.Text = spanOf(K.Files, "tests/api_test.cc", Stmt);
    A.Text.Offset += static_cast<unsigned>(Stmt.find(Text));
    A.Text.Length = static_cast<unsigned>(Text.size());
    A.Literal = spanOf(K.Files, "tests/api_test.cc", Literal);
    A.Line = llvm::StringRef(Literal).drop_front().drop_back().str();
    size_t Escaped;
    while ((Escaped = A.Line.find("\\\"")) != std::string::npos)
      A.Line.erase(Escaped, 1);
    A.BodyStart = static_cast<unsigned>(T.find(") {") + 3);
    A.Test = "MetricsApi.Exposes";
    K.F.ExpositionAssertions.push_back(A);
  };
  Add(R"(EXPECT_THAT(text, HasSubstr("app_flushed_total{reason=\"size\"} 2")))", "text",
      R"("app_flushed_total{reason=\"size\"} 2")");
  Add(R"(ASSERT_NE(text.find("app_flushed_total{reason=\"age\"} 1"), std::string::npos))",
      "text", R"("app_flushed_total{reason=\"age\"} 1")");
  Add(R"(EXPECT_THAT(text, HasSubstr("app_pending_records 3")))", "text",
      R"("app_pending_records 3")");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["tests/api_test.cc"], R"cpp(namespace app {

namespace {

// What the text exposition `text` shows for `series` (0 if nothing).
double exposed_value(const std::string& text, const std::string& series) {
  const std::string line = series + " ";
  for (std::size_t at = text.find(line); at != std::string::npos;
       at = text.find(line, at + 1))
    if (at == 0 || text[at - 1] == '\n')
      return std::stod(text.substr(at + line.size()));
  return 0;
}

}  // namespace

TEST(MetricsApi, Exposes) {
  const auto flushed_size_exposed_before = exposed_value(prometheus::TextSerializer().Serialize(app::registry().Collect()), "app_flushed_total{reason=\"size\"}");
  const auto flushed_age_exposed_before = exposed_value(prometheus::TextSerializer().Serialize(app::registry().Collect()), "app_flushed_total{reason=\"age\"}");
  const std::string text = Serve();
  EXPECT_EQ(exposed_value(text, "app_flushed_total{reason=\"size\"}") - flushed_size_exposed_before, 2);
  ASSERT_EQ(exposed_value(text, "app_flushed_total{reason=\"age\"}") - flushed_age_exposed_before, 1);
  EXPECT_THAT(text, HasSubstr("app_pending_records 3"));
}
}  // namespace app
)cpp");
}

TEST(DeltaAssertions, NothingOfTheServiceOrOnlySetChangesNothing) {
  DeltaCase K;
  K.assertion("m_metrics.pendingRecords()", {}, {"pendingRecords() const"}, K.afterBrace(), "pendingRecords");
  K.assertion(R"(sampleValue(*registry, "unrelated_total"))", {"unrelated_total"}, {},
              K.afterRegistry(), "sampleValue");
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["check/batcher_check.cpp"], Check);
}

const char *const Fresh = R"cpp(TEST_F(BatcherCheck, Idle) {
    m_batcher.add(1);
    EXPECT_EQ(m_metrics.pendingRecords(), 0.0);
    EXPECT_DOUBLE_EQ(sampleValue(*registry, "app_pending_records"), 0);
    EXPECT_EQ(m_metrics.pendingRecords(), 1.0);
}
)cpp";

/// The pending gauge set from a chain of its own, a child on the plan's
/// registry, read at 0 twice and at 1 once.
DeltaCase freshCase() {
  DeltaCase K;
  K.Files = {{"check/batcher_check.cpp", Fresh}};
  Metric &Pending = K.C.Metrics[1];
  Pending.BuilderChain = "prometheus::BuildGauge()\n"
                         "                    .Name(\"app_pending_records\")\n"
                         "                    .Help(kPendingHelp)\n"
                         "                    .Register(*m_registry)";
  Pending.RegisterAt = static_cast<unsigned>(Pending.BuilderChain.find("\n                    .Register"));
  Pending.Style = FieldStyle::ChildRef;
  Pending.ChildArgs = "{}";
  Pending.LocalConstants = {{"kPendingHelp", "constexpr char kPendingHelp[] = \"Records waiting\";"}};
  K.P.RegistryExpr = "app::registry()";
  K.P.RegistryHeader = "app/registry.h";
  auto Add = [&](const std::string &Read, const std::string &After, std::vector<std::string> Literals,
                 std::vector<std::string> Methods, std::optional<double> Expected) {
    K.assertion(Read, std::move(Literals), std::move(Methods), K.afterBrace(), "pendingRecords",
                After);
    K.F.ValueAssertions.back().Expected = Expected;
    K.F.ValueAssertions.back().BodyStart = K.afterBrace();
    K.F.ValueAssertions.back().Test = "BatcherCheck.Idle";
  };
  Add("m_metrics.pendingRecords()", "", {}, {"pendingRecords() const"}, 0.0);
  Add(R"(sampleValue(*registry, "app_pending_records"))", "", {"app_pending_records"}, {}, 0.0);
  Add("m_metrics.pendingRecords()", "0);", {}, {"pendingRecords() const"}, 1.0);
  return K;
}

TEST(DeltaAssertions, AGaugeOnlySetAssertedAtZeroIsSetBackWhereTheTestBegins) {
  DeltaCase K = freshCase();
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["check/batcher_check.cpp"], R"cpp(
namespace {

constexpr char kPendingHelp[] = "Records waiting";

}  // namespace
TEST_F(BatcherCheck, Idle) {
    // Earlier tests of the process may have set app_pending_records: 0, as a fresh registry had it.
    prometheus::BuildGauge().Name("app_pending_records").Help(kPendingHelp).Register(app::registry()).Add({}).Set(0);
    m_batcher.add(1);
    EXPECT_EQ(m_metrics.pendingRecords(), 0.0);
    EXPECT_DOUBLE_EQ(sampleValue(*registry, "app_pending_records"), 0);
    EXPECT_EQ(m_metrics.pendingRecords(), 1.0);
}
)cpp");
  // What the chain names, included.
  EXPECT_THAT(R->Edits.Files.at("check/batcher_check.cpp").AddIncludes,
              testing::UnorderedElementsAre("\"app/registry.h\"", "<prometheus/family.h>",
                                            "<prometheus/gauge.h>"));
  // Listed once per assertion at 0; what the test set is left as it is.
  ASSERT_EQ(R->TestRewrites.size(), 2u);
  EXPECT_EQ(R->TestRewrites[0].Wrapper, "app_pending_records");
  EXPECT_TRUE(R->Manual.empty());

  // A second run finds it set back already.
  DeltaCase Again = freshCase();
  std::string Migrated = Out["check/batcher_check.cpp"];
  Again.Files["check/batcher_check.cpp"] = Migrated;
  std::string Body = "TEST_F(BatcherCheck, Idle) {";
  // Everything after the body's `{` moved by the includes and constants
  // above it and the two lines inside.
  unsigned Above = static_cast<unsigned>(Migrated.find(Body));
  unsigned Inside = static_cast<unsigned>(Migrated.find("    m_batcher") - Above -
                                          std::string(Fresh).find("    m_batcher"));
  for (ValueAssertion &A : Again.F.ValueAssertions) {
    A.BodyStart += Above;
    A.Read.Offset += Above + Inside;
    A.Stmt.Offset += Above + Inside;
  }
  EXPECT_EQ(rewritten(Again.C, Again.F, Again.P, Again.Files)["check/batcher_check.cpp"],
            Migrated);
}

TEST(DeltaAssertions, AGaugeAtZeroThatCannotBeSetBackIsAnItem) {
  // A family: its series would need the labels the test reads.
  DeltaCase K = freshCase();
  K.C.Metrics[1].Style = FieldStyle::FamilyRef;
  K.C.Metrics[1].ChildArgs.reset();
  auto R = rewrite(K.C, K.F, K.P, [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    return K.Files.at(File.str());
  });
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->Manual.size(), 2u);
  EXPECT_EQ(R->Manual[0].Cause, LeftBecause::AbsoluteValue);
  EXPECT_EQ(R->Manual[0].What, "the gauge app_pending_records asserted at 0 in BatcherCheck.Idle");
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["check/batcher_check.cpp"], Fresh);
}

TEST(DeltaAssertions, AGaugeSomethingIncrementsOrNothingSetsIsNotSetBack) {
  DeltaCase K = freshCase();
  K.C.Wrappers[0].Operations["app_pending_records"] = {"Set", "Increment"};
  EXPECT_EQ(rewritten(K.C, K.F, K.P, K.Files)["check/batcher_check.cpp"].find(".Set(0)"),
            std::string::npos);
  DeltaCase None = freshCase();
  None.C.Wrappers[0].Operations.clear();
  EXPECT_EQ(rewritten(None.C, None.F, None.P, None.Files)["check/batcher_check.cpp"], Fresh);
}

} // namespace
} // namespace mm
