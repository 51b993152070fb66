//===--- KeepWhatCannotMove.cpp - Wrappers and metrics that stay -------===//
//
// Part of stage [3]: a wrapper with a call, an expectation or a body the
// rules cannot rewrite stays in the service with its metrics, and every
// other wrapper recording one of those stays too (keepWhatCannotMove).
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

/// The cause most of \p Items share (the first one's on a tie).
LeftBecause mostCommonCause(llvm::ArrayRef<ManualItem> Items) {
  std::map<LeftBecause, unsigned> Count;
  LeftBecause Best = Items.empty() ? LeftBecause::Other : Items.front().Cause;
  for (const ManualItem &I : Items)
    if (++Count[I.Cause] > Count[Best])
      Best = I.Cause;
  return Best;
}

} // namespace

/// \p MP, staying in the service for \p Reason.
MetricPlan keptMetric(const MetricPlan &MP, std::string Reason, LeftBecause Cause) {
  MetricPlan Kept;
  Kept.Name = MP.Name;
  Kept.Field = MP.Field;
  Kept.Fate = MetricFate::Kept;
  Kept.Reason = std::move(Reason);
  Kept.Cause = Cause;
  Kept.Namespace = MP.Namespace;
  Kept.Type = MP.Type;
  Kept.Pointer = MP.Pointer;
  return Kept;
}

namespace {

/// What the steps of keepWhatCannotMove read and change.
struct Keeping {
  const Catalog &C;
  const Facts &F;
  const Config &Cfg;
  Plan &P;
  const std::map<std::string, const Wrapper *> &BySignature;

