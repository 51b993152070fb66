//===--- PlanInjection.cpp - Which injection points go -----------------===//
//
// Part of stage [3]: an injection point goes when no code of its owner
// still uses the service once the plan's wrappers are rewritten; one that
// stays says which use keeps it (planInjection).
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

/// The class part of `ns::Class::method`, or "" for a free function.
std::string classOf(llvm::StringRef Function) {
  size_t Sep = Function.rfind("::");
  return Sep == llvm::StringRef::npos ? "" : Function.take_front(Sep).str();
}

/// Where the code of each owner is: a function's, by the function each
/// use is in; a lambda's (a FunctionValue's), by its span, since its uses
/// are recorded with the named function around it.
class OwnerBodies {
public:
  explicit OwnerBodies(const Facts &F) {
    for (const FunctionValue &V : F.FunctionValues)
      if (!V.Lambda.empty())
        Lambdas.emplace(V.Lambda, V.Loc);
  }
  /// Whether a use at \p At, in function \p Enclosing, is in \p Owner's body.
  bool in(const std::string &Owner, const std::string &Enclosing, const SourceSpan &At) const {
    auto It = Lambdas.find(Owner);
    return It == Lambdas.end() ? Owner == Enclosing : It->second.contains(At);
  }

private:
  std::map<std::string, SourceSpan> Lambdas;
};

/// The owners holding the service itself (not an interface) in a field that
/// is used for more than the calls the migration rewrites and the null
/// checks it drops: a method that stays (polling, the registry), a call it
/// keeps, the pointer handed to a helper. Their injection stays.
std::map<std::string, std::string> ownersStillUsingTheService(const Catalog &C,
                                                              const Facts &F,
                                                              const Plan &P) {
  std::vector<SourceSpan> Going;
  for (const CallSite &CS : C.CallSites)
    if (const WrapperPlan *WP = P.wrapper(CS.Signature); WP && WP->Fate != WrapperFate::Keep)
      Going.push_back(CS.Loc);
  for (const NullGuard &G : F.NullGuards)
    if (G.OnlyRecords) // `if (p) ...;` and `if (!p) return;` before recordings
      Going.push_back(G.If);
  // Handing it on goes with the parameter it is handed to; when that one
  // stays, planInjection keeps this owner's injection too.
  for (const ArgumentSite &A : F.ArgumentSites)
    Going.push_back(A.Arg);
  // So does what initializes another field holding it (`.metrics = deps.metrics`).
  for (const MemberInit &I : F.MemberInits)
    Going.push_back(I.Init);
  auto Gone = [&](const SourceSpan &Use) {
    return llvm::any_of(Going, [&](const SourceSpan &S) { return S.contains(Use); });
  };
  // Each with the first use that stays, in words.
  std::map<std::string, std::string> Owners;
  OwnerBodies Bodies(F);
  auto At = [](const SourceSpan &S) { return S.File + ":" + std::to_string(S.Line); };
  for (const InjectionPoint &IP : C.InjectionPoints) {
    if (IP.Kind != InjectionKind::Field || IP.Interface != C.TheService.Name)
      continue;
    for (const ServiceVar &V : F.ServiceVars)
      if (V.IsField && V.Name == IP.Name && V.Decl.File == IP.Loc.File &&
          V.Decl.Offset <= IP.Loc.Offset && IP.Loc.Offset < V.Decl.Offset + V.Decl.Length)
        if (auto Stays = llvm::find_if_not(V.Uses, Gone); Stays != V.Uses.end())
          Owners.try_emplace(IP.Owner, "it uses " + IP.Name + " for more than the calls that "
                                       "are rewritten (at " + At(*Stays) + ")");
  }
  // A function taking the service keeps it unless its only uses are calls
  // that go and arguments handing it on (`make_unique<Reader>(arg,
  // std::move(m))`), which go with the parameter they feed (its uses are
  // not recorded: another one shows as a build error, never as a silent
  // change).
  for (const InjectionPoint &IP : C.InjectionPoints) {
    if (IP.Kind != InjectionKind::FunctionParam || IP.Interface != C.TheService.Name)
      continue;
    // A declaration may leave the parameter unnamed (`friend Stack
    // build(const std::shared_ptr<Metrics>&);`): the definition's name is
    // the one the body uses.
    std::string Name = IP.Name;
    for (const InjectionPoint &Other : C.InjectionPoints)
      if (Name.empty() && Other.Kind == IP.Kind && Other.Owner == IP.Owner &&
          Other.Index == IP.Index)
        Name = Other.Name;
    if (Name.empty()) {
      Owners.try_emplace(IP.Owner, "no definition of it was seen: no declaration names the "
                                   "parameter its body would use");
      continue;
    }
    bool Calls = false;
    const CallSite *Stays = nullptr;
    for (const CallSite &CS : C.CallSites)
      if (Bodies.in(IP.Owner, CS.EnclosingFunction, CS.Loc) && CS.Receiver == Name) {
        Calls = true;
        if (!Stays && !Gone(CS.Loc))
          Stays = &CS;
      }
    for (const ArgumentSite &A : F.ArgumentSites)
      Calls = Calls ||
              (Bodies.in(IP.Owner, A.EnclosingFunction, A.Arg) && containsWord(A.ArgText, Name));
    if (Stays)
      Owners.try_emplace(IP.Owner, "its call of " + Stays->Wrapper + " on " + Name +
                                       " stays (at " + At(Stays->Loc) + ")");
    else if (!Calls)
      Owners.try_emplace(IP.Owner, "it takes " + Name + " for something other than calls "
                                   "the migration rewrites or handing it on to a parameter "
                                   "that goes");
  }
  return Owners;
}

