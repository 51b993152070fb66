//===--- DropRulesTest.cpp - What the stripping leaves unused goes --------===//
//
// rewrite() on plain data for the rules that clean up after the others: a
// `this` capture that only reached a stripped field, a file-local constant of
// the service's .cpp that was copied out and is no longer used there (with
// its comment and an emptied anonymous namespace), and a variable of the
// service nothing uses any more (unless building it still registers
// metrics). Each with the cases that must change nothing.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

#include <map>

namespace mm {
namespace {

using test::rewritten;
using test::spanOf;

//===-- Captures ----------------------------------------------------------===//

const char *const PickHeader = R"cpp(class PickService {
 public:
  void PickAll();

 private:
  MetricsServiceProtocol& metrics_;
  int count_ = 0;
};
)cpp";

const char *const PickSource = R"cpp(void PickService::PickAll() {
  auto pick = [this](int line) { LINES_PICKED_TOTAL.Add({}).Increment(line); };
  auto more = [&, this](int line) { ++count_; };
  pick(1);
  more(2);
}
)cpp";

struct CaptureCase {
  std::map<std::string, std::string> Files = {{"services/pick_service.h", PickHeader},
                                              {"services/pick_service.cpp", PickSource}};
  Catalog C;
  Facts F;
  Plan P;

  CaptureCase() {
    InjectionPoint Field;
    Field.Kind = InjectionKind::Field;
    Field.Owner = "shop::PickService";
    Field.Name = "metrics_";
    Field.Loc = spanOf(Files, "services/pick_service.h", "MetricsServiceProtocol& metrics_");
    P.Strip.push_back(Field);
  }

  ThisCapture capture(const std::string &Written, const std::string &Removal,
                      std::vector<std::string> Fields) {
    ThisCapture T;
    T.Capture = spanOf(Files, "services/pick_service.cpp", Written);
    T.Capture.Offset += static_cast<unsigned>(Written.find("this"));
    T.Capture.Length = 4;
    T.Removal = spanOf(Files, "services/pick_service.cpp", Written);
    T.Removal.Offset += static_cast<unsigned>(Written.find(Removal));
    T.Removal.Length = static_cast<unsigned>(Removal.size());
    T.Owner = "shop::PickService";
    T.Fields = std::move(Fields);
    return T;
  }
};

TEST(DropCaptures, ThisThatOnlyReachedAStrippedFieldGoes) {
  CaptureCase K;
  K.F.ThisCaptures.push_back(K.capture("[this]", "this", {"shop::PickService::metrics_"}));
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.cpp"], R"cpp(void PickService::PickAll() {
  auto pick = [](int line) { LINES_PICKED_TOTAL.Add({}).Increment(line); };
  auto more = [&, this](int line) { ++count_; };
  pick(1);
  more(2);
}
)cpp");
}

TEST(DropCaptures, WithItsComma) {
  CaptureCase K;
  K.F.ThisCaptures.push_back(
      K.capture("[&, this]", ", this", {"shop::PickService::metrics_"}));
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["services/pick_service.cpp"].find("auto more = [&](int line)"),
            std::string::npos);
}

TEST(DropCaptures, AnotherMemberKeepsIt) {
  CaptureCase K;
  // A field that stays, a method, `this` itself: each keeps the capture.
  K.F.ThisCaptures.push_back(K.capture(
      "[this]", "this", {"shop::PickService::count_", "shop::PickService::metrics_"}));
  ThisCapture Method = K.capture("[&, this]", ", this", {"shop::PickService::metrics_"});
  Method.Methods = {"shop::PickService::PickAll"};
  K.F.ThisCaptures.push_back(Method);
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.cpp"], PickSource);

  CaptureCase Other;
  ThisCapture Passed = Other.capture("[this]", "this", {"shop::PickService::metrics_"});
  Passed.OtherUse = true;
  Other.F.ThisCaptures.push_back(Passed);
  EXPECT_EQ(rewritten(Other.C, Other.F, Other.P, Other.Files)["services/pick_service.cpp"],
            PickSource);
}

TEST(DropCaptures, NothingStrippedNothingDropped) {
  CaptureCase K;
  K.P.Keep = K.P.Strip; // the injection stays (a call left for a human)
  K.P.Strip.clear();
  K.F.ThisCaptures.push_back(K.capture("[this]", "this", {"shop::PickService::metrics_"}));
  // A capture that reaches nothing was not the migration's doing.
  K.F.ThisCaptures.push_back(K.capture("[&, this]", ", this", {}));
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.cpp"], PickSource);
  EXPECT_EQ(Out["services/pick_service.h"], PickHeader);
}

