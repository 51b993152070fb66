//===--- TraceTest.cpp - Failures of a re-parse -> demotions, on plain data ===//

#include "verify/Trace.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const char *ContextBefore = "#pragma once\n"
                            "struct Context {\n"
                            "  int desk = 0;\n"
                            "  Sink* sink = nullptr;\n"
                            "};\n";
const char *ContextAfter = "#pragma once\n"
                           "struct Context {\n"
                           "  int desk = 0;\n"
                           "};\n";
const char *PrinterBefore = "#include \"context.h\"\n"
                            "\n"
                            "void print(Context* c) { c->sink->printed(); }\n";
const char *PrinterAfter = "#include \"context.h\"\n"
                           "#include \"gone.h\"\n"
                           "\n"
                           "void print(Context* c) { PRINTED.Increment(); }\n";

struct Fixture {
  std::vector<MaterializedFile> Files;
  EditSet Edits;
  PlanDecision Strip{PlanDecision::Kind::Injection, "Context"};
  PlanDecision Inline{PlanDecision::Kind::Wrapper, "printed()"};
  Fixture() {
    Files.push_back({"context.h", ContextBefore, ContextAfter, false, false});
    Files.push_back({"printer.cpp", PrinterBefore, PrinterAfter, false, false});
    unsigned Field = std::string(ContextBefore).find("  Sink*");
    Edits.file("context.h").Edits.push_back({Field, 24, "", "strip Context::sink"});
    unsigned Call = std::string(PrinterBefore).find("c->sink");
    Edits.file("printer.cpp").Edits.push_back({Call, 20, "PRINTED.Increment()", "inline printed"});
    Edits.file("printer.cpp").AddIncludes.push_back("\"gone.h\"");
  }
  Attribution owners() const {
    return [this](const EditElement &E, unsigned, unsigned,
                  llvm::StringRef) -> std::vector<PlanDecision> {
      if (E.File == "context.h")
        return {Strip};
      if (E.File == "printer.cpp" && E.K == EditElement::Kind::Replace)
        return {Inline};
      return {}; // the include: added after the rules ran
    };
  }
};

TEST(Trace, LinesBeforeAndAfter) {
  Fixture X;
  EXPECT_EQ(lineBefore(X.Files[0], 1), 1u);
  EXPECT_EQ(lineBefore(X.Files[0], 4), 5u); // `};` moved up a line
  EXPECT_EQ(lineBefore(X.Files[1], 2), std::nullopt); // the new include
  EXPECT_EQ(lineBefore(X.Files[1], 3), 2u);
  EXPECT_EQ(lineBefore(X.Files[1], 4), std::nullopt);
  MaterializedFile Same{"same.cpp", "a\nb\n", "a\nb\n", false, false};
  EXPECT_EQ(lineBefore(Same, 2), 2u);
}

TEST(Trace, AnUnchangedLineNamingARemovedDeclarationDemotesItsRemover) {
  Fixture X;
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Errors = {{"main.cpp", 7, 7, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}}};
  LinesOfInterest Lines = linesToLookUp({T}, X.Files);
  EXPECT_THAT(Lines["main.cpp"], ElementsAre(7u));
  TraceResult R = traceFailures({T}, X.Files, X.Edits, X.owners());
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Strip);
  EXPECT_EQ(R.Demotions[0].Item.File, "main.cpp");
  EXPECT_EQ(R.Demotions[0].Item.Line, 7u);
  EXPECT_EQ(R.Demotions[0].Item.What, "injection of Context kept as it is");
  EXPECT_EQ(R.Demotions[0].Item.Why,
            "after `strip Context::sink` at context.h:4, main.cpp did not compile: "
            "main.cpp:7:7: error: no member named 'sink' in 'Context'");
  EXPECT_THAT(R.Unresolved, IsEmpty());
}

TEST(Trace, AChangedLineDemotesTheEditsOfItsHunk) {
  Fixture X;
  TUFailure T;
  T.MainFile = "printer.cpp";
  T.Errors = {{"printer.cpp", 4, 27, true, "use of undeclared identifier 'PRINTED'", ""}};
  TraceResult R = traceFailures({T}, X.Files, X.Edits, X.owners());
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Inline);
  // On a line the migration wrote: placed where the edit was.
  EXPECT_EQ(R.Demotions[0].Item.File, "printer.cpp");
  EXPECT_EQ(R.Demotions[0].Item.Line, 3u);
}

