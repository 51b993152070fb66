//===--- MaterializeTest.cpp - FileChange + current text -> new text ------===//

#include "rewriters/Materialize.h"

#include "tests/unit/TempDir.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Edit edit(llvm::StringRef Code, llvm::StringRef Find, llvm::StringRef Text,
          std::string Origin = "test") {
  size_t Offset = Code.find(Find);
  EXPECT_NE(Offset, llvm::StringRef::npos) << Find.str();
  Edit E;
  E.Offset = Offset;
  E.Length = Find.size();
  E.Text = Text.str();
  E.Origin = std::move(Origin);
  return E;
}

Edit insertion(unsigned Offset, llvm::StringRef Text, std::string Origin) {
  Edit E;
  E.Offset = Offset;
  E.Text = Text.str();
  E.Origin = std::move(Origin);
  return E;
}

class Materialize : public ::testing::Test {
protected:
  TempDir Dir;
  MaterializeOptions Opts{Dir.Root, ""};

  /// materialize() on an in-memory text; the file need not exist.
  std::string after(const FileChange &Change, llvm::StringRef Before) {
    auto File = materialize(Change, Before, Opts);
    if (!File) {
      ADD_FAILURE() << llvm::toString(File.takeError());
      return "";
    }
    return File->After;
  }

  std::string errorOf(const FileChange &Change, llvm::StringRef Before) {
    auto File = materialize(Change, Before, Opts);
    EXPECT_FALSE(static_cast<bool>(File));
    return File ? "" : llvm::toString(File.takeError());
  }
};

TEST_F(Materialize, ReformatsOnlyTheEditedStatement) {
  const char *Before = "int   f( int a ){\n"
                       "  int    x=a+1 ;\n"
                       "  int    y=a+2 ;\n"
                       "  return x+   y;\n"
                       "}\n";
  FileChange Change;
  Change.File = "src/f.cpp";
  Change.Edits = {edit(Before, "a+2", "a  *  3")};
  EXPECT_EQ(after(Change, Before), "int   f( int a ){\n"
                                   "  int    x=a+1 ;\n"
                                   "  int y = a * 3;\n"
                                   "  return x+   y;\n"
                                   "}\n");
}