/// A field that stays (another call still needs it) but that the lambda no
/// longer names once its call is inlined: the capture goes; while the call
/// stays, it stays.
TEST(DropCaptures, KeptFieldTheLambdaNoLongerNamesDoesNotHoldIt) {
  for (WrapperFate Fate : {WrapperFate::Inline, WrapperFate::Keep}) {
    CaptureCase K;
    K.Files["services/pick_service.cpp"] = R"cpp(void PickService::PickAll() {
  auto pick = [this](int line) { metrics_.RecordLinePicked(line); };
  pick(1);
}
)cpp";
    K.Files["metrics/metrics_service.h"] = "  void RecordLinePicked(int line);\n";
    K.P.Keep = K.P.Strip;
    K.P.Strip.clear();
    Wrapper W;
    W.Name = "RecordLinePicked";
    W.Signature = "RecordLinePicked(int)";
    W.Params = {{"line", "int", ""}};
    W.Template = tmpl("LINES_PICKED_TOTAL.Add({}).Increment(${param:line});");
    W.Decl = spanOf(K.Files, "metrics/metrics_service.h", "void RecordLinePicked(int line)");
    K.C.Wrappers = {W};
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    WP.Fate = Fate;
    K.P.Wrappers = {WP};
    CallSite CS;
    CS.Loc = spanOf(K.Files, "services/pick_service.cpp", "metrics_.RecordLinePicked(line)");
    CS.Wrapper = W.Name;
    CS.Signature = W.Signature;
    CS.Args = {"line"};
    K.C.CallSites = {CS};
    K.F.ThisCaptures.push_back(K.capture("[this]", "this", {"shop::PickService::metrics_"}));
    auto Out = rewritten(K.C, K.F, K.P, K.Files);
    if (Fate == WrapperFate::Inline)
      EXPECT_EQ(Out["services/pick_service.cpp"], R"cpp(void PickService::PickAll() {
  auto pick = [](int line) { LINES_PICKED_TOTAL.Add({}).Increment(line); };
  pick(1);
}
)cpp");
    else
      EXPECT_EQ(Out["services/pick_service.cpp"], K.Files["services/pick_service.cpp"]);
  }
}

//===-- Constants ---------------------------------------------------------===//

const char *const ServiceHeader = R"cpp(class MetricsService {
 public:
  void RecordSearchDuration(double seconds);
  void Poll();
};
)cpp";

/// The service's .cpp with \p Poll as the body of its kept method.
std::string serviceSource(const std::string &Poll) {
  return R"cpp(#include "metrics/metrics_service.h"

namespace shop {
namespace {

// Latency buckets for request/response style operations.
static const prometheus::Histogram::BucketBoundaries kLatencyBuckets{
    0.01, 0.05, 0.1, 0.5, 1.0};

static const prometheus::Histogram::BucketBoundaries kSizeBuckets{1, 10};

}  // namespace

void MetricsService::RecordSearchDuration(double seconds) {
  search_duration_seconds_.Add({}, kLatencyBuckets).Observe(seconds * kSizeBuckets[0]);
}

void MetricsService::Poll() {)cpp" +
         Poll + R"cpp(}

}  // namespace shop
)cpp";
}

struct ConstantCase {
  std::map<std::string, std::string> Files;
  Catalog C;
  Facts F;
  Plan P;

  explicit ConstantCase(const std::string &Poll) {
    const std::string Source = "metrics/metrics_service.cpp";
    const std::string Header = "metrics/metrics_service.h";
    Files = {{Header, ServiceHeader}, {Source, serviceSource(Poll)}};
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Namespace = "shop";
    C.TheService.Header = Header;
    C.TheService.Source = Source;
    SourceSpan Namespace =
        spanOf(Files, Source, "namespace {\n\n// Latency");
    Namespace.Length = static_cast<unsigned>(Files[Source].find("}  // namespace\n") + 1 -
                                             Namespace.Offset);
    for (const char *Name : {"kLatencyBuckets", "kSizeBuckets"}) {
      LocalConstantSite L;
      L.Name = Name;
      std::string Decl = std::string("static const prometheus::Histogram::BucketBoundaries ") +
                         Name + "{";
      L.Decl = spanOf(Files, Source, Decl);
      L.Decl.Length = static_cast<unsigned>(Files[Source].find("};", L.Decl.Offset) + 1 -
                                            L.Decl.Offset);
      L.Namespace = Namespace;
      C.TheService.LocalConstants.push_back(L);
    }
    Wrapper W;
    W.Name = "RecordSearchDuration";
    W.Signature = "RecordSearchDuration(double)";
    W.Decl = spanOf(Files, Header, "void RecordSearchDuration(double seconds);");
    W.Definition = spanOf(Files, Source, "void MetricsService::RecordSearchDuration");
    W.Definition.Length = static_cast<unsigned>(
        Files[Source].find("}\n", W.Definition.Offset) + 1 - W.Definition.Offset);
    W.Metrics = {"search_duration_seconds"};
    C.Wrappers.push_back(W);
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    WP.Fate = WrapperFate::Inline;
    P.Wrappers.push_back(WP);
  }
};