/// The owners whose injection stays, for a reason of their own or because
/// they hand the service to something that keeps it, and which injection
/// points that keeps.
class InjectionPlanner {
public:
  InjectionPlanner(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P)
      : C(C), F(F), Cfg(Cfg), P(P), Bodies(F), Kept(C.InjectionPoints.size()) {}

  void run() {
    holdKeptCallers();
    holdServiceBuilders();
    holdWhatCannotBeEdited();
    keepWhatNeedsTheService();
    for (bool Changed = true; Changed;) {
      Changed = keepThroughArguments();
      Changed |= keepThroughFunctionValues();
    }
    for (size_t I = 0; I < C.InjectionPoints.size(); ++I)
      (Kept[I] ? P.Keep : P.Strip).push_back(C.InjectionPoints[I]);
    // Only those that keep something.
    for (auto It = P.KeptBecause.begin(); It != P.KeptBecause.end();)
      It = llvm::any_of(P.Keep, [&](const InjectionPoint &IP) { return IP.Owner == It->first; })
               ? std::next(It)
               : P.KeptBecause.erase(It);
  }

private:
  /// \p Owner's injection stays; the first reason found is the one the
  /// review shows.
  void hold(const std::string &Owner, std::string Why) {
    Holders.insert(Owner);
    P.KeptBecause.try_emplace(Owner, std::move(Why));
  }

  /// Owners still carrying calls of a kept wrapper, and those testing the
  /// pointer in a null check that guards more than recording.
  void holdKeptCallers() {
    for (const CallSite &CS : C.CallSites) {
      const WrapperPlan *WP = P.wrapper(CS.Signature);
      if (!WP || WP->Fate != WrapperFate::Keep || CS.EnclosingFunction.empty())
        continue;
      std::string Why = "it still carries calls of " + WP->Name + ", which stays";
      hold(CS.EnclosingFunction, Why);
      hold(classOf(CS.EnclosingFunction), Why);
      // Made under a null check (`if (metrics_)`, `metric_call(metrics_,
      // ..)`) of a pointer another class may declare (a base class's
      // protected field): that class keeps it.
      for (const NullGuard &G : F.NullGuards)
        if (G.If.contains(CS.Loc))
          hold(G.Owner, Why);
    }
    // A null check that guards more than recording still needs its pointer.
    for (const NullGuard &G : F.NullGuards)
      if (!G.OnlyRecords)
        hold(G.Owner, "a null check of " + G.Field + " guards more than recording (or none)");
  }

