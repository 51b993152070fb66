//===--- HouseStyleTest.cpp - A text -> the format style it follows -------===//

#include "rewriters/HouseStyle.h"

#include "tests/unit/TempDir.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

using FS = clang::format::FormatStyle;

TEST(HouseStyle, FourSpacesSpecifiersAtTheClassLongLinesAndTwoSpacesBeforeComments) {
  FS S = measuredStyle(R"cpp(#pragma once

namespace relay {

class prom_sink : public metrics_sink {
public:
    prom_sink();

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }  // for the exposer

private:
    int m_frames = 0;
};

}  // namespace relay
)cpp");
  EXPECT_EQ(S.IndentWidth, 4u);
  EXPECT_EQ(S.AccessModifierOffset, -4);
  EXPECT_EQ(S.ColumnLimit, 110u);
  EXPECT_EQ(S.SpacesBeforeTrailingComments, 2u);
  EXPECT_TRUE(S.DerivePointerAlignment);
  EXPECT_EQ(S.UseTab, FS::UT_Never);
  EXPECT_EQ(S.BreakBeforeBraces, FS::BS_Attach);
  EXPECT_EQ(S.NamespaceIndentation, FS::NI_None);
}

TEST(HouseStyle, APointerInAStringOrACommentDoesNotVote) {
  // Read by the lexer: only the declarations count, two for Right.
  FS S = measuredStyle("const char *Doc = \"int* a; int* b; int* c;\"; /* int* d; */\n"
                       "int *find(int from);\n");
  EXPECT_FALSE(S.DerivePointerAlignment);
  EXPECT_EQ(S.PointerAlignment, FS::PAS_Right);
}

TEST(HouseStyle, PointersSitWhereTheFileWritesThem) {
  // Measured on the text as written: the definitions a migration adds,
  // spelled `T& NAME`, must not outvote the file.
  FS Right = measuredStyle("bool open(const std::string &user, const std::string &password)\n"
                           "{\n"
                           "    int *slot = find(user);\n"
                           "    return *slot && &password != nullptr;\n"
                           "}\n");
  EXPECT_FALSE(Right.DerivePointerAlignment);
  EXPECT_EQ(Right.PointerAlignment, FS::PAS_Right);
  FS Left = measuredStyle("void f(const Foo& foo, Bar* bar) {\n"
                          "  auto* p = bar;\n"
                          "  return *p;\n"
                          "}\n");
  EXPECT_FALSE(Left.DerivePointerAlignment);
  EXPECT_EQ(Left.PointerAlignment, FS::PAS_Left);
  // None written, or as many each way (`return *p`, `a * b` and `a && b`
  // are no declarations): clang-format decides.
  FS Tie = measuredStyle("int f(int a, int b, int *p) {\n"
                         "  int* q = p;\n"
                         "  return a * b + *q + (a && b);\n"
                         "}\n");
  EXPECT_TRUE(Tie.DerivePointerAlignment);
}

TEST(HouseStyle, TabsAllmanBracesAndIndentedNamespaces) {
  FS S = measuredStyle("namespace app\n"
                       "{\n"
                       "\tint f(int x)\n"
                       "\t{\n"
                       "\t\tif (x)\n"
                       "\t\t{\n"
                       "\t\t\treturn 1;\n"
                       "\t\t}\n"
                       "\t\treturn 0;\n"
                       "\t}\n"
                       "}\n");
  EXPECT_EQ(S.UseTab, FS::UT_ForContinuationAndIndentation);
  EXPECT_EQ(S.IndentWidth, S.TabWidth);
  EXPECT_EQ(S.ContinuationIndentWidth, S.TabWidth);
  EXPECT_EQ(S.BreakBeforeBraces, FS::BS_Allman);
  EXPECT_EQ(S.NamespaceIndentation, FS::NI_All);
}

TEST(HouseStyle, TabbedConstructorInitializersStayTabbed) {
  std::string Code = "namespace dns {\n"
                     "\n"
                     "Resolver::Resolver(Zone zone, Stats &stats)\n"
                     "\t: m_zone(std::move(zone)),\n"
                     "\t  m_stats(stats)\n"
                     "{\n"
                     "\tif (m_zone.empty()) {\n"
                     "\t\treturn;\n"
                     "\t}\n"
                     "}\n"
                     "\n"
                     "} // namespace dns\n";
  FS S = measuredStyle(Code);
  EXPECT_EQ(S.ConstructorInitializerIndentWidth, S.TabWidth);
  // The lines as written are the lines clang-format writes in that style.
  std::string Packed = "namespace dns {\n\nResolver::Resolver(Zone zone, Stats &stats) : "
                       "m_zone(std::move(zone)), m_stats(stats)\n{\n\tif (m_zone.empty()) "
                       "{\n\t\treturn;\n\t}\n}\n\n} // namespace dns\n";
  S.ColumnLimit = 60;
  clang::tooling::Replacements R =
      clang::format::reformat(S, Packed, {clang::tooling::Range(0, Packed.size())});
  auto Formatted = clang::tooling::applyAllReplacements(Packed, R);
  ASSERT_TRUE(static_cast<bool>(Formatted));
  EXPECT_EQ(*Formatted, Code);
}

