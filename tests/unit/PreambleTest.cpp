//===--- PreambleTest.cpp - Where new file-local code goes ----------------===//
//
// rewrite() on plain data for the blocks a call site's file gets at the top
// of its namespace: a wrapper turned into a file-local helper, and the
// file-local constant its body uses. With no definition beside them they
// are one anonymous namespace, or go into the one the file opens there.
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

const char *const ReportSource = R"cpp(#include "services/report.h"

namespace {

int Twice(int n) { return 2 * n; }

}  // namespace

void Report(shop::MetricsServiceProtocol& metrics) { metrics.RecordRows(Twice(3)); }
)cpp";

/// RecordRows becomes a helper in services/report.cpp, which records a
/// metric owned by services/rows.
struct HelperCase {
  std::map<std::string, std::string> Files = {{"services/report.cpp", ReportSource},
                                              {"services/rows.cpp", "void Rows() {}\n"},
                                              {"services/rows.h", "void Rows();\n"},
                                              {"metrics/metrics_service.h",
                                               "struct MetricsService {\n  void RecordRows(int rows);\n};\n"}};
  Catalog C;
  Facts F;
  Plan P;

  HelperCase() {
    C.TheService.Name = "shop::MetricsService";
    C.TheService.Header = "metrics/metrics_service.h";
    Metric M;
    M.Name = "rows_total";
    M.Field = "rows_total_";
    C.Metrics = {M};
    Wrapper W;
    W.Name = "RecordRows";
    W.Signature = "RecordRows(int)";
    W.ReturnType = "void";
    W.Params = {{"rows", "int", ""}};
    W.Metrics = {"rows_total"};
    W.Decl = spanOf(Files, "metrics/metrics_service.h", "void RecordRows(int rows);");
    W.Body = BodyKind::MultiStatement;
    W.Template = tmpl("if (${param:rows} <= 0) return;\n  ${metric:rows_total}.Increment(${param:rows} * kScale);");
    W.LocalConstants = {{"kScale", "const int kScale = 2;"}};
    C.Wrappers = {W};
    CallSite CS;
    CS.Loc = spanOf(Files, "services/report.cpp", "metrics.RecordRows(Twice(3))");
    CS.Wrapper = W.Name;
    CS.Signature = W.Signature;
    CS.Receiver = "metrics";
    CS.Args = {"Twice(3)"};
    CS.Module = "services/report";
    C.CallSites = {CS};
    MetricPlan MP;
    MP.Name = "rows_total";
    MP.Fate = MetricFate::Shared;
    MP.Constant = "ROWS_TOTAL";
    MP.Owner = "services/rows";
    MP.OwnerSource = "services/rows.cpp";
    MP.OwnerHeader = "services/rows.h";
    MP.Definition = "prometheus::Counter& ROWS_TOTAL = Make();";
    MP.Declaration = "extern prometheus::Counter& ROWS_TOTAL;";
    P.Metrics = {MP};
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    WP.Fate = WrapperFate::Helper;
    P.Wrappers = {WP};
  }
};

TEST(Preamble, FileLocalCodeGoesIntoTheAnonymousNamespaceOpenedThere) {
  HelperCase K;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/report.cpp"], R"cpp(#include "services/report.h"

namespace {

const int kScale = 2;

void RecordRows(int rows) {
  if (rows <= 0) return;
  ROWS_TOTAL.Increment(rows * kScale);
}

int Twice(int n) { return 2 * n; }

}  // namespace

void Report(shop::MetricsServiceProtocol& metrics) { RecordRows(Twice(3)); }
)cpp");
}

TEST(Preamble, ElseOneAnonymousNamespaceHoldsItAll) {
  HelperCase K;
  K.Files["services/report.cpp"] = R"cpp(#include "services/report.h"

int Twice(int n) { return 2 * n; }

void Report(shop::MetricsServiceProtocol& metrics) { metrics.RecordRows(Twice(3)); }
)cpp";
  K.C.CallSites[0].Loc = spanOf(K.Files, "services/report.cpp", "metrics.RecordRows(Twice(3))");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/report.cpp"], R"cpp(#include "services/report.h"

namespace {

const int kScale = 2;

void RecordRows(int rows) {
  if (rows <= 0) return;
  ROWS_TOTAL.Increment(rows * kScale);
}

}  // namespace

int Twice(int n) { return 2 * n; }

void Report(shop::MetricsServiceProtocol& metrics) { RecordRows(Twice(3)); }
)cpp");
}

} // namespace
} // namespace mm