  /// A field the service is built into keeps it while building the service
  /// does what the migration leaves behind: what would run it then?
  void holdServiceBuilders() {
    std::string Effect;
    if (!C.TheService.Effects.empty())
      Effect = "does more than its metrics (" + llvm::join(C.TheService.Effects, ", ") + ")";
    for (const MetricPlan &MP : P.Metrics)
      if (Effect.empty() && (MP.Fate == MetricFate::Kept || MP.Fate == MetricFate::Dead))
        Effect = "registers " + MP.Name + ", which stays in it";
    for (const MemberInit &I : F.MemberInits)
      if (I.Creates && !Effect.empty())
        hold(I.Owner, "building the service into " + I.Field + " at " + I.Init.File + ":" +
                          std::to_string(I.Init.Line) + " " + Effect);
  }

  /// Owners whose code cannot be edited as stripping them would need.
  void holdWhatCannotBeEdited() {
    // An owner whose stripping did not compile keeps it.
    for (const Demotion &D : P.Demoted)
      if (D.Decision.K == PlanDecision::Kind::Injection)
        hold(D.Decision.Key, "stripping it did not compile");
    // A `std::function` type made from a callable that is no lambda (a
    // function, `std::bind`, a generic lambda) keeps its parameter: that
    // callable takes the service. A lambda turned into a type whose
    // signature is written nowhere it can be edited keeps its own.
    for (const FunctionValue &V : F.FunctionValues) {
      if (V.Lambda.empty())
        hold(V.Type, "it is made from a callable that is no lambda (at " + V.Loc.File + ":" +
                         std::to_string(V.Loc.Line) + ")");
      else if (llvm::none_of(C.InjectionPoints, [&](const InjectionPoint &IP) {
                 return IP.Kind == InjectionKind::FunctionTypeParam && IP.Owner == V.Type;
               }))
        hold(V.Lambda, "it becomes a " + V.Type + ", whose signature is not written in the "
                       "project's code");
    }
    // Nothing changes in a file that is not written: an injection point there
    // stays with its whole owner, and so does one that such a file passes the
    // service to.
    for (const InjectionPoint &IP : C.InjectionPoints)
      if (std::string Fence = unwritableReason(Cfg, IP.Loc.File); !Fence.empty())
        hold(IP.Owner, IP.Loc.File + " is " + Fence);
    for (const ArgumentSite &A : F.ArgumentSites)
      if (std::string Fence = unwritableReason(Cfg, A.Call.File); !Fence.empty())
        hold(A.Callee, "it is handed the service in " + A.Call.File + ", which is " + Fence);
  }

  /// The injection points of the holders, and those typed as the service
  /// that their owner still uses, stay.
  void keepWhatNeedsTheService() {
    std::map<std::string, std::string> UsingTheService = ownersStillUsingTheService(C, F, P);
    for (size_t I = 0; I < C.InjectionPoints.size(); ++I) {
      const InjectionPoint &IP = C.InjectionPoints[I];
      bool OwnField = llvm::any_of(C.InjectionPoints, [&](const InjectionPoint &Other) {
        return Other.Kind == InjectionKind::Field && Other.Owner == IP.Owner &&
               Other.Interface == C.TheService.Name;
      });
      // A constructor of a class without such a field that hands the
      // service on (to its base, to a member) loses it with the parameter it
      // feeds, unless that one stays (keepThroughArguments).
      bool Forwards = llvm::any_of(F.ArgumentSites, [&](const ArgumentSite &A) {
        return classOf(A.EnclosingFunction) == IP.Owner && containsWord(A.ArgText, IP.Name);
      });
      // The service itself stays with a class or function still using it, and
      // with a class taking it in its constructor for some other use.
      auto Uses = UsingTheService.find(IP.Owner);
      bool OwnUse = IP.Kind == InjectionKind::ConstructorParam && !OwnField && !Forwards;
      bool NeedsService =
          IP.Interface == C.TheService.Name && (Uses != UsingTheService.end() || OwnUse);
      if (NeedsService)
        P.KeptBecause.try_emplace(IP.Owner,
                                  Uses != UsingTheService.end()
                                      ? "typed as the service itself: " + Uses->second
                                      : "its constructor takes the service itself for a use of "
                                        "its own");
      Kept[I] = NeedsService || Holders.count(IP.Owner);
    }
  }