TEST(HouseStyle, AnIndentedNamespaceBodyMeasuresTheStep) {
  // No block of the file but the namespace opens on a longer line: its
  // body's step is the indentation width.
  FS S = measuredStyle("namespace svc\n"
                       "{\n"
                       "    Telemetry::Telemetry()\n"
                       "        : registry(make())\n"
                       "    {\n"
                       "    }\n"
                       "\n"
                       "    void Telemetry::Ok() { ok.Increment(); }\n"
                       "}\n");
  EXPECT_EQ(S.NamespaceIndentation, FS::NI_All);
  EXPECT_EQ(S.IndentWidth, 4u);
  // Not indented: no step measured, the default stays.
  FS Flat = measuredStyle("namespace svc {\n"
                          "void Telemetry::Ok() { ok.Increment(); }\n"
                          "}\n");
  EXPECT_EQ(Flat.NamespaceIndentation, FS::NI_None);
  EXPECT_EQ(Flat.IndentWidth, 2u);
}

TEST(HouseStyle, TabbedAccessSpecifiersAtTheClassColumn) {
  // `public:` at the class's column, members one tab in: the offset is a
  // whole tab, not one column.
  FS S = measuredStyle("class Worker\n"
                       "{\n"
                       "public:\n"
                       "\tint run();\n"
                       "\n"
                       "private:\n"
                       "\tint m_done;\n"
                       "};\n");
  EXPECT_EQ(S.UseTab, FS::UT_ForContinuationAndIndentation);
  EXPECT_EQ(S.AccessModifierOffset, -8);
  // A space-indented class with specifiers at its column: -IndentWidth.
  FS Spaces = measuredStyle("class Worker {\n"
                            "public:\n"
                            "    int run();\n"
                            "};\n");
  EXPECT_EQ(Spaces.AccessModifierOffset, -4);
}

TEST(HouseStyle, CommentsAndDirectivesDoNotVote) {
  // Only the code's own steps count: the comment's and the macro's
  // indentation say nothing.
  FS S = measuredStyle("/*\n"
                       "        a banner\n"
                       " */\n"
                       "#define X(a) \\\n"
                       "        (a)\n"
                       "void f() {\n"
                       "   g();\n"
                       "}\n");
  EXPECT_EQ(S.IndentWidth, 3u);
  EXPECT_EQ(S.ColumnLimit, 80u);
}

TEST(HouseStyle, NamespaceCommentsOnlyWhereTheFileWritesThem) {
  EXPECT_FALSE(measuredStyle("namespace mem {\n\nint f();\n\n}\n").FixNamespaceComments);
  EXPECT_TRUE(
      measuredStyle("namespace mem {\n\nint f();\n\n} // namespace mem\n").FixNamespaceComments);
  EXPECT_TRUE(measuredStyle("int f();\n").FixNamespaceComments);
}

TEST(HouseStyle, CaseLabelsWhereTheFilePutsThem) {
  llvm::StringRef Indented = "void f(int m) {\n    switch (m) {\n        case 1:\n"
                             "            g();\n            break;\n        default:\n"
                             "            break;\n    }\n}\n";
  EXPECT_TRUE(measuredStyle(Indented).IndentCaseLabels);
  llvm::StringRef Flat = "void f(int m) {\n   switch (m) {\n   case 1:\n      g();\n"
                         "      break;\n   }\n}\n";
  EXPECT_FALSE(measuredStyle(Flat).IndentCaseLabels);
  EXPECT_EQ(measuredStyle("int f();\n").IndentCaseLabels,
            clang::format::getLLVMStyle().IndentCaseLabels);
}

TEST(HouseStyle, ConstructorInitializersOnePerLineWhereTheFileSoWrites) {
  llvm::StringRef Apart = "S::S()\n    : a_(1),\n      b_(2) {}\nT::T()\n    : c_(3),\n"
                          "      d_(4) {}\n";
  EXPECT_EQ(measuredStyle(Apart).PackConstructorInitializers, FS::PCIS_CurrentLine);
  EXPECT_EQ(measuredStyle(Apart).BreakConstructorInitializers,
            clang::format::getLLVMStyle().BreakConstructorInitializers);
  llvm::StringRef CommaFirst = "S::S()\n    : a_(1)\n    , b_(2)\n{\n}\n";
  EXPECT_EQ(measuredStyle(CommaFirst).PackConstructorInitializers, FS::PCIS_CurrentLine);
  EXPECT_EQ(measuredStyle(CommaFirst).BreakConstructorInitializers, FS::BCIS_BeforeComma);
  // No change where the file packs them, or shows none.
  llvm::StringRef Packed = "S::S()\n    : a_(1), b_(2) {}\nT::T()\n    : c_(3),\n      d_(4) {}\n"
                           "U::U()\n    : e_(5), f_(6) {}\n";
  FS LLVM = clang::format::getLLVMStyle();
  EXPECT_EQ(measuredStyle(Packed).PackConstructorInitializers, LLVM.PackConstructorInitializers);
  EXPECT_EQ(measuredStyle("int f();\n").PackConstructorInitializers,
            LLVM.PackConstructorInitializers);
}

