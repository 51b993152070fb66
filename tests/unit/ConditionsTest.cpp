//===--- ConditionsTest.cpp - Preprocessor branches in a file's text ------===//

#include "core/Conditions.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using Strings = std::vector<std::string>;

unsigned at(llvm::StringRef Text, llvm::StringRef Needle) {
  return static_cast<unsigned>(Text.find(Needle));
}

TEST(Conditions, NormalFormsOfOneCondition) {
  EXPECT_EQ(normalCondition("defined X"), "defined(X)");
  EXPECT_EQ(normalCondition(" defined( X ) "), "defined(X)");
  EXPECT_EQ(normalCondition("! defined(X)"), "!defined(X)");
  EXPECT_EQ(normalCondition("A  &&\tB"), "A && B");
  EXPECT_EQ(openingDirective("defined(HAVE_PROMETHEUS)"), "#ifdef HAVE_PROMETHEUS");
  EXPECT_EQ(openingDirective("!defined(NO_METRICS)"), "#ifndef NO_METRICS");
  EXPECT_EQ(openingDirective("WITH_METRICS && !LITE"), "#if WITH_METRICS && !LITE");
}

TEST(Conditions, TheBranchesOpenAtAnOffset) {
  llvm::StringRef T = "#ifndef ENGINE_H\n"
                      "#define ENGINE_H\n"
                      "#include \"config.h\"\n"
                      "#ifdef HAVE_PROMETHEUS // the option\n"
                      "#include \"telemetry/Metrics.h\"\n"
                      "#if  WITH_X  &&  Y\n"
                      "int x;\n"
                      "#else\n"
                      "int y;\n"
                      "#endif\n"
                      "int z;\n"
                      "#endif /* HAVE_PROMETHEUS */\n"
                      "int w;\n"
                      "#endif\n";
  // The include guard is no branch of a configuration.
  EXPECT_EQ(openConditions(T, at(T, "#include \"config")), Strings{});
  EXPECT_EQ(openConditions(T, at(T, "#include \"tele")), Strings{"defined(HAVE_PROMETHEUS)"});
  EXPECT_EQ(openConditions(T, at(T, "int x")), (Strings{"defined(HAVE_PROMETHEUS)", "WITH_X && Y"}));
  EXPECT_EQ(openConditions(T, at(T, "int y")), (Strings{"defined(HAVE_PROMETHEUS)", ""}));
  EXPECT_EQ(openConditions(T, at(T, "int z")), Strings{"defined(HAVE_PROMETHEUS)"});
  EXPECT_EQ(openConditions(T, at(T, "int w")), Strings{});
  // Past the outermost branch open there: after its `#endif` line.
  EXPECT_EQ(pastOpenBranches(T, at(T, "int x")), at(T, "int w"));
  EXPECT_EQ(pastOpenBranches(T, at(T, "int w")), at(T, "int w"));
}

TEST(Conditions, DirectivesInCommentsAndStringsAreNotRead) {
  llvm::StringRef T = "/*\n#ifdef A\n*/\n"
                      "const char *s = \"\\\n#ifdef B\";\n"
                      "int x;\n";
  EXPECT_EQ(openConditions(T, at(T, "int x")), Strings{});
}

} // namespace
} // namespace mm
