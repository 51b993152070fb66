//===--- ReviewChecks.cpp - The review's checks and invariants ------------===//
//
// One function per check of the migration (a duplicate registration, a
// wall-clock duration, a label from unbounded input ...) and per invariant
// of the migrated tree (each metric defined once, definitions preserved, no
// call of a removed wrapper left), each adding a Check with its evidence.
//
//===----------------------------------------------------------------------===//

#include "report/ReviewBuilder.h"

#include "planner/OptionalBuild.h"

#include "core/LineDiff.h"
#include "core/TextEdits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <set>

namespace mm {
namespace review {

Check &Builder::check(std::string Id, std::string Title, bool Blocker) {
  Out.Checks.push_back({std::move(Id), std::move(Title), false, Blocker, "", {}});
  return Out.Checks.back();
}

void Builder::fire(Check &K, Evidence E) {
  K.Fired = true;
  K.Where.push_back(std::move(E));
}

void Builder::checks() {
  checkDuplicateRegistration();
  checkConstructionSites();
  checkWallClockDuration();
  checkRecordBeforeFailure();
  checkUnboundedLabel();
  checkMacroSites();
  checkCompileTimeOptional();
  checkFailedTus();
}

void Builder::checkDuplicateRegistration() {
  Check &Dup = check("duplicate-registration", "Duplicate metric registration", true);
  unsigned Names = 0;
  for (const Collision &Col : Out.Collisions)
    if (Col.Kind == "duplicate-name") {
      ++Names;
      for (const Evidence &E : Col.Where)
        fire(Dup, {E.File, E.Line, Col.Name});
    }
  Dup.Summary = std::to_string(F.Registrations.size()) + " registrations looked at; " +
                (Names ? std::to_string(Names) + " names registered more than once"
                       : "every name registered once");
}

void Builder::checkConstructionSites() {
  Check &Sites = check("construction-sites", "Every constructor and construction site consistent");
  unsigned Total = 0, Left = 0;
  for (const InjectionChange &Ch : Out.Injection)
    for (const Evidence &E : Ch.Sites) {
      ++Total;
      if (E.Left) {
        ++Left;
        fire(Sites, E);
      }
    }
  for (const ManualItem &M : In.R.Manual)
    if (M.Subject == ManualSubject::Initializer || M.Subject == ManualSubject::Argument)
      if (!llvm::any_of(Sites.Where, [&](const Evidence &E) {
            return E.File == M.File && E.Line == M.Line;
          }))
        fire(Sites, at(M));
  Sites.Summary = std::to_string(Total) + " construction and call sites of " +
                  std::to_string(P.Strip.size()) + " stripped injection points; " +
                  (Left ? std::to_string(Left) + " left as they were" : "all updated");
}

void Builder::checkWallClockDuration() {
  Check &Clock = check("wall-clock-duration", "Durations measured with system_clock");
  for (const WallClockRead &W : F.WallClockReads)
    fire(Clock, at(W.Loc, W.Clock + "::now()" +
                              (W.Clock == "system_clock" ? "" : " (system_clock here)") +
                              " in " + W.EnclosingFunction +
                              ", which records a metric; use steady_clock for durations"));
  Clock.Summary = Clock.Fired ? plural(Clock.Where.size(), "system_clock read") +
                                    " in recording functions"
                              : "no system_clock read in a function that records";
}

void Builder::checkRecordBeforeFailure() {
  Check &Early = check("record-before-failure",
                       "A metric recorded before an operation that can fail");
  for (const RecordBeforeFailure &R : F.RecordsBeforeFailure)
    fire(Early, at(R.Record, "recorded in " + R.EnclosingFunction + " before `" + R.What +
                                 "` at line " + std::to_string(R.Failure.Line) +
                                 ", which can fail after it"));
  Early.Summary = Early.Fired ? plural(Early.Where.size(), "recording") +
                                    " before a failure point"
                              : "no recording precedes a failure point in its block";
}

void Builder::checkUnboundedLabel() {
  Check &Card = check("unbounded-label", "Label values from unbounded input (cardinality)");
  for (const CallSite &CS : C.CallSites) {
    if (CS.InTest)
      continue;
    auto W = Wrappers.find(CS.Signature);
    if (W == Wrappers.end())
      continue;
    std::set<std::string> Labels = labelParams(W->second->Template);
    for (size_t I = 0; I < W->second->Params.size() && I < CS.Args.size(); ++I) {
      const Param &Q = W->second->Params[I];
      if (!Labels.count(Q.Name) || !llvm::is_contained(CS.ParamArgs, I) ||
          isBounded(CS.Args[I]))
        continue;
      fire(Card, at(CS.Loc, "label '" + Q.Name + "' of " + CS.Wrapper + " takes '" +
                                CS.Args[I] + "', a parameter of " + CS.EnclosingFunction));
    }
  }
  Card.Summary = Card.Fired ? plural(Card.Where.size(), "label value") +
                                  " straight from a caller's argument"
                            : "no label value comes straight from a caller's argument";
}

void Builder::checkMacroSites() {
  Check &Macro = check("macro-sites", "Sites inside macros not rewritten");
  unsigned Rewritten = 0;
  std::set<std::pair<std::string, unsigned>> Definitions;
  for (const CallSite &CS : C.CallSites)
    if (CS.InMacro && CS.MacroDefinition.valid())
      if (const WrapperPlan *WP = P.wrapper(CS.Signature); WP && WP->Fate != WrapperFate::Keep)
        Rewritten += Definitions.insert({CS.MacroDefinition.File, CS.MacroDefinition.Offset}).second;
  for (const WrapperPlan &WP : P.Wrappers)
    for (const ManualItem &B : WP.Blockers)
      if (B.Subject == ManualSubject::MacroExpansion)
        fire(Macro, at(B));
  Macro.Summary = std::to_string(Rewritten) + " macro definitions rewritten; " +
                  (Macro.Fired ? std::to_string(Macro.Where.size()) +
                                     " expansions left for a human"
                               : "no macro site left");
}

void Builder::checkCompileTimeOptional() {
  Check &Optional = check("compile-time-optional",
                          "The service compiled in one configuration only", !P.Optional);
  std::set<std::string> Conditions;
  for (const ConditionalPlace &Place : conditionalPlaces(C, F)) {
    const ConditionalRegion &R = *Place.Region;
    Conditions.insert(R.Condition);
    fire(Optional,
         Place.IsClass
             ? at(Place.Where, "the service class " + C.TheService.Name +
                                   " is compiled only when `" + R.Condition +
                                   "` holds (the branch at " + R.Branch.File + ":" +
                                   std::to_string(R.Branch.Line) + ")")
             : at(Place.Where, "the service's header " + C.TheService.Header +
                                   " is included only when `" + R.Condition + "` holds"));
  }
  if (P.Optional) {
    std::set<std::string> Files;
    for (const OptionalBuild::Unit &U : P.Optional->Statements)
      Files.insert(U.Span.File);
    Optional.Summary =
        "the service is compiled only when " + P.Optional->Condition + ": " +
        plural(P.Optional->Statements.size(), "recording") + " in " +
        plural(Files.size(), "file") + " and the moved definitions are written under `" +
        P.Optional->Open + "` too; build the configuration without it, and check that " +
        "the build links prometheus-cpp wherever it defines the condition "
        "(docs/left-for-a-human.md#compile-time-optional)";
  } else {
    Optional.Summary =
        Optional.Fired
            ? plural(Optional.Where.size(), "place") +
                  (Optional.Where.size() == 1 ? " takes" : " take") +
                  " the service only when " + llvm::join(Conditions, " or ") +
                  (Conditions.size() == 1
                       ? ", and the configuration without it cannot be built to verify the "
                         "migration there: set `without_service_flags` to the flags that "
                         "build it, or make the service unconditional first "
                         "(docs/left-for-a-human.md#compile-time-optional)"
                       : ": the moved metrics would need prometheus-cpp in every "
                         "configuration; make the service unconditional first, or migrate "
                         "those files by hand (docs/left-for-a-human.md#compile-time-optional)")
            : std::to_string(F.ConditionalRegions.size()) +
                  " conditional branches looked at; the service is in every configuration";
  }
}

void Builder::checkFailedTus() {
  Check &Parse = check("failed-tus", "Translation units that failed to parse", true);
  for (const std::string &TU : In.FailedTUs)
    fire(Parse, firstErrorOf(TU));
  Parse.Summary = Parse.Fired ? std::to_string(In.FailedTUs.size()) +
                                    " TUs failed; facts from them are missing"
                              : "every translation unit parsed";
}

Check &Builder::invariant(std::string Id, std::string Title) {
  Out.Invariants.push_back({std::move(Id), std::move(Title), false, true, "", {}});
  return Out.Invariants.back();
}

void Builder::invariants() {
  invariantUniqueNames();
  invariantDefinedOnce();
  invariantDefinitionsPreserved();
  invariantNoWrapperCallLeft();
}

std::map<std::string, std::set<std::string>> Builder::holders() const {
  std::map<std::string, std::set<std::string>> Holders;
  for (const Metric &M : C.Metrics)
    if (!M.Name.empty())
      Holders[M.Name].insert(M.Field);
  return Holders;
}

void Builder::invariantUniqueNames() {
  Check &Unique = invariant("unique-names", "Each metric name is unique");
  // A child taken from a family field is that family's metric, not a
  // second one of its name.
  // Children taken by one chain (a family held in a local, or built
  // again the same way) are series of one family: prometheus-cpp hands
  // the chain the family it registered first.
  // A field whose name could not be read is no metric: its wrappers are
  // listed with the reason.
  std::map<std::string, std::set<std::string>> Holders = holders();
  std::map<std::string, std::set<std::string>> Families;
  for (const Metric &M : C.Metrics)
    if (!M.Name.empty() && (!M.Family || !Holders[M.Name].count(M.Family->Field)))
      Families[M.Name].insert(M.ChildArgs ? "chain " + M.BuilderChain : "field " + M.Field);
  std::map<std::string, unsigned> Count;
  for (const auto &[Name, Ids] : Families)
    Count[Name] = Ids.size();
  for (const Metric &M : C.Metrics)
    if (Count[M.Name] > 1)
      fire(Unique, {M.FieldDecl.File, M.FieldDecl.Line,
                    M.Name + " is held by " + std::to_string(Count[M.Name]) +
                        " fields of the service: " + M.Field});
  for (const Collision &Col : Out.Collisions)
    if (Col.Kind == "duplicate-name")
      for (const Evidence &E : Col.Where)
        fire(Unique, {E.File, E.Line, Col.Name});
  Unique.Summary = std::to_string(Holders.size()) + " metrics of the service; " +
                   (Unique.Fired ? "some names are not unique" : "all names unique");
}

void Builder::invariantDefinedOnce() {
  std::map<std::string, std::set<std::string>> Holders = holders();
  Check &Once = invariant("defined-once", "Every metric is defined exactly once after");
  // A definition is a `.Name("NAME")` of a builder chain.
  std::map<std::string, std::vector<Evidence>> Defs;
  auto Define = [&](const std::string &File, const std::string &Text) {
    for (const MethodCall &Call : methodCalls(Text, "Name"))
      if (Holders.count(Call.Value))
        Defs[Call.Value].push_back({File, lineAt(Text, Call.At), Call.Value});
  };
  for (const std::string &File : F.Files)
    Define(File, after(File));
  for (const MaterializedFile &MF : In.Files)
    if (MF.Created && !llvm::is_contained(F.Files, MF.File))
      Define(MF.File, MF.After);
  // A chain written into a test to look the metric up (a registration
  // check, a gauge set back) defines nothing.
  for (const auto &[File, Name] : In.R.Lookups) {
    std::vector<Evidence> &D = Defs[Name];
    auto It = llvm::find_if(D, [&, &File = File](const Evidence &E) { return E.File == File; });
    if (It != D.end())
      D.erase(It);
  }
  // A metric that stays is defined as often as before (a name registered
  // twice and merged stays so); one that moves, once.
  std::map<std::string, size_t> Before;
  for (const std::string &File : F.Files)
    for (const MethodCall &Call : methodCalls(before(File), "Name"))
      ++Before[Call.Value];
  auto TimesBefore = [&](const std::string &Name) {
    auto It = Before.find(Name);
    return It == Before.end() ? size_t(0) : It->second;
  };
  unsigned Good = 0;
  for (const auto &[Name, Fields] : Holders) {
    const std::vector<Evidence> &D = Defs[Name];
    const MetricPlan *MP = P.metric(Name);
    bool Moves = MP && (MP->Fate == MetricFate::Moved || MP->Fate == MetricFate::Shared);
    // (None before and after: a name built by a helper from literals.)
    if (D.size() == 1 || (!Moves && D.size() == TimesBefore(Name))) {
      ++Good;
      continue;
    }
    if (D.empty()) {
      const SourceSpan &Field = Metrics.at(Name)->FieldDecl;
      fire(Once, {Field.File, Field.Line, Name + " is defined nowhere"});
    }
    for (const Evidence &E : D)
      fire(Once, {E.File, E.Line, Name + " is defined " + std::to_string(D.size()) + " times"});
  }
  Once.Summary = std::to_string(Good) + " of " + std::to_string(Holders.size()) +
                 " metrics defined exactly once in the migrated tree";
}

void Builder::invariantDefinitionsPreserved() {
  Check &Same = invariant("definitions-preserved", "Label sets and help strings preserved");
  for (const MetricPlan &MP : P.Metrics) {
    if (MP.Definition.empty())
      continue;
    const Metric &M = *Metrics.at(MP.Name);
    Preserved R;
    R.Name = MP.Name;
    R.HelpBefore = M.Help;
    R.HelpAfter = chainString(MP.Definition, "Help");
    R.LabelsBefore = chainLabels(M.BuilderChain);
    R.LabelsAfter = chainLabels(MP.Definition);
    R.Same = R.HelpBefore == R.HelpAfter && R.LabelsBefore == R.LabelsAfter &&
             chainString(MP.Definition, "Name") == M.Name;
    if (!R.Same) {
      std::string Text = after(MP.OwnerSource);
      size_t At = Text.find(MP.Constant);
      fire(Same, {MP.OwnerSource, At == std::string::npos ? 1 : lineAt(Text, At),
                  MP.Name + ": the new definition differs"});
    }
    Out.Definitions.push_back(std::move(R));
  }
  Same.Summary = std::to_string(Out.Definitions.size()) + " moved definitions compared; " +
                 (Same.Fired ? "some differ" : "name, help and constant labels identical");
}

void Builder::invariantNoWrapperCallLeft() {
  Check &Calls = invariant("no-wrapper-call-left", "No call of a removed wrapper is left");
  unsigned Sites = 0;
  for (const CallSite &CS : C.CallSites) {
    const WrapperPlan *WP = P.wrapper(CS.Signature);
    if (!WP || WP->Fate == WrapperFate::Keep)
      continue;
    ++Sites;
    const SourceSpan &Where = CS.InMacro ? CS.MacroDefinition : CS.Loc;
    if (!covered(In.R.Edits, Where))
      fire(Calls, at(CS.Loc, "call to " + CS.Wrapper + " is not rewritten"));
  }
  Calls.Summary = std::to_string(Sites) + " call sites of removed wrappers; " +
                  (Calls.Fired ? std::to_string(Calls.Where.size()) + " left"
                               : "all rewritten");
}

} // namespace review
} // namespace mm
