//===--- FactsActionTest.cpp - What the action parses ---------------------===//
//
// The action skips function bodies in system headers: an error inside one
// is never seen, while the same body in a project header still fails the TU.
//
//===----------------------------------------------------------------------===//

#include "matchers/FactsAction.h"

#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

const char *const Header = R"cpp(
#pragma once
inline int broken() { return undeclared_name; }
template <class T> T twice(T x) { return x.undeclared_member(); }
)cpp";

const char *const Main = R"cpp(
#include <lib/broken.h>
int use() { return twice(2); }
)cpp";

/// Runs the action on Main with lib/broken.h found under \p IncludeFlag.
TUFacts parse(const std::string &IncludeFlag, bool &Ok) {
  Config Cfg;
  Cfg.ServiceClass = "shop::MetricsService";
  Cfg.Root = "/project";
  Cfg.Path = "/project/.metrics-migrate.yaml";
  TUFacts Out;
  clang::tooling::FileContentMappings Files = {{"/deps/lib/broken.h", Header}};
  Ok = clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<FactsAction>(Cfg, Out), Main, {"-std=c++17", IncludeFlag + "/deps"},
      "/project/input.cc", "metrics-migrate",
      std::make_shared<clang::PCHContainerOperations>(), Files);
  return Out;
}

TEST(FactsAction, SkipsFunctionBodiesInSystemHeaders) {
  bool Ok = false;
  TUFacts Out = parse("-isystem", Ok);
  EXPECT_TRUE(Ok);
  EXPECT_TRUE(Out.Parsed);
}

TEST(FactsAction, ParsesFunctionBodiesInOtherHeaders) {
  bool Ok = true;
  TUFacts Out = parse("-I", Ok);
  EXPECT_FALSE(Ok);
  EXPECT_FALSE(Out.Parsed);
}

TEST(FactsAction, RecordsTheConditionalBranchesItCompiled) {
  const char *Code = R"cpp(#include "lib/config.h"
#ifdef WITH_M
#include "lib/m.h"
int a = 1;
#else
int a = 2;
#endif
#if 0
int b;
#endif
#if !defined(NOPE) && 1
int c;
#elif 1
int d;
#endif
#ifndef WITH_M
int e;
#else
int f;
#endif
)cpp";
  Config Cfg;
  Cfg.ServiceClass = "shop::MetricsService";
  Cfg.Root = "/project";
  Cfg.Path = "/project/.metrics-migrate.yaml";
  TUFacts Out;
  clang::tooling::FileContentMappings Files = {
      {"/project/lib/config.h", "#ifndef LIB_CONFIG_H\n#define LIB_CONFIG_H\n#define WITH_M 1\n#endif\n"},
      {"/project/lib/m.h", "#pragma once\nint m();\n"}};
  ASSERT_TRUE(clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<FactsAction>(Cfg, Out), Code, {"-std=c++17", "-I/project"},
      "/project/input.cc", "metrics-migrate", std::make_shared<clang::PCHContainerOperations>(),
      Files));
  std::vector<std::string> Seen;
  for (const ConditionalRegion &R : Out.Scan.ConditionalRegions) {
    std::string Includes;
    for (const std::string &I : R.Includes)
      Includes += " " + I;
    Seen.push_back(R.Branch.File + ":" + std::to_string(R.Branch.Line) + " " + R.Condition +
                   Includes);
  }
  // The include guard, `#if 0` and the branches not taken are no branch of
  // this configuration.
  EXPECT_EQ(Seen, (std::vector<std::string>{"input.cc:2 defined(WITH_M) lib/m.h",
                                            "input.cc:11 !defined(NOPE) && 1",
                                            "input.cc:18 !(!defined(WITH_M))"}));
}

} // namespace
} // namespace mm
