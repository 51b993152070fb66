//===--- Plan.cpp - The plan's lookups, and how its new code is spelled ---===//
//
// Part of stage [3]: the Plan's own lookups and decisions list, and the
// spelling of what the rewriters write from it: constant names, names
// spelled from another namespace, a wrapper's body with arguments and
// constants in place (fillTemplate), a file-local helper's definition.
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

llvm::StringRef toString(MetricFate F) {
  switch (F) {
  case MetricFate::Moved: return "moved";
  case MetricFate::Shared: return "shared";
  case MetricFate::Kept: return "kept";
  case MetricFate::Dead: return "dead";
  }
  return "moved";
}

llvm::StringRef toString(WrapperFate F) {
  switch (F) {
  case WrapperFate::Inline: return "inline";
  case WrapperFate::Helper: return "helper";
  case WrapperFate::Keep: return "keep";
  }
  return "keep";
}

std::string PlanDecision::describe() const {
  switch (K) {
  case Kind::Wrapper: return "wrapper " + Key;
  case Kind::Metric: return "metric " + Key;
  case Kind::Injection: return "injection of " + Key;
  case Kind::Edit:
    return llvm::StringRef(Label).starts_with("the ") ? Label : "the edit " + Label;
  }
  return Key;
}

std::vector<PlanDecision> decisionsOf(const Plan &P) {
  std::vector<PlanDecision> Out;
  for (const WrapperPlan &WP : P.Wrappers)
    if (WP.Fate != WrapperFate::Keep)
      Out.push_back({PlanDecision::Kind::Wrapper, WP.Signature});
  for (const MetricPlan &MP : P.Metrics)
    if (MP.Fate == MetricFate::Moved || MP.Fate == MetricFate::Shared)
      Out.push_back({PlanDecision::Kind::Metric, MP.Name});
  std::set<std::string> Owners;
  for (const InjectionPoint &IP : P.Strip)
    if (Owners.insert(IP.Owner).second)
      Out.push_back({PlanDecision::Kind::Injection, IP.Owner});
  return Out;
}

const MetricPlan *Plan::metric(llvm::StringRef Name) const {
  for (const MetricPlan &M : Metrics)
    if (M.Name == Name)
      return &M;
  return nullptr;
}

const ServiceTestPlan *Plan::replacedTest(const SourceSpan &Where) const {
  for (const ServiceTestPlan &T : ServiceTests)
    if (T.Body.contains(Where))
      return &T;
  return nullptr;
}

const WrapperPlan *Plan::wrapper(llvm::StringRef Signature) const {
  for (const WrapperPlan &W : Wrappers)
    if (W.Signature == Signature)
      return &W;
  return nullptr;
}

const std::string &Plan::namespaceIn(llvm::StringRef File) const {
  auto It = FileNamespaces.find(File.str());
  return It != FileNamespaces.end() ? It->second : ServiceNamespace;
}

std::string spelledFrom(llvm::StringRef Name, llvm::StringRef Target, llvm::StringRef From) {
  llvm::SmallVector<llvm::StringRef, 4> T, F;
  if (!Target.empty())
    Target.split(T, "::");
  if (!From.empty())
    From.split(F, "::");
  size_t Common = 0;
  while (Common < T.size() && Common < F.size() && T[Common] == F[Common])
    ++Common;
  std::string Out;
  for (size_t I = Common; I < T.size(); ++I)
    Out += T[I].str() + "::";
  return Out + Name.str();
}

std::string constantName(llvm::StringRef PrometheusName) {
  std::string Out;
  for (char C : PrometheusName)
    Out += llvm::isAlnum(C) ? llvm::toUpper(C) : '_';
  if (!Out.empty() && llvm::isDigit(Out[0]))
    Out.insert(0, "M_");
  return Out;
}

std::string fieldConstantName(llvm::StringRef Field) {
  if (Field.starts_with("m_"))
    Field = Field.drop_front(2);
  else if (Field.size() > 1 && Field[0] == 'm' && llvm::isUpper(Field[1]))
    Field = Field.drop_front(1);
  Field = Field.trim('_');
  std::string Out;
  for (size_t I = 0; I < Field.size(); ++I) {
    char C = Field[I];
    // A word starts at a capital after a lower-case letter or a digit, or
    // at the last capital of a run followed by a lower-case letter (`HTTPCode`).
    bool Starts = I > 0 && llvm::isUpper(C) &&
                  (llvm::isLower(Field[I - 1]) || llvm::isDigit(Field[I - 1]) ||
                   (I + 1 < Field.size() && llvm::isUpper(Field[I - 1]) &&
                    llvm::isLower(Field[I + 1])));
    if (Starts && !Out.empty() && Out.back() != '_')
      Out += '_';
    Out += llvm::isAlnum(C) ? llvm::toUpper(C) : '_';
  }
  if (Out.empty() || llvm::isDigit(Out[0]))
    Out.insert(0, "M_");
  return Out;
}

