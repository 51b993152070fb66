//===--- Planner.cpp - Catalog + Facts -> Plan ----------------------------===//

#include "planner/Planner.h"
#include "planner/OptionalBuild.h"

#include "planner/ExpectationBody.h"

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

namespace {

std::string familyType(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "prometheus::Counter";
  case MetricKind::Gauge: return "prometheus::Gauge";
  case MetricKind::Histogram: return "prometheus::Histogram";
  case MetricKind::Summary: return "prometheus::Summary";
  }
  return "prometheus::Counter";
}

/// The file of \p Module with one of \p Exts that the project has.
template <size_t N>
std::string fileOf(const std::set<std::string> &Files, const std::string &Module,
                   const char *const (&Exts)[N]) {
  for (const char *Ext : Exts)
    if (Files.count(Module + Ext))
      return Module + Ext;
  return "";
}

/// Headers kept apart from their sources (`include/ingestd/pipeline/x.hpp`
/// for `src/pipeline/x.cpp`), by module: each source module without a
/// header beside it is paired with the one header of its file name that
/// shares the most trailing directories with it; on a tie, with none.
std::map<std::string, std::string> splitHeaders(const std::set<std::string> &Files) {
  auto Parts = [](llvm::StringRef Module) {
    llvm::SmallVector<llvm::StringRef, 8> Out;
    Module.split(Out, '/');
    return Out;
  };
  std::map<std::string, std::vector<std::string>> HeadersByName;
  for (const std::string &F : Files)
    if (isHeaderFile(F))
      HeadersByName[llvm::sys::path::filename(moduleOf(F)).str()].push_back(moduleOf(F));
  std::map<std::string, std::string> Out; // source module -> header module
  for (const std::string &F : Files) {
    std::string Module = moduleOf(F);
    if (isHeaderFile(F) || !fileOf(Files, Module, HeaderExtensions).empty())
      continue;
    auto Candidates = HeadersByName.find(llvm::sys::path::filename(Module).str());
    if (Candidates == HeadersByName.end())
      continue;
    auto Mine = Parts(Module);
    size_t Best = 0;
    std::vector<std::string> Tied;
    for (const std::string &H : Candidates->second) {
      auto Theirs = Parts(H);
      size_t Shared = 0;
      while (Shared < Mine.size() && Shared < Theirs.size() &&
             Mine[Mine.size() - 1 - Shared] == Theirs[Theirs.size() - 1 - Shared])
        ++Shared;
      if (Shared > Best)
        Tied.clear(), Best = Shared;
      if (Shared == Best)
        Tied.push_back(H);
    }
    if (Tied.size() == 1)
      Out[Module] = Tied.front();
  }
  return Out;
}


/// The family built by \p Chain, its series created up front by the
/// statements the service ran on it: an immediately invoked lambda, so
/// they run once, as the constant is initialized.
std::string withSetUp(llvm::StringRef Chain, llvm::StringRef Type,
                      llvm::ArrayRef<SetUpStatement> SetUp) {
  std::string Local = "family";
  while (llvm::any_of(SetUp, [&](const SetUpStatement &S) { return containsWord(S.Text, Local); }))
    Local += "_";
  std::string Out = "[]() -> " + Type.str() + " {\n  auto& " + Local + " = " + Chain.str() + ";\n";
  for (const SetUpStatement &S : SetUp) {
    std::string Text;
    unsigned Pos = 0;
    for (const auto &[Offset, Length] : S.FamilyUses) {
      Text += S.Text.substr(Pos, Offset - Pos) + Local + ".";
      Pos = Offset + Length;
    }
    Text += S.Text.substr(Pos);
    Out += "  " + Text + "\n";
  }
  return Out + "  return " + Local + ";\n}()";
}

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

/// The class part of `ns::Class::method`, or "" for a free function.
std::string classOf(llvm::StringRef Function) {
  size_t Sep = Function.rfind("::");
  return Sep == llvm::StringRef::npos ? "" : Function.take_front(Sep).str();
}

/// The cause most of \p Items share (the first one's on a tie).
LeftBecause mostCommonCause(llvm::ArrayRef<ManualItem> Items) {
  std::map<LeftBecause, unsigned> Count;
  LeftBecause Best = Items.empty() ? LeftBecause::Other : Items.front().Cause;
  for (const ManualItem &I : Items)
    if (++Count[I.Cause] > Count[Best])
      Best = I.Cause;
  return Best;
}

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