TEST(DropLocalConstants, UnusedOriginalGoesWithItsComment) {
  // kSizeBuckets is still used: the namespace stays.
  ConstantCase K("\n  Observe(kSizeBuckets);\n");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(#include "metrics/metrics_service.h"

namespace shop {
namespace {

static const prometheus::Histogram::BucketBoundaries kSizeBuckets{1, 10};

}  // namespace

void MetricsService::Poll() {
  Observe(kSizeBuckets);
}

}  // namespace shop
)cpp");
}

TEST(DropLocalConstants, EmptiedNamespaceGoesWhole) {
  ConstantCase K("");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(#include "metrics/metrics_service.h"

namespace shop {

void MetricsService::Poll() {}

}  // namespace shop
)cpp");
}

TEST(DropLocalConstants, NamedOnlyInACommentOrAStringGoes) {
  ConstantCase K("\n  // Same pattern as kLatencyBuckets.\n  Log(\"kSizeBuckets\");\n");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(#include "metrics/metrics_service.h"

namespace shop {

void MetricsService::Poll() {
  // Same pattern as kLatencyBuckets.
  Log("kSizeBuckets");
}

}  // namespace shop
)cpp");
}

TEST(DropLocalConstants, StillUsedStays) {
  ConstantCase K("\n  Observe(kSizeBuckets, kLatencyBuckets);\n");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  const std::string &Text = Out["metrics/metrics_service.cpp"];
  EXPECT_NE(Text.find("// Latency buckets for request/response style operations.\n"
                      "static const prometheus::Histogram::BucketBoundaries kLatencyBuckets{"),
            std::string::npos);
  EXPECT_NE(Text.find("kSizeBuckets{1, 10};"), std::string::npos);
  EXPECT_EQ(Text.find("RecordSearchDuration"), std::string::npos);
}

/// A member the constructor gives its value (`query_buckets_{..}`), read
/// by the wrapper that is inlined and by \p Poll, the kept method's body.
struct MemberCase {
  std::map<std::string, std::string> Files;
  Catalog C;
  Facts F;
  Plan P;

  explicit MemberCase(const std::string &Poll) {
    const std::string Header = "metrics/metrics_service.h";
    const std::string Source = "metrics/metrics_service.cpp";
    Files = {{Header, R"cpp(class MetricsService {
 public:
  MetricsService();
  void RecordQuery(double seconds);
  void Poll();

 private:
  Registry registry_;
  // Seconds.
  std::vector<double> query_buckets_;
};
)cpp"},
             {Source, R"cpp(MetricsService::MetricsService()
    : registry_(Make()),
      query_buckets_{0.001, 0.01} {}

void MetricsService::RecordQuery(double seconds) {
  queries_.Add({}, query_buckets_).Observe(seconds);
}

void MetricsService::Poll() {)cpp" + Poll + "}\n"}};
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Header = Header;
    C.TheService.Source = Source;
    LocalConstantSite L;
    L.Name = "query_buckets_";
    L.Member = true;
    L.Decl = spanOf(Files, Header, "std::vector<double> query_buckets_");
    L.Initializer = spanOf(Files, Source, "query_buckets_{0.001, 0.01}");
    C.TheService.LocalConstants.push_back(L);
    Wrapper W;
    W.Name = "RecordQuery";
    W.Signature = "RecordQuery(double)";
    W.Decl = spanOf(Files, Header, "void RecordQuery(double seconds);");
    W.Definition = spanOf(Files, Source, "void MetricsService::RecordQuery");
    W.Definition.Length = static_cast<unsigned>(Files[Source].find("}\n", W.Definition.Offset) +
                                                1 - W.Definition.Offset);
    C.Wrappers.push_back(W);
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    WP.Fate = WrapperFate::Inline;
    P.Wrappers.push_back(WP);
  }
};

