//===--- ValueAssertionRecorderTest.cpp - What tests assert of values ------===//
//
// The matchers on small TUs: the gtest assertions comparing a read with what
// a test expects (probe calls with the metric's name, the service's
// accessors, a fixture's helper reading either), where the read could first
// be made, and the recording methods each wrapper calls on its metrics.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string withTests(const std::string &Tests) {
  return "#include <gtest/gtest.h>\n" + std::string(PrometheusIncludes) + BasicService +
         R"cpp(
namespace shop {
double CounterValue(prometheus::Registry& r, const std::string& name,
                    const prometheus::Labels& labels = {}) {
  for (const auto& f : r.Collect())
    if (f.name == name)
      for (const auto& m : f.metric)
        if (m.label.size() == labels.size())
          return m.counter.value;
  return 0;
}
class KitsTest : public ::testing::Test {
 protected:
  double kits() { return CounterValue(*metrics_.registry(), "kits_created_total"); }
  MetricsService metrics_;
};
}  // namespace shop
)cpp" + Tests;
}

std::string readText(const std::string &Code, const ValueAssertion &A) {
  return Code.substr(A.Read.Offset, A.Read.Length);
}

TEST(ValueAssertionRecorder, ReadsThroughAProbeAHelperOrTheService) {
  std::string Code = withTests(R"cpp(
namespace shop {
TEST_F(KitsTest, Counts) {
  metrics_.RecordKitCreated(2);
  EXPECT_EQ(kits(), 2.0);
  EXPECT_DOUBLE_EQ(CounterValue(*metrics_.registry(), "inventory_quantity_changes_total",
                                {{"operation", "add"}}), 0.0);
  EXPECT_GE(3, kits());
  EXPECT_EQ(metrics_.registry().get() != nullptr, true);
  ASSERT_TRUE(kits() > 1);
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.ValueAssertions;
  ASSERT_EQ(As.size(), 3u); // `get() != nullptr` is no call
  EXPECT_EQ(readText(Code, As[0]), "kits()");
  EXPECT_EQ(As[0].Callee, "kits");
  // The helper's body names the metric and the service's registry().
  EXPECT_THAT(As[0].Literals, ElementsAre("kits_created_total"));
  EXPECT_THAT(As[0].Methods, ElementsAre("registry() const"));
  EXPECT_EQ(As[0].Test, "KitsTest.Counts");
  EXPECT_EQ(As[0].Stmt.Line, lineOf(Code, "EXPECT_EQ(kits(), 2.0)"));
  EXPECT_EQ(Code.substr(As[0].Stmt.Offset, As[0].Stmt.Length), "EXPECT_EQ(kits(), 2.0)");
  // Before anything: just after the body's `{`.
  EXPECT_EQ(As[0].ReadyAt, Code.find("{\n  metrics_.RecordKitCreated(2);") + 1);

  EXPECT_EQ(As[1].Callee, "CounterValue");
  EXPECT_THAT(As[1].Literals, ElementsAre("add", "inventory_quantity_changes_total", "operation"));
  EXPECT_EQ(As[1].Stmt.Line, lineOf(Code, "EXPECT_DOUBLE_EQ(CounterValue"));
  // The second value compared counts as well as the first.
  EXPECT_EQ(As[2].Stmt.Line, lineOf(Code, "EXPECT_GE(3, kits())"));
  // What an equality expects, when it is a constant; an order has none.
  EXPECT_EQ(As[0].Expected, 2.0);
  EXPECT_EQ(As[1].Expected, 0.0);
  EXPECT_EQ(As[2].Expected, std::nullopt);
  for (const ValueAssertion &A : As)
    EXPECT_EQ(A.BodyStart, Code.find("{\n  metrics_.RecordKitCreated(2);") + 1);
}

TEST(ValueAssertionRecorder, WhatAnEqualityExpects) {
  std::string Code = withTests(R"cpp(
namespace shop {
constexpr double kNone = 0;
TEST_F(KitsTest, Expected) {
  double seen = 4;
  EXPECT_EQ(0u, kits());
  EXPECT_FLOAT_EQ(kits(), 0.5f);
  EXPECT_EQ(kits(), kNone);
  EXPECT_EQ(kits(), seen);
  EXPECT_NE(kits(), 0);
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.ValueAssertions;
  ASSERT_EQ(As.size(), 5u);
  EXPECT_EQ(As[0].Expected, 0.0);
  EXPECT_EQ(As[1].Expected, 0.5);
  EXPECT_EQ(As[2].Expected, 0.0); // a constant's value
  EXPECT_EQ(As[3].Expected, std::nullopt); // a variable's is not one
  EXPECT_EQ(As[4].Expected, std::nullopt); // not an equality
}

TEST(ValueAssertionRecorder, ReadyAfterTheLocalsTheReadNames) {
  std::string Code = withTests(R"cpp(
namespace shop {
TEST(Kits, Local) {
  auto registry = std::make_shared<prometheus::Registry>();
  int unrelated = 0;
  MetricsService metrics;
  metrics.RecordKitCreated(unrelated);
  EXPECT_EQ(CounterValue(*registry, "kits_created_total"), 1.0);
  for (const char* op : {"add", "remove"}) {
    EXPECT_EQ(CounterValue(*registry, "inventory_quantity_changes_total", {{"operation", op}}), 0.0);
  }
  auto check = [&] { EXPECT_EQ(CounterValue(*registry, "kits_created_total"), 1.0); };
  check();
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.ValueAssertions;
  ASSERT_EQ(As.size(), 2u); // the lambda's assertion runs elsewhere
  std::string Decl = "auto registry = std::make_shared<prometheus::Registry>();";
  EXPECT_EQ(As[0].ReadyAt, Code.find(Decl) + Decl.size());
  EXPECT_EQ(As[0].Test, "Kits.Local");
  // A loop's variable: nowhere before the loop.
  EXPECT_EQ(As[1].ReadyAt, 0u);
}

TEST(ValueAssertionRecorder, NothingOutsideTestsOrWithoutANameOrAMethod) {
  std::string Code = withTests(R"cpp(
namespace shop {
int twice(int x) { return 2 * x; }
TEST(Kits, Plain) {
  EXPECT_EQ(twice(2), 4);
  EXPECT_EQ(std::abs(-1), 1);
}
void helper(MetricsService& m) { EXPECT_EQ(CounterValue(*m.registry(), "kits_created_total"), 1.0); }
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  EXPECT_THAT(F.Scan.ValueAssertions, IsEmpty());
}

TEST(ValueAssertionRecorder, AReaderAnsweringANumberWhereNothingWasRecorded) {
  std::string Code = withTests(R"cpp(
namespace shop {
double firstOr(prometheus::Registry& r, const std::string& name) {
  for (const auto& f : r.Collect())
    if (f.name == name && !f.metric.empty())
      return f.metric.front().counter.value;
  return -1;
}
double viaFirst(prometheus::Registry& r) { return firstOr(r, "kits_created_total"); }
TEST_F(KitsTest, Sentinels) {
  EXPECT_EQ(firstOr(*metrics_.registry(), "kits_created_total"), 1.0);
  EXPECT_EQ(viaFirst(*metrics_.registry()), 1.0);
  EXPECT_EQ(kits(), 1.0);
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.ValueAssertions;
  ASSERT_EQ(As.size(), 3u);
  EXPECT_TRUE(As[0].Sentinel);
  EXPECT_TRUE(As[1].Sentinel); // through the function it calls
  EXPECT_FALSE(As[2].Sentinel); // CounterValue answers 0
}

TEST(ValueAssertionRecorder, WhatARegistryTheTestBuiltHoldsWhole) {
  std::string Code = "#include <gmock/gmock.h>\n" + withTests(R"cpp(
namespace shop {
using testing::Contains;
using testing::Field;
using testing::Not;
TEST(Kits, Shape) {
  auto registry = std::make_shared<prometheus::Registry>();
  const auto families = registry->Collect();
  EXPECT_EQ(families.size(), 11u);
  ASSERT_EQ(3u, registry->Collect().size());
  EXPECT_THAT(families, Not(Contains(Field(&prometheus::MetricFamily::name, "x_total"))));
  EXPECT_THAT(families, Contains(Field(&prometheus::MetricFamily::name, "y_total")));
  prometheus::Registry own;
  EXPECT_EQ(own.Collect().size(), 0u);
  std::vector<int> numbers;
  EXPECT_EQ(numbers.size(), 0u);
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.RegistryShapeAssertions;
  ASSERT_EQ(As.size(), 3u); // neither a registry that is no shared one nor a vector
  auto StmtText = [&](const RegistryShapeAssertion &A) {
    return Code.substr(A.Stmt.Offset, A.Stmt.Length);
  };
  EXPECT_EQ(StmtText(As[0]), "EXPECT_EQ(families.size(), 11u)");
  EXPECT_EQ(StmtText(As[1]), "ASSERT_EQ(3u, registry->Collect().size())");
  EXPECT_EQ(StmtText(As[2]),
            "EXPECT_THAT(families, Not(Contains(Field(&prometheus::MetricFamily::name, "
            "\"x_total\"))))");
  for (const RegistryShapeAssertion &A : As) {
    EXPECT_EQ(Code.substr(A.Registry.Offset, A.Registry.Length),
              "std::make_shared<prometheus::Registry>()");
    EXPECT_EQ(A.Test, "Kits.Shape");
  }
}

TEST(ValueAssertionRecorder, ALineOfTheTextExpositionSearchedFor) {
  std::string Code = "#include <gmock/gmock.h>\n" + withTests(R"cpp(
namespace shop {
TEST_F(KitsTest, Text) {
  const std::string text = "kits_created_total 1\n";
  EXPECT_THAT(text, ::testing::HasSubstr("kits_created_total 1"));
  EXPECT_NE(text.find("kits_created_total{a=\"b\"} 2"), std::string::npos);
  ASSERT_NE(std::string::npos, text.find("x 3"));
  EXPECT_THAT(text, ::testing::HasSubstr("no_value"));
  EXPECT_EQ(text.find("kits_created_total 1"), 0u);
}
}  // namespace shop
)cpp");
  TUFacts F = factsFor(Code);
  const auto &As = F.Scan.ExpositionAssertions;
  ASSERT_EQ(As.size(), 3u);
  EXPECT_EQ(As[0].Line, "kits_created_total 1");
  EXPECT_EQ(Code.substr(As[0].Text.Offset, As[0].Text.Length), "text");
  EXPECT_EQ(Code.substr(As[0].Literal.Offset, As[0].Literal.Length), "\"kits_created_total 1\"");
  EXPECT_EQ(Code.substr(As[0].Stmt.Offset, As[0].Stmt.Length),
            "EXPECT_THAT(text, ::testing::HasSubstr(\"kits_created_total 1\"))");
  EXPECT_EQ(As[0].BodyStart, Code.find("{\n  const std::string text") + 1);
  EXPECT_EQ(As[0].Test, "KitsTest.Text");
  EXPECT_EQ(As[1].Line, "kits_created_total{a=\"b\"} 2");
  EXPECT_EQ(As[2].Line, "x 3"); // npos first
}

TEST(ServiceRecorder, TheRecordingMethodsEachWrapperCalls) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace shop {
class MetricsService {
 public:
  MetricsService()
      : registry_(std::make_shared<prometheus::Registry>()),
        open_(prometheus::BuildGauge().Name("open_connections").Help("h").Register(*registry_)),
        depth_(&prometheus::BuildGauge().Name("queue_depth").Help("h").Register(*registry_).Add({})) {}
  void Opened() { open_.Add({}).Increment(); }
  void Closed() { open_.Add({}).Decrement(); }
  void Depth(double d) { depth_->Set(d); }
  double OpenNow() { return open_.Add({}).Value(); }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Gauge>& open_;
  prometheus::Gauge* depth_;
};
}  // namespace shop
)cpp";
  Catalog C = catalogFor(Code);
  std::map<std::string, std::map<std::string, std::vector<std::string>>> Ops;
  for (const Wrapper &W : C.Wrappers)
    Ops[W.Name] = W.Operations;
  using Map = std::map<std::string, std::vector<std::string>>;
  EXPECT_EQ(Ops["Opened"], (Map{{"open_connections", {"Increment"}}}));
  EXPECT_EQ(Ops["Closed"], (Map{{"open_connections", {"Decrement"}}}));
  EXPECT_EQ(Ops["Depth"], (Map{{"queue_depth", {"Set"}}}));
  EXPECT_EQ(Ops["OpenNow"], Map{}); // a read records nothing
}

} // namespace
} // namespace mm::test
