//===--- TestRecorderTest.cpp - Doubles, their holders and expectations ---===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string withDoubles(const std::string &Tests) {
  return "#include <gmock/gmock.h>\n#include <gtest/gtest.h>\n" +
         std::string(PrometheusIncludes) + BasicService + R"cpp(
namespace shop {
class StubMetricsService : public MetricsServiceProtocol {
 public:
  void RecordQuantityChange(const std::string&, int) override {}
  void RecordKitCreated(int) override {}
};
class MockMetricsService : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordQuantityChange, (const std::string& operation, int delta), (override));
  MOCK_METHOD(void, RecordKitCreated, (int count), (override));
};
class Kits {
 public:
  explicit Kits(MetricsServiceProtocol& m) : m_(m) {}
  void Make() { m_.RecordKitCreated(1); }
 private:
  MetricsServiceProtocol& m_;
};
using Stub = StubMetricsService;
}  // namespace shop
)cpp" + Tests;
}

TEST(TestRecorder, ExpectationsWithTimesAndWildcards) {
  std::string Code = withDoubles(R"cpp(
namespace shop {
TEST(KitsTest, Records) {
  ::testing::StrictMock<MockMetricsService> metrics;
  Kits kits(metrics);
  EXPECT_CALL(metrics, RecordKitCreated(1)).Times(2);
  EXPECT_CALL(metrics, RecordQuantityChange("add", ::testing::_));
  kits.Make();
  kits.Make();
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.Expectations.size(), 2u);
  const Expectation &A = F.Scan.Expectations[0];
  EXPECT_EQ(A.Wrapper, "RecordKitCreated");
  EXPECT_THAT(A.Args, ElementsAre("1"));
  EXPECT_EQ(A.Times, 2u);
  EXPECT_TRUE(A.TimesKnown);
  EXPECT_EQ(A.Stmt.Line, lineOf(Code, "EXPECT_CALL(metrics, RecordKitCreated"));
  EXPECT_EQ(Code[A.ScopeEnd], '}');
  EXPECT_EQ(A.Test, "shop::KitsTest_Records_Test::TestBody");
  EXPECT_EQ(A.Namespace, "shop");
  const Expectation &B = F.Scan.Expectations[1];
  EXPECT_THAT(B.Args, ElementsAre("\"add\"", "::testing::_"));
  EXPECT_EQ(B.Times, 1u);
}

TEST(TestRecorder, ExpectationNamespaceSkipsAnonymousOnes) {
  std::string Code = withDoubles(R"cpp(
namespace {
TEST(KitsTest, Records) {
  ::testing::StrictMock<shop::MockMetricsService> metrics;
  shop::Kits kits(metrics);
  EXPECT_CALL(metrics, RecordKitCreated(1));
  kits.Make();
}
}  // namespace
)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.Expectations.size(), 1u);
  EXPECT_EQ(F.Scan.Expectations[0].Namespace, "");
}

TEST(TestRecorder, HoldersOfDoublesWithTheirUses) {
  std::string Code = withDoubles(R"cpp(
namespace shop {
TEST(KitsTest, Works) {
  StubMetricsService stub;
  Kits kits(stub);
  kits.Make();
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  std::vector<const ServiceVar *> Stubs;
  for (const ServiceVar &V : F.Scan.ServiceVars)
    if (V.Name == "stub")
      Stubs.push_back(&V);
  ASSERT_EQ(Stubs.size(), 1u);
  EXPECT_EQ(Stubs[0]->Double, "shop::StubMetricsService");
  EXPECT_FALSE(Stubs[0]->IsField);
  ASSERT_EQ(Stubs[0]->Uses.size(), 1u);
  EXPECT_EQ(Code.substr(Stubs[0]->Uses[0].Offset, Stubs[0]->Uses[0].Length), "stub");
  EXPECT_EQ(Code.substr(Stubs[0]->Decl.Offset, Stubs[0]->Decl.Length),
            "StubMetricsService stub;");
  // The using-declaration... here an alias, which is not a using-declaration.
  EXPECT_THAT(F.Scan.DoubleMentions, IsEmpty());
}

TEST(TestRecorder, NothingWithoutDoubles) {
  TUFacts F = factsFor(std::string(PrometheusIncludes) + BasicService +
                       "namespace shop { int Plain() { int x = 1; return x; } }\n");
  EXPECT_THAT(F.Scan.Expectations, IsEmpty());
  for (const ServiceVar &V : F.Scan.ServiceVars)
    EXPECT_NE(V.Name, "x");
}


TEST(TestRecorder, CapturesOfTheServiceWithWhatRemovesThem) {
  std::string Code = withDoubles(R"cpp(
namespace shop {
void Audit(MetricsServiceProtocol& metrics, int n, int& db) {
  auto f = [&metrics, n] { metrics.RecordKitCreated(n); };
  auto g = [n, m = &metrics] { m->RecordKitCreated(n); };
  auto h = [&db, &ref = metrics]() { ref.RecordKitCreated(db); };
  f();
  g();
  h();
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  auto Text = [&](const SourceSpan &S) { return Code.substr(S.Offset, S.Length); };
  std::vector<std::string> Seen;
  for (const ServiceVar &V : F.Scan.ServiceVars) {
    if (!V.Removal.valid())
      continue;
    std::string Uses;
    for (const SourceSpan &U : V.Uses)
      Uses += " " + Text(U) + ":" + std::to_string(U.Line);
    Seen.push_back(V.Name + " [" + Text(V.Decl) + "] [" + Text(V.Removal) + "]" + Uses);
  }
  EXPECT_THAT(Seen, ElementsAre("m [m = &metrics] [, m = &metrics] m:79",
                                "ref [&ref = metrics] [, &ref = metrics] ref:80",
                                "metrics [&metrics] [&metrics, ] metrics:78"));
}

TEST(TestRecorder, ACaptureOfAnythingElseIsNoHolder) {
  TUFacts F = factsFor(withDoubles(R"cpp(
namespace shop {
int Twice(int n) {
  auto f = [&n, k = 2] { return n * k; };
  return f();
}
}  // namespace shop
)cpp"));
  for (const ServiceVar &V : F.Scan.ServiceVars)
    EXPECT_FALSE(V.Removal.valid()) << V.Name;
}


TEST(TestRecorder, TheCopiesAnImplicitCopyConstructorMakesAreNoUses) {
  std::string Code = withDoubles(R"cpp(
namespace shop {
struct Deps {
  MetricsServiceProtocol* metrics = nullptr;
  int n = 0;
};
struct Server {
  explicit Server(Deps d) : deps(d) {}
  Deps deps;
};
inline Server Make(MetricsServiceProtocol* m) {
  Deps d{m, 1};
  Server s(d);
  Server copy = s;
  return copy;
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  for (const ServiceVar &V : F.Scan.ServiceVars) {
    if (V.Name == "metrics") { // Deps::metrics: copied, never read
      EXPECT_THAT(V.Uses, IsEmpty());
    }
  }
}

} // namespace
} // namespace mm::test