TEST(DropConstantMembers, AMemberTheConstructorGaveItsValueGoesWithItsInitializer) {
  MemberCase K("");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.h"], R"cpp(class MetricsService {
 public:
  MetricsService();
  void Poll();

 private:
  Registry registry_;
};
)cpp");
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], R"cpp(MetricsService::MetricsService()
    : registry_(Make()) {}

void MetricsService::Poll() {}
)cpp");
}

TEST(DropConstantMembers, AMemberStillReadStaysWithItsInitializer) {
  MemberCase K("\n  Observe(query_buckets_);\n");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["metrics/metrics_service.h"].find("std::vector<double> query_buckets_;"),
            std::string::npos);
  EXPECT_NE(Out["metrics/metrics_service.cpp"].find("query_buckets_{0.001, 0.01}"),
            std::string::npos);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"].find("RecordQuery"), std::string::npos);
}

TEST(DropLocalConstants, NothingMovedNothingDropped) {
  ConstantCase K("");
  K.P.Wrappers[0].Fate = WrapperFate::Keep;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["metrics/metrics_service.cpp"], K.Files["metrics/metrics_service.cpp"]);
}

//===-- Holders -----------------------------------------------------------===//

const char *const CheckSource = R"cpp(void Check(std::shared_ptr<prometheus::Registry> registry) {
  app::Metrics metrics(registry);
  auto owned = std::make_shared<app::Metrics>(registry);
  app::Metrics& view = Global();
  Run();
}
)cpp";

/// Three variables of a check that no longer use the service: one builds it
/// on a registry, one owns one it builds, one only refers to another.
struct HolderCase {
  std::map<std::string, std::string> Files = {{"check/ingest_check.cpp", CheckSource}};
  Catalog C;
  Facts F;
  Plan P;

  HolderCase() {
    C.TheService.Name = "app::Metrics";
    auto Var = [&](const std::string &Decl, const std::string &Name, const std::string &Type) {
      ServiceVar V;
      V.Decl = spanOf(Files, "check/ingest_check.cpp", Decl);
      V.Name = Name;
      V.Type = Type;
      F.ServiceVars.push_back(V);
    };
    Var("app::Metrics metrics(registry);", "metrics", "app::Metrics");
    Var("auto owned = std::make_shared<app::Metrics>(registry);", "owned",
        "std::shared_ptr<app::Metrics>");
    Var("app::Metrics& view = Global();", "view", "app::Metrics &");
  }

  void metricThatStays(MetricFate Fate) {
    MetricPlan MP;
    MP.Name = "ingest_queue_depth";
    MP.Fate = Fate;
    P.Metrics.push_back(MP);
    Metric M;
    M.Name = MP.Name;
    M.Kind = MetricKind::Gauge;
    C.Metrics.push_back(M);
  }
};

TEST(RemoveUnusedHolders, NothingRegisteredAllGo) {
  HolderCase K;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["check/ingest_check.cpp"],
            "void Check(std::shared_ptr<prometheus::Registry> registry) {\n"
            "  Run();\n"
            "}\n");
}

TEST(RemoveUnusedHolders, AFieldThePlanKeepsStaysThoughItsCallsWent) {
  // class Resolver { Resolver(Zone z, app::Metrics& metrics); app::Metrics& m_metrics; };
  // Its calls were inlined, but its injection stays (taken back, say).
  const std::string Header = "dns/resolver.h";
  std::map<std::string, std::string> Files = {
      {Header, "class Resolver {\n  Resolver(Zone z, app::Metrics& metrics);\n\n"
               "  Zone m_zone;\n  app::Metrics& m_metrics;\n};\n"}};
  Catalog C;
  Facts F;
  Plan P;
  C.TheService.Name = "app::Metrics";
  ServiceVar V;
  V.Decl = test::spanOf(Files, Header, "app::Metrics& m_metrics");
  V.Name = "m_metrics";
  V.Type = "app::Metrics &";
  V.IsField = true;
  F.ServiceVars.push_back(V);
  InjectionPoint Field;
  Field.Kind = InjectionKind::Field;
  Field.Owner = "dns::Resolver";
  Field.Name = "m_metrics";
  Field.Loc = V.Decl;
  P.Keep.push_back(Field);
  auto Out = rewritten(C, F, P, Files);
  EXPECT_EQ(Out[Header], Files[Header]);
  // Stripped, or no injection point at all: nothing uses it, it goes.
  P.Keep.clear();
  auto Gone = rewritten(C, F, P, Files);
  EXPECT_EQ(Gone[Header], "class Resolver {\n  Resolver(Zone z, app::Metrics& metrics);\n\n"
                          "  Zone m_zone;\n};\n");
}

