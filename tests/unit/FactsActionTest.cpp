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

} // namespace
} // namespace mm