TEST(HouseStyle, NothingToMeasureIsLLVM) {
  FS S = measuredStyle("");
  FS LLVM = clang::format::getLLVMStyle();
  EXPECT_EQ(S.IndentWidth, LLVM.IndentWidth);
  EXPECT_EQ(S.ColumnLimit, LLVM.ColumnLimit);
  EXPECT_EQ(S.AccessModifierOffset, LLVM.AccessModifierOffset);
  EXPECT_EQ(S.SpacesBeforeTrailingComments, LLVM.SpacesBeforeTrailingComments);
}

TEST(HouseStyle, AFormatFileIsLookedUpUpward) {
  TempDir Dir;
  Dir.write("a/b/f.cpp", "");
  EXPECT_FALSE(hasFormatFile(Dir.Root + "/a/b/f.cpp"));
  Dir.write("a/_clang-format", "BasedOnStyle: LLVM\n");
  EXPECT_TRUE(hasFormatFile(Dir.Root + "/a/b/f.cpp"));
  EXPECT_FALSE(hasFormatFile(Dir.Root + "/f.cpp"));
}

} // namespace

TEST(HouseStyle, BracesPlacedPerWhatTheyOpen) {
  // Functions with their `{` below them, everything else attached
  // (Stroustrup, WebKit, Linux): the one style clang-format has for it.
  FS S = measuredStyle(R"cpp(namespace plant {

class monitor {
public:
    auto poll() -> void;
};

auto monitor::poll() -> void
{
    for (int i = 0; i < 2; ++i) {
        std::for_each(a.begin(), a.end(), [&](auto const& r) {
            use(r);
        });
    }
}

monitor::monitor(int limit)
    : limit_{limit}
{
}

} // namespace plant
)cpp");
  EXPECT_EQ(S.BreakBeforeBraces, FS::BS_Custom);
  EXPECT_TRUE(S.BraceWrapping.AfterFunction);
  EXPECT_FALSE(S.BraceWrapping.AfterNamespace);
  EXPECT_FALSE(S.BraceWrapping.AfterClass);
  EXPECT_EQ(S.BraceWrapping.AfterControlStatement, FS::BWACS_Never);
  EXPECT_FALSE(S.BraceWrapping.BeforeElse);
  EXPECT_FALSE(S.BraceWrapping.BeforeLambdaBody);

  // No change: one placement everywhere is one of clang-format's presets.
  EXPECT_EQ(measuredStyle("namespace a {\nvoid f() {\n  if (x) {\n  }\n}\n}\n").BreakBeforeBraces,
            FS::BS_Attach);
  EXPECT_EQ(measuredStyle("namespace a\n{\nvoid f()\n{\n  if (x)\n  {\n  }\n}\n}\n")
                .BreakBeforeBraces,
            FS::BS_Allman);
}

TEST(HouseStyle, AConfiguredStyleIsWhatClangFormatsStyleFlagTakes) {
  auto Google = configuredStyle("Google", "f.cpp");
  ASSERT_TRUE(static_cast<bool>(Google)) << llvm::toString(Google.takeError());
  EXPECT_EQ(Google->ColumnLimit, 80u);
  EXPECT_EQ(Google->AccessModifierOffset, -1);

  auto Inline = configuredStyle("{BasedOnStyle: Mozilla, IndentWidth: 3, ColumnLimit: 72}", "f.h");
  ASSERT_TRUE(static_cast<bool>(Inline)) << llvm::toString(Inline.takeError());
  EXPECT_EQ(Inline->IndentWidth, 3u);
  EXPECT_EQ(Inline->ColumnLimit, 72u);
  EXPECT_EQ(Inline->BreakBeforeBraces, FS::BS_Mozilla);
}

TEST(HouseStyle, AConfiguredStyleThatIsNoneIsAnError) {
  for (const char *Spec : {"", "file", "file:/etc/.clang-format", "Nonsense",
                           "{IndentWidth: [1]}", "{BasedOnStyle: InheritParentConfig}"}) {
    auto Style = configuredStyle(Spec, "f.cpp");
    EXPECT_FALSE(static_cast<bool>(Style)) << "'" << Spec << "' was taken as a style";
    if (!Style)
      llvm::consumeError(Style.takeError());
  }
}

} // namespace mm
