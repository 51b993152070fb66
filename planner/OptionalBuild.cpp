//===--- OptionalBuild.cpp - A service compiled in one configuration ------===//

#include "planner/OptionalBuild.h"

#include "core/Conditions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <set>

namespace mm {

namespace {

/// A null check \p CS can be put under the condition with: the outermost
/// one around it that stands in a block and guards nothing but recording.
const NullGuard *wholeGuard(const CallSite &CS, const Facts &F) {
  const NullGuard *Best = nullptr;
  for (const NullGuard &G : F.NullGuards)
    if (G.InBlock && G.OnlyRecords && !G.EarlyReturn && G.If.contains(CS.Loc) &&
        (!Best || G.If.contains(Best->If)))
      Best = &G;
  return Best;
}

bool alreadyUnder(const CallSite &CS, const Facts &F, const OptionalBuild &O) {
  return llvm::any_of(F.ConditionalRegions, [&](const ConditionalRegion &R) {
    return normalCondition(R.Condition) == normalCondition(O.Condition) &&
           R.Branch.contains(CS.Loc);
  });
}

} // namespace

std::vector<ConditionalPlace> conditionalPlaces(const Catalog &C, const Facts &F) {
  std::vector<ConditionalPlace> Places;
  for (const ConditionalRegion &R : F.ConditionalRegions)
    if (C.TheService.Loc.valid() && R.Branch.contains(C.TheService.Loc)) {
      Places.push_back({&R, C.TheService.Loc, true});
      break;
    }
  for (const ConditionalRegion &R : F.ConditionalRegions)
    if (!C.TheService.Header.empty() && llvm::is_contained(R.Includes, C.TheService.Header))
      Places.push_back({&R, R.Branch, false});
  return Places;
}

std::optional<OptionalBuild> optionalBuild(const Catalog &C, const Facts &F, const Config &Cfg) {
  std::set<std::string> Conditions, DefinedIn;
  for (const ConditionalPlace &P : conditionalPlaces(C, F)) {
    Conditions.insert(normalCondition(P.Region->Condition));
    if (!P.Region->DefinedIn.empty())
      DefinedIn.insert(P.Region->DefinedIn);
  }
  if (Conditions.size() != 1 || llvm::StringRef(*Conditions.begin()).trim().empty())
    return std::nullopt;
  OptionalBuild O;
  O.Condition = *Conditions.begin();
  O.Open = openingDirective(O.Condition);
  if (DefinedIn.size() == 1)
    O.DefinedIn = *DefinedIn.begin();
  // The other configuration, as verification builds it: configured, or
  // the macro undefined, which holds only when no project header defines it.
  O.WithoutFlags = Cfg.WithoutServiceFlags;
  llvm::StringRef Normal = O.Condition;
  if (O.WithoutFlags.empty() && O.DefinedIn.empty() && Normal.consume_front("defined(") &&
      Normal.consume_back(")"))
    O.WithoutFlags = {"-U" + Normal.str()};
  if (O.WithoutFlags.empty())
    return std::nullopt;
  return O;
}

std::optional<ManualItem> optionalProblem(const CallSite &CS, const Facts &F,
                                          const OptionalBuild &O) {
  if (CS.Inactive || alreadyUnder(CS, F, O))
    return std::nullopt;
  if (!CS.InMacro && (wholeGuard(CS, F) || CS.Statement.valid()))
    return std::nullopt;
  std::string Shape = CS.InMacro ? "it is written in the macro " + CS.Macro
                                 : "it is not a statement of its own (it is part of an "
                                   "expression)";
  return ManualItem{CS.Loc.File, CS.Loc.Line, "call to " + CS.Wrapper,
                    "the service is compiled only when `" + O.Condition +
                        "` holds, and this call cannot be put under that condition: " + Shape,
                    LeftBecause::CompileTimeOptional,
                    CS.InMacro ? ManualSubject::MacroExpansion : ManualSubject::Call};
}

std::vector<OptionalBuild::Unit>
conditionalStatements(const Catalog &C, const Facts &F, const OptionalBuild &O,
                      llvm::function_ref<bool(const CallSite &)> Leaves) {
  std::vector<OptionalBuild::Unit> Units;
  for (const CallSite &CS : C.CallSites) {
    if (CS.Inactive || CS.InMacro || !Leaves(CS) || alreadyUnder(CS, F, O))
      continue;
    if (const NullGuard *G = wholeGuard(CS, F))
      Units.push_back({G->If, G->UnderLabel});
    else if (CS.Statement.valid())
      Units.push_back({CS.Statement, CS.StatementNeedsBraces});
  }
  std::sort(Units.begin(), Units.end());
  Units.erase(std::unique(Units.begin(), Units.end()), Units.end());
  // None inside another: the outer one carries it.
  std::vector<OptionalBuild::Unit> Outer;
  for (const OptionalBuild::Unit &U : Units)
    if (!llvm::any_of(Units, [&](const OptionalBuild::Unit &O) {
          return !(O.Span == U.Span) && O.Span.contains(U.Span);
        }))
      Outer.push_back(U);
  return Outer;
}

} // namespace mm