TEST(Trace, AnIncludeNoDecisionExplainsAnswersToItsFilesDecisions) {
  Fixture X;
  TUFailure T;
  T.MainFile = "printer.cpp";
  T.Errors = {{"printer.cpp", 2, 10, true, "'gone.h' file not found", ""}};
  TraceResult R = traceFailures({T}, X.Files, X.Edits, X.owners());
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Inline);
  EXPECT_EQ(R.Demotions[0].Item.Why,
            "after `#include \"gone.h\"` added to printer.cpp, printer.cpp did not compile: "
            "printer.cpp:2:10: error: 'gone.h' file not found");
}

TEST(Trace, WhatNoDecisionExplainsIsUnresolved) {
  Fixture X;
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Errors = {{"main.cpp", 7, 7, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}}};
  TraceResult R = traceFailures({T}, X.Files, X.Edits,
                                [](const EditElement &, unsigned, unsigned, llvm::StringRef) {
                                  return std::vector<PlanDecision>();
                                });
  EXPECT_THAT(R.Demotions, IsEmpty());
  EXPECT_THAT(R.Unresolved,
              ElementsAre("main.cpp:7:7: error: no member named 'sink' in 'Context' "
                          "(after `strip Context::sink` at context.h:4)"));
}

TEST(Trace, NoFailureNoDemotion) {
  Fixture X;
  TraceResult R = traceFailures({}, X.Files, X.Edits, X.owners());
  EXPECT_THAT(R.Demotions, IsEmpty());
  EXPECT_THAT(R.Unresolved, IsEmpty());
}

TEST(Trace, ElementsOfAnEditSet) {
  Fixture X;
  X.Edits.file("old.h").Delete = true;
  std::vector<std::string> Described;
  for (const EditElement &E : elementsOf(X.Edits))
    Described.push_back(E.describe(E.File == "context.h" ? ContextBefore : PrinterBefore));
  EXPECT_THAT(Described, ElementsAre("`strip Context::sink` at context.h:4",
                                     "the deletion of old.h",
                                     "`inline printed` at printer.cpp:3",
                                     "`#include \"gone.h\"` added to printer.cpp"));
}

TEST(Trace, OfAClassAndItsMemberBothChangedTheMemberAnswers) {
  // `c->sink` names the class Context (line 2-5) and its field (line 4):
  // the edit of the field is the culprit, and the place is the field, not
  // the class.
  Fixture X;
  unsigned Desk = std::string(ContextBefore).find("  int desk");
  X.Edits.file("context.h").Edits.push_back({Desk, 16, "  long desk = 0;\n", "widen desk"});
  PlanDecision Widen{PlanDecision::Kind::Metric, "desk"};
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Errors = {{"main.cpp", 7, 7, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "Context", {"context.h", 2, 1, 13, 58}},
                  {"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}}};
  std::vector<std::string> Asked;
  TraceResult R = traceFailures(
      {T}, X.Files, X.Edits,
      [&](const EditElement &E, unsigned Begin, unsigned End,
          llvm::StringRef) -> std::vector<PlanDecision> {
        Asked.push_back(E.Origin + " in [" + std::to_string(Begin) + ", " +
                        std::to_string(End) + ")");
        return {E.Origin == "widen desk" ? Widen : X.Strip};
      });
  EXPECT_THAT(Asked, ElementsAre("strip Context::sink in [48, 68)"));
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Strip);
}

TEST(Trace, AnEditTakenBackAloneOnlyWhenNoDecisionAnswers) {
  Fixture X;
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Errors = {{"main.cpp", 7, 7, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}}};
  auto Itself = [](const EditElement &E) {
    return *editDecision(E, E.File == "context.h" ? ContextBefore : PrinterBefore);
  };
  // Alone: the edit is its own decision.
  TraceResult R = traceFailures({T}, X.Files, X.Edits,
                                [&](const EditElement &E, unsigned, unsigned, llvm::StringRef) {
                                  return std::vector<PlanDecision>{Itself(E)};
                                });
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision.K, PlanDecision::Kind::Edit);
  EXPECT_EQ(R.Demotions[0].Item.What,
            "the edit `strip Context::sink` at context.h:4 not made");
  // With the decisions that make it too: all of them.
  R = traceFailures({T}, X.Files, X.Edits, [&](const EditElement &E, unsigned, unsigned, llvm::StringRef) {
    return std::vector<PlanDecision>{Itself(E), X.Strip};
  });
  ASSERT_EQ(R.Demotions.size(), 2u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Strip);
  EXPECT_EQ(R.Demotions[1].Decision.K, PlanDecision::Kind::Edit);
  // When a decision of the plan answers for another edit of the error:
  // only that decision.
  unsigned Desk = std::string(ContextBefore).find("  int desk");
  X.Edits.file("context.h").Edits.push_back({Desk, 16, "  long desk = 0;\n", "widen desk"});
  PlanDecision Widen{PlanDecision::Kind::Metric, "desk"};
  T.References.push_back({"main.cpp", 7, "desk", {"context.h", 3, 3, 32, 12}});
  R = traceFailures({T}, X.Files, X.Edits, [&](const EditElement &E, unsigned, unsigned, llvm::StringRef) {
    return E.Origin == "widen desk" ? std::vector<PlanDecision>{Widen}
                                    : std::vector<PlanDecision>{Itself(E)};
  });
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, Widen);
}

