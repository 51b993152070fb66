//===--- FindingRecorderTest.cpp - Registrations, clocks, failures --------===//
//
// The finding recorder on in-memory snippets: builder chains (kinds, names,
// help, constant labels, where they are; none from a system header), wall
// clock reads in recording functions (not steady_clock, not in functions
// that record nothing), and recordings followed by a throw or a failure
// check in their block (not after it, not in another block); then the merge
// of several TUs' findings and their JSON form.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/Snippet.h"

#include "core/JSON.h"
#include "matchers/FactsAction.h"

#include "clang/Tooling/Tooling.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const char *const MoreIncludes = R"cpp(
#include <prometheus/summary.h>
#include <chrono>
#include <stdexcept>
)cpp";

/// The basic service, then \p Uses in its namespace.
std::string withService(const std::string &Uses) {
  return std::string(PrometheusIncludes) + MoreIncludes + BasicService +
         "namespace shop {\n" + Uses + "\n}  // namespace shop\n";
}

/// \p Uses in namespace shop, with no service at all.
std::string withoutService(const std::string &Uses) {
  return std::string(PrometheusIncludes) + MoreIncludes + "namespace shop {\n" + Uses +
         "\n}  // namespace shop\n";
}

/// The text \p S covers in \p Code (the snippet is the file).
std::string textOf(const std::string &Code, const SourceSpan &S) {
  EXPECT_TRUE(S.valid());
  EXPECT_EQ(S.File, "input.cc");
  if (S.Offset + S.Length > Code.size())
    return "<out of range>";
  return Code.substr(S.Offset, S.Length);
}

/// Like factsFor, with \p Header available as `<vendor/metrics.h>` from a
/// system include directory outside the project.
TUFacts factsWithSystemHeader(const std::string &Code, const std::string &Header) {
  Config Cfg;
  Cfg.ServiceClass = "shop::MetricsService";
  Cfg.Root = "/project";
  Cfg.Path = "/project/.metrics-migrate.yaml";
  Cfg.ServiceClassLine = 1;
  TUFacts Out;
  bool OK = clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<FactsAction>(Cfg, Out), Code,
      {"-std=c++17", "-Wno-unused-value", "-isystem", "/vendor/include"},
      "/project/input.cc", "clang-tool",
      std::make_shared<clang::PCHContainerOperations>(),
      {{"/vendor/include/vendor/metrics.h", Header}});
  EXPECT_TRUE(OK) << "snippet did not compile";
  return Out;
}

// --- Registrations ---------------------------------------------------------

TEST(Registrations, TheServiceChains) {
  std::string Code = withService("");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.Registrations.size(), 2u);
  const Registration &Changes = F.Scan.Registrations[0];
  EXPECT_EQ(Changes.Name, "inventory_quantity_changes_total");
  EXPECT_EQ(Changes.Kind, MetricKind::Counter);
  EXPECT_EQ(Changes.Help, "Quantity changes by operation");
  EXPECT_THAT(Changes.LabelNames, IsEmpty());
  EXPECT_EQ(textOf(Code, Changes.Loc), ".Name(\"inventory_quantity_changes_total\")");
  EXPECT_EQ(Changes.Loc.Line, lineOf(Code, ".Name(\"inventory_quantity_changes_total\")"));
  EXPECT_EQ(Changes.EnclosingFunction, "shop::MetricsService::MetricsService");
  const Registration &Kits = F.Scan.Registrations[1];
  EXPECT_EQ(Kits.Name, "kits_created_total");
  EXPECT_EQ(Kits.Kind, MetricKind::Counter);
  EXPECT_EQ(Kits.Help, "Kits created");
  EXPECT_EQ(textOf(Code, Kits.Loc), ".Name(\"kits_created_total\")");
  EXPECT_EQ(Kits.EnclosingFunction, "shop::MetricsService::MetricsService");
}