TEST(RemoveUnusedHolders, WhatBuildsTheServiceStaysWhileItRegisters) {
  for (MetricFate Fate : {MetricFate::Kept, MetricFate::Dead}) {
    HolderCase K;
    K.metricThatStays(Fate);
    auto Out = rewritten(K.C, K.F, K.P, K.Files);
    EXPECT_EQ(Out["check/ingest_check.cpp"],
              "void Check(std::shared_ptr<prometheus::Registry> registry) {\n"
              "  app::Metrics metrics(registry);\n"
              "  auto owned = std::make_shared<app::Metrics>(registry);\n"
              "  Run();\n"
              "}\n");
  }
}

TEST(RemoveUnusedHolders, WhatBuildsTheServiceStaysWhileBuildingItDoesMore) {
  HolderCase K;
  K.C.TheService.Effects = {"field exposer_"};
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["check/ingest_check.cpp"],
            "void Check(std::shared_ptr<prometheus::Registry> registry) {\n"
            "  app::Metrics metrics(registry);\n"
            "  auto owned = std::make_shared<app::Metrics>(registry);\n"
            "  Run();\n"
            "}\n");
}

TEST(RemoveUnusedHolders, AVariableStillUsedStays) {
  HolderCase K;
  for (ServiceVar &V : K.F.ServiceVars)
    V.Uses.push_back(spanOf(K.Files, "check/ingest_check.cpp", "Run"));
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["check/ingest_check.cpp"], K.Files["check/ingest_check.cpp"]);
}

//===-- Forward declarations ----------------------------------------------===//

const char *const DecoderHeader = R"cpp(#pragma once

namespace telemetry {
class Metrics;
}

namespace decode {

class Decoder {
 private:
  std::shared_ptr<telemetry::Metrics> metrics_;
};

}  // namespace decode
)cpp";

const char *const QueueHeader = R"cpp(#pragma once

namespace telemetry {
// What a queue reports to.
class Metrics;
class Clock;
}  // namespace telemetry

class Queue {
  telemetry::Metrics* metrics_;
  telemetry::Clock* clock_;
};
)cpp";

const char *const StaleHeader = R"cpp(namespace telemetry {
class Metrics;
}
int Stale();
)cpp";

/// Three headers declaring telemetry::Metrics ahead: two whose field of it
/// is stripped, one the migration does not touch.
struct ForwardCase {
  std::map<std::string, std::string> Files = {{"decode/decoder.h", DecoderHeader},
                                              {"decode/queue.h", QueueHeader},
                                              {"decode/stale.h", StaleHeader}};
  Catalog C;
  Facts F;
  Plan P;

  ForwardCase() {
    C.TheService.Name = "telemetry::Metrics";
    auto Field = [&](const std::string &File, const std::string &Decl) {
      InjectionPoint IP;
      IP.Kind = InjectionKind::Field;
      IP.Owner = "decode::Decoder";
      IP.Name = "metrics_";
      IP.Loc = spanOf(Files, File, Decl);
      P.Strip.push_back(IP);
    };
    Field("decode/decoder.h", "std::shared_ptr<telemetry::Metrics> metrics_;");
    Field("decode/queue.h", "telemetry::Metrics* metrics_;");
    F.ForwardDeclarations = {
        {"telemetry::Metrics",
         spanOf(Files, "decode/decoder.h", "namespace telemetry {\nclass Metrics;\n}")},
        {"telemetry::Metrics", spanOf(Files, "decode/queue.h", "class Metrics;")},
        {"telemetry::Metrics", spanOf(Files, "decode/stale.h", "class Metrics;")}};
  }
};

TEST(DropForwardDeclarations, ADeclarationLeftUnusedGoesWithItsNamespaceBlock) {
  ForwardCase K;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["decode/decoder.h"], R"cpp(#pragma once

namespace decode {

class Decoder {
};

}  // namespace decode
)cpp");
  // One of a group: the line alone; the comment above speaks of the group.
  EXPECT_EQ(Out["decode/queue.h"], R"cpp(#pragma once

namespace telemetry {
// What a queue reports to.
class Clock;
}  // namespace telemetry

class Queue {
  telemetry::Clock* clock_;
};
)cpp");
}

TEST(DropForwardDeclarations, OneStillNamedOrAlreadyUnusedStays) {
  ForwardCase K;
  K.Files["decode/decoder.h"] = std::string(DecoderHeader) + "void Use(telemetry::Metrics&);\n";
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["decode/decoder.h"].find("class Metrics;"), std::string::npos);
  EXPECT_EQ(Out["decode/stale.h"], StaleHeader);
}

} // namespace
} // namespace mm