/// Wrappers that cannot leave the service keep their metrics in it, and
/// every other wrapper recording one of those metrics stays too: a wrapper
/// stays when one of its call sites cannot be rewritten (siteProblem) or an
/// expectation on it cannot be translated (expectationProblem), when its body
/// needs the service, or when it records a metric that stays.
void keepWhatCannotMove(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P,
                        const std::map<std::string, const Wrapper *> &BySignature) {
  auto Mutable = [&](llvm::StringRef Signature) -> WrapperPlan * {
    for (WrapperPlan &WP : P.Wrappers)
      if (WP.Signature == Signature)
        return &WP;
    return nullptr;
  };
  // What verification took back stays; its item is the reason.
  for (const Demotion &D : P.Demoted) {
    if (D.Decision.K == PlanDecision::Kind::Wrapper) {
      if (WrapperPlan *WP = Mutable(D.Decision.Key); WP && WP->Fate != WrapperFate::Keep) {
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
  for (const CallSite &CS : C.CallSites) {
    // A call that was never parsed may be of any overload of its name.
    std::vector<std::string> Signatures = {CS.Signature};
    if (CS.Inactive)
      for (const auto &[Signature, W] : BySignature)
        if (W->Name == CS.Wrapper && Signature != CS.Signature)
          Signatures.push_back(Signature);
    for (const std::string &Signature : Signatures) {
      WrapperPlan *WP = Mutable(Signature);
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
  // An expectation left as it is still needs its wrapper to be called.
  for (const Expectation &E : F.Expectations)
    for (const auto &[Signature, W] : BySignature) {
      WrapperPlan *WP = Mutable(Signature);
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
  // A double keeps the wrappers it overrides when it cannot lose the
  // overrides: it derives from the service itself, or its file is not written.
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
      WrapperPlan *WP = Mutable(Signature);
      if (!WP || WP->Fate == WrapperFate::Keep || !llvm::is_contained(D.Methods, W->Name))
        continue;
      WP->Blockers.push_back(
          {D.Loc.File, D.Loc.Line, "override of " + W->Name + " in " + D.Name, Why, Cause});
    }
  }
  // A test reading what a double holds (`fake.finished.size()`) needs it to
  // go on receiving the calls: it keeps the wrappers it overrides. Passing
  // it on, calling it and expecting calls of it are what the rewrite
  // handles; anything else is a read.
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
      WrapperPlan *WP = Mutable(Signature);
      if (!WP || WP->Fate == WrapperFate::Keep || !llvm::is_contained(D->Methods, W->Name))
        continue;
      WP->Blockers.push_back({Read->File, Read->Line, "override of " + W->Name + " in " + D->Name,
                              "the test reads what '" + V.Name + "' holds at " + Read->File +
                                  ":" + std::to_string(Read->Line) +
                                  ", so the double stays and goes on receiving the call",
                              LeftBecause::DoubleOverride});
    }
  }
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

  auto KeepWhatRecordsKept = [&] {
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
  };
  KeepWhatRecordsKept();

  // A constant another module, or a test, would name needs a header of its
  // owner to be declared in: without one, the metric stays in the service,
  // and so does what records it.
  bool Headerless = false;
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
    Headerless = true;
  }
  if (Headerless)
    KeepWhatRecordsKept();

  // A wrapper of an interface that stays while code outside the service
  // calls it: each call keeps its injection, and is for a human. So is each
  // call of one recording a field whose name could not be read (no metric
  // lists it), a metric whose owner has no header (a header would let it
  // move) or whose chain reads a value known only at run time (a constant
  // would let it move), with the metric's reason.
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

/// Interface-typed injection points go. Those typed as the service itself
/// go when their owner uses it only for calls that are rewritten
/// (ownersStillUsingTheService); otherwise they reach what stays (polling,
/// the registry) and stay. So do those still carrying a kept wrapper's calls
/// or tested by a null check that guards more than recording, and,
/// transitively, those passing the service on to a constructor or function
/// whose parameter stays.
void planInjection(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P) {
  std::set<std::string> Holders; // owners whose injection stays
  // Why each owner keeps it: the first reason found, for the review.
  auto Hold = [&](const std::string &Owner, std::string Why) {
    Holders.insert(Owner);
    P.KeptBecause.try_emplace(Owner, std::move(Why));
  };
  for (const CallSite &CS : C.CallSites) {
    const WrapperPlan *WP = P.wrapper(CS.Signature);
    if (!WP || WP->Fate != WrapperFate::Keep || CS.EnclosingFunction.empty())
      continue;
    std::string Why = "it still carries calls of " + WP->Name + ", which stays";
    Hold(CS.EnclosingFunction, Why);
    Hold(classOf(CS.EnclosingFunction), Why);
    // Made under a null check (`if (metrics_)`, `metric_call(metrics_,
    // ..)`) of a pointer another class may declare (a base class's
    // protected field): that class keeps it.
    for (const NullGuard &G : F.NullGuards)
      if (G.If.contains(CS.Loc))
        Hold(G.Owner, Why);
  }
  // A null check that guards more than recording still needs its pointer.
  for (const NullGuard &G : F.NullGuards)
    if (!G.OnlyRecords)
      Hold(G.Owner, "a null check of " + G.Field + " guards more than recording (or none)");
  // A field the service is built into keeps it while building the service
  // does what the migration leaves behind: what would run it then?
  std::string Effect;
  if (!C.TheService.Effects.empty())
    Effect = "does more than its metrics (" + llvm::join(C.TheService.Effects, ", ") + ")";
  for (const MetricPlan &MP : P.Metrics)
    if (Effect.empty() && (MP.Fate == MetricFate::Kept || MP.Fate == MetricFate::Dead))
      Effect = "registers " + MP.Name + ", which stays in it";
  for (const MemberInit &I : F.MemberInits)
    if (I.Creates && !Effect.empty())
      Hold(I.Owner, "building the service into " + I.Field + " at " + I.Init.File + ":" +
                        std::to_string(I.Init.Line) + " " + Effect);
  // So does an owner whose stripping did not compile.
  for (const Demotion &D : P.Demoted)
    if (D.Decision.K == PlanDecision::Kind::Injection)
      Hold(D.Decision.Key, "stripping it did not compile");
  // A `std::function` type made from a callable that is no lambda (a
  // function, `std::bind`, a generic lambda) keeps its parameter: that
  // callable takes the service. A lambda turned into a type whose
  // signature is written nowhere it can be edited keeps its own.
  for (const FunctionValue &V : F.FunctionValues) {
    if (V.Lambda.empty())
      Hold(V.Type, "it is made from a callable that is no lambda (at " + V.Loc.File + ":" +
                       std::to_string(V.Loc.Line) + ")");
    else if (llvm::none_of(C.InjectionPoints, [&](const InjectionPoint &IP) {
               return IP.Kind == InjectionKind::FunctionTypeParam && IP.Owner == V.Type;
             }))
      Hold(V.Lambda, "it becomes a " + V.Type + ", whose signature is not written in the "
                     "project's code");
  }
  // Nothing changes in a file that is not written: an injection point there
  // stays with its whole owner, and so does one that such a file passes the
  // service to.
  for (const InjectionPoint &IP : C.InjectionPoints)
    if (std::string Fence = unwritableReason(Cfg, IP.Loc.File); !Fence.empty())
      Hold(IP.Owner, IP.Loc.File + " is " + Fence);
  for (const ArgumentSite &A : F.ArgumentSites)
    if (std::string Fence = unwritableReason(Cfg, A.Call.File); !Fence.empty())
      Hold(A.Callee, "it is handed the service in " + A.Call.File + ", which is " + Fence);
  std::map<std::string, std::string> UsingTheService = ownersStillUsingTheService(C, F, P);
  std::vector<bool> Kept(C.InjectionPoints.size());
  for (size_t I = 0; I < C.InjectionPoints.size(); ++I) {
    const InjectionPoint &IP = C.InjectionPoints[I];
    bool OwnField = llvm::any_of(C.InjectionPoints, [&](const InjectionPoint &Other) {
      return Other.Kind == InjectionKind::Field && Other.Owner == IP.Owner &&
             Other.Interface == C.TheService.Name;
    });
    // A constructor of a class without such a field that hands the
    // service on (to its base, to a member) loses it with the parameter it
    // feeds, unless that one stays (below).
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
  OwnerBodies Bodies(F);
  // Keeps every injection point of \p Owner; true when one was not kept.
  auto KeepOwner = [&](const std::string &Owner, const std::string &Why) {
    bool Changed = false;
    for (size_t J = 0; J < C.InjectionPoints.size(); ++J)
      if (C.InjectionPoints[J].Owner == Owner && !Kept[J]) {
        Kept[J] = true;
        Changed = true;
      }
    if (Changed)
      P.KeptBecause.try_emplace(Owner, Why);
    return Changed;
  };
  auto OwnerKept = [&](const std::string &Owner) {
    for (size_t J = 0; J < C.InjectionPoints.size(); ++J)
      if (Kept[J] && C.InjectionPoints[J].Owner == Owner)
        return true;
    return false;
  };
  // A parameter no injection point stands for (a signature written
  // nowhere the scan read) stays as it is: so does what is handed to it.
  auto ParamKept = [&](const std::string &Callee, unsigned Index) {
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
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const ArgumentSite &A : F.ArgumentSites) {
      if (!ParamKept(A.Callee, A.Index))
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
          Changed |= KeepOwner(IP.Owner, "it hands the service to " + A.Callee +
                                             ", which keeps it");
      }
      // An argument written once in a template is handed to one callee
      // per instantiation: it stays for all of them.
      for (const ArgumentSite &Same : F.ArgumentSites)
        if (Same.Arg == A.Arg && Same.Callee != A.Callee)
          Changed |= KeepOwner(Same.Callee, "the argument " + A.ArgText + " at " + A.Arg.File +
                                                ":" + std::to_string(A.Arg.Line) +
                                                " is also handed to " + A.Callee +
                                                ", which keeps it");
    }
    // A `std::function` type and the lambdas it is made from keep the
    // service together.
    for (const FunctionValue &V : F.FunctionValues) {
      if (V.Lambda.empty())
        continue;
      if (OwnerKept(V.Lambda))
        Changed |= KeepOwner(V.Type, "it is made from the " + V.Lambda + ", which keeps it");
      if (OwnerKept(V.Type))
        Changed |= KeepOwner(V.Lambda, "it becomes a " + V.Type + ", which keeps it");
    }
  }
  for (size_t I = 0; I < C.InjectionPoints.size(); ++I)
    (Kept[I] ? P.Keep : P.Strip).push_back(C.InjectionPoints[I]);
  // Only those that keep something.
  for (auto It = P.KeptBecause.begin(); It != P.KeptBecause.end();)
    It = llvm::any_of(P.Keep, [&](const InjectionPoint &IP) { return IP.Owner == It->first; })
             ? std::next(It)
             : P.KeptBecause.erase(It);
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

namespace {

/// Where a header the migration writes goes, given as \p Spelling: from the
/// root when its folder holds project files there, else under the include
/// root (most used first) whose copy of that folder does (`daq/registry.h`
/// under `include/` when `include/daq/` holds the project's headers), else
/// from the root.
std::string newHeaderPlace(const Facts &F, const std::set<std::string> &Files,
                           llvm::StringRef Spelling) {
  std::string Folder = llvm::sys::path::parent_path(Spelling).str();
  if (Folder.empty())
    return Spelling.str();
  auto Holds = [&](const std::string &Dir) {
    auto It = Files.lower_bound(Dir);
    return It != Files.end() && llvm::StringRef(*It).starts_with(Dir);
  };
  if (Holds(Folder + "/"))
    return Spelling.str();
  std::vector<std::pair<uint64_t, std::string>> Roots;
  for (const auto &[From, Count] : F.IncludeRoots)
    if (From != "." && !From.empty())
      Roots.push_back({Count, From});
  llvm::stable_sort(Roots, [](const auto &A, const auto &B) { return A.first > B.first; });
  for (const auto &[Count, From] : Roots)
    if (Holds(From + Folder + "/"))
      return From + Spelling.str();
  return Spelling.str();
}

/// Tests of the service's own wrappers that name it only to call wrappers
/// that all leave it (ServiceTestPlan): each body becomes, for every metric
/// those wrappers recorded, a check that the migration's constant is the
/// family or child the process-wide registry hands back for its chain.
void planServiceTests(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P,
                      const std::map<std::string, const Wrapper *> &BySignature) {
  std::map<std::tuple<std::string, unsigned, unsigned>, std::vector<const CallSite *>> Tests;
  for (const CallSite &CS : C.CallSites)
    if (CS.InTest && CS.ServiceTest.valid())
      Tests[CS.ServiceTest.key()].push_back(&CS);
  for (const auto &[Key, Calls] : Tests) {
    const CallSite &First = *Calls.front();
    const SourceSpan &Body = First.ServiceTest;
    if (!unwritableReason(Cfg, Body.File).empty())
      continue;
    bool AllGo = llvm::all_of(Calls, [&](const CallSite *CS) {
      const WrapperPlan *WP = P.wrapper(CS->Signature);
      return !CS->ServiceTestCallsMore && !CS->InMacro && WP && WP->Fate != WrapperFate::Keep;
    });
    // The object is named there only to call them.
    bool OnlyCalled = llvm::all_of(F.ServiceVars, [&](const ServiceVar &V) {
      return llvm::all_of(V.Uses, [&](const SourceSpan &Use) {
        return !Body.contains(Use) ||
               llvm::any_of(Calls, [&](const CallSite *CS) { return CS->Loc.contains(Use); });
      });
    });
    if (!AllGo || !OnlyCalled)
      continue;
    ServiceTestPlan T;
    T.Body = Body;
    T.Name = First.TestName;
    for (const CallSite *CS : Calls) {
      T.Wrappers.push_back(CS->Wrapper);
      for (const std::string &Name : BySignature.at(CS->Signature)->Metrics)
        if (const MetricPlan *MP = P.metric(Name);
            MP && (MP->Fate == MetricFate::Moved || MP->Fate == MetricFate::Shared))
          T.Metrics.push_back(Name);
    }
    // Each constant must be declared where the test can include it.
    if (llvm::any_of(T.Metrics, [&](const std::string &Name) {
          return P.metric(Name)->OwnerHeader.empty();
        }))
      continue;
    llvm::sort(T.Wrappers);
    T.Wrappers.erase(std::unique(T.Wrappers.begin(), T.Wrappers.end()), T.Wrappers.end());
    llvm::sort(T.Metrics);
    T.Metrics.erase(std::unique(T.Metrics.begin(), T.Metrics.end()), T.Metrics.end());
    if (T.Metrics.empty())
      continue;
    std::string Checks;
    for (const std::string &Name : T.Metrics) {
      const MetricPlan &MP = *P.metric(Name);
      const Metric &M = *llvm::find_if(C.Metrics, [&](const Metric &M) { return M.Name == Name; });
      Checks += "  EXPECT_EQ(&" + rebuiltChain(M, P.RegistryExpr) + ",\n            &" +
                spelledFrom(MP.Constant, MP.Namespace, First.Namespace) + ");\n";
    }
    std::string Moved = llvm::join(T.Wrappers, ", ");
    T.NewBody = "{\n  // " + Moved + (T.Wrappers.size() == 1 ? " left" : " leave") +
                " the service; " + (T.Wrappers.size() == 1 ? "its" : "their") +
                " callers record on the metrics themselves.\n"
                "  // What is left to check: each is on the process-wide registry.\n" +
                Checks + "}";
    P.ServiceTests.push_back(std::move(T));
  }
}

} // namespace

Plan makePlan(const Catalog &C, const Facts &F, const Config &Cfg,
              llvm::ArrayRef<Demotion> Demotions) {
  Plan P;
  P.Demoted.assign(Demotions.begin(), Demotions.end());
  P.ServiceNamespace = C.TheService.Namespace;
  P.RegistryExpr = Cfg.Registry.Expr;
  P.RegistryHeader = Cfg.Registry.Header;
  P.RegistryShared = Cfg.Registry.Shared;
  std::set<std::string> Files(F.Files.begin(), F.Files.end());
  // A header kept apart from its source is one module with it.
  std::map<std::string, std::string> HeaderOf = splitHeaders(Files), SourceOf;
  for (const auto &[Source, Header] : HeaderOf)
    SourceOf[Header] = Source;
  auto ModuleOf = [&](const std::string &Module) {
    auto It = SourceOf.find(Module);
    return It != SourceOf.end() ? It->second : Module;
  };
  // New code goes where the calls it replaces are: each module's in the
  // namespace of its first call site.
  std::map<std::string, std::string> ModuleNamespaces;
  // Each module's class header, from its first call site that names one.
  std::map<std::string, std::string> ClassHeaders;
  for (const CallSite &CS : C.CallSites)
    if (!CS.ClassHeader.empty() && Files.count(CS.ClassHeader))
      ClassHeaders.try_emplace(ModuleOf(CS.Module), CS.ClassHeader);
  for (const CallSite &CS : C.CallSites) {
    ModuleNamespaces.try_emplace(ModuleOf(CS.Module), CS.Namespace);
    P.FileNamespaces.try_emplace(CS.InMacro && CS.MacroDefinition.valid()
                                     ? CS.MacroDefinition.File
                                     : CS.Loc.File,
                                 CS.Namespace);
  }
  // A test file that records nothing itself: where its expectations are.
  for (const Expectation &E : F.Expectations)
    P.FileNamespaces.try_emplace(E.Stmt.File, E.Namespace);
  // registry.header names a project file by its path from the root, or as
  // the project's includes spell it (`ingestd/telemetry/registry.hpp` for
  // `include/ingestd/telemetry/registry.hpp` on the include path).
  P.WriteRegistryHeader = !Files.count(Cfg.Registry.Header);
  if (P.WriteRegistryHeader)
    for (const auto &[File, Spelling] : F.IncludeSpellings)
      if (llvm::StringRef(Spelling).drop_front().drop_back() == Cfg.Registry.Header &&
          Files.count(File)) {
        P.RegistryHeader = File;
        P.WriteRegistryHeader = false;
        break;
      }
  if (P.WriteRegistryHeader)
    P.RegistryHeader = newHeaderPlace(F, Files, Cfg.Registry.Header);
  P.RegistryInclude = includeSpelling(F, P.RegistryHeader);

  // Production call sites per metric and module.
  std::map<std::string, const Wrapper *> BySignature;
  for (const Wrapper &W : C.Wrappers)
    BySignature[W.Signature] = &W;
  std::map<std::string, std::map<std::string, unsigned>> SitesPerModule;
  std::map<std::string, unsigned> WrapperCalls;
  for (const CallSite &CS : C.CallSites) {
    ++WrapperCalls[CS.Signature];
    if (CS.InTest)
      continue;
    auto It = BySignature.find(CS.Signature);
    if (It == BySignature.end())
      continue;
    for (const std::string &Metric : It->second->Metrics)
      ++SitesPerModule[Metric][ModuleOf(CS.Module)];
  }

  for (const Metric &M : C.Metrics) {
    // A field whose name could not be read is no metric the plan can
    // place: it stays, and so does every wrapper recording it.
    if (M.Name.empty())
      continue;
    MetricPlan MP;
    MP.Name = M.Name;
    MP.Field = M.Field;
    MP.Namespace = C.TheService.Namespace;
    MP.Pointer = M.Style == FieldStyle::ChildPtr || M.Style == FieldStyle::FamilyPtr;
    bool IsFamily = M.Style == FieldStyle::FamilyRef || M.Style == FieldStyle::FamilyPtr;
    MP.Type = IsFamily ? "prometheus::Family<" + familyType(M.Kind) + ">&"
                       : familyType(M.Kind) + "&";
    // Nobody outside the service records it: kept when the service's own
    // code (a method outside the interfaces) does, dead otherwise, whatever
    // else would keep it (its children stored in a map nothing reads).
    auto Sites = SitesPerModule.find(M.Name);
    bool Internal = llvm::any_of(C.Wrappers, [&](const Wrapper &W) {
      return !W.Overrides && llvm::is_contained(W.Metrics, M.Name);
    });
    if (Sites == SitesPerModule.end() && !Internal) {
      MP.Fate = MetricFate::Dead;
      P.Metrics.push_back(std::move(MP));
      continue;
    }
    if (M.SetTwoWays) {
      P.Metrics.push_back(keptMetric(
          MP, "`" + M.Field + "` is set by two different chains: which one holds depends on "
              "the order they run",
          LeftBecause::SetTwoWays));
      continue;
    }
    if (!M.RuntimeRead.empty()) {
      P.Metrics.push_back(keptMetric(
          MP, llvm::formatv("its chain reads {0} ({1}:{2}), known only when the service is "
                            "built: a constant at namespace scope cannot read it",
                            M.RuntimeRead, M.RuntimeReadAt.File, M.RuntimeReadAt.Line),
          LeftBecause::RuntimeValue));
      continue;
    }
    if (M.OtherUse.valid()) {
      P.Metrics.push_back(keptMetric(
          MP, llvm::formatv("{0}:{1} uses `{2}` for more than creating its series up front "
                            "(a parameter or another member of the service, or what it hands "
                            "back): that statement cannot move with it",
                            M.OtherUse.File, M.OtherUse.Line, M.Field),
          LeftBecause::SetUpUse));
      continue;
    }
    // One constant per Prometheus name: a family held beside the children
    // taken from it, or children of one family in fields of their own,
    // cannot be told apart by it. They stay, all of them.
    size_t Holders = llvm::count_if(C.Metrics, [&](const Metric &O) { return O.Name == M.Name; });
    if (Holders > 1 && !M.Name.empty()) {
      P.Metrics.push_back(keptMetric(
          MP, llvm::formatv("`{0}` is held in {1} fields (a family and the children taken "
                            "from it): one constant per metric name is all the migration "
                            "writes",
                            M.Name, Holders),
          LeftBecause::SharedMetricName));
      continue;
    }
    if (Sites == SitesPerModule.end()) {
      MP.Fate = MetricFate::Kept;
      P.Metrics.push_back(std::move(MP));
      continue;
    }
    // The header declaring a module's constants: one of its name, one kept
    // apart from it, or, for a module without one, the header defining the
    // class whose methods record there (`grpc_pool.h` for
    // `ingestion_pool.cpp`).
    auto HeaderFor = [&](const std::string &Module) {
      std::string Header = fileOf(Files, Module, HeaderExtensions);
      if (auto Apart = HeaderOf.find(Module); Apart != HeaderOf.end())
        Header = fileOf(Files, Apart->second, HeaderExtensions);
      if (Header.empty())
        if (auto Class = ClassHeaders.find(Module); Class != ClassHeaders.end())
          Header = Class->second;
      return Header;
    };
    // The module recording it most owns it; when others record it too, one
    // with a header to declare it in for them comes first.
    std::vector<std::pair<std::string, unsigned>> Modules(Sites->second.begin(),
                                                          Sites->second.end());
    std::stable_sort(Modules.begin(), Modules.end(), [](const auto &A, const auto &B) {
      return A.second > B.second;
    });
    if (Modules.size() > 1 && HeaderFor(Modules.front().first).empty())
      std::stable_partition(Modules.begin(), Modules.end(),
                            [&](const auto &M) { return !HeaderFor(M.first).empty(); });
    MP.Owner = Modules.front().first;
    MP.OwnerSites = Modules.front().second;
    for (size_t I = 1; I < Modules.size(); ++I)
      MP.Users.push_back(Modules[I].first);
    std::sort(MP.Users.begin(), MP.Users.end());
    MP.Fate = MP.Users.empty() ? MetricFate::Moved : MetricFate::Shared;
    MP.OwnerSource = fileOf(Files, MP.Owner, SourceExtensions);
    MP.OwnerHeader = HeaderFor(MP.Owner);
    // Defined in the namespace of the code recording it, and declared in
    // the same one in the owner's header.
    MP.Namespace = ModuleNamespaces[MP.Owner];
    for (const std::string &File : {MP.OwnerSource, MP.OwnerHeader})
      if (auto It = P.FileNamespaces.find(File); It != P.FileNamespaces.end()) {
        MP.Namespace = It->second;
        break;
      }
    for (const std::string &File : {MP.OwnerSource, MP.OwnerHeader})
      if (!File.empty())
        P.FileNamespaces.try_emplace(File, MP.Namespace);

    // The constant's name, suffixed when an identifier of that spelling is
    // already declared in a file that will see it.
    std::string Name = constantName(M.Name);
    std::vector<std::string> Seeing = {MP.OwnerSource, MP.OwnerHeader};
    for (const std::string &U : MP.Users) {
      Seeing.push_back(fileOf(Files, U, SourceExtensions));
      Seeing.push_back(fileOf(Files, U, HeaderExtensions));
    }
    for (const std::string &File : Seeing) {
      auto Names = F.UpperSnakeNames.find(File);
      if (File.empty() || Names == F.UpperSnakeNames.end())
        continue;
      if (llvm::is_contained(Names->second, Name) && MP.ClashWith.empty())
        MP.ClashWith = {Name, File};
    }
    MP.Constant = MP.ClashWith.empty() ? Name : Name + "_METRIC";

    std::string Chain = rebuiltChain(M, P.RegistryExpr);
    bool HeaderOnly = MP.OwnerSource.empty();
    std::string Linkage = HeaderOnly ? "inline " : "";
    MP.Definition = Linkage + MP.Type + " " + MP.Constant + " =\n    " +
                    (M.SetUp.empty() ? Chain : withSetUp(Chain, MP.Type, M.SetUp)) + ";";
    MP.Declaration = "extern " + MP.Type + " " + MP.Constant + ";";
    // The children the service took from the family, each its own constant
    // defined after the family's (one TU: initialized in that order), so
    // each series is still created up front and recorded without a lookup.
    std::set<std::string> Taken = {MP.Constant};
    for (const ChildField &Ch : M.Children) {
      std::string Constant = fieldConstantName(Ch.Field);
      bool Clash = !Taken.insert(Constant).second;
      for (const std::string &File : Seeing) {
        auto Names = F.UpperSnakeNames.find(File);
        Clash = Clash || (!File.empty() && Names != F.UpperSnakeNames.end() &&
                          llvm::is_contained(Names->second, Constant));
      }
      if (Clash) {
        Constant += "_METRIC";
        Taken.insert(Constant);
      }
      std::string Type = familyType(M.Kind) + "&";
      MP.Definition += "\n" + Linkage + Type + " " + Constant + " =\n    " + MP.Constant +
                       ".Add(" + Ch.Args + ");";
      MP.Declaration += "\nextern " + Type + " " + Constant + ";";
      MP.Children.push_back({Ch.Field, Constant, Ch.Pointer});
    }
    P.Metrics.push_back(std::move(MP));
  }
  std::sort(P.Metrics.begin(), P.Metrics.end(),
            [](const MetricPlan &A, const MetricPlan &B) { return A.Name < B.Name; });

  for (const Wrapper &W : C.Wrappers) {
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    bool AllKept = llvm::all_of(W.Metrics, [&](const std::string &M) {
      const MetricPlan *MP = P.metric(M);
      return !MP || MP->Fate == MetricFate::Kept || MP->Fate == MetricFate::Dead;
    });
    auto Unread = llvm::find_if(W.Metrics, [&](const std::string &M) { return !P.metric(M); });
    if (std::optional<std::string> Why = bodyProblem(W)) {
      WP.Fate = WrapperFate::Keep;
      WP.Reason = *Why;
      WP.Cause = W.UsesServiceState ? LeftBecause::BodyUsesService
                                    : LeftBecause::BodyHasDirectives;
    } else if (Unread != W.Metrics.end()) {
      WP.Fate = WrapperFate::Keep;
      auto Field = llvm::find_if(C.Metrics, [&](const Metric &M) {
        return M.Name.empty() && M.Field == *Unread;
      });
      WP.Reason = Field != C.Metrics.end() && !Field->BuiltBy.empty()
                      ? "it records " + *Unread + ", whose name is built by `" +
                            Field->BuiltBy + "`: not a literal"
                      : "it records " + *Unread + ", which is not set from a builder chain";
      WP.Cause = LeftBecause::NameNotReadable;
    } else if (AllKept && !WrapperCalls.count(W.Signature)) {
      WP.Fate = WrapperFate::Keep;
      WP.Reason = "nobody outside the service calls it";
    } else if (W.Body == BodyKind::SingleExpression) {
      WP.Fate = WrapperFate::Inline;
    } else {
      WP.Fate = WrapperFate::Helper;
      WP.Reason = W.Body == BodyKind::MultiStatement ? "its body has several statements"
                                                     : "its body is not one expression";
    }
    P.Wrappers.push_back(std::move(WP));
  }

  P.Optional = optionalBuild(C, F, Cfg);
  keepWhatCannotMove(C, F, Cfg, P, BySignature);

  for (WrapperPlan &WP : P.Wrappers)
    if (WP.Fate == WrapperFate::Helper)
      WP.HelperDefinition = helperDefinition(*BySignature.at(WP.Signature), P, std::nullopt);

  planInjection(C, F, Cfg, P);
  planServiceTests(C, F, Cfg, P, BySignature);
  if (P.Optional)
    P.Optional->Statements = conditionalStatements(C, F, *P.Optional, [&](const CallSite &CS) {
      const WrapperPlan *WP = P.wrapper(CS.Signature);
      return WP && WP->Fate != WrapperFate::Keep;
    });
  return P;
}

} // namespace mm