TEST(Trace, AnErrorOnAWrittenLineAsksAboutThatLine) {
  Fixture X;
  TUFailure T;
  T.MainFile = "printer.cpp";
  T.Errors = {{"printer.cpp", 4, 26, true, "use of undeclared identifier 'PRINTED'", ""}};
  std::vector<std::string> Lines;
  traceFailures({T}, X.Files, X.Edits,
                [&](const EditElement &E, unsigned, unsigned, llvm::StringRef Line) {
                  if (E.K == EditElement::Kind::Replace)
                    Lines.push_back(Line.str());
                  return std::vector<PlanDecision>{X.Inline};
                });
  EXPECT_THAT(Lines, ElementsAre("void print(Context* c) { PRINTED.Increment(); }\n"));
  // A line it kept is about the declarations it names: no line.
  T.Errors = {{"main.cpp", 7, 7, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}}};
  Lines.clear();
  traceFailures({T}, X.Files, X.Edits,
                [&](const EditElement &, unsigned, unsigned, llvm::StringRef Line) {
                  Lines.push_back(Line.str());
                  return std::vector<PlanDecision>{X.Strip};
                });
  EXPECT_THAT(Lines, ElementsAre(""));
}

TEST(Trace, AWrittenLineIsFoundWhateverItsLayout) {
  EXPECT_TRUE(writes("void f() {\n  g( 1, 2 );\n}", "    g(1,\n 2);"));
  EXPECT_FALSE(writes("void f() {\n  g(1, 2);\n}", "h(1, 2);"));
  EXPECT_FALSE(writes("anything", "  \n"));
}

TEST(Trace, TakingBackAnEditLeavesTheOthers) {
  Fixture X;
  std::vector<EditElement> All = elementsOf(X.Edits);
  ASSERT_EQ(All.size(), 3u); // the field, the call, the include
  // A new file is no edit of its own: it stands for a whole rule.
  EXPECT_EQ(editDecision({"new.h", EditElement::Kind::Create, 0, 0, "", ""}, ""), std::nullopt);

  EditSet Same = X.Edits;
  takeBackEdits(Same, {{X.Strip, {}}}); // no edit taken back: nothing changes
  EXPECT_EQ(elementsOf(Same), All);

  std::vector<Demotion> Back = {{*editDecision(All[0], ContextBefore), {}},
                                {*editDecision(All[2], PrinterBefore), {}}};
  takeBackEdits(X.Edits, Back);
  EXPECT_THAT(X.Edits.Files["context.h"].Edits, IsEmpty());
  EXPECT_THAT(X.Edits.Files["printer.cpp"].AddIncludes, IsEmpty());
  ASSERT_EQ(X.Edits.Files["printer.cpp"].Edits.size(), 1u);
  EXPECT_EQ(X.Edits.Files["printer.cpp"].Edits[0].Text, "PRINTED.Increment()");
}

TEST(Trace, ADeletionIsADecisionOfItsOwn) {
  EditElement Gone = EditElement::deletion("old.h");
  std::optional<PlanDecision> Keep = editDecision(Gone, "");
  ASSERT_TRUE(Keep);
  EXPECT_EQ(Keep->K, PlanDecision::Kind::Edit);
  EXPECT_EQ(Keep->describe(), "the deletion of old.h");
  EXPECT_TRUE(takenBack(Gone, {{*Keep, {}}}));
  EXPECT_FALSE(takenBack(EditElement::deletion("other.h"), {{*Keep, {}}}));
  EXPECT_FALSE(takenBack(Gone, {{{PlanDecision::Kind::Wrapper, "old.h"}, {}}}));
}

