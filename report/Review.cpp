//===--- Review.cpp - What was found and done, checked -------------------===//

#include "report/Review.h"
#include "report/ReviewBuilder.h"

#include "planner/OptionalBuild.h"

#include "core/LineDiff.h"
#include "core/TextEdits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <set>

namespace mm {

llvm::StringRef toString(Decision D) {
  switch (D) {
  case Decision::Go: return "GO";
  case Decision::GoWithConditions: return "GO-WITH-CONDITIONS";
  case Decision::NoGo: return "NO-GO";
  }
  return "NO-GO";
}

namespace review {

Review Builder::build() {
  Out.Service = C.TheService.Name;
  Out.RegistryExpr = P.RegistryExpr;
  Out.RegistryHeader = P.RegistryHeader;
  moved();
  collisions();
  stayingMetrics();
  injection();
  tests();
  manual();
  checks();
  invariants();
  verified();
  summary();
  risks();
  return std::move(Out);
}

std::string Builder::after(const std::string &File) {
  auto It = Changed.find(File);
  return It != Changed.end() ? It->second->After : In.Read(File);
}

std::string Builder::before(const std::string &File) {
  auto It = Changed.find(File);
  return It != Changed.end() && !It->second->Created ? It->second->Before : In.Read(File);
}

std::vector<const CallSite *> Builder::sitesOf(const std::string &Metric) {
  std::vector<const CallSite *> Out;
  for (const CallSite &CS : C.CallSites) {
    auto W = Wrappers.find(CS.Signature);
    if (W != Wrappers.end() && llvm::is_contained(W->second->Metrics, Metric))
      Out.push_back(&CS);
  }
  return Out;
}

void Builder::moved() {
  for (const MetricPlan &MP : P.Metrics) {
    if (MP.Fate != MetricFate::Moved && MP.Fate != MetricFate::Shared)
      continue;
    const Metric &M = *Metrics.at(MP.Name);
    MovedMetric R;
    R.Name = MP.Name;
    R.Kind = toString(M.Kind).str();
    for (const auto &[K, V] : M.ConstLabels)
      R.Labels.push_back(K + "=" + V);
    R.Labels.insert(R.Labels.end(), M.LabelNames.begin(), M.LabelNames.end());
    for (const Wrapper &W : C.Wrappers)
      if (llvm::is_contained(W.Metrics, MP.Name))
        R.Wrappers.push_back(W.Name);
    R.Constant = MP.Constant;
    R.Owner = MP.Owner;
    R.Users = MP.Users;
    std::string DefFile = MP.OwnerSource.empty() ? MP.OwnerHeader : MP.OwnerSource;
    std::string Text = after(DefFile);
    size_t At = Text.find(" " + MP.Constant + " =");
    R.Definition = {DefFile, At == std::string::npos ? 0 : lineAt(Text, At),
                    MP.Type + " " + MP.Constant};
    for (const CallSite *CS : sitesOf(MP.Name))
      R.Sites.push_back(at(CS->Loc, CS->EnclosingFunction));
    Out.Moved.push_back(std::move(R));
  }
}

void Builder::collisions() {
  // One Prometheus name registered more than once.
  std::map<std::string, std::vector<const Registration *>> ByName;
  for (const Registration &R : F.Registrations)
    if (!R.Name.empty())
      ByName[R.Name].push_back(&R);
  for (const auto &[Name, Regs] : ByName) {
    if (Regs.size() < 2)
      continue;
    std::set<std::string> Kinds, LabelSets;
    std::vector<Evidence> Where;
    for (const Registration *R : Regs) {
      Where.push_back(at(R->Loc, R->EnclosingFunction));
      Kinds.insert(toString(R->Kind).str());
      LabelSets.insert(llvm::join(R->LabelNames, ","));
    }
    // Registrations the catalog found to be one family of the service
    // (Metric::SetAgain: one name, type, constant labels and registry, in
    // one function): prometheus-cpp's registry (InsertBehavior::Merge, its
    // default) hands each the family registered first, help and all.
    auto SetUpBy = [&](const Registration *R) -> const Metric * {
      auto Within = [&](const SourceSpan &S) {
        return S.File == R->Loc.File && S.Offset <= R->Loc.Offset &&
               R->Loc.Offset < S.Offset + S.Length;
      };
      for (const Metric &M : C.Metrics)
        if (M.Name == Name && !M.SetAgain.empty() &&
            (Within(M.InitSite) || (M.Family && Within(M.Family->InitSite)) ||
             llvm::any_of(M.SetAgain, [&](const AlsoSet &A) { return Within(A.InitSite); })))
          return &M;
      return nullptr;
    };
    const Metric *One = SetUpBy(Regs.front());
    if (One && llvm::all_of(Regs, [&](const Registration *R) { return SetUpBy(R) == One; })) {
      Out.Collisions.push_back(
          {"merged-name", Name,
           std::to_string(Regs.size()) + " registrations of one name, type and constant "
                                         "label set on one registry, in one function: "
                                         "merged into the family registered first",
           "one definition, used by every field that held it", std::move(Where)});
      continue;
    }
    Collision Dup{"duplicate-name", Name,
                  std::to_string(Regs.size()) +
                      " registrations of one name; on the same registry the second throws "
                      "(another type or constant labels) or is merged into the first, its "
                      "help and labels mixed into another metric",
                  "none: rename or share one definition", Where};
    Out.Collisions.push_back(Dup);
    if (Kinds.size() > 1)
      Out.Collisions.push_back({"kind-mismatch", Name,
                                "registered as " + llvm::join(Kinds, " and "),
                                "none: a name has one type", Dup.Where});
    if (LabelSets.size() > 1)
      Out.Collisions.push_back({"label-mismatch", Name,
                                "registered with different constant label sets",
                                "none: a family has one label set", Dup.Where});
  }
  // Constants that would shadow or clash with a name already there.
  for (const MetricPlan &MP : P.Metrics) {
    if (MP.ClashWith.empty())
      continue;
    const auto &[Name, File] = MP.ClashWith;
    std::string Text = before(File);
    std::vector<unsigned> At = wordsIn(Text, 0, Text.size(), Name);
    Out.Collisions.push_back({"constant-clash", MP.Name,
                              Name + " in " + File + " is already declared",
                              "the constant is named " + MP.Constant,
                              {Evidence{File, At.empty() ? 0 : lineAt(Text, At.front()),
                                        Name + " already declared here"}}});
  }
}

void Builder::stayingMetrics() {
  for (const MetricPlan &MP : P.Metrics) {
    const Metric &M = *Metrics.at(MP.Name);
    // A family held in a local of the constructor has no field: where it
    // is declared says where it is.
    Evidence Where = at(M.FieldDecl.valid() ? M.FieldDecl : M.InitSite, M.Field);
    if (MP.Fate == MetricFate::Kept)
      Out.Kept.push_back(
          {MP.Name, MP.Reason.empty() ? "only the service records it" : MP.Reason, Where});
    else if (MP.Fate == MetricFate::Dead)
      Out.Dead.push_back({MP.Name, "nothing records it", Where});
  }
}

void Builder::injection() {
  std::map<std::string, InjectionChange> ByOwner;
  std::set<std::pair<std::string, unsigned>> Params;
  std::set<std::pair<std::string, std::string>> Fields;
  for (const InjectionPoint &IP : P.Strip) {
    InjectionChange &Ch = ByOwner[IP.Owner];
    Ch.Owner = IP.Owner;
    std::string What = IP.Kind == InjectionKind::Field ? "field " + IP.Name
                       : IP.Name.empty()               ? std::string("parameter")
                                                       : "parameter " + IP.Name;
    Ch.Removed.push_back(at(IP.Loc, What + " (" + IP.Type + ")"));
    if (IP.Kind == InjectionKind::Field)
      Fields.insert({IP.Owner, IP.Name});
    else
      Params.insert({IP.Owner, IP.Index});
  }
  for (const MemberInit &MI : F.MemberInits)
    if (Fields.count({MI.Owner, MI.Field}))
      ByOwner[MI.Owner].Removed.push_back(at(MI.Init, "initializer of " + MI.Field));
  for (const ArgumentSite &A : F.ArgumentSites)
    if (Params.count({A.Callee, A.Index})) {
      Evidence &E = ByOwner[A.Callee].Sites.emplace_back(
          at(A.Call, A.Form + " in " +
                         (A.EnclosingFunction.empty() ? "namespace scope" : A.EnclosingFunction) +
                         ": argument '" + A.ArgText + "'" +
                         (A.Removal.valid() ? "" : " left (cannot be removed as written)")));
      E.Left = !A.Removal.valid();
      if (A.Removal.valid())
        ++Out.Summary.ConstructionSitesUpdated;
    }
  // A null check that skipped recording is gone: it now always records.
  // (A field's guard may be in any file of its class's module; a
  // parameter's is in its function.)
  for (const NullGuard &G : F.NullGuards)
    for (const InjectionPoint &IP : P.Strip)
      if (IP.Name == G.Field && G.OnlyRecords &&
          covered(In.R.Edits, G.Conjunct.valid() ? G.Conjunct : G.If) &&
          (IP.Kind == InjectionKind::Field ? moduleOf(IP.Loc.File) == moduleOf(G.If.File)
                                           : IP.Owner == G.Owner))
        ByOwner[IP.Owner].BehaviourChanges.push_back(
            at(G.If, "`" + G.Field + "` was null-checked" +
                         (G.Helper.empty() ? "" : " by `" + G.Helper + "`") +
                         " before recording; the recording now " +
                         (G.Conjunct.valid() ? "happens whenever the rest of the condition holds"
                                             : "always happens")));
  for (const InjectionPoint &IP : P.Keep) {
    InjectionChange &Ch = ByOwner[IP.Owner];
    Ch.Owner = IP.Owner;
    Ch.Stripped = false;
    auto Because = P.KeptBecause.find(IP.Owner);
    Ch.Why = Because != P.KeptBecause.end() ? Because->second
             : IP.Interface == C.TheService.Name
                 ? "typed as the service itself, it reaches what stays (polling, the registry)"
                 : "it still carries calls of a wrapper that stays";
    Ch.Removed.push_back(at(IP.Loc, "kept: " + IP.Name + " (" + IP.Type + ")"));
  }
  for (auto &[Owner, Ch] : ByOwner) {
    std::sort(Ch.Removed.begin(), Ch.Removed.end(), [](const Evidence &A, const Evidence &B) {
      return std::tie(A.File, A.Line, A.Note) < std::tie(B.File, B.Line, B.Note);
    });
    Out.Injection.push_back(std::move(Ch));
  }
}

void Builder::tests() {
  for (const TestRewrite &T : In.R.TestRewrites)
    Out.TestRewrites.push_back({at(T.Stmt, T.Wrapper), T.Test, T.Before, T.After});
  for (const ManualItem &M : In.R.Manual)
    if (M.Subject == ManualSubject::Expectation)
      Out.TestsLeft.push_back(at(M));
  std::set<std::string> KeptInterfaces;
  for (const InjectionPoint &IP : P.Keep)
    KeptInterfaces.insert(IP.Interface);
  for (const Interface &I : C.Interfaces)
    for (const TestDouble &D : C.TestDoubles) {
      if (D.Base != I.Name)
        continue;
      if (!KeptInterfaces.count(I.Name)) {
        Out.DoublesRemoved.push_back(
            at(D.Loc, std::string(toString(D.Kind)) + " " + D.Name + " removed"));
        continue;
      }
      for (const MethodDecl &M : D.Decls)
        if (const WrapperPlan *WP = P.wrapper(M.Signature);
            WP && WP->Fate != WrapperFate::Keep)
          Out.DoublesRemoved.push_back(at(M.Loc, D.Name + "::" + M.Signature + " removed"));
    }
}

void Builder::manual() {
  for (const ManualItem &M : In.R.Manual)
    Out.Manual.push_back(at(M));
}

void Builder::summary() {
  ReviewSummary &S = Out.Summary;
  std::set<std::string> Owners;
  for (const MetricPlan &MP : P.Metrics) {
    switch (MP.Fate) {
    case MetricFate::Moved: ++S.MetricsMoved; Owners.insert(MP.Owner); break;
    case MetricFate::Shared: ++S.MetricsShared; Owners.insert(MP.Owner); break;
    case MetricFate::Kept: ++S.MetricsKept; break;
    case MetricFate::Dead: ++S.MetricsDead; break;
    }
  }
  S.Owners = Owners.size();
  for (const WrapperPlan &WP : P.Wrappers) {
    switch (WP.Fate) {
    case WrapperFate::Inline: ++S.WrappersInlined; break;
    case WrapperFate::Helper: ++S.WrappersHelpers; break;
    case WrapperFate::Keep: ++S.WrappersKept; break;
    }
  }
  S.InjectionStripped = P.Strip.size();
  S.InjectionKept = P.Keep.size();
  S.TestsRewritten = In.R.TestRewrites.size();
  S.ManualItems = In.R.Manual.size();
  S.LeftByReason = countByReason(In.R.Manual);
  S.FailedTUs = In.FailedTUs.size();
  for (const std::string &File : {C.TheService.Header, C.TheService.Source}) {
    if (File.empty())
      continue;
    S.ServiceLinesBefore += lineCount(before(File));
    S.ServiceLinesAfter += lineCount(after(File));
  }
  for (const MaterializedFile &MF : In.Files) {
    LineCounts N = countChangedLines(MF.Before, MF.After);
    S.Files.push_back({MF.File, N.Insertions, N.Deletions, MF.Created, MF.Deleted});
  }

  if (Out.Verified.Ran && !Out.Verified.Verified)
    S.DecisionReasons.push_back("the migration does not compile (section 10): " +
                                plural(Out.Verified.Unresolved.size(), "error") +
                                " left after taking back " +
                                plural(Out.Verified.Demotions.size(), "decision"));
  for (const Check &K : Out.Checks)
    if (K.Fired && K.Blocker)
      S.DecisionReasons.push_back(K.Title + ": " + K.Summary);
  for (const Check &K : Out.Invariants)
    if (K.Fired)
      S.DecisionReasons.push_back("invariant broken: " + K.Title + ": " + K.Summary);
  if (!S.DecisionReasons.empty()) {
    S.TheDecision = Decision::NoGo;
  } else if (!In.R.Manual.empty()) {
    S.TheDecision = Decision::GoWithConditions;
    S.DecisionReasons.push_back(std::to_string(In.R.Manual.size()) +
                                " items are left for a human (section 6 and the manual list)");
  } else {
    S.TheDecision = Decision::Go;
    unsigned Findings = llvm::count_if(Out.Checks, [](const Check &K) { return K.Fired; });
    S.DecisionReasons.push_back(
        "nothing is left for a human and no blocker was found" +
        (Findings ? "; " + plural(Findings, "finding") + " to read (section 7)" : std::string()));
  }
}

void Builder::verified() {
  VerifiedSection &V = Out.Verified;
  if (!In.Verify)
    return;
  const Verification &From = *In.Verify;
  V.Ran = From.Ran;
  V.Verified = From.Verified;
  V.Rounds = From.Rounds;
  V.Reparsed = From.Reparsed;
  V.Cached = From.Cached;
  for (const Diagnostic &D : From.Failures)
    V.Failures.push_back({D.File, D.Line, "error: " + D.Message});
  for (const Demotion &D : From.Demotions)
    V.Demotions.push_back({D.Item.File, D.Item.Line, D.Item.What + ": " + D.Item.Why});
  for (const Diagnostic &D : From.NewWarnings)
    V.NewWarnings.push_back({D.File, D.Line, "warning: " + D.Message});
  V.Unresolved = From.Unresolved;
}

void Builder::risk(std::string Severity, std::string Text, std::string Section,
                   std::vector<Evidence> E) {
  Out.Risks.push_back({std::move(Severity), std::move(Text), std::move(Section), std::move(E)});
}

void Builder::risks() {
  auto Find = [&](const std::vector<Check> &List, llvm::StringRef Id) -> const Check & {
    for (const Check &K : List)
      if (K.Id == Id)
        return K;
    llvm_unreachable("every check is always built");
  };
  if (const Check &K = Find(Out.Checks, "failed-tus"); K.Fired)
    risk("high", "Some translation units did not parse: edits may miss their call and "
                 "construction sites",
         "7", K.Where);
  if (const Check &K = Find(Out.Checks, "duplicate-registration"); K.Fired)
    risk("high", "A metric name is registered twice: the process throws at startup", "3, 7",
         K.Where);
  for (const Check &K : Out.Invariants)
    if (K.Fired)
      risk("high", "Invariant broken: " + K.Title, "8", K.Where);
  if (!Out.Manual.empty())
    risk("medium",
         std::to_string(Out.Manual.size()) +
             " places were left for a human; until they are handled, what they record "
             "stays in the service",
         "6, 7", Out.Manual);
  if (const Check &K = Find(Out.Checks, "record-before-failure"); K.Fired)
    risk("medium", "Counters incremented before the operation they count can fail: they "
                   "over-count failures as successes",
         "7", K.Where);
  if (const Check &K = Find(Out.Checks, "unbounded-label"); K.Fired)
    risk("medium", "Label values built from input: each distinct value is a new time series",
         "7", K.Where);
  std::vector<Evidence> Behaviour;
  for (const InjectionChange &Ch : Out.Injection)
    Behaviour.insert(Behaviour.end(), Ch.BehaviourChanges.begin(), Ch.BehaviourChanges.end());
  if (!Behaviour.empty())
    risk("medium", "Recording that a null check used to skip now always happens", "5",
         Behaviour);
  if (const Check &K = Find(Out.Checks, "wall-clock-duration"); K.Fired)
    risk("low", "Durations measured on system_clock jump with the wall clock", "7",
         K.Where);
  std::vector<Evidence> Shared;
  for (const MovedMetric &M : Out.Moved)
    if (!M.Users.empty())
      Shared.push_back({M.Definition.File, M.Definition.Line,
                        M.Name + " is also recorded by " + llvm::join(M.Users, ", ")});
  if (!Shared.empty())
    risk("low", "Shared metrics couple their users to the owner's header", "4", Shared);
  std::vector<Evidence> Caches;
  for (const Wrapper &W : C.Wrappers) {
    const WrapperPlan *WP = P.wrapper(W.Signature);
    if (!WP || WP->Fate == WrapperFate::Keep)
      continue;
    for (const CacheField &Cache : W.DroppedCaches)
      Caches.push_back(at(W.Definition, W.Name + " looked its child up in `" + Cache.Field +
                                            "` before `Add`"));
  }
  std::sort(Caches.begin(), Caches.end(), [](const Evidence &A, const Evidence &B) {
    return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
  });
  if (!Caches.empty())
    risk("low", "Children once cached per label value are now asked of their family on "
                "each recording (`Family::Add`: a hash lookup under the family's lock)",
         "2", Caches);
  // The service built into fields of two classes or more (each `Node`
  // and `Client` its own, with its own registry): what moved is one set
  // of series per process now, which every instance records on.
  std::set<std::pair<std::string, std::string>> Builders;
  std::vector<Evidence> Instances;
  for (const MemberInit &MI : F.MemberInits)
    if (MI.Creates && Builders.insert({MI.Owner, MI.Field}).second)
      Instances.push_back(at(MI.Init, MI.Owner + "::" + MI.Field + " builds one"));
  if (Builders.size() > 1 && !Out.Moved.empty())
    risk("low",
         "The service is built in " + std::to_string(Builders.size()) +
             " places, an instance each: the moved metrics are one set of series per "
             "process now, which every instance records on (several in one process, as in "
             "tests, add up)",
         "2", Instances);
  std::vector<Evidence> Dead;
  for (const StayingMetric &M : Out.Dead)
    Dead.push_back(M.Field);
  if (!Dead.empty())
    risk("low", "Metrics nobody records stay registered and export zeros", "4", Dead);
}

} // namespace review

Review buildReview(const ReviewInput &In) { return review::Builder(In).build(); }

} // namespace mm
