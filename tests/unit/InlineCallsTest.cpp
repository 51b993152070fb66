//===--- InlineCallsTest.cpp - Calls rewritten, and what they leave -------===//
//
// rewrite() on plain data for inlineCalls: a call of an inlined wrapper
// becomes its body on the constant, and a parameter every use of which was
// the object of such a call loses its name to a comment; a parameter still
// named elsewhere, or reaching a call that stays, keeps it.
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

const char *const Runner = R"cpp(int run(Env* env, int id) {
  env->stats->Hit();
  return id;
}

int again(Env* env) {
  env->stats->Hit();
  return env->id;
}
)cpp";

/// Hit() records hits_total, which moves to jobs/runner.cpp.
struct RunnerCase {
  std::map<std::string, std::string> Files = {
      {"jobs/runner.cpp", Runner}, {"stats/stats.h", "class Stats {\n public:\n  void Hit();\n};\n"}};
  Catalog C;
  Facts F;
  Plan P;

  RunnerCase() {
    const std::string File = "jobs/runner.cpp";
    C.TheService.Name = "Stats";
    C.TheService.Header = C.TheService.Source = "stats/stats.h";
    Wrapper W;
    W.Name = "Hit";
    W.Signature = "Hit()";
    W.Template = tmpl("${metric:hits_total}.Increment();");
    W.Metrics = {"hits_total"};
    W.Decl = W.Definition = spanOf(Files, "stats/stats.h", "void Hit();");
    C.Wrappers = {W};
    Metric M;
    M.Name = "hits_total";
    M.Field = "hits_";
    C.Metrics = {M};
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    P.Wrappers = {WP};
    MetricPlan MP;
    MP.Name = "hits_total";
    MP.Constant = "HITS_TOTAL";
    MP.Owner = "jobs/runner";
    MP.OwnerSource = File;
    MP.Definition = "prometheus::Counter& HITS_TOTAL = Hits();";
    P.Metrics = {MP};
    // One call in each function, reached through its parameter `env`: named
    // once in run, twice in again.
    for (const auto &[Function, Uses] : {std::pair{"int run(Env* env", 1u}, {"int again(Env* env", 2u}}) {
      SourceSpan Fn = spanOf(Files, File, Function);
      CallSite CS;
      CS.Wrapper = W.Name;
      CS.Signature = W.Signature;
      CS.Module = MP.Owner;
      CS.Loc = spanOf(Files, File, "env->stats->Hit()");
      // The call after this function's head.
      CS.Loc.Offset = static_cast<unsigned>(Files[File].find("env->stats->Hit()", Fn.Offset));
      CS.ReceiverParam = Fn;
      CS.ReceiverParam.Offset += static_cast<unsigned>(std::string(Function).rfind("env"));
      CS.ReceiverParam.Length = 3;
      CS.ReceiverParamUses = Uses;
      C.CallSites.push_back(CS);
    }
  }
};

TEST(InlineCalls, AParameterOnlyCallsWentThroughLosesItsName) {
  RunnerCase K;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["jobs/runner.cpp"], "\n"
                                    "prometheus::Counter& HITS_TOTAL = Hits();\n"
                                    "int run(Env* /*env*/, int id) {\n"
                                    "  HITS_TOTAL.Increment();\n"
                                    "  return id;\n"
                                    "}\n"
                                    "\n"
                                    "int again(Env* env) {\n"
                                    "  HITS_TOTAL.Increment();\n"
                                    "  return env->id;\n"
                                    "}\n");
}

TEST(InlineCalls, AParameterReachingACallThatStaysKeepsItsName) {
  RunnerCase K;
  K.P.Wrappers[0].Fate = WrapperFate::Keep;
  K.P.Metrics[0].Fate = MetricFate::Kept;
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["jobs/runner.cpp"], Runner);
}

TEST(InlineCalls, UsesThatWentWithACheckCountAsGone) {
  RunnerCase K;
  // run's parameter is named twice: the check of the pointer, and the call.
  std::string Guarded = "int run(Env* env, int id) {\n"
                        "  if (env->stats) env->stats->Hit();\n"
                        "  return id;\n"
                        "}\n";
  K.Files["jobs/runner.cpp"] = Guarded;
  CallSite &CS = K.C.CallSites[0];
  CS.Loc = spanOf(K.Files, "jobs/runner.cpp", "env->stats->Hit()");
  CS.ReceiverParam = spanOf(K.Files, "jobs/runner.cpp", "env,");
  CS.ReceiverParam.Length = 3;
  CS.ReceiverParamUses = 2;
  K.C.CallSites.resize(1);
  NullGuard G;
  G.If = spanOf(K.Files, "jobs/runner.cpp", "if (env->stats) env->stats->Hit();");
  G.Body = spanOf(K.Files, "jobs/runner.cpp", "env->stats->Hit();");
  G.Field = "stats";
  G.Owner = "Env";
  G.OnlyRecords = G.InBlock = true;
  G.ReceiverParam = CS.ReceiverParam;
  G.ReceiverParamUses = 1;
  K.F.NullGuards = {G};
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["jobs/runner.cpp"], "\n"
                                    "prometheus::Counter& HITS_TOTAL = Hits();\n"
                                    "int run(Env* /*env*/, int id) {\n"
                                    "  HITS_TOTAL.Increment();\n"
                                    "  return id;\n"
                                    "}\n");
  // No change when the check does not say it names the parameter.
  K.F.NullGuards[0].ReceiverParam = SourceSpan();
  Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["jobs/runner.cpp"], "\n"
                                    "prometheus::Counter& HITS_TOTAL = Hits();\n"
                                    "int run(Env* env, int id) {\n"
                                    "  HITS_TOTAL.Increment();\n"
                                    "  return id;\n"
                                    "}\n");
}

} // namespace
} // namespace mm
