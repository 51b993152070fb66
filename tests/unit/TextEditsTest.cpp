//===--- TextEditsTest.cpp - Exact operations on source text --------------===//

#include "core/TextEdits.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

std::string removed(llvm::StringRef Text, std::pair<unsigned, unsigned> R) {
  return Text.take_front(R.first).str() + Text.drop_front(R.first + R.second).str();
}

unsigned at(llvm::StringRef Text, llvm::StringRef Needle) {
  return static_cast<unsigned>(Text.find(Needle));
}

TEST(TextEdits, WholeLinesWhenAlone) {
  llvm::StringRef T = "class A {\n  int a_;\n  int b_;\n};\n";
  EXPECT_EQ(removed(T, statementLines(T, at(T, "int a_"), 10)), "class A {\n  int b_;\n};\n");
  // Sharing a line with other code: only the declaration goes.
  llvm::StringRef U = "int a; int b;\n";
  EXPECT_EQ(removed(U, statementLines(U, 7, 5)), "int a; \n");
}

TEST(TextEdits, ListElements) {
  llvm::StringRef T = "F(int a, Metrics& m, int b)";
  EXPECT_EQ(removed(T, listElement(T, at(T, "Metrics"), 10)), "F(int a, int b)");
  EXPECT_EQ(removed(T, listElement(T, at(T, "int a"), 5)), "F(Metrics& m, int b)");
  EXPECT_EQ(removed(T, listElement(T, at(T, "int b"), 5)), "F(int a, Metrics& m)");
  llvm::StringRef Only = "F(Metrics& m)";
  EXPECT_EQ(removed(Only, listElement(Only, 2, 10)), "F()");
  llvm::StringRef Lines = "F(a,\n  *metrics_)";
  EXPECT_EQ(removed(Lines, listElement(Lines, at(Lines, "*metrics_"), 9)), "F(a)");
  // Comma-first initializer lists: the element's line goes whole, no
  // whitespace-only line stays; the first element takes the next comma.
  llvm::StringRef First = "A()\n  : a_(1)\n  , b_(2)\n  , c_(3)\n{\n}\n";
  EXPECT_EQ(removed(First, listElement(First, at(First, "b_(2)"), 5)),
            "A()\n  : a_(1)\n  , c_(3)\n{\n}\n");
  EXPECT_EQ(removed(First, listElement(First, at(First, "c_(3)"), 5)),
            "A()\n  : a_(1)\n  , b_(2)\n{\n}\n");
  EXPECT_EQ(removed(First, listElement(First, at(First, "a_(1)"), 5)),
            "A()\n  : b_(2)\n  , c_(3)\n{\n}\n");
  // A comma-first element sharing its line with more code keeps the line.
  llvm::StringRef Shared = "A()\n  : a_(1)\n  , b_(2) {}\n";
  EXPECT_EQ(removed(Shared, listElement(Shared, at(Shared, "b_(2)"), 5)),
            "A()\n  : a_(1)\n   {}\n");
}

TEST(TextEdits, SpansPastTheEndAreLeftAsTheyAre) {
  // Recorded from a longer text: nothing is read past the end.
  llvm::StringRef Text = "int a;\n";
  EXPECT_EQ(listElement(Text, 40, 4), std::make_pair(40u, 4u));
  EXPECT_EQ(declarationLines(Text, 40, 4), std::make_pair(40u, 4u));
  EXPECT_EQ(statementLines(Text, 5, 9), std::make_pair(5u, 9u));
  EXPECT_EQ(wholeLines(Text, 7, 1), std::make_pair(7u, 1u));
}

