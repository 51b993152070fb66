//===--- ReparseTest.cpp - The re-parse action, on code in memory ---------===//

#include "verify/Reparse.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// Runs the re-parse action on \p Main as /project/probe.cpp.
ReparseOutput reparse(const std::string &Main, const LinesOfInterest *Lines = nullptr,
                      clang::tooling::FileContentMappings Files = {}) {
  ReparseOutput Out;
  std::unique_ptr<clang::tooling::FrontendActionFactory> Factory =
      newReparseFactory("/project", Lines, Out);
  clang::tooling::runToolOnCodeWithArgs(
      Factory->create(), Main, {"-std=c++17", "-I/project"}, "/project/probe.cpp",
      "metrics-migrate", std::make_shared<clang::PCHContainerOperations>(), Files);
  return Out;
}

TEST(Reparse, AnIncludeNotFoundNamesTheFileAsSpelled) {
  ReparseOutput Out = reparse("#define SINK \"telemetry/old.h\"\n#include SINK\nint x;\n");
  ASSERT_FALSE(Out.Diagnostics.empty());
  const Diagnostic &D = Out.Diagnostics.front();
  EXPECT_EQ(D.str(), "probe.cpp:2:10: error: 'telemetry/old.h' file not found");
  EXPECT_EQ(D.Missing, "telemetry/old.h");
  // Any other error names no file.
  Out = reparse("int x = y;\n");
  ASSERT_EQ(Out.Diagnostics.size(), 1u);
  EXPECT_EQ(Out.Diagnostics[0].Missing, "");
}

TEST(Reparse, ReferencesSayWhereOnTheLineEachNameIs) {
  LinesOfInterest Lines = {{"probe.cpp", {3}}};
  ReparseOutput Out = reparse("#include \"ctx.h\"\n"
                              "\n"
                              "int f(Ctx* c) { return c->desk + c->sink; }\n",
                              &Lines, {{"/project/ctx.h", "struct Ctx { int desk; int sink; };\n"}});
  EXPECT_THAT(Out.Diagnostics, IsEmpty());
  std::vector<std::string> Seen;
  for (const Reference &R : Out.References)
    Seen.push_back(R.Name + "@" + std::to_string(R.Column) + "+" + std::to_string(R.Length) +
                   " " + R.Decl.File);
  // In the order the AST has them; f itself is declared on the line.
  EXPECT_THAT(Seen, ElementsAre("Ctx@7+3 ctx.h", "desk@27+4 ctx.h", "c@24+1 probe.cpp",
                                "sink@37+4 ctx.h", "c@34+1 probe.cpp"));
}

} // namespace
} // namespace mm
