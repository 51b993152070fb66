//===--- ConditionalRecorder.cpp - Code compiled in one configuration -----===//

#include "matchers/ConditionalRecorder.h"

#include "core/Conditions.h"

#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Token.h"

namespace mm {

using namespace clang;

std::string ConditionalBranches::text(SourceRange Range) const {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Range), SM, LangOpts)
      .trim()
      .str();
}

void ConditionalBranches::open(SourceLocation Loc, std::string Condition, bool True,
                               std::string GuardMacro) {
  Open O;
  O.ParentActive = Stack.empty() || Stack.back().Active;
  O.Begin = Loc;
  O.Condition = std::move(Condition);
  O.DefinedAt = definedAt(O.Condition);
  O.Active = O.ParentActive && True;
  O.Taken = O.Active;
  Stack.push_back(std::move(O));
  PendingGuard = std::move(GuardMacro);
}

void ConditionalBranches::close(SourceLocation Loc) {
  Open &O = Stack.back();
  if (O.Active && !O.Guard && SM.isWrittenInSameFile(O.Begin, Loc))
    Out->push_back({O.Begin, Loc, O.Condition, O.DefinedAt, O.Includes});
  O.Includes.clear();
}

void ConditionalBranches::next(SourceLocation Loc, std::string Condition, bool True) {
  PendingGuard.clear();
  if (Stack.empty())
    return;
  close(Loc);
  Open &O = Stack.back();
  O.Before.push_back(O.Condition);
  O.Begin = Loc;
  O.Condition.clear();
  for (const std::string &Earlier : O.Before)
    O.Condition += (O.Condition.empty() ? "!(" : " && !(") + Earlier + ")";
  if (!Condition.empty())
    O.Condition += " && (" + Condition + ")";
  O.DefinedAt = definedAt(O.Condition);
  O.Active = O.ParentActive && !O.Taken && True;
  O.Taken = O.Taken || O.Active;
}

void ConditionalBranches::If(SourceLocation Loc, SourceRange ConditionRange,
                             ConditionValueKind Value) {
  std::string Condition = text(ConditionRange);
  // `#if !defined(X)`: an include guard when `#define X` comes next.
  std::string Guard;
  llvm::StringRef C = Condition;
  if (C.consume_front("!") && C.ltrim().consume_front("defined")) {
    C = C.ltrim().ltrim('(').rtrim().rtrim(')').trim();
    if (!C.empty() && llvm::all_of(C, [](char Ch) { return isAsciiIdentifierContinue(Ch); }))
      Guard = C.str();
  }
  open(Loc, Condition, Value == CVK_True, Guard);
}

void ConditionalBranches::Ifdef(SourceLocation Loc, const Token &MacroNameTok,
                                const MacroDefinition &MD) {
  std::string Name = MacroNameTok.getIdentifierInfo()
                         ? MacroNameTok.getIdentifierInfo()->getName().str()
                         : "";
  open(Loc, "defined(" + Name + ")", MD.getMacroInfo() != nullptr, "");
}

void ConditionalBranches::Ifndef(SourceLocation Loc, const Token &MacroNameTok,
                                 const MacroDefinition &MD) {
  std::string Name = MacroNameTok.getIdentifierInfo()
                         ? MacroNameTok.getIdentifierInfo()->getName().str()
                         : "";
  open(Loc, "!defined(" + Name + ")", MD.getMacroInfo() == nullptr, Name);
}

void ConditionalBranches::Elif(SourceLocation Loc, SourceRange ConditionRange,
                               ConditionValueKind Value, SourceLocation) {
  next(Loc, text(ConditionRange), Value == CVK_True);
}

void ConditionalBranches::Else(SourceLocation Loc, SourceLocation) { next(Loc, "", true); }

void ConditionalBranches::Endif(SourceLocation Loc, SourceLocation) {
  PendingGuard.clear();
  if (Stack.empty())
    return;
  close(Loc);
  Stack.pop_back();
}

SourceLocation ConditionalBranches::definedAt(llvm::StringRef Condition) const {
  std::string Normal = normalCondition(Condition);
  llvm::StringRef C = Normal;
  C.consume_front("!");
  if (!C.consume_front("defined(") || !C.consume_back(")"))
    return {};
  auto It = Definitions.find(C);
  return It == Definitions.end() ? SourceLocation() : It->second;
}

void ConditionalBranches::MacroUndefined(const Token &MacroNameTok, const MacroDefinition &,
                                         const MacroDirective *) {
  if (MacroNameTok.getIdentifierInfo())
    Definitions.erase(MacroNameTok.getIdentifierInfo()->getName());
}

void ConditionalBranches::MacroDefined(const Token &MacroNameTok, const MacroDirective *MD) {
  if (MacroNameTok.getIdentifierInfo() && MD && MD->getMacroInfo())
    Definitions[MacroNameTok.getIdentifierInfo()->getName()] =
        MD->getMacroInfo()->getDefinitionLoc();
  if (!PendingGuard.empty() && !Stack.empty() && MacroNameTok.getIdentifierInfo() &&
      MacroNameTok.getIdentifierInfo()->getName() == PendingGuard)
    Stack.back().Guard = true;
  PendingGuard.clear();
}

void ConditionalBranches::InclusionDirective(SourceLocation, const Token &, llvm::StringRef,
                                             bool, CharSourceRange, OptionalFileEntryRef File,
                                             llvm::StringRef, llvm::StringRef, const Module *,
                                             bool, SrcMgr::CharacteristicKind) {
  PendingGuard.clear();
  if (!File)
    return;
  for (Open &O : Stack)
    if (O.Active && !O.Guard)
      O.Includes.push_back(*File);
}

void recordConditionalRegions(const Locator &Loc, llvm::ArrayRef<CompiledBranch> Branches,
                              TUFacts &Out) {
  const SourceManager &SM = Loc.sourceManager();
  for (const CompiledBranch &B : Branches) {
    if (!Loc.inProject(B.Begin))
      continue;
    ConditionalRegion R;
    R.Branch = Loc.span(SourceRange(B.Begin, B.End));
    R.Condition = B.Condition;
    if (B.DefinedAt.isValid() && Loc.inProject(B.DefinedAt))
      R.DefinedIn = Loc.file(B.DefinedAt);
    for (FileEntryRef File : B.Includes) {
      FileID FID = SM.translateFile(File);
      if (FID.isInvalid())
        continue;
      SourceLocation Start = SM.getLocForStartOfFile(FID);
      if (Loc.inProject(Start))
        R.Includes.push_back(Loc.file(Start));
    }
    std::sort(R.Includes.begin(), R.Includes.end());
    R.Includes.erase(std::unique(R.Includes.begin(), R.Includes.end()), R.Includes.end());
    if (R.Branch.valid())
      Out.Scan.ConditionalRegions.push_back(std::move(R));
  }
}

} // namespace mm