  /// Keeps every injection point of \p Owner; true when one was not kept.
  bool keepOwner(const std::string &Owner, const std::string &Why) {
    bool Changed = false;
    for (size_t J = 0; J < C.InjectionPoints.size(); ++J)
      if (C.InjectionPoints[J].Owner == Owner && !Kept[J]) {
        Kept[J] = true;
        Changed = true;
      }
    if (Changed)
      P.KeptBecause.try_emplace(Owner, Why);
    return Changed;
  }

  bool ownerKept(const std::string &Owner) const {
    for (size_t J = 0; J < C.InjectionPoints.size(); ++J)
      if (Kept[J] && C.InjectionPoints[J].Owner == Owner)
        return true;
    return false;
  }

  /// A parameter no injection point stands for (a signature written
  /// nowhere the scan read) stays as it is: so does what is handed to it.
  bool paramKept(const std::string &Callee, unsigned Index) const {
    bool Known = false;
    for (size_t J = 0; J < C.InjectionPoints.size(); ++J) {
      const InjectionPoint &IP = C.InjectionPoints[J];
      if (IP.Kind == InjectionKind::Field || IP.Owner != Callee || IP.Index != Index)
        continue;
      if (Kept[J])
        return true;
      Known = true;
    }
    return !Known;
  }

  /// What hands the service to a parameter that stays keeps it too; true
  /// when that kept more.
  bool keepThroughArguments() {
    bool Changed = false;
    for (const ArgumentSite &A : F.ArgumentSites) {
      if (!paramKept(A.Callee, A.Index))
        continue;
      // What the argument names in its function stays.
      std::string Class = classOf(A.EnclosingFunction);
      for (size_t I = 0; I < C.InjectionPoints.size(); ++I) {
        const InjectionPoint &IP = C.InjectionPoints[I];
        if (Kept[I] || !containsWord(A.ArgText, IP.Name))
          continue;
        bool Local = IP.Kind == InjectionKind::FunctionParam
                         ? Bodies.in(IP.Owner, A.EnclosingFunction, A.Arg)
                         : IP.Owner == Class;
        // The class keeps its field and the parameter feeding it.
        if (Local)
          Changed |= keepOwner(IP.Owner, "it hands the service to " + A.Callee +
                                             ", which keeps it");
      }
      // An argument written once in a template is handed to one callee
      // per instantiation: it stays for all of them.
      for (const ArgumentSite &Same : F.ArgumentSites)
        if (Same.Arg == A.Arg && Same.Callee != A.Callee)
          Changed |= keepOwner(Same.Callee, "the argument " + A.ArgText + " at " + A.Arg.File +
                                                ":" + std::to_string(A.Arg.Line) +
                                                " is also handed to " + A.Callee +
                                                ", which keeps it");
    }
    return Changed;
  }

  /// A `std::function` type and the lambdas it is made from keep the
  /// service together; true when that kept more.
  bool keepThroughFunctionValues() {
    bool Changed = false;
    for (const FunctionValue &V : F.FunctionValues) {
      if (V.Lambda.empty())
        continue;
      if (ownerKept(V.Lambda))
        Changed |= keepOwner(V.Type, "it is made from the " + V.Lambda + ", which keeps it");
      if (ownerKept(V.Type))
        Changed |= keepOwner(V.Lambda, "it becomes a " + V.Type + ", which keeps it");
    }
    return Changed;
  }

  const Catalog &C;
  const Facts &F;
  const Config &Cfg;
  Plan &P;
  OwnerBodies Bodies;
  std::set<std::string> Holders; ///< Owners whose injection stays.
  std::vector<bool> Kept;        ///< By index in C.InjectionPoints.
};

} // namespace

/// Interface-typed injection points go. Those typed as the service itself
/// go when their owner uses it only for calls that are rewritten
/// (ownersStillUsingTheService); otherwise they reach what stays (polling,
/// the registry) and stay. So do those still carrying a kept wrapper's calls
/// or tested by a null check that guards more than recording, and,
/// transitively, those passing the service on to a constructor or function
/// whose parameter stays.
void planInjection(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P) {
  InjectionPlanner(C, F, Cfg, P).run();
}

} // namespace mm