TEST(TextEdits, LeadingComment) {
  llvm::StringRef T = "int a;\n\n// One.\n  // Two.\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(T, at(T, "const int k")), at(T, "// One."));
  llvm::StringRef Block = "int a;\n/* One,\n   two. */\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Block, at(Block, "const int k")), at(Block, "/* One"));
  // None: a blank line between, code above, code before on the line.
  llvm::StringRef Parted = "// Alone.\n\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Parted, at(Parted, "const")), at(Parted, "const"));
  llvm::StringRef Code = "int a;  // a's.\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Code, at(Code, "const")), at(Code, "const"));
  llvm::StringRef Inline = "// c\nstatic const int k = 1;\n";
  EXPECT_EQ(leadingComment(Inline, at(Inline, "const")), at(Inline, "const"));
  EXPECT_EQ(leadingComment("const int k = 1;", 0), 0u);
  // Read by the lexer: a comment holding `/*` is one comment.
  llvm::StringRef Nested = "int a;\n/* One /* two,\n   three. */\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Nested, at(Nested, "const")), at(Nested, "/* One"));
  // A string holding a comment is no comment.
  llvm::StringRef Quoted = "auto s = \"/* a */\";\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Quoted, at(Quoted, "const")), at(Quoted, "const"));
  llvm::StringRef Raw = "auto s = R\"(\n// not one\n)\";\n// One.\nconst int k = 1;\n";
  EXPECT_EQ(leadingComment(Raw, at(Raw, "const")), at(Raw, "// One."));
}

TEST(TextEdits, StatementLinesSkipCommentsByTheLexer) {
  // The `;` after a comment holding `;` and a quote.
  llvm::StringRef T = "struct S {\n  int a_ /* ; \" */ ;\n  int b_;\n};\n";
  EXPECT_EQ(removed(T, statementLines(T, at(T, "int a_"), 6)), "struct S {\n  int b_;\n};\n");
}

TEST(TextEdits, NamespaceBody) {
  llvm::StringRef T = "#include <x>\nnamespace shop {\nint f() { return '}'; }\n}  // namespace shop\n";
  auto R = namespaceBody(T, "shop");
  ASSERT_TRUE(R.has_value());
  EXPECT_EQ(R->first, at(T, "namespace shop {") + 16);
  EXPECT_EQ(T[R->second], '}');
  EXPECT_EQ(R->second, at(T, "}  // namespace"));
  llvm::StringRef Nested = "namespace a {\nnamespace b {\n}\n}\n";
  ASSERT_TRUE(namespaceBody(Nested, "a::b").has_value());
  EXPECT_EQ(namespaceBody(Nested, "a::b")->first, at(Nested, "namespace b {") + 13);
  EXPECT_FALSE(namespaceBody(T, "other").has_value());
  EXPECT_FALSE(namespaceBody("// namespace shop {\n", "").has_value());
}

TEST(TextEdits, NamespaceBodyPassesOverABlockThatGoes) {
  llvm::StringRef T = "namespace shop {\nclass Stats;\n}\n\nnamespace shop {\nclass Sink;\n}\n";
  unsigned Second = at(T, "namespace shop {\nclass Sink") + 16;
  std::pair<unsigned, unsigned> Fwd{0, static_cast<unsigned>(at(T, "\nnamespace shop {\nclass Sink"))};
  ASSERT_TRUE(namespaceBody(T, "shop", {Fwd}).has_value());
  EXPECT_EQ(namespaceBody(T, "shop", {Fwd})->first, Second);
  // No deletion, or one elsewhere: the first block.
  EXPECT_EQ(namespaceBody(T, "shop")->first, 16u);
  std::pair<unsigned, unsigned> Elsewhere{at(T, "class Stats;"), 12};
  EXPECT_EQ(namespaceBody(T, "shop", {Elsewhere})->first, 16u);
}

TEST(TextEdits, AfterIncludes) {
  EXPECT_EQ(afterIncludes("#include <a>\n#include \"b\"\nint x;\n"), 26u);
  EXPECT_EQ(afterIncludes("int x;\n"), 0u);
  // An include guard's `#define` when it comes after the includes' end.
  llvm::StringRef Guarded = "// a.h\n#ifndef A_H\n#define A_H\nint x;\n#endif\n";
  EXPECT_EQ(afterIncludes(Guarded), at(Guarded, "int x;"));
  // By tokens: `# include`, an include after a comment on the line before,
  // and none in a raw string or a comment.
  llvm::StringRef Spaced = "#pragma once\n/* x\n#include \"no\" */\n# include <a>\nint y;\n";
  EXPECT_EQ(afterIncludes(Spaced), at(Spaced, "int y;"));
  llvm::StringRef Raw = "#include <a>\nauto s = R\"(\n#include <b>\n)\";\n";
  EXPECT_EQ(afterIncludes(Raw), at(Raw, "auto s"));
}