TEST(Registrations, KindsLabelsAndScopes) {
  std::string Code = withoutService(R"cpp(
prometheus::Registry& Registry();
prometheus::Family<prometheus::Gauge>& QUEUE_DEPTH =
    prometheus::BuildGauge()
        .Name("queue_depth")
        .Help("Jobs waiting")
        .Labels({{"region", "eu"}, {"app", "shop"}})
        .Register(Registry());
prometheus::Histogram& ReportSeconds() {
  static auto& h = prometheus::BuildHistogram()
                       .Name("report_seconds")
                       .Register(Registry())
                       .Add({}, prometheus::Histogram::BucketBoundaries{0.1, 1.0});
  return h;
}
struct Holder {
  prometheus::Family<prometheus::Summary>& latency =
      prometheus::BuildSummary().Name("latency_seconds").Help("Latency").Register(Registry());
};
void Dynamic(const std::string& name) {
  prometheus::BuildCounter().Name(name).Help("By name").Register(Registry());
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.Registrations.size(), 4u);
  const Registration &Depth = F.Scan.Registrations[0];
  EXPECT_EQ(Depth.Name, "queue_depth");
  EXPECT_EQ(Depth.Kind, MetricKind::Gauge);
  EXPECT_EQ(Depth.Help, "Jobs waiting");
  EXPECT_THAT(Depth.LabelNames, ElementsAre("app", "region"));
  EXPECT_EQ(Depth.Loc.Line, lineOf(Code, ".Name(\"queue_depth\")"));
  EXPECT_EQ(Depth.EnclosingFunction, "");
  const Registration &Report = F.Scan.Registrations[1];
  EXPECT_EQ(Report.Name, "report_seconds");
  EXPECT_EQ(Report.Kind, MetricKind::Histogram);
  EXPECT_EQ(Report.Help, "");
  EXPECT_EQ(Report.EnclosingFunction, "shop::ReportSeconds");
  const Registration &Latency = F.Scan.Registrations[2];
  EXPECT_EQ(Latency.Name, "latency_seconds");
  EXPECT_EQ(Latency.Kind, MetricKind::Summary);
  EXPECT_EQ(Latency.Help, "Latency");
  EXPECT_EQ(textOf(Code, Latency.Loc), ".Name(\"latency_seconds\")");
  EXPECT_EQ(Latency.EnclosingFunction, "");
  const Registration &ByName = F.Scan.Registrations[3];
  EXPECT_EQ(ByName.Name, ""); // not a literal
  EXPECT_EQ(ByName.Kind, MetricKind::Counter);
  EXPECT_EQ(ByName.Help, "By name");
  EXPECT_EQ(textOf(Code, ByName.Loc), ".Name(name)");
  EXPECT_EQ(ByName.EnclosingFunction, "shop::Dynamic");
}

TEST(Registrations, OneNameTwiceIsTwoRegistrations) {
  std::string Code = withService(R"cpp(
prometheus::Family<prometheus::Counter>& KITS_CREATED_TOTAL =
    prometheus::BuildCounter().Name("kits_created_total").Help("Kits").Register(
        *std::make_shared<prometheus::Registry>());)cpp");
  TUFacts F = factsFor(Code);
  std::vector<std::string> Names;
  for (const Registration &R : F.Scan.Registrations)
    Names.push_back(R.Name);
  EXPECT_THAT(Names, ElementsAre("inventory_quantity_changes_total", "kits_created_total",
                                 "kits_created_total"));
}

TEST(Registrations, NoneFromASystemHeader) {
  const char *const Header = R"cpp(
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>
namespace vendor {
inline prometheus::Family<prometheus::Counter>& Requests(prometheus::Registry& r) {
  return prometheus::BuildCounter().Name("vendor_requests_total").Help("x").Register(r);
}
}  // namespace vendor
)cpp";
  std::string Code = std::string("#include <vendor/metrics.h>\n") + R"cpp(
void Wire(prometheus::Registry& r) { vendor::Requests(r).Add({}).Increment(); }
)cpp";
  TUFacts F = factsWithSystemHeader(Code, Header);
  EXPECT_THAT(F.Scan.Registrations, IsEmpty());
}

