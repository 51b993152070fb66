//===--- Problems.cpp - What keeps a wrapper, a call or an expectation ---===//
//
// Part of stage [3]: why a wrapper's body, one of its call sites, or an
// expectation on it cannot be rewritten as the plan would (bodyProblem,
// siteProblem, fenceProblem, expectationProblem): each reason an item for
// a human, and the wrapper stays.
//
//===----------------------------------------------------------------------===//

#include "planner/Planner.h"
#include "planner/PlanSteps.h"

#include "planner/ExpectationBody.h"
#include "planner/OptionalBuild.h"

#include "core/TextEdits.h"

#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <set>

namespace mm {

namespace {

/// A name or literal: safe to repeat or to drop.
bool isTrivial(llvm::StringRef Arg) {
  Arg = Arg.trim();
  if (Arg.empty())
    return true;
  if (Arg.front() == '"' && Arg.back() == '"' && Arg.count('"') == 2)
    return true;
  return llvm::all_of(Arg, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == ':' || C == '.' || C == '-' || C == '+';
  });
}

} // namespace

std::optional<std::string> bodyProblem(const Wrapper &W) {
  if (W.UsesServiceState)
    return std::string("its body uses other members of the service");
  for (llvm::StringRef Rest = W.BodyText; !Rest.empty();) {
    auto [Line, Next] = Rest.split('\n');
    if (Line.ltrim().starts_with("#"))
      return std::string("its body holds preprocessor directives; a copy would "
                         "leave the other branches behind");
    Rest = Next;
  }
  return std::nullopt;
}

std::optional<ManualItem> expectationProblem(const Expectation &E, const Wrapper &W) {
  auto Problem = [&](std::string Why) {
    return ManualItem{E.Stmt.File, E.Stmt.Line, "EXPECT_CALL on " + E.Wrapper, std::move(Why),
                      LeftBecause::Expectation, ManualSubject::Expectation};
  };
  if (!E.TimesKnown)
    return Problem("its call count is not a literal Times(n)");
  if (E.Args.size() != W.Params.size())
    return Problem("its matchers do not match the wrapper's parameters");
  for (const std::string &Arg : E.Args) {
    llvm::StringRef A = llvm::StringRef(Arg).trim();
    if (!isGmockWildcard(A) && A.contains("(") && !A.starts_with("\"") && // HasSubstr(..)
        !readValueBounds(A))
      return Problem("a matcher other than a literal, _ or a bound on a number (Ge, Lt, "
                     "AllOf..) cannot become a value");
  }
  // What the wrapper's body records for these arguments.
  auto Read = readExpectation(E, W);
  if (const std::string *Why = std::get_if<std::string>(&Read))
    return Problem(*Why);
  return std::nullopt;
}

std::optional<ManualItem> fenceProblem(const CallSite &CS, const Config &Cfg) {
  std::string File = CS.Loc.File;
  if (CS.InMacro && CS.MacroDefinition.valid())
    File = CS.MacroDefinition.File;
  std::string Why = unwritableReason(Cfg, File);
  if (Why.empty())
    return std::nullopt;
  return ManualItem{CS.Loc.File, CS.Loc.Line, "call to " + CS.Wrapper,
                    File + " is " + Why + "; the call cannot be rewritten there",
                    LeftBecause::Fenced,
                    CS.InMacro ? ManualSubject::MacroExpansion : ManualSubject::Call};
}

std::optional<ManualItem> siteProblem(const CallSite &CS, const Wrapper &W, WrapperFate Fate) {
  auto Problem = [&](std::string What, std::string Why, LeftBecause Cause) {
    return ManualItem{CS.Loc.File, CS.Loc.Line, std::move(What), std::move(Why), Cause,
                      CS.InMacro ? ManualSubject::MacroExpansion : ManualSubject::Call};
  };
  std::string Call = "call to " + CS.Wrapper;
  if (CS.Inactive)
    return Problem(Call + " in an inactive preprocessor branch",
                   "the branch is skipped under this build's flags, so the call was never "
                   "parsed and cannot be rewritten; the wrapper stays for it",
                   LeftBecause::InactiveBranch);
  if (!CS.DerivedCaller.empty())
    return Problem(Call + " in " + CS.DerivedCaller,
                   CS.DerivedCaller + " derives from the service and calls the wrapper it "
                   "inherits, which must stay in the service for it",
                   LeftBecause::DerivedCaller);
  if (CS.AddressTaken)
    return Problem("use of &" + CS.Wrapper,
                   "the method is named, not called (a member-function pointer or "
                   "std::bind): its calls and their arguments are not visible here",
                   LeftBecause::AddressTaken);
  std::string File = CS.Loc.File;
  const std::vector<std::string> *Args = &CS.Args;
  if (CS.InMacro) {
    Call += " inside a macro expansion";
    if (!CS.MacroDefinition.valid())
      return Problem(Call, "the call is made of " + CS.Macro +
                               "'s arguments; rewriting it would change every other use "
                               "of the macro",
                     LeftBecause::Macro);
    if (moduleOf(CS.MacroDefinition.File) != CS.Module)
      return Problem(Call, CS.Macro + " is defined in " + CS.MacroDefinition.File +
                               ", outside the module expanding it",
                     LeftBecause::Macro);
    File = CS.MacroDefinition.File;
    Args = &CS.MacroArgs;
  }
  if (Fate == WrapperFate::Helper && isHeaderFile(File))
    return Problem(Call + " in a header", "its body is longer than one expression and a "
                                          "header cannot hold a file-local helper",
                   LeftBecause::HeaderHelper);
  if (!W.LocalConstants.empty() && isHeaderFile(File))
    return Problem(Call + " in a header", "its body uses a constant local to the service's file",
                   LeftBecause::HeaderHelper);
  for (size_t I = 0; I < W.Params.size(); ++I) {
    const Param &Q = W.Params[I];
    std::string Arg = I < Args->size() ? (*Args)[I] : Q.Default;
    if (Arg.empty())
      return Problem(Call, "argument '" + Q.Name + "' is missing", LeftBecause::Arguments);
    if (Fate != WrapperFate::Inline)
      continue;
    // In a macro, the parameter's argument at the expansion counts too.
    bool Trivial = isTrivial(Arg) && (!CS.InMacro || I >= CS.Args.size() || isTrivial(CS.Args[I]));
    unsigned Uses = W.Template.uses(TemplatePiece::Kind::Param, Q.Name);
    if (Uses == 0 && !Trivial)
      return Problem(Call, "argument '" + Arg + "' would no longer be evaluated",
                     LeftBecause::Arguments);
    if (Uses > 1 && !Trivial)
      return Problem(Call, "argument '" + Arg + "' would be evaluated " +
                               std::to_string(Uses) + " times",
                     LeftBecause::Arguments);
  }
  return std::nullopt;
}

} // namespace mm