TEST(TextEdits, ApplyWithinASlice) {
  llvm::StringRef T = "if (m) { m->A(); m->B(); }";
  std::vector<Edit> Inner = {{at(T, "m->A()"), 6, "X.Inc()", ""},
                             {at(T, "m->B()"), 6, "Y.Inc()", ""},
                             {0, 2, "while", ""}}; // outside the slice: ignored
  EXPECT_EQ(applyWithin(T, at(T, "m->A"), 15, Inner), "X.Inc(); Y.Inc();");
}

TEST(TextEdits, Parentheses) {
  // In argument position nothing needs them but a top-level comma.
  EXPECT_FALSE(needsParens("qty + 1", "Increment(", ");"));
  EXPECT_FALSE(needsParens("std::map<int, int>{}.size()", "Increment(", ")"));
  EXPECT_TRUE(needsParens("a, b", "Increment(", ")"));
  // Elsewhere an operator does.
  EXPECT_TRUE(needsParens("a + b", "x = ", " * 2"));
  EXPECT_FALSE(needsParens("ns::value", "x = ", " * 2"));
  EXPECT_FALSE(needsParens("ptr->size()", "x = ", " * 2"));
  EXPECT_FALSE(needsParens("\"a+b\"", "x = ", " + s"));
  // By tokens: a comparison is an operator, a raw string is one literal.
  EXPECT_TRUE(needsParens("a <= b", "x = ", " * 2"));
  EXPECT_FALSE(needsParens("R\"(\"a, b)\"", "Increment(", ")"));
}

TEST(TextEdits, ClosingBracketByTokens) {
  llvm::StringRef Plain = "Observe(f(x), 2) + 1";
  EXPECT_EQ(closingBracket(Plain, 7), Plain.find(") +"));
  // A parenthesis in a string, a raw string, a character or a comment is
  // not one.
  llvm::StringRef Quoted = "Add(R\"x(\")\")x\", ')', \"(\" /* ) */, g(1)) ;";
  EXPECT_EQ(closingBracket(Quoted, 3), Quoted.find(") ;"));
  EXPECT_EQ(closingBracket("Add(1, 2", 3), llvm::StringRef::npos);
  EXPECT_EQ(closingBracket("x(1)", 0), llvm::StringRef::npos); // not at a bracket
  llvm::StringRef Body = "[&] { log(\"}\"); /* } */ if (x) { y(); } } z";
  EXPECT_EQ(closingBracket(Body, 4), Body.find("} z"));
}

TEST(TextEdits, HoldsNoCode) {
  EXPECT_TRUE(holdsNoCode(""));
  EXPECT_TRUE(holdsNoCode("#pragma once\n"
                          "// The service's header.\n"
                          "\n"
                          "/* Kept:\n"
                          "   int x; */\n"
                          "#include <memory>\n"
                          "#define LONG(a) \\\n"
                          "  (a) + 1\n"));
  EXPECT_TRUE(holdsNoCode("#pragma once\nnamespace shop {\nnamespace {\n} // namespace\n}\n"));
  EXPECT_TRUE(holdsNoCode("inline namespace v1 { namespace a::b { ; } }"));
  EXPECT_FALSE(holdsNoCode("#pragma once\nnamespace shop {\nint x;\n}\n"));
  EXPECT_FALSE(holdsNoCode("namespace shop {"));
  EXPECT_FALSE(holdsNoCode("namespace shop = other;"));
  EXPECT_FALSE(holdsNoCode("}"));
  EXPECT_FALSE(holdsNoCode("#if 0\nint x;\n#endif\n"));
  EXPECT_FALSE(holdsNoCode("// a\nstruct S; // b\n"));
  EXPECT_FALSE(holdsNoCode("/* a */ struct S;\n"));
  EXPECT_FALSE(holdsNoCode("auto s = R\"(\n#define X\n)\";\n"));
}

} // namespace
} // namespace mm