namespace {

/// With \p Out ending in `std::move(` or `std::forward<..>(` (spaces
/// aside, `::std` too) and \p Rest starting with its `)`: both without them.
bool dropMoveAround(std::string &Out, llvm::StringRef &Rest) {
  llvm::StringRef Before = llvm::StringRef(Out).rtrim();
  llvm::StringRef After = Rest.ltrim();
  if (!Before.consume_back("(") || !After.consume_front(")"))
    return false;
  Before = Before.rtrim();
  if (Before.consume_back(">")) {
    size_t Open = Before.rfind('<');
    if (Open == llvm::StringRef::npos)
      return false;
    Before = Before.take_front(Open).rtrim();
    if (!Before.consume_back("forward"))
      return false;
  } else if (!Before.consume_back("move")) {
    return false;
  }
  Before = Before.rtrim();
  if (!Before.consume_back("::"))
    return false;
  Before = Before.rtrim();
  if (!Before.consume_back("std"))
    return false;
  // Not the tail of a longer name (`mystd::move(`); `::std::` is one.
  if (!Before.empty() && (llvm::isAlnum(Before.back()) || Before.back() == '_'))
    return false;
  Before.consume_back("::");
  Out.resize(Before.size());
  Rest = After;
  return true;
}

} // namespace

std::string fillTemplate(const BodyTemplate &T, const Plan &P,
                         const std::map<std::string, std::string> &Args,
                         std::optional<llvm::StringRef> From, HoleText Holes) {
  using Kind = TemplatePiece::Kind;
  std::string Out;
  std::vector<unsigned> Literals; // where a `true` or `false` argument went
  // What of the text piece after it a hole's filling took in (`)` after
  // `std::move(`, `->` after a pointer that became an object).
  size_t Taken = 0;
  const std::vector<TemplatePiece> &Pieces = T.pieces();
  for (size_t I = 0; I < Pieces.size(); ++I) {
    const TemplatePiece &Piece = Pieces[I];
    if (!Piece.isHole()) {
      Out += llvm::StringRef(Piece.Value).drop_front(Taken);
      Taken = 0;
      continue;
    }
    // The text after the hole, as far as a filling reads it.
    std::string After = T.withHolesNamed(I + 1);
    llvm::StringRef Rest = After;
    if (Piece.K == Kind::Param) {
      auto It = Args.find(Piece.Value);
      std::string Arg = It != Args.end() ? It->second : Piece.Value;
      bool Called = Holes != HoleText::Parameters;
      if (Called && dropMoveAround(Out, Rest)) {
        Out += Arg;
        Taken = After.size() - Rest.size();
        continue;
      }
      bool AnyExpression =
          Holes == HoleText::MacroArguments && clang::isValidAsciiIdentifier(Arg);
      if (needsParens(AnyExpression ? "a ? b : c" : llvm::StringRef(Arg), Out, Rest))
        Arg = "(" + Arg + ")";
      if (Called && (Arg == "true" || Arg == "false"))
        Literals.push_back(Out.size());
      Out += Arg;
    } else if (const MetricPlan *M = Piece.K == Kind::Metric
                                         ? P.metric(llvm::StringRef(Piece.Value).split('#').first)
                                         : nullptr) {
      // `NAME#field`: a child of the family, through its own constant.
      llvm::StringRef Child = llvm::StringRef(Piece.Value).split('#').second;
      std::string Constant = M->Constant;
      bool Pointer = M->Pointer;
      if (!Child.empty()) {
        auto It = llvm::find_if(M->Children, [&](const ChildPlan &C) { return C.Field == Child; });
        if (It == M->Children.end()) {
          Out += Piece.Value; // kept in the service: never filled
          continue;
        }
        Constant = It->Constant;
        Pointer = It->Pointer;
      }
      Out += From ? spelledFrom(Constant, M->Namespace, *From) : Constant;
      if (Pointer && Rest.starts_with("->")) {
        Out += '.';
        Taken = 2;
      }
    } else {
      Out += Piece.Value;
    }
  }
  // `fired ? "fired" : "cleared"` called with `true`: the branch it picks.
  for (unsigned At : llvm::reverse(Literals))
    if (std::optional<std::string> Folded = foldLiteralCondition(Out, At))
      Out = std::move(*Folded);
  return Out;
}

std::string helperDefinition(const Wrapper &W, const Plan &P,
                             std::optional<llvm::StringRef> From) {
  std::string Params;
  std::map<std::string, std::string> Names;
  for (const Param &Q : W.Params) {
    if (!Params.empty())
      Params += ", ";
    Params += Q.Type + " " + Q.Name;
    if (!Q.Default.empty())
      Params += " = " + Q.Default;
    Names[Q.Name] = Q.Name;
  }
  return W.ReturnType + " " + W.Name + "(" + Params + ") {\n  " +
         fillTemplate(W.Template, P, Names, From) + "\n}";
}

} // namespace mm