TEST(Trace, AnIncludeNotFoundBlamesTheDeletionOfItsFile) {
  // probe.cpp includes telemetry/old.h through a macro: no rule saw it.
  Fixture X;
  X.Edits.file("telemetry/old.h").Delete = true;
  auto Owners = [&](const EditElement &E, unsigned, unsigned,
                    llvm::StringRef) -> std::vector<PlanDecision> {
    if (E.K == EditElement::Kind::Delete)
      return {*editDecision(E, "")};
    return {E.File == "context.h" ? X.Strip : X.Inline};
  };
  TUFailure T;
  T.MainFile = "probe.cpp";
  T.Read = {"printer.cpp"};
  T.Errors = {{"probe.cpp", 2, 10, true, "'telemetry/old.h' file not found", "telemetry/old.h"}};
  TraceResult R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Item.What, "the deletion of telemetry/old.h not made");
  EXPECT_EQ(R.Demotions[0].Item.Why,
            "after the deletion of telemetry/old.h, probe.cpp did not compile: "
            "probe.cpp:2:10: error: 'telemetry/old.h' file not found");
  // Spelled from its own folder: the same file.
  T.Errors[0].Missing = "old.h";
  R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Item.What, "the deletion of telemetry/old.h not made");
  // A file no one deletes: not that deletion (the edits of what it reads).
  T.Errors[0].Missing = "ld.h";
  R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Inline);
}

TEST(Trace, TheNameClangPointsAtOutweighsTheOthersOnItsLine) {
  // `c->desk = c->sink;`: both members changed; the error is about sink.
  Fixture X;
  unsigned Desk = std::string(ContextBefore).find("  int desk");
  X.Edits.file("context.h").Edits.push_back({Desk, 16, "  long desk = 0;\n", "widen desk"});
  PlanDecision Widen{PlanDecision::Kind::Metric, "desk"};
  auto Owners = [&](const EditElement &E, unsigned, unsigned, llvm::StringRef) {
    return std::vector<PlanDecision>{E.Origin == "widen desk" ? Widen : X.Strip};
  };
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Errors = {{"main.cpp", 7, 16, true, "no member named 'sink' in 'Context'", ""}};
  T.References = {{"main.cpp", 7, "desk", {"context.h", 3, 3, 32, 16}, 6, 4},
                  {"main.cpp", 7, "sink", {"context.h", 4, 5, 48, 20}, 16, 4}};
  TraceResult R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Strip);
  // Pointing at no name: every name of the line.
  T.Errors[0].Column = 1;
  R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 2u);
  EXPECT_EQ(R.Demotions[0].Decision, Widen);
  EXPECT_EQ(R.Demotions[1].Decision, X.Strip);
}

TEST(Trace, ALineNamingNothingChangedBlamesARemovedIncludeFirst) {
  // main.cpp:7 uses kMax, which printer.cpp had from limits.h: the call
  // rewritten in printer.cpp is not behind it.
  Fixture X;
  auto Owners = [&](const EditElement &E, unsigned, unsigned,
                    llvm::StringRef) -> std::vector<PlanDecision> {
    if (E.K == EditElement::Kind::RemoveInclude)
      return {*editDecision(E, PrinterBefore)};
    return {E.File == "context.h" ? X.Strip : X.Inline};
  };
  TUFailure T;
  T.MainFile = "main.cpp";
  T.Read = {"printer.cpp"};
  T.Errors = {{"main.cpp", 7, 12, true, "use of undeclared identifier 'kMax'", ""}};
  T.References = {{"main.cpp", 7, "kMax", {"limits.h", 1, 1, 0, 20}, 12, 4}};
  // No include removed: the edits of what the TU reads.
  TraceResult R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Decision, X.Inline);
  X.Edits.file("printer.cpp").RemoveIncludes.push_back("\"limits.h\"");
  R = traceFailures({T}, X.Files, X.Edits, Owners);
  ASSERT_EQ(R.Demotions.size(), 1u);
  EXPECT_EQ(R.Demotions[0].Item.What,
            "the edit `#include \"limits.h\"` removed from printer.cpp not made");
}

} // namespace
} // namespace mm
