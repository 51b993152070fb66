//===--- FormatEditedTest.cpp - clang-format on edited lines only ---------===//

#include "rewriters/FormatEdited.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;

std::vector<bool> continues(llvm::StringRef Code) {
  return continuesOnNextLine(Code, clang::format::getFormattingLangOpts());
}

/// Formats the lines of \p Code holding \p Find (first occurrence).
std::string formatAround(llvm::StringRef Code, llvm::StringRef Find) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  clang::tooling::Range R(Code.find(Find), Find.size());
  auto Repls = formatEditedLines(Style, Code, {R}, "t.cpp");
  auto Out = clang::tooling::applyAllReplacements(Code, Repls);
  return Out ? *Out : llvm::toString(Out.takeError());
}

TEST(FormatEdited, LinesTakenOutLeaveTheNextLineAsItIs) {
  // Where whole lines were removed the range is empty, at the start of the
  // line after them: that line was not edited (it would be laid out anew,
  // `int  y;` becoming `int y;`).
  llvm::StringRef Code = "struct S {\n  int  y;\n};\n";
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  clang::tooling::Range Removed(Code.find("  int"), 0);
  auto Repls = formatEditedLines(Style, Code, {Removed}, "t.cpp");
  EXPECT_TRUE(Repls.empty());
  // The line closing a block the removal emptied is laid out with it.
  llvm::StringRef Emptied = "S::S() {\n  }\n";
  auto Joined = clang::tooling::applyAllReplacements(
      Emptied, formatEditedLines(Style, Emptied, {clang::tooling::Range(Emptied.find("}"), 0)},
                                 "t.cpp"));
  ASSERT_TRUE(static_cast<bool>(Joined));
  EXPECT_EQ(*Joined, "S::S() {\n}\n");
  // An empty range inside a line (an argument removed) is an edit of it.
  clang::tooling::Range Inside(Code.find("y;"), 0);
  auto Out = clang::tooling::applyAllReplacements(
      Code, formatEditedLines(Style, Code, {Inside}, "t.cpp"));
  ASSERT_TRUE(static_cast<bool>(Out));
  EXPECT_EQ(*Out, "struct S {\n  int y;\n};\n");
}

TEST(FormatEdited, StatementEnds) {
  EXPECT_THAT(continues("int a;\n"
                        "f(x,\n"
                        "  y);\n"
                        "for (int i = 0;\n"
                        "     i < 3; ++i) {\n"
                        "}\n"
                        "#define M(x) \\\n"
                        "  x\n"
                        "public:\n"
                        "int b = // note\n"
                        "    2;\n"),
              ElementsAre(false, true, false, true, false, false, true, false,
                          false, true, false, false));
}

TEST(FormatEdited, BlankAndCommentLinesEndStatements) {
  EXPECT_THAT(continues("f(a,\n\n  b);\n// c\nd(\n/* e */\n);"),
              ElementsAre(false, false, false, false, false, false, false));
}

TEST(FormatEdited, NothingOutsideTheEditedStatement) {
  EXPECT_EQ(formatAround("int  a;\nint  b;\nint  c;\n", "b"), "int  a;\nint b;\nint  c;\n");
}

TEST(FormatEdited, KeepsLineBreaksToUneditedLines) {
  // The edited line alone fits with its neighbours on one line.
  EXPECT_EQ(formatAround("void f() {\n    g( );\n}\n", "g( )"), "void f() {\n  g();\n}\n");
}

/// An emptied constructor and, on another edited line, the body of a short
/// function that would become one line by pulling in its unedited `}`.
std::string emptiedCtorBesideShortFunction(const clang::format::FormatStyle &Style) {
  const std::string Code = "Foo::Foo()  {}\nvoid f() {\n    g( );\n}\n";
  std::vector<clang::tooling::Range> Ranges = {
      {static_cast<unsigned>(Code.find("Foo::")), 14},
      {static_cast<unsigned>(Code.find("g( )")), 4}};
  auto Out = clang::tooling::applyAllReplacements(
      Code, formatEditedLines(Style, Code, Ranges, "t.cpp"));
  return Out ? *Out : llvm::toString(Out.takeError());
}

TEST(FormatEdited, KeepsEmptyBodiesWholeWhenANeighbourCannotJoin) {
  // Laying the edited lines out without the join must not split the
  // emptied constructor.
  EXPECT_EQ(emptiedCtorBesideShortFunction(clang::format::getLLVMStyle()),
            "Foo::Foo() {}\nvoid f() {\n  g();\n}\n");
}

TEST(FormatEdited, NoMergeAtAllWhenAnEmptyBodyWouldPullANeighbour) {
  EXPECT_EQ(formatAround("void  f() {\n}\n", "void  f() {"), "void f() {\n}\n");
}

TEST(FormatEdited, NoMergeWhenTheStyleMergesNone) {
  clang::format::FormatStyle Style = clang::format::getLLVMStyle();
  Style.AllowShortFunctionsOnASingleLine = clang::format::FormatStyle::SFS_None;
  EXPECT_EQ(emptiedCtorBesideShortFunction(Style), "Foo::Foo() {\n}\nvoid f() {\n  g();\n}\n");
}

TEST(FormatEdited, MergesWhatLiesWhollyInTheEdit) {
  const char *Code = "int a;\nvoid h() {\n  x();\n}\nint  b;\n";
  clang::tooling::Range R(llvm::StringRef(Code).find("void"),
                          llvm::StringRef(Code).find("int  b") -
                              llvm::StringRef(Code).find("void"));
  auto Repls = formatEditedLines(clang::format::getLLVMStyle(), Code, {R}, "t.cpp");
  auto Out = clang::tooling::applyAllReplacements(Code, Repls);
  ASSERT_TRUE(static_cast<bool>(Out));
  EXPECT_EQ(*Out, "int a;\nvoid h() { x(); }\nint  b;\n");
}

TEST(FormatEdited, KeepsBlankLinesBeforeTheStatement) {
  EXPECT_EQ(formatAround("int a;\n\n\n\n    int  b;\n", "b"), "int a;\n\n\n\nint b;\n");
}

TEST(FormatEdited, DropsTrailingBlanksOfTheEditedLine) {
  EXPECT_EQ(formatAround("int  a;   \nint  b;\n", "a"), "int a;\nint  b;\n");
}

} // namespace
} // namespace mm