// --- Wall clock reads ------------------------------------------------------

TEST(WallClockReads, SystemClockInARecordingFunction) {
  std::string Code = withService(R"cpp(
void Build(MetricsServiceProtocol& metrics) {
  const auto start = std::chrono::system_clock::now();
  metrics.RecordQuantityChange("build", 1);
  (void)start;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.WallClockReads.size(), 1u);
  const WallClockRead &R = F.Scan.WallClockReads[0];
  EXPECT_EQ(textOf(Code, R.Loc), "std::chrono::system_clock::now()");
  EXPECT_EQ(R.Loc.Line, lineOf(Code, "system_clock::now()"));
  EXPECT_EQ(R.EnclosingFunction, "shop::Build");
}

TEST(WallClockReads, AnAliasOfSystemClockIsNamedAsWritten) {
  // libstdc++'s high_resolution_clock is system_clock.
  std::string Code = withService(R"cpp(
using Clock = std::chrono::system_clock;
void Build(MetricsServiceProtocol& metrics) {
  const auto start = std::chrono::high_resolution_clock::now();
  const auto again = Clock::now();
  const auto plain = std::chrono::system_clock::now();
  metrics.RecordQuantityChange("build", 1);
  (void)start; (void)again; (void)plain;
})cpp");
  std::vector<std::string> Clocks;
  for (const WallClockRead &R : factsFor(Code).Scan.WallClockReads)
    Clocks.push_back(R.Clock);
  EXPECT_THAT(Clocks, ElementsAre("high_resolution_clock", "Clock", "system_clock"));
}

TEST(WallClockReads, SteadyClockIsNotOne) {
  std::string Code = withService(R"cpp(
void Build(MetricsServiceProtocol& metrics) {
  const auto start = std::chrono::steady_clock::now();
  metrics.RecordQuantityChange("build", 1);
  (void)start;
})cpp");
  EXPECT_THAT(factsFor(Code).Scan.WallClockReads, IsEmpty());
}

TEST(WallClockReads, NoneWhereNothingRecords) {
  std::string Code = withService(R"cpp(
long Stamp(MetricsServiceProtocol& metrics) {
  (void)metrics;
  return std::chrono::system_clock::now().time_since_epoch().count();
})cpp");
  EXPECT_THAT(factsFor(Code).Scan.WallClockReads, IsEmpty());
}

TEST(WallClockReads, LambdasBelongToTheirFunction) {
  std::string Code = withService(R"cpp(
void Later(MetricsServiceProtocol& metrics) {
  auto stamp = [] { return std::chrono::system_clock::now(); };
  auto start = stamp();
  metrics.RecordKitCreated();
  (void)start;
}
void Timed(MetricsServiceProtocol& metrics) {
  auto start = std::chrono::system_clock::now();
  auto done = [&] { metrics.RecordKitCreated(); };
  done();
  (void)start;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.WallClockReads.size(), 2u);
  EXPECT_EQ(F.Scan.WallClockReads[0].EnclosingFunction, "shop::Later");
  EXPECT_EQ(F.Scan.WallClockReads[0].Loc.Line,
            lineOf(Code, "return std::chrono::system_clock::now()"));
  EXPECT_EQ(F.Scan.WallClockReads[1].EnclosingFunction, "shop::Timed");
  EXPECT_EQ(F.Scan.WallClockReads[1].Loc.Line,
            lineOf(Code, "auto start = std::chrono::system_clock::now()"));
}

TEST(WallClockReads, ThroughAMetricConstant) {
  std::string Code = withoutService(R"cpp(
extern prometheus::Family<prometheus::Histogram>& REPORT_SECONDS;
void Render() {
  const auto start = std::chrono::system_clock::now();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::system_clock::now() - start).count();
  REPORT_SECONDS.Add({}, prometheus::Histogram::BucketBoundaries{1.0}).Observe(elapsed);
}
long Read() {
  extern prometheus::Counter& HITS;
  return static_cast<long>(HITS.Value()) +
         std::chrono::system_clock::now().time_since_epoch().count();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.WallClockReads.size(), 2u); // Value() does not record
  EXPECT_EQ(F.Scan.WallClockReads[0].EnclosingFunction, "shop::Render");
  EXPECT_EQ(F.Scan.WallClockReads[0].Loc.Line, lineOf(Code, "const auto start ="));
  EXPECT_EQ(F.Scan.WallClockReads[1].EnclosingFunction, "shop::Render");
  EXPECT_EQ(F.Scan.WallClockReads[1].Loc.Line, lineOf(Code, "duration<double>"));
}

// --- Records before failure ------------------------------------------------

/// Functions the failure cases call.
const char *const Io = R"cpp(
struct Out {
  bool Flush();
  bool Ready() const;
};
int Write(int fd);
)cpp";

std::string withIo(const std::string &Uses) { return withService(std::string(Io) + Uses); }

TEST(RecordsBeforeFailure, ThrowInAnIf) {
  std::string Code = withIo(R"cpp(
int Remove(MetricsServiceProtocol& metrics, int have, int quantity) {
  metrics.RecordQuantityChange("remove", quantity);
  if (have < quantity) {
    throw std::runtime_error("insufficient stock");
  }
  return have - quantity;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.RecordsBeforeFailure.size(), 1u);
  const RecordBeforeFailure &R = F.Scan.RecordsBeforeFailure[0];
  EXPECT_EQ(textOf(Code, R.Record), "metrics.RecordQuantityChange(\"remove\", quantity)");
  EXPECT_EQ(R.Record.Line, lineOf(Code, "metrics.RecordQuantityChange(\"remove\""));
  EXPECT_EQ(textOf(Code, R.Failure), "throw std::runtime_error(\"insufficient stock\")");
  EXPECT_EQ(R.Failure.Line, lineOf(Code, "throw std::runtime_error(\"insufficient"));
  EXPECT_EQ(R.What, "throw");
  EXPECT_EQ(R.EnclosingFunction, "shop::Remove");
}

TEST(RecordsBeforeFailure, DirectThrowAndNullGuard) {
  std::string Code = withIo(R"cpp(
void Fail(MetricsServiceProtocol* metrics) {
  if (metrics) metrics->RecordKitCreated();
  throw std::logic_error("always");
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.RecordsBeforeFailure.size(), 1u);
  const RecordBeforeFailure &R = F.Scan.RecordsBeforeFailure[0];
  EXPECT_EQ(textOf(Code, R.Record), "metrics->RecordKitCreated()");
  EXPECT_EQ(textOf(Code, R.Failure), "throw std::logic_error(\"always\")");
  EXPECT_EQ(R.What, "throw");
  EXPECT_EQ(R.EnclosingFunction, "shop::Fail");
}

TEST(RecordsBeforeFailure, FailedCalls) {
  std::string Code = withIo(R"cpp(
bool Save(MetricsServiceProtocol& metrics, Out& out) {
  metrics.RecordKitCreated();
  if (!out.Flush()) return false;
  return true;
}
bool Send(MetricsServiceProtocol& metrics, int fd) {
  metrics.RecordKitCreated(2);
  if (Write(fd) != 0) return false;
  return true;
}
bool Later(MetricsServiceProtocol& metrics, Out& out) {
  metrics.RecordKitCreated(3);
  bool ok = out.Flush();
  if (!ok) return false;
  return true;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.RecordsBeforeFailure.size(), 3u);
  const RecordBeforeFailure &Save = F.Scan.RecordsBeforeFailure[0];
  EXPECT_EQ(textOf(Code, Save.Record), "metrics.RecordKitCreated()");
  EXPECT_EQ(textOf(Code, Save.Failure), "!out.Flush()");
  EXPECT_EQ(Save.What, "Flush");
  EXPECT_EQ(Save.EnclosingFunction, "shop::Save");
  const RecordBeforeFailure &Send = F.Scan.RecordsBeforeFailure[1];
  EXPECT_EQ(textOf(Code, Send.Record), "metrics.RecordKitCreated(2)");
  EXPECT_EQ(textOf(Code, Send.Failure), "Write(fd) != 0");
  EXPECT_EQ(Send.What, "Write");
  EXPECT_EQ(Send.EnclosingFunction, "shop::Send");
  const RecordBeforeFailure &Later = F.Scan.RecordsBeforeFailure[2];
  EXPECT_EQ(textOf(Code, Later.Record), "metrics.RecordKitCreated(3)");
  EXPECT_EQ(textOf(Code, Later.Failure), "!ok");
  EXPECT_EQ(Later.What, "Flush");
  EXPECT_EQ(Later.EnclosingFunction, "shop::Later");
}

TEST(RecordsBeforeFailure, TheFirstFailureOnlyAndEachRecording) {
  std::string Code = withIo(R"cpp(
extern prometheus::Counter& WRITES;
void Both(MetricsServiceProtocol& metrics, Out& out) {
  WRITES.Increment();
  metrics.RecordKitCreated();
  if (!out.Flush()) throw std::runtime_error("flush");
  throw std::runtime_error("later");
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.RecordsBeforeFailure.size(), 2u);
  EXPECT_EQ(textOf(Code, F.Scan.RecordsBeforeFailure[0].Record), "WRITES.Increment()");
  EXPECT_EQ(textOf(Code, F.Scan.RecordsBeforeFailure[1].Record),
            "metrics.RecordKitCreated()");
  for (const RecordBeforeFailure &R : F.Scan.RecordsBeforeFailure) {
    EXPECT_EQ(textOf(Code, R.Failure), "!out.Flush()");
    EXPECT_EQ(R.What, "Flush");
  }
}

TEST(RecordsBeforeFailure, NoneWhenTheRecordingComesAfter) {
  std::string Code = withIo(R"cpp(
int Add(MetricsServiceProtocol& metrics, int quantity) {
  if (quantity <= 0) {
    throw std::invalid_argument("quantity must be positive");
  }
  metrics.RecordQuantityChange("add", quantity);
  return quantity;
}
bool Save(MetricsServiceProtocol& metrics, Out& out) {
  bool ok = out.Flush();
  metrics.RecordKitCreated();
  if (!ok) return false;
  return true;
})cpp");
  EXPECT_THAT(factsFor(Code).Scan.RecordsBeforeFailure, IsEmpty());
}

TEST(RecordsBeforeFailure, NoneFromAnotherBlock) {
  std::string Code = withIo(R"cpp(
void Update(MetricsServiceProtocol& metrics, int n) {
  for (int i = 0; i < n; ++i) {
    if (i == 3) {
      metrics.RecordKitCreated();
      return;
    }
  }
  throw std::out_of_range("not found");
}
void Lazy(MetricsServiceProtocol& metrics) {
  auto record = [&] { metrics.RecordKitCreated(); };
  throw std::logic_error("before the lambda runs");
  record();
})cpp");
  EXPECT_THAT(factsFor(Code).Scan.RecordsBeforeFailure, IsEmpty());
}

TEST(RecordsBeforeFailure, NoneForQueriesOrAfterAReturn) {
  std::string Code = withIo(R"cpp(
bool Check(MetricsServiceProtocol& metrics, const Out& out) {
  metrics.RecordKitCreated();
  if (!out.Ready()) return false;
  return true;
}
int Done(MetricsServiceProtocol& metrics, int n) {
  metrics.RecordKitCreated();
  return n;
  throw std::logic_error("unreachable");
})cpp");
  EXPECT_THAT(factsFor(Code).Scan.RecordsBeforeFailure, IsEmpty());
}

// --- Merge and JSON --------------------------------------------------------

SourceSpan at(const std::string &File, unsigned Offset, unsigned Line) {
  SourceSpan S;
  S.File = File;
  S.Offset = Offset;
  S.Length = 5;
  S.Line = Line;
  S.Column = 1;
  return S;
}

TEST(Findings, MergeDeduplicatesAndSorts) {
  Registration A{"a_total", MetricKind::Counter, "", {}, at("b.h", 40, 3), ""};
  Registration B{"b_total", MetricKind::Gauge, "", {}, at("a.cpp", 10, 1), "f"};
  WallClockRead W{at("b.h", 90, 7), "g"};
  RecordBeforeFailure R1{at("c.cpp", 50, 4), at("c.cpp", 80, 6), "throw", "h"};
  RecordBeforeFailure R2{at("c.cpp", 20, 2), at("c.cpp", 80, 6), "throw", "h"};
  TUFacts One, Two;
  One.Scan.Registrations = {A, B};
  One.Scan.WallClockReads = {W};
  One.Scan.RecordsBeforeFailure = {R1};
  Two.Scan.Registrations = {A};
  Two.Scan.WallClockReads = {W};
  Two.Scan.RecordsBeforeFailure = {R1, R2};
  Facts M = mergeScan({One, Two});
  ASSERT_EQ(M.Registrations.size(), 2u);
  EXPECT_EQ(M.Registrations[0].Name, "b_total");
  EXPECT_EQ(M.Registrations[1].Name, "a_total");
  ASSERT_EQ(M.WallClockReads.size(), 1u);
  EXPECT_EQ(M.WallClockReads[0].EnclosingFunction, "g");
  ASSERT_EQ(M.RecordsBeforeFailure.size(), 2u);
  EXPECT_EQ(M.RecordsBeforeFailure[0].Record.Offset, 20u);
  EXPECT_EQ(M.RecordsBeforeFailure[1].Record.Offset, 50u);
}

TEST(Findings, InTheFactsJSON) {
  Facts F;
  F.Registrations = {{"a_total", MetricKind::Histogram, "A", {"k"}, at("a.cpp", 1, 1), ""}};
  F.WallClockReads = {{at("a.cpp", 9, 2), "f"}};
  F.RecordsBeforeFailure = {{at("a.cpp", 20, 3), at("a.cpp", 30, 4), "Flush", "f"}};
  llvm::json::Value V = toJSON(F);
  const llvm::json::Object *O = V.getAsObject();
  ASSERT_TRUE(O);
  const llvm::json::Array *Regs = O->getArray("registrations");
  ASSERT_TRUE(Regs && Regs->size() == 1);
  const llvm::json::Object *Reg = (*Regs)[0].getAsObject();
  EXPECT_EQ(Reg->getString("name"), "a_total");
  EXPECT_EQ(Reg->getString("kind"), "histogram");
  EXPECT_EQ(Reg->getString("help"), "A");
  const llvm::json::Array *Reads = O->getArray("wall_clock_reads");
  ASSERT_TRUE(Reads && Reads->size() == 1);
  EXPECT_EQ((*Reads)[0].getAsObject()->getString("enclosing_function"), "f");
  const llvm::json::Array *Fails = O->getArray("records_before_failure");
  ASSERT_TRUE(Fails && Fails->size() == 1);
  const llvm::json::Object *Fail = (*Fails)[0].getAsObject();
  EXPECT_EQ(Fail->getString("what"), "Flush");
  EXPECT_EQ(Fail->getObject("failure")->getInteger("line"), 4);
}

} // namespace
} // namespace mm::test