  WrapperPlan *wrapper(llvm::StringRef Signature) {
    for (WrapperPlan &WP : P.Wrappers)
      if (WP.Signature == Signature)
        return &WP;
    return nullptr;
  }
};

/// What verification took back stays; its item is the reason.
void keepDemoted(Keeping &K) {
  Plan &P = K.P;
  for (const Demotion &D : P.Demoted) {
    if (D.Decision.K == PlanDecision::Kind::Wrapper) {
      if (WrapperPlan *WP = K.wrapper(D.Decision.Key); WP && WP->Fate != WrapperFate::Keep) {
        WP->Fate = WrapperFate::Keep;
        WP->Reason = "its edits did not compile (" + D.Item.Why + ")";
        WP->Cause = LeftBecause::DidNotCompile;
      }
    } else if (D.Decision.K == PlanDecision::Kind::Metric) {
      for (MetricPlan &MP : P.Metrics)
        if (MP.Name == D.Decision.Key &&
            (MP.Fate == MetricFate::Moved || MP.Fate == MetricFate::Shared))
          MP = keptMetric(MP, "moving it did not compile (" + D.Item.Why + ")",
                          LeftBecause::DidNotCompile);
    }
  }
}

/// Calls that cannot be rewritten: each a blocker of its wrapper. A call
/// that was never parsed may be of any overload of its name.
void blockSites(Keeping &K) {
  const Catalog &C = K.C;
  const Facts &F = K.F;
  const Config &Cfg = K.Cfg;
  Plan &P = K.P;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  for (const CallSite &CS : C.CallSites) {
    // A call that was never parsed may be of any overload of its name.
    std::vector<std::string> Signatures = {CS.Signature};
    if (CS.Inactive)
      for (const auto &[Signature, W] : BySignature)
        if (W->Name == CS.Wrapper && Signature != CS.Signature)
          Signatures.push_back(Signature);
    for (const std::string &Signature : Signatures) {
      WrapperPlan *WP = K.wrapper(Signature);
      auto W = BySignature.find(Signature);
      if (!WP || W == BySignature.end() || WP->Fate == WrapperFate::Keep)
        continue;
      if (std::optional<ManualItem> Problem = fenceProblem(CS, Cfg))
        WP->Blockers.push_back(std::move(*Problem));
      else if (std::optional<ManualItem> Problem = siteProblem(CS, *W->second, WP->Fate))
        WP->Blockers.push_back(std::move(*Problem));
      else if (P.Optional)
        if (std::optional<ManualItem> Problem = optionalProblem(CS, F, *P.Optional))
          WP->Blockers.push_back(std::move(*Problem));
    }
  }
}

/// An expectation left as it is still needs its wrapper to be called.
void blockExpectations(Keeping &K) {
  const Facts &F = K.F;
  const Config &Cfg = K.Cfg;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  for (const Expectation &E : F.Expectations)
    for (const auto &[Signature, W] : BySignature) {
      WrapperPlan *WP = K.wrapper(Signature);
      if (W->Name != E.Wrapper || !WP || WP->Fate == WrapperFate::Keep)
        continue;
      if (std::string Why = unwritableReason(Cfg, E.Stmt.File); !Why.empty())
        WP->Blockers.push_back({E.Stmt.File, E.Stmt.Line, "EXPECT_CALL on " + E.Wrapper,
                                "the file is " + Why + "; the expectation cannot become "
                                "a value assertion there",
                                LeftBecause::Fenced, ManualSubject::Expectation});
      else if (std::optional<ManualItem> Problem = expectationProblem(E, *W))
        WP->Blockers.push_back(std::move(*Problem));
    }
}

/// A double keeps the wrappers it overrides when it cannot lose the
/// overrides: it derives from the service itself, or its file is not written.
void blockDoubles(Keeping &K) {
  const Catalog &C = K.C;
  const Config &Cfg = K.Cfg;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  for (const TestDouble &D : C.TestDoubles) {
    std::string Why;
    LeftBecause Cause = LeftBecause::DoubleOverride;
    if (D.Base == C.TheService.Name)
      Why = D.Name + " derives from the service and overrides it";
    else if (std::string Fence = unwritableReason(Cfg, D.Loc.File); !Fence.empty()) {
      Why = "the file is " + Fence + "; the override cannot go";
      Cause = LeftBecause::Fenced;
    } else
      continue;
    for (const auto &[Signature, W] : BySignature) {
      WrapperPlan *WP = K.wrapper(Signature);
      if (!WP || WP->Fate == WrapperFate::Keep || !llvm::is_contained(D.Methods, W->Name))
        continue;
      WP->Blockers.push_back(
          {D.Loc.File, D.Loc.Line, "override of " + W->Name + " in " + D.Name, Why, Cause});
    }
  }
}

/// A test reading what a double holds (`fake.finished.size()`) needs it to
/// go on receiving the calls: it keeps the wrappers it overrides. Passing
/// it on, calling it and expecting calls of it are what the rewrite
/// handles; anything else is a read.
void blockDoublesRead(Keeping &K) {
  const Catalog &C = K.C;
  const Facts &F = K.F;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  for (const ServiceVar &V : F.ServiceVars) {
    const TestDouble *D = nullptr;
    for (const TestDouble &Each : C.TestDoubles)
      D = Each.Name == V.Double ? &Each : D;
    if (!D || D->Base == C.TheService.Name) // kept whole by the rule above
      continue;
    auto Handled = [&](const SourceSpan &Use) {
      return llvm::any_of(C.CallSites, [&](const CallSite &CS) { return CS.Loc.contains(Use); }) ||
             llvm::any_of(F.ArgumentSites,
                          [&](const ArgumentSite &A) { return A.Arg.contains(Use); }) ||
             llvm::any_of(F.Expectations,
                          [&](const Expectation &E) { return E.Stmt.contains(Use); });
    };
    auto Read = llvm::find_if(V.Uses, [&](const SourceSpan &Use) { return !Handled(Use); });
    if (Read == V.Uses.end())
      continue;
    for (const auto &[Signature, W] : BySignature) {
      WrapperPlan *WP = K.wrapper(Signature);
      if (!WP || WP->Fate == WrapperFate::Keep || !llvm::is_contained(D->Methods, W->Name))
        continue;
      WP->Blockers.push_back({Read->File, Read->Line, "override of " + W->Name + " in " + D->Name,
                              "the test reads what '" + V.Name + "' holds at " + Read->File +
                                  ":" + std::to_string(Read->Line) +
                                  ", so the double stays and goes on receiving the call",
                              LeftBecause::DoubleOverride});
    }
  }
}

/// Each wrapper with a blocker stays.
void keepBlocked(Keeping &K) {
  Plan &P = K.P;
  for (WrapperPlan &WP : P.Wrappers)
    if (!WP.Blockers.empty() && WP.Fate != WrapperFate::Keep) {
      WP.Fate = WrapperFate::Keep;
      WP.Reason = "it is called where the call cannot be rewritten";
      WP.Cause = mostCommonCause(WP.Blockers);
      if (llvm::all_of(WP.Blockers,
                       [](const ManualItem &B) { return B.Cause == LeftBecause::Expectation; }))
        WP.Reason = "a test expects calls of it in a way that cannot become a value assertion";
      WP.HelperDefinition.clear();
    }
}

/// Metrics a kept wrapper records stay with it, and wrappers recording a
/// metric that stays, stay, until nothing changes.
void keepWhatRecordsKept(Keeping &K) {
  Plan &P = K.P;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  for (bool Changed = true; Changed;) {
    Changed = false;
    // Metrics a kept wrapper records stay with it.
    for (const WrapperPlan &WP : P.Wrappers) {
      if (WP.Fate != WrapperFate::Keep)
        continue;
      for (const std::string &Name : BySignature.at(WP.Signature)->Metrics)
        for (MetricPlan &MP : P.Metrics)
          if (MP.Name == Name &&
              (MP.Fate == MetricFate::Moved || MP.Fate == MetricFate::Shared)) {
            MP = keptMetric(MP, WP.Name + " stays in the service: " + WP.Reason, WP.Cause);
            Changed = true;
          }
    }
    // Wrappers recording a metric that stays, stay.
    for (WrapperPlan &WP : P.Wrappers) {
      if (WP.Fate == WrapperFate::Keep)
        continue;
      for (const std::string &Name : BySignature.at(WP.Signature)->Metrics) {
        const MetricPlan *MP = P.metric(Name);
        if (MP && MP->Fate == MetricFate::Kept) {
          WP.Fate = WrapperFate::Keep;
          WP.Reason = "it records " + Name + ", which stays in the service";
          WP.Cause = MP->Cause;
          Changed = true;
          break;
        }
      }
    }
  }
}

/// A constant another module, or a test, would name needs a header of its
/// owner to be declared in: without one, the metric stays in the service,
/// and so does what records it.
bool keepHeaderless(Keeping &K) {
  const Catalog &C = K.C;
  const Facts &F = K.F;
  Plan &P = K.P;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  bool Kept = false;
  for (MetricPlan &MP : P.Metrics) {
    if ((MP.Fate != MetricFate::Moved && MP.Fate != MetricFate::Shared) || !MP.OwnerHeader.empty())
      continue;
    auto Records = [&](const std::string &Signature) {
      auto W = BySignature.find(Signature);
      return W != BySignature.end() && llvm::is_contained(W->second->Metrics, MP.Name);
    };
    std::string Elsewhere = MP.Users.empty() ? "" : MP.Users.front();
    for (const CallSite &CS : C.CallSites)
      if (Elsewhere.empty() && CS.InTest && moduleOf(CS.Loc.File) != MP.Owner &&
          Records(CS.Signature))
        Elsewhere = CS.Loc.File;
    for (const Expectation &E : F.Expectations)
      for (const Wrapper &W : C.Wrappers)
        if (Elsewhere.empty() && W.Name == E.Wrapper && Records(W.Signature))
          Elsewhere = E.Stmt.File;
    if (Elsewhere.empty())
      continue;
    MP = keptMetric(MP,
                    "its owner " + MP.Owner + " has no header to declare its constant in, and " +
                        Elsewhere + " would name it",
                    LeftBecause::NoHeader);
    Kept = true;
  }
  return Kept;
}

/// A wrapper of an interface that stays while code outside the service
/// calls it: each call keeps its injection, and is for a human. So is each
/// call of one recording a field whose name could not be read (no metric
/// lists it), a metric whose owner has no header (a header would let it
/// move) or whose chain reads a value known only at run time (a constant
/// would let it move), with the metric's reason.
void listCallsOfKept(Keeping &K) {
  const Catalog &C = K.C;
  Plan &P = K.P;
  const std::map<std::string, const Wrapper *> &BySignature = K.BySignature;
  auto SaysWhy = [](LeftBecause Cause) {
    return Cause == LeftBecause::NoHeader || Cause == LeftBecause::RuntimeValue;
  };
  for (WrapperPlan &WP : P.Wrappers) {
    const Wrapper &W = *BySignature.at(WP.Signature);
    if (WP.Fate != WrapperFate::Keep || !WP.Blockers.empty() ||
        !(W.Overrides || WP.Cause == LeftBecause::NameNotReadable || SaysWhy(WP.Cause)))
      continue;
    std::string Why = WP.Reason;
    for (const std::string &Name : W.Metrics)
      if (const MetricPlan *MP = P.metric(Name);
          MP && SaysWhy(WP.Cause) && MP->Cause == WP.Cause)
        Why = "it records " + Name + ": " + MP->Reason;
    for (const CallSite &CS : C.CallSites)
      if (CS.Signature == W.Signature)
        WP.Blockers.push_back({CS.Loc.File, CS.Loc.Line, "call to " + CS.Wrapper,
                               W.Name + " stays in the service: " + Why, WP.Cause,
                               ManualSubject::Call});
  }
}

} // namespace

/// Wrappers that cannot leave the service keep their metrics in it, and
/// every other wrapper recording one of those metrics stays too: a wrapper
/// stays when one of its call sites cannot be rewritten (siteProblem) or an
/// expectation on it cannot be translated (expectationProblem), when its body
/// needs the service, or when it records a metric that stays.
void keepWhatCannotMove(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P,
                        const std::map<std::string, const Wrapper *> &BySignature) {
  Keeping K{C, F, Cfg, P, BySignature};
  keepDemoted(K);
  blockSites(K);
  blockExpectations(K);
  blockDoubles(K);
  blockDoublesRead(K);
  keepBlocked(K);
  keepWhatRecordsKept(K);
  if (keepHeaderless(K))
    keepWhatRecordsKept(K);
  listCallsOfKept(K);
}

} // namespace mm