namespace mm {
namespace {

TEST(TextEdits, DeclarationLinesTakeCommentsAndOneBlankLine) {
  llvm::StringRef T = "class S {\n public:\n  S();\n\n  // Inventory\n  void A();\n\n"
                      "  // Kits\n  void B();\n\n  void Kept();\n};\n";
  auto A = declarationLines(T, T.find("void A();"), 8);
  EXPECT_EQ(T.substr(A.first, A.second), "  // Inventory\n  void A();\n\n");
  auto B = declarationLines(T, T.find("void B();"), 8);
  EXPECT_EQ(T.substr(B.first, B.second), "  // Kits\n  void B();\n\n");
  std::string After = T.take_front(A.first).str() + T.slice(A.first + A.second, B.first).str() +
                      T.drop_front(B.first + B.second).str();
  EXPECT_EQ(After, "class S {\n public:\n  S();\n\n  void Kept();\n};\n");
  // Right after an opening brace, the blank line after goes too.
  llvm::StringRef U = "namespace a {\n\nint x;\n\nint y;\n}\n";
  auto X = declarationLines(U, U.find("int x"), 5);
  EXPECT_EQ(U.substr(X.first, X.second), "int x;\n\n");
  // Not alone on its line: only the declaration.
  llvm::StringRef V = "int a; int b;\n";
  EXPECT_EQ(declarationLines(V, 7, 5), std::make_pair(7u, 6u));
}

TEST(TextEdits, ExplicitOfAConstructorLeftWithoutParameters) {
  llvm::StringRef T = "class W {\n public:\n  explicit W(IStats& stats);\n};\n";
  unsigned Param = T.find("IStats");
  auto E = explicitOfEmptiedList(T, Param, T.find(")") - Param);
  ASSERT_TRUE(E.has_value());
  EXPECT_EQ(T.substr(E->first, E->second), "explicit ");
  // No change: a parameter is left, the keyword is another word's end, or
  // there is no `explicit`.
  llvm::StringRef Two = "  explicit W(IStats& stats, int n);\n";
  unsigned First = Two.find("IStats");
  EXPECT_FALSE(explicitOfEmptiedList(Two, First, Two.find("int") - First).has_value());
  llvm::StringRef Word = "  notexplicit W(IStats& s);\n";
  EXPECT_FALSE(
      explicitOfEmptiedList(Word, Word.find("IStats"), Word.find(")") - Word.find("IStats"))
          .has_value());
  llvm::StringRef Plain = "W::W(IStats& s) {}\n";
  EXPECT_FALSE(
      explicitOfEmptiedList(Plain, Plain.find("IStats"), Plain.find(")") - Plain.find("IStats"))
          .has_value());
}

TEST(TextEdits, ATrailingCommentGoesWithItsDeclaration) {
  llvm::StringRef T = "struct S {\n\tint* m_a;\n\tint* m_b; // zero until used\n\tint m_c;\n};\n";
  auto B = declarationLines(T, T.find("int* m_b"), 8);
  EXPECT_EQ(T.substr(B.first, B.second), "\tint* m_b; // zero until used\n");
  // No change: without a comment, the line alone; a comment on the next
  // line is not this declaration's.
  auto A = declarationLines(T, T.find("int* m_a"), 8);
  EXPECT_EQ(T.substr(A.first, A.second), "\tint* m_a;\n");
  llvm::StringRef U = "int x;\n// about y\nint y;\n";
  auto X = declarationLines(U, 0, 5);
  EXPECT_EQ(U.substr(X.first, X.second), "int x;\n");
}

TEST(TextEdits, WordsIn) {
  llvm::StringRef Text = "KITS x KITS_TOTAL MY_KITS KITS;";
  EXPECT_EQ(wordsIn(Text, 0, Text.size(), "KITS"), (std::vector<unsigned>{0, 26}));
  EXPECT_EQ(wordsIn(Text, 1, 26, "KITS"), std::vector<unsigned>{});
  EXPECT_TRUE(containsWord(Text, "x"));
  EXPECT_FALSE(containsWord(Text, "TOTAL"));
}


TEST(TextEdits, DirectivesAreAHashFirstOnItsLineNotInACommentOrString) {
  std::string Text = "/* #include \"no.h\" */\n"
                     "#include \"a.h\"\n"
                     "  #  define FEATURE 1\n"
                     "const char *s = \"#define NO\"; // #include <no>\n"
                     "const char *r = R\"(\n#include \"raw.h\"\n)\";\n"
                     "#include_next <b.h>\n"
                     "#ifndef GUARD\n"
                     "#endif\n";
  std::vector<std::string> Seen;
  for (const Directive &D : directives(Text))
    Seen.push_back(D.Name.str() + " " + D.Argument.str() + " @" +
                   std::to_string(D.Offset) + (D.isInclude() ? " include" : ""));
  EXPECT_EQ(Seen, (std::vector<std::string>{"include \"a.h\" @22 include", "define FEATURE @39",
                                            "include_next < @147 include", "ifndef GUARD @167",
                                            "endif  @181"}));
  EXPECT_TRUE(directives("int x; // #include <a.h>\n").empty());
}

TEST(TextEdits, NamesInCodeNotInCommentsStringsOrIncludes) {
  const char *Code = "#include <board.h>\n"
                     "#include \"stats/board.hpp\"\n"
                     "// Built on the board.\n"
                     "/* board */ const char* s = \"board\";\n";
  EXPECT_FALSE(namesInCode(Code, "board"));
  EXPECT_FALSE(namesAnyInCode(Code, {"board", "stats"}));
  EXPECT_TRUE(namesInCode(std::string(Code) + "board* b;\n", "board"));
  EXPECT_TRUE(namesAnyInCode(std::string(Code) + "#define BOARD board\n", {"x", "board"}));
  EXPECT_TRUE(namesAnyInCode("R\"(raw)\" stats::board b;", {"board"}));
  EXPECT_FALSE(namesAnyInCode("R\"(board)\";", {"board"}));
}

TEST(FoldLiteralCondition, AConditionThatIsALiteralPicksItsBranch) {
  auto Fold = [](llvm::StringRef Code) {
    return foldLiteralCondition(Code, Code.find("true") != llvm::StringRef::npos
                                          ? Code.find("true")
                                          : Code.find("false"));
  };
  EXPECT_EQ(Fold(R"(f({{"state", true ? "fired" : "cleared"}});)"), R"(f({{"state", "fired"}});)");
  EXPECT_EQ(Fold("f(false ? \"a\" : \"b\", 2);"), "f(\"b\", 2);");
  EXPECT_EQ(Fold("x = true ? g(1, 2) : h;"), "x = g(1, 2);");
  EXPECT_EQ(Fold("return false ? a : c ? d : e;"), "return c ? d : e;");
  EXPECT_EQ(Fold("f(true ? x ? 1 : 2 : 3);"), "f(x ? 1 : 2);");
  EXPECT_EQ(Fold("f(true ? \"a:b\" /* : */ : \"c\");"), "f(\"a:b\");");
  EXPECT_EQ(Fold("f(false ? y : std::string(\"a,b\"))"), "f(std::string(\"a,b\"))");
}

TEST(FoldLiteralCondition, AnythingElseIsLeftAlone) {
  auto Fold = [](llvm::StringRef Code) { return foldLiteralCondition(Code, Code.find("true")); };
  EXPECT_EQ(Fold("f(1 + true ? a : b);"), std::nullopt); // the condition is `1 + true`
  EXPECT_EQ(Fold("f(true);"), std::nullopt);
  EXPECT_EQ(Fold("if (true) x();"), std::nullopt);
  EXPECT_EQ(Fold("f(true == x ? a : b);"), std::nullopt);
  EXPECT_EQ(Fold("f(\"true ? a : b\");"), std::nullopt); // inside a literal
  EXPECT_EQ(foldLiteralCondition("f(x ? a : b);", 2), std::nullopt);
}

} // namespace
} // namespace mm