TEST_F(Materialize, NoEditsNoChange) {
  const char *Before = "int   x ;\n";
  FileChange Change;
  Change.File = "a.cpp";
  Change.AddIncludes = {};
  auto File = materialize(Change, Before, Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_EQ(File->After, Before);
  EXPECT_FALSE(File->changed());
}

TEST_F(Materialize, TheLastDefinitionRemovedLeavesNoBlankLineAtTheEnd) {
  const char *Before = "int f() { return 1; }\n\nint g() { return 2; }\n";
  FileChange Change;
  Change.File = "src/f.cpp";
  Change.Edits = {edit(Before, "int g() { return 2; }\n", "")};
  EXPECT_EQ(after(Change, Before), "int f() { return 1; }\n");
  const char *CRLF = "int f() { return 1; }\r\n\r\nint g() { return 2; }\r\n";
  Change.Edits = {edit(CRLF, "int g() { return 2; }\r\n", "")};
  EXPECT_EQ(after(Change, CRLF), "int f() { return 1; }\r\n");
  // A file that ended with a blank line keeps it.
  const char *Blank = "int f() { return 1; }\n\nint g() { return 2; }\n\n";
  Change.Edits = {edit(Blank, "int g() { return 2; }\n", "")};
  EXPECT_EQ(after(Change, Blank), "int f() { return 1; }\n\n");
}

TEST_F(Materialize, UsesTheProjectClangFormat) {
  Dir.write(".clang-format", "BasedOnStyle: LLVM\nIndentWidth: 4\n");
  const char *Before = "void f() {\n  g();\n  g();\n}\n";
  FileChange Change;
  Change.File = "deep/dir/f.cpp";
  Change.Edits = {edit(Before, "g();", "h( 1 );")};
  EXPECT_EQ(after(Change, Before), "void f() {\n    h(1);\n  g();\n}\n");
}

TEST_F(Materialize, AConfiguredStyleReplacesTheClangFormatAndTheMeasurement) {
  // The project's .clang-format says 4, the file itself 2, the
  // configuration 3: the edited line takes 3, the kept lines stay.
  Dir.write(".clang-format", "BasedOnStyle: LLVM\nIndentWidth: 4\n");
  const char *Before = "void f() {\n  g();\n  g();\n}\n";
  FileChange Change;
  Change.File = "deep/dir/f.cpp";
  Change.Edits = {edit(Before, "g();", "h( 1 );")};
  MaterializeOptions Configured{Dir.Root, "{BasedOnStyle: LLVM, IndentWidth: 3}"};
  auto File = materialize(Change, Before, Configured);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_EQ(File->After, "void f() {\n   h(1);\n  g();\n}\n");

  // A created file is laid out whole in it.
  FileChange Created;
  Created.File = "lib/registry.h";
  Created.NewContent = "#pragma once\nnamespace lib{ inline int &Registry( ) { static int r; return r; } }\n";
  auto New = materialize(Created, "", Configured);
  ASSERT_TRUE(static_cast<bool>(New)) << llvm::toString(New.takeError());
  EXPECT_EQ(New->After, "#pragma once\n"
                        "namespace lib {\n"
                        "inline int &Registry() {\n"
                        "   static int r;\n"
                        "   return r;\n"
                        "}\n"
                        "} // namespace lib\n");

  MaterializeOptions Bad{Dir.Root, "Nonsense"};
  auto Refused = materialize(Change, Before, Bad);
  ASSERT_FALSE(static_cast<bool>(Refused));
  EXPECT_THAT(llvm::toString(Refused.takeError()),
              ::testing::StartsWith("deep/dir/f.cpp: error: format_style: "));
}

TEST_F(Materialize, WithoutAClangFormatTheFileIsItsOwnStyle) {
  // Four spaces, specifiers at the class's column, 100 columns: the edited
  // line is laid out so, and the kept long line is not wrapped.
  const char *Before = "class sink {\n"
                       "public:\n"
                       "    void   count( );\n"
                       "    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }\n"
                       "};\n";
  FileChange Change;
  Change.File = "f.h";
  Change.Edits = {edit(Before, "void   count( );", "void count(int n); int total( ) const;")};
  EXPECT_EQ(after(Change, Before),
            "class sink {\n"
            "public:\n"
            "    void count(int n);\n"
            "    int total() const;\n"
            "    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }\n"
            "};\n");
}

TEST_F(Materialize, ANewFileWithoutAClangFormatIsWrittenLikeItsNeighbour) {
  Dir.write("lib/a.cpp", "namespace lib {\nint f() {\n    return 1;\n}\n}  // namespace lib\n");
  FileChange Change;
  Change.File = "lib/registry.h";
  Change.NewContent = "#pragma once\nnamespace lib{ inline int &Registry( ) { static int r; return r; } }\n";
  auto File = materialize(Change, "", Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_EQ(File->After, "#pragma once\n"
                         "namespace lib {\n"
                         "inline int &Registry() {\n"
                         "    static int r;\n"
                         "    return r;\n"
                         "}\n"
                         "}  // namespace lib\n");
}

TEST_F(Materialize, AnUnsortedIncludeBlockIsNeverResorted) {
  // `RedoLog.h` before `Metadata.h`: the project's own order. A new
  // include goes in; the lines it did not add stay where they were.
  Dir.write(".clang-format", "BasedOnStyle: LLVM\n");
  const char *Before = "#include \"../common/Ctx.h\"\n"
                       "#include \"RedoLog.h\"\n"
                       "#include \"Metadata.h\"\n"
                       "int f();\n";
  FileChange Change;
  Change.File = "src/metadata/Metadata.cpp";
  Change.AddIncludes = {"\"../common/metrics/registry.h\""};
  std::string Out = after(Change, Before);
  EXPECT_NE(Out.find("#include \"RedoLog.h\"\n#include \"Metadata.h\"\n"), std::string::npos)
      << Out;
  EXPECT_NE(Out.find("#include \"../common/metrics/registry.h\"\n"), std::string::npos) << Out;
  // A sorted block (the main header first) is still sorted with the new
  // line in it.
  const char *Sorted = "#include \"Metadata.h\"\n"
                       "#include \"RedoLog.h\"\n"
                       "#include \"Zone.h\"\n"
                       "int f();\n";
  Change.AddIncludes = {"\"Bridge.h\""};
  EXPECT_EQ(after(Change, Sorted), "#include \"Metadata.h\"\n"
                                   "#include \"Bridge.h\"\n"
                                   "#include \"RedoLog.h\"\n"
                                   "#include \"Zone.h\"\n"
                                   "int f();\n");
}

TEST_F(Materialize, NewIncludesGoBelowLeadingFeatureMacros) {
  Dir.write(".clang-format", "BasedOnStyle: LLVM\n");
  const char *Before = "// banner\n"
                       "\n"
                       "#define _FILE_OFFSET_BITS 64\n"
                       "\n"
                       "#include <cstring>\n"
                       "\n"
                       "#include \"../common/ctx.h\"\n"
                       "int f();\n";
  FileChange Change;
  Change.File = "src/reader/reader.cpp";
  Change.AddIncludes = {"\"../common/metrics/registry.h\"", "<prometheus/counter.h>"};
  EXPECT_EQ(after(Change, Before), "// banner\n"
                                   "\n"
                                   "#define _FILE_OFFSET_BITS 64\n"
                                   "\n"
                                   "#include <cstring>\n"
                                   "#include <prometheus/counter.h>\n"
                                   "\n"
                                   "#include \"../common/ctx.h\"\n"
                                   "#include \"../common/metrics/registry.h\"\n"
                                   "int f();\n");
  // A header guard's #define is not one: the guard keeps its place.
  const char *Guarded = "#ifndef A_H\n#define A_H\n#include <cstring>\nint f();\n#endif\n";
  Change.AddIncludes = {"<prometheus/counter.h>"};
  EXPECT_EQ(after(Change, Guarded),
            "#ifndef A_H\n#define A_H\n#include <cstring>\n#include <prometheus/counter.h>\n"
            "int f();\n#endif\n");
}

TEST_F(Materialize, AnIncludeInACommentIsNoPartOfTheIncludeBlock) {
  // The blank lines the comment keeps from the includes are not the
  // include block's, to close up.
  Dir.write(".clang-format", "BasedOnStyle: LLVM\n");
  const char *Before = "// Never #include \"legacy.h\" here.\n"
                       "\n"
                       "\n"
                       "#include \"b.h\"\n"
                       "#include \"d.h\"\n"
                       "int f();\n";
  FileChange Change;
  Change.File = "src/m.cpp";
  Change.AddIncludes = {"\"c.h\""};
  EXPECT_EQ(after(Change, Before), "// Never #include \"legacy.h\" here.\n"
                                   "\n"
                                   "\n"
                                   "#include \"b.h\"\n"
                                   "#include \"c.h\"\n"
                                   "#include \"d.h\"\n"
                                   "int f();\n");
}

TEST_F(Materialize, BadIndentationAroundTheEditStays) {
  // clang-format alone would re-indent the rest of the block and pull the
  // short body up onto `void f() {`; neither line was edited. (The project
  // style is LLVM's: without it, the file's own six columns would be.)
  Dir.write(".clang-format", "BasedOnStyle: LLVM\n");
  const char *Before = "int a;\n"
                       "void f() {\n"
                       "      g();\n"
                       "      g( );\n"
                       "}\n"
                       "int   b;\n";
  FileChange Change;
  Change.File = "f.cpp";
  Change.Edits = {edit(Before, "g();", "h( 1 );")};
  EXPECT_EQ(after(Change, Before), "int a;\n"
                                   "void f() {\n"
                                   "  h(1);\n"
                                   "      g( );\n"
                                   "}\n"
                                   "int   b;\n");
}

TEST_F(Materialize, AStatementEditedOnOneLineIsFormattedWhole) {
  const char *Before = "void f() {\n"
                       "  call(first_argument,\n"
                       "       second);\n"
                       "  other(  );\n"
                       "}\n";
  FileChange Change;
  Change.File = "f.cpp";
  Change.Edits = {edit(Before, "first_argument", "a")};
  EXPECT_EQ(after(Change, Before), "void f() {\n"
                                   "  call(a, second);\n"
                                   "  other(  );\n"
                                   "}\n");
}

TEST_F(Materialize, AWholeLineDeletedLeavesItsStatementAsWritten) {
  // The designated initializer loses a member; the members it keeps stay
  // aligned as written, which clang-format would undo.
  Dir.write(".clang-format", "BasedOnStyle: LLVM\n");
  const char *Before = "Deps deps{\n"
                       "    .sessions = &sessions,\n"
                       "    .metrics  = metrics,\n"
                       "    .cfg      = cfg,\n"
                       "};\n";
  FileChange Change;
  Change.File = "f.cpp";
  Change.Edits = {edit(Before, "    .metrics  = metrics,\n", "")};
  EXPECT_EQ(after(Change, Before), "Deps deps{\n"
                                   "    .sessions = &sessions,\n"
                                   "    .cfg      = cfg,\n"
                                   "};\n");
  // So does one from the indentation of a member to that of the next.
  Change.Edits = {edit(Before, ".metrics  = metrics,\n    ", "")};
  EXPECT_EQ(after(Change, Before), "Deps deps{\n"
                                   "    .sessions = &sessions,\n"
                                   "    .cfg      = cfg,\n"
                                   "};\n");
  // And one with the comma before it.
  Change.Edits = {edit(Before, ",\n    .metrics  = metrics", "")};
  EXPECT_EQ(after(Change, Before), "Deps deps{\n"
                                   "    .sessions = &sessions,\n"
                                   "    .cfg      = cfg,\n"
                                   "};\n");
  // A block a deletion empties closes up with the statement edited around
  // it, as the style says.
  const char *Ctor = "S::S()\n"
                     "    : a_(make()) {\n"
                     "  b_ = 1;\n"
                     "}\n";
  FileChange Emptied;
  Emptied.File = "f.cpp";
  Emptied.Edits = {edit(Ctor, "make()", "shared()"), edit(Ctor, "  b_ = 1;\n", "")};
  EXPECT_EQ(after(Emptied, Ctor), "S::S() : a_(shared()) {}\n");
  // A deletion inside a line is laid out as before.
  Change.Edits = {edit(Before, " = metrics", " = m")};
  EXPECT_EQ(after(Change, Before), "Deps deps{\n"
                                   "    .sessions = &sessions,\n"
                                   "    .metrics = m,\n"
                                   "    .cfg = cfg,\n"
                                   "};\n");
}

TEST_F(Materialize, BlankLinesADeletionBringsTogetherCloseUp) {
  // The class goes, then the namespace it leaves empty: one blank line is
  // left of the three runs that met, and the double blank line no deletion
  // touched stays.
  const char *Before = "#include \"a.h\"\n"
                       "\n"
                       "\n"
                       "int kept;\n"
                       "\n"
                       "namespace n {\n"
                       "\n"
                       "class C {};\n"
                       "\n"
                       "}  // namespace n\n"
                       "\n"
                       "int also_kept;\n";
  FileChange Change;
  Change.File = "f.h";
  Change.Edits = {edit(Before, "class C {};\n", "")};
  EXPECT_EQ(after(Change, Before), "#include \"a.h\"\n"
                                   "\n"
                                   "\n"
                                   "int kept;\n"
                                   "\n"
                                   "int also_kept;\n");
  // A deletion between code lines has no blank lines to close up.
  const char *Tight = "int a;\n"
                      "int b;\n"
                      "\n"
                      "int c;\n";
  Change.Edits = {edit(Tight, "int b;\n", "")};
  EXPECT_EQ(after(Change, Tight), "int a;\n"
                                  "\n"
                                  "int c;\n");
}

TEST_F(Materialize, IncludesLandInTheirBlocksSorted) {
  const char *Before = "#include \"b/x.h\"\n"
                       "#include \"d/y.h\"\n"
                       "\n"
                       "#include <map>\n"
                       "#include <vector>\n"
                       "\n"
                       "int   untouched ;\n";
  FileChange Change;
  Change.File = "src/m.cpp";
  Change.AddIncludes = {"\"c/z.h\"", "<set>", "\"a/w.h\"", "<memory>", "<set>"};
  EXPECT_EQ(after(Change, Before), "#include \"a/w.h\"\n"
                                   "#include \"b/x.h\"\n"
                                   "#include \"c/z.h\"\n"
                                   "#include \"d/y.h\"\n"
                                   "\n"
                                   "#include <map>\n"
                                   "#include <memory>\n"
                                   "#include <set>\n"
                                   "#include <vector>\n"
                                   "\n"
                                   "int   untouched ;\n");
}

TEST_F(Materialize, NewCategoryGoesAfterTheLastLowerOneSorted) {
  // HeaderIncludes with the default IncludeBlocks (Preserve) adds no blank
  // line between categories; a project that wants one says Regroup.
  const char *Before = "#include \"b/x.h\"\n\nint x;\n";
  FileChange Change;
  Change.File = "src/m.cpp";
  Change.AddIncludes = {"<vector>", "<map>"};
  EXPECT_EQ(after(Change, Before), "#include \"b/x.h\"\n"
                                   "#include <map>\n"
                                   "#include <vector>\n"
                                   "\n"
                                   "int x;\n");
}

TEST_F(Materialize, PresentIncludeIsNotAddedTwiceAbsentOneNotRemoved) {
  const char *Before = "#include \"a.h\"\n#include <map>\n\nint x;\n";
  FileChange Change;
  Change.File = "m.cpp";
  Change.AddIncludes = {"\"a.h\"", "<map>"};
  Change.RemoveIncludes = {"\"gone.h\"", "<a.h>"};
  EXPECT_EQ(after(Change, Before), Before);
}

TEST_F(Materialize, RemovesAnInclude) {
  const char *Before = "#include \"a.h\"\n#include \"metrics/service.h\"\n"
                       "#include \"z.h\"\n\nint x;\n";
  FileChange Change;
  Change.File = "m.cpp";
  Change.RemoveIncludes = {"\"metrics/service.h\""};
  Change.AddIncludes = {"\"metrics/registry.h\""};
  EXPECT_EQ(after(Change, Before), "#include \"a.h\"\n#include \"metrics/registry.h\"\n"
                                   "#include \"z.h\"\n\nint x;\n");
}

TEST_F(Materialize, CRLFFileKeepsCRLFOnEveryLine) {
  const char *Before = "#include \"b/x.h\"\r\n"
                       "\r\n"
                       "void f(Service &s) { s.Record(1); }\r\n"
                       "// caf\xe9\r\n";
  FileChange Change;
  Change.File = "src/m.cpp";
  Change.Edits = {edit(Before, "s.Record(1)", "A.Add({}).Increment(1);\nB.Increment()")};
  Change.AddIncludes = {"<map>", "\"a/w.h\""};
  EXPECT_EQ(after(Change, Before), "#include \"a/w.h\"\r\n"
                                   "#include \"b/x.h\"\r\n"
                                   "#include <map>\r\n"
                                   "\r\n"
                                   "void f(Service &s) {\r\n"
                                   "  A.Add({}).Increment(1);\r\n"
                                   "  B.Increment();\r\n"
                                   "}\r\n"
                                   "// caf\xe9\r\n");
}

TEST_F(Materialize, RemovedIncludeLeavesOneBlankLineInACRLFFile) {
  const char *Before = "#pragma once\r\n\r\n#include <map>\r\n\r\n"
                       "#include \"metrics/service.h\"\r\n\r\nint x;\r\n";
  FileChange Change;
  Change.File = "m.h";
  Change.RemoveIncludes = {"\"metrics/service.h\""};
  EXPECT_EQ(after(Change, Before), "#pragma once\r\n\r\n#include <map>\r\n\r\nint x;\r\n");
}

TEST_F(Materialize, LFFileGetsNoCR) {
  const char *Before = "#include \"b/x.h\"\n\nint x;\n";
  FileChange Change;
  Change.File = "m.cpp";
  Change.AddIncludes = {"\"a.h\""};
  EXPECT_EQ(after(Change, Before), "#include \"a.h\"\n#include \"b/x.h\"\n\nint x;\n");
}

TEST_F(Materialize, IncludeBothAddedAndRemovedIsAnError) {
  FileChange Change;
  Change.File = "m.cpp";
  Change.AddIncludes = {"\"a.h\""};
  Change.RemoveIncludes = {"a.h"};
  EXPECT_THAT(errorOf(Change, "int x;\n"),
              AllOf(StartsWith("m.cpp: error:"), HasSubstr("\"a.h\"")));
}

TEST_F(Materialize, EditsAndIncludesTogether) {
  const char *Before = "#include \"service.h\"\n"
                       "\n"
                       "void f(Service &s) { s.Record(1); }\n";
  FileChange Change;
  Change.File = "m.cpp";
  Change.Edits = {edit(Before, "s.Record(1)", "COUNTER.Increment(1)")};
  Change.AddIncludes = {"\"counter.h\""};
  EXPECT_EQ(after(Change, Before), "#include \"counter.h\"\n"
                                   "#include \"service.h\"\n"
                                   "\n"
                                   "void f(Service &s) { COUNTER.Increment(1); }\n");
}

TEST_F(Materialize, CleanupDropsTheCommaOfARemovedInitializer) {
  const char *Before = "struct S {\n"
                       "  S(int &a, int &b) : a_(a), b_(b) {}\n"
                       "  int &a_;\n"
                       "  int &b_;\n"
                       "};\n";
  FileChange Change;
  Change.File = "s.h";
  Change.Edits = {edit(Before, "b_(b)", ""), edit(Before, ", int &b", "")};
  Change.Edits.push_back(edit(Before, "  int &b_;\n", ""));
  EXPECT_EQ(after(Change, Before), "struct S {\n"
                                   "  S(int &a) : a_(a) {}\n"
                                   "  int &a_;\n"
                                   "};\n");
}

TEST_F(Materialize, OverlappingEditsNameBothOrigins) {
  const char *Before = "int a;\n"
                       "int b = f(x, y);\n";
  FileChange Change;
  Change.File = "src/o.cpp";
  Change.Edits = {edit(Before, "f(x, y)", "g()", "inline RecordX at src/o.cpp:2"),
                  edit(Before, "x, y", "y", "strip argument at src/o.cpp:2")};
  std::string Error = errorOf(Change, Before);
  EXPECT_THAT(Error, AllOf(StartsWith("src/o.cpp:2:11: error: conflicting edits"),
                           HasSubstr("src/o.cpp:2:9-2:16 from 'inline RecordX at src/o.cpp:2'"),
                           HasSubstr("src/o.cpp:2:11-2:15 from 'strip argument at src/o.cpp:2'")));
  // It is the kind of error that means "nothing written, exit 4".
  auto File = materialize(Change, Before, Opts);
  ASSERT_FALSE(static_cast<bool>(File));
  llvm::Error Err = File.takeError();
  EXPECT_TRUE(Err.isA<EditConflictError>());
  llvm::consumeError(std::move(Err));
}

TEST_F(Materialize, InsertionsAtOneOffsetWithDifferentTextConflict) {
  const char *Before = "int a;\n";
  FileChange Change;
  Change.File = "i.cpp";
  Change.Edits = {insertion(0, "int b;\n", "first"), insertion(0, "int c;\n", "second")};
  EXPECT_THAT(errorOf(Change, Before),
              AllOf(StartsWith("i.cpp:1:1: error: conflicting edits"),
                    HasSubstr("i.cpp:1:1 (insertion) from 'first'"),
                    HasSubstr("i.cpp:1:1 (insertion) from 'second'")));
}

TEST_F(Materialize, InsertionInsideAReplacementConflicts) {
  const char *Before = "int abc;\n";
  FileChange Change;
  Change.File = "i.cpp";
  Change.Edits = {edit(Before, "abc", "xyz", "rename"), insertion(5, "q", "insert")};
  EXPECT_THAT(errorOf(Change, Before),
              HasSubstr("'rename' and i.cpp:1:6 (insertion) from 'insert'"));
}

TEST_F(Materialize, InsertionAtTheEndOfAReplacementComposes) {
  const char *Before = "int abc;\n";
  FileChange Change;
  Change.File = "i.cpp";
  Change.Edits = {edit(Before, "abc", "xyz", "rename"), insertion(7, "_2", "suffix")};
  EXPECT_EQ(after(Change, Before), "int xyz_2;\n");
}

TEST_F(Materialize, InsertionAtTheStartOfAReplacementGoesBeforeIt) {
  const char *Before = "int abc;\n";
  FileChange Change;
  Change.File = "i.cpp";
  Change.Edits = {edit(Before, "abc", "xyz", "rename"), insertion(4, "*", "pointer")};
  EXPECT_EQ(after(Change, Before), "int *xyz;\n");
}

TEST_F(Materialize, IdenticalEditsApplyOnce) {
  const char *Before = "int a = 1;\nint b = 2;\n";
  FileChange Change;
  Change.File = "d.cpp";
  Change.Edits = {edit(Before, "1", "10", "from a.cpp's TU"),
                  edit(Before, "2", "20", "other"),
                  edit(Before, "1", "10", "from b.cpp's TU"),
                  insertion(0, "int z;\n", "one"), insertion(0, "int z;\n", "two")};
  EXPECT_EQ(after(Change, Before), "int z;\nint a = 10;\nint b = 20;\n");
}

TEST_F(Materialize, EditPastTheEndIsAnError) {
  FileChange Change;
  Change.File = "p.cpp";
  Change.Edits = {insertion(100, "x", "far")};
  EXPECT_THAT(errorOf(Change, "int a;\n"),
              AllOf(StartsWith("p.cpp: error:"), HasSubstr("'far'"),
                    HasSubstr("past the end of the file")));
}

TEST_F(Materialize, DeletionEmptiesTheFile) {
  FileChange Change;
  Change.File = "gone.h";
  Change.Delete = true;
  auto File = materialize(Change, "int x;\n", Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_TRUE(File->Deleted);
  EXPECT_EQ(File->Before, "int x;\n");
  EXPECT_EQ(File->After, "");
}

TEST_F(Materialize, CreationFormatsTheWholeFile) {
  FileChange Change;
  Change.File = "new/registry.h";
  Change.NewContent = "#pragma once\nnamespace m{ int &Registry( ); }\n";
  auto File = materialize(Change, "", Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_TRUE(File->Created);
  EXPECT_EQ(File->Before, "");
  EXPECT_EQ(File->After, "#pragma once\nnamespace m {\nint &Registry();\n}\n");
}

TEST_F(Materialize, CreationSortsIncludesInTheProjectStyle) {
  // Google's style puts <x/y.h> before <memory>, in blocks of their own.
  Dir.write(".clang-format", "BasedOnStyle: Google\n");
  FileChange Change;
  Change.File = "new/registry.h";
  Change.NewContent = "#pragma once\n\n#include <memory>\n\n#include <prometheus/registry.h>\n\n"
                      "int n;\n";
  auto File = materialize(Change, "", Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_EQ(File->After,
            "#pragma once\n\n#include <prometheus/registry.h>\n\n#include <memory>\n\nint n;\n");
}

TEST_F(Materialize, CreationKeepsIncludesTheStyleHasInOrder) {
  FileChange Change;
  Change.File = "new/registry.h";
  Change.NewContent = "#pragma once\n\n#include <memory>\n\n#include <prometheus/registry.h>\n\n"
                      "int n;\n";
  auto File = materialize(Change, "", Opts);
  ASSERT_TRUE(static_cast<bool>(File)) << llvm::toString(File.takeError());
  EXPECT_EQ(File->After, *Change.NewContent);
}

TEST_F(Materialize, NonCxxFilesGetTheirEditsVerbatim) {
  const char *Before = "add_library(x   a.cpp)\n";
  FileChange Change;
  Change.File = "CMakeLists.txt";
  Change.Edits = {edit(Before, "a.cpp", "a.cpp  b.cpp")};
  EXPECT_EQ(after(Change, Before), "add_library(x   a.cpp  b.cpp)\n");
}

TEST_F(Materialize, AllReadsFilesAndSortsByPath) {
  Dir.write("z/last.cpp", "int  z = 1;\n");
  Dir.write("a/first.cpp", "int  a = 1;\n");
  Dir.write("m/gone.cpp", "int m;\n");
  EditSet Edits;
  Edits.file("z/last.cpp").Edits = {edit("int  z = 1;\n", "1", "2")};
  Edits.file("a/first.cpp").Edits = {edit("int  a = 1;\n", "1", "3")};
  Edits.file("m/gone.cpp").Delete = true;
  Edits.file("b/new.h").NewContent = "int   n;\n";
  auto Files = materializeAll(Edits, Opts);
  ASSERT_TRUE(static_cast<bool>(Files)) << llvm::toString(Files.takeError());
  ASSERT_EQ(Files->size(), 4u);
  EXPECT_EQ((*Files)[0].File, "a/first.cpp");
  EXPECT_EQ((*Files)[0].After, "int a = 3;\n");
  EXPECT_EQ((*Files)[1].File, "b/new.h");
  EXPECT_EQ((*Files)[1].After, "int n;\n");
  EXPECT_TRUE((*Files)[1].Created);
  EXPECT_EQ((*Files)[2].File, "m/gone.cpp");
  EXPECT_TRUE((*Files)[2].Deleted);
  EXPECT_EQ((*Files)[3].File, "z/last.cpp");
  EXPECT_EQ((*Files)[3].After, "int z = 2;\n");
}

TEST_F(Materialize, AllReportsMissingFilesAndCreatingExistingOnes) {
  Dir.write("exists.cpp", "int e;\n");
  EditSet Edits;
  Edits.file("missing.cpp").Edits = {insertion(0, "x", "o")};
  Edits.file("exists.cpp").NewContent = "int e;\n";
  auto Files = materializeAll(Edits, Opts);
  ASSERT_FALSE(static_cast<bool>(Files));
  std::string Error = llvm::toString(Files.takeError());
  EXPECT_THAT(Error, HasSubstr("missing.cpp: error: cannot read:"));
  EXPECT_THAT(Error, HasSubstr("exists.cpp: error: the file to be created already exists"));
}

TEST_F(Materialize, AllRejectsPathsOutsideTheRoot) {
  EditSet Edits;
  Edits.file("../outside.cpp").NewContent = "int x;\n";
  auto Files = materializeAll(Edits, Opts);
  ASSERT_FALSE(static_cast<bool>(Files));
  EXPECT_THAT(llvm::toString(Files.takeError()),
              HasSubstr("../outside.cpp: error: path is not relative to the project root"));
}

} // namespace
} // namespace mm
