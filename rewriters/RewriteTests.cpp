//===--- RewriteTests.cpp - Expectations become value assertions ----------===//
//
// `EXPECT_CALL(mock, Wrapper(args)).Times(n)` becomes a read of the metric's
// value where the expectation was and an assertion on its change at the end
// of the block, both derived from the wrapper's body: counters and gauges
// assert the delta (`Increment(v)` n times), `Set(v)` the value, histograms
// the sample count (and sum when the observed value is known). Enum-to-label
// switches and guards over literal arguments are followed. Then every
// variable holding a double or the service whose every use went, and every
// using-declaration of a removed double, goes too. What cannot be translated
// stays as it was and is listed.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "planner/ExpectationBody.h"
#include "planner/Planner.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <cmath>

namespace mm {

namespace {

std::string formatNumber(double D) {
  if (D == std::floor(D) && std::fabs(D) < 1e15)
    return std::to_string(static_cast<long long>(D));
  std::string S = std::to_string(D);
  return llvm::StringRef(S).rtrim('0').str();
}

/// \p Times times \p Value, as the assertion writes it.
std::string times(double Times, llvm::StringRef Value) {
  if (auto V = numberIn(Value))
    return formatNumber(Times * *V);
  return Times == 1 ? Value.str() : formatNumber(Times) + " * (" + Value.str() + ")";
}

/// The assertions \p B puts on \p Actual, each of \p Times values within
/// the bounds: `EXPECT_GE(delta, 0)`, `EXPECT_LT(delta, 2 * (limit))`.
std::vector<std::string> boundAssertions(const ValueBounds &B, llvm::StringRef Actual,
                                         double Times) {
  std::vector<std::string> Out;
  if (B.Low)
    Out.push_back(std::string(B.LowStrict ? "EXPECT_GT(" : "EXPECT_GE(") + Actual.str() + ", " +
                  times(Times, *B.Low) + ");");
  if (B.High)
    Out.push_back(std::string(B.HighStrict ? "EXPECT_LT(" : "EXPECT_LE(") + Actual.str() + ", " +
                  times(Times, *B.High) + ");");
  return Out;
}

std::string lower(llvm::StringRef S) { return S.lower(); }

/// What one expectation becomes: reads of the values before (where the
/// expectation was) and assertions on them after (at the end of its block).
struct Translation {
  std::vector<std::string> Before, After;
};

/// Rewrites the expectations one by one, gathering the assertions of each
/// block to add them at its end.
class ExpectationRewriter {
public:
  explicit ExpectationRewriter(RewriteContext &Ctx) : Ctx(Ctx) {
    for (const Wrapper &W : Ctx.C.Wrappers)
      WrappersByName.emplace(W.Name, &W);
    for (const Metric &M : Ctx.C.Metrics)
      MetricsByName[M.Name] = &M;
  }

  /// Replaces \p E with its reads, or lists it when it cannot be translated.
  llvm::Error rewrite(const Expectation &E) {
    std::string What = "EXPECT_CALL on " + E.Wrapper;
    auto WIt = WrappersByName.find(E.Wrapper);
    if (WIt == WrappersByName.end())
      return llvm::Error::success(); // not a wrapper of the service
    const Wrapper &W = *WIt->second;
    const WrapperPlan *WP = Ctx.P.wrapper(W.Signature);
    if (std::optional<ManualItem> Problem = expectationProblem(E, W)) {
      Ctx.Result.Manual.push_back(std::move(*Problem));
      return llvm::Error::success();
    }
    if (!WP || WP->Fate == WrapperFate::Keep) {
      Ctx.manual(E.Stmt, What, "the wrapper stays in the service",
                 WP ? WP->Cause : LeftBecause::Other, ManualSubject::Expectation);
      return llvm::Error::success();
    }
    auto Read = readExpectation(E, W);
    if (const std::string *Why = std::get_if<std::string>(&Read)) {
      Ctx.manual(E.Stmt, What, *Why, LeftBecause::Expectation, ManualSubject::Expectation);
      return llvm::Error::success();
    }
    const ExpectedRecordings &Expected = std::get<ExpectedRecordings>(Read);
    Translation T;
    for (const Recording &R : Expected.Recordings)
      if (!translateRecording(E, W, Expected, R, T))
        return llvm::Error::success();
    if (Expected.Skips)
      Ctx.manual(E.Stmt, What, "the wrapper records nothing for these arguments; "
                               "the expectation was dropped",
                 LeftBecause::Expectation, ManualSubject::Expectation);
    return replace(E, What, T);
  }

  /// The assertions of each block, before the line of its `}`.
  llvm::Error placeAssertions() {
    for (auto &[Scope, Lines] : Asserts) {
      auto Text = Ctx.text(Scope.first);
      if (!Text)
        return Text.takeError();
      // At the start of the line holding the block's `}`.
      size_t LineStart = llvm::StringRef(*Text).rfind('\n', Scope.second);
      unsigned At = LineStart == llvm::StringRef::npos ? Scope.second : LineStart + 1;
      Ctx.edit(Scope.first, At, 0, llvm::join(Lines, ""), "value assertions of " + Scope.first);
    }
    return llvm::Error::success();
  }

private:
  /// A block: its file and the offset of its `}`.
  using Scope = std::pair<std::string, unsigned>;

  static Scope scopeOf(const Expectation &E) { return std::make_pair(E.Stmt.File, E.ScopeEnd); }

  /// Adds to \p T the read and the assertions of \p R, one recording \p E
  /// expects of \p W; false when its metric has no constant to read it by.
  bool translateRecording(const Expectation &E, const Wrapper &W,
                          const ExpectedRecordings &Expected, const Recording &R,
                          Translation &T) {
    // `NAME#field`: a child of the family, read through its own constant.
    llvm::StringRef Name, ChildField;
    std::tie(Name, ChildField) = llvm::StringRef(R.Metric).split('#');
    const MetricPlan *MP = Ctx.P.metric(Name);
    auto MIt = MetricsByName.find(Name.str());
    if (!MP || MIt == MetricsByName.end() || MP->Constant.empty())
      return false;
    std::string Constant = MP->Constant;
    if (!ChildField.empty()) {
      auto It = llvm::find_if(MP->Children,
                              [&](const ChildPlan &C) { return C.Field == ChildField; });
      if (It == MP->Children.end())
        return false;
      Constant = It->Constant;
    }
    std::string Child = spelledFrom(Constant, MP->Namespace, Ctx.P.namespaceIn(E.Stmt.File)) +
                        (R.AddArgs ? ".Add(" + *R.AddArgs + ")" : "");
    std::string Var = lower(Constant) + "_before";
    for (int N = 2; Names[scopeOf(E)].count(Var); ++N)
      Var = lower(Constant) + "_before_" + std::to_string(N);
    assertRecording(E, Expected, R, *MIt->second, Child, Var, T);
    if (MP->Fate == MetricFate::Moved || MP->Fate == MetricFate::Shared) {
      if (moduleOf(E.Stmt.File) != MP->Owner && !MP->OwnerHeader.empty())
        Ctx.include(E.Stmt.File, includeSpelling(Ctx.F, MP->OwnerHeader, E.Stmt.File));
    }
    Ctx.constants(E.Stmt.File, W.LocalConstants);
    return true;
  }

  /// The read of \p Child into \p Var before, and the assertions on its
  /// change after, for \p R: a delta, a value set, or the samples observed.
  void assertRecording(const Expectation &E, const ExpectedRecordings &Expected,
                       const Recording &R, const Metric &M, const std::string &Child,
                       const std::string &Var, Translation &T) {
    std::set<std::string> &NamesUsed = Names[scopeOf(E)];
    // A value from a matcher is unknown; what the matcher bounds it to
    // is asserted instead.
    bool Unknown = Expected.holdsMatched(R.Value);
    const ValueBounds *Bounds = Expected.boundsOf(R);
    double Times = E.Times;
    if (R.Op == "Increment" || R.Op == "Decrement") {
      NamesUsed.insert(Var);
      T.Before.push_back("const double " + Var + " = " + Child + ".Value();");
      std::string Delta = Child + ".Value() - " + Var;
      if (Unknown) {
        if (R.Op == "Decrement")
          Delta = Var + " - " + Child + ".Value()";
        for (std::string &A : boundAssertions(*Bounds, Delta, Times))
          T.After.push_back(std::move(A));
      } else {
        std::string Amount = R.Value.empty() ? formatNumber(Times) : times(Times, R.Value);
        if (R.Op == "Decrement")
          Amount = "-" + Amount;
        T.After.push_back("EXPECT_DOUBLE_EQ(" + Delta + ", " + Amount + ");");
      }
    } else if (R.Op == "Set") {
      if (Unknown)
        for (std::string &A : boundAssertions(*Bounds, Child + ".Value()", 1))
          T.After.push_back(std::move(A));
      else
        T.After.push_back("EXPECT_DOUBLE_EQ(" + Child + ".Value(), " + R.Value + ");");
    } else { // Observe, on a histogram or a summary
      const char *Field = M.Kind == MetricKind::Summary ? ".summary" : ".histogram";
      std::string Read = Child + ".Collect()" + Field;
      NamesUsed.insert(Var);
      T.Before.push_back("const auto " + Var + " = " + Read + ";");
      T.After.push_back("EXPECT_EQ(" + Read + ".sample_count - " + Var + ".sample_count, " +
                        formatNumber(Times) + "u);");
      std::string Sum = Read + ".sample_sum - " + Var + ".sample_sum";
      if (!Unknown)
        T.After.push_back("EXPECT_DOUBLE_EQ(" + Sum + ", " + times(Times, R.Value) + ");");
      else if (Bounds)
        for (std::string &A : boundAssertions(*Bounds, Sum, Times))
          T.After.push_back(std::move(A));
    }
  }

  /// Replaces \p E with the reads of \p T and keeps its assertions for the
  /// end of the block.
  llvm::Error replace(const Expectation &E, const std::string &What, const Translation &T) {
    auto Text = Ctx.text(E.Stmt.File);
    if (!Text)
      return Text.takeError();
    auto [Off, Len] = statementLines(*Text, E.Stmt.Offset, E.Stmt.Length);
    std::string Indent(E.Stmt.Column - 1, ' ');
    std::string Replacement;
    for (const std::string &B : T.Before)
      Replacement += Indent + B + "\n";
    bool Whole = Off != E.Stmt.Offset;
    if (!Whole)
      Replacement = llvm::StringRef(Replacement).trim().str();
    Ctx.edit(E.Stmt.File, Off, Len, Replacement, What + " at " + E.Stmt.File + ":" +
                                                     std::to_string(E.Stmt.Line));
    std::vector<std::string> Written = T.Before;
    Written.insert(Written.end(), T.After.begin(), T.After.end());
    Ctx.Result.TestRewrites.push_back(
        {E.Stmt, E.Test, E.Wrapper,
         llvm::StringRef(*Text).substr(E.Stmt.Offset, E.Stmt.Length).str(),
         llvm::join(Written, "\n")});
    for (const std::string &A : T.After)
      Asserts[scopeOf(E)].push_back(Indent + A + "\n");
    return llvm::Error::success();
  }

  RewriteContext &Ctx;
  std::map<std::string, const Wrapper *> WrappersByName;
  std::map<std::string, const Metric *> MetricsByName;
  // Assertions to add before the `}` of each block, and names used there.
  std::map<Scope, std::vector<std::string>> Asserts;
  std::map<Scope, std::set<std::string>> Names;
};

} // namespace

llvm::Error rewriteTests(RewriteContext &Ctx) {
  ExpectationRewriter Rewriter(Ctx);
  for (const Expectation &E : Ctx.F.Expectations)
    if (llvm::Error Err = Rewriter.rewrite(E))
      return Err;
  return Rewriter.placeAssertions();
}

llvm::Error removeUnusedHolders(RewriteContext &Ctx) {
  std::set<std::string> RemovedDoubles;
  std::set<std::string> KeptInterfaces;
  for (const InjectionPoint &IP : Ctx.P.Keep)
    KeptInterfaces.insert(IP.Interface);
  for (const Interface &I : Ctx.C.Interfaces)
    if (!KeptInterfaces.count(I.Name))
      for (const TestDouble &D : Ctx.C.TestDoubles)
        if (D.Base == I.Name)
          RemovedDoubles.insert(D.Name);

  auto Covered = [&](const SourceSpan &Use) {
    auto It = Ctx.Result.Edits.Files.find(Use.File);
    if (It == Ctx.Result.Edits.Files.end())
      return false;
    return llvm::any_of(It->second.Edits, [&](const Edit &E) {
      return E.Offset <= Use.Offset && Use.Offset + Use.Length <= E.Offset + E.Length &&
             E.Length > 0;
    });
  };
  // Building the service registers what stays in it (metrics kept or dead,
  // on the registry it is given), and does whatever else it does
  // (Service::Effects: an exposer it starts): a variable that builds one
  // stays while anything does, although nothing else uses it any more.
  bool Registers = !Ctx.C.TheService.Effects.empty() ||
                   llvm::any_of(Ctx.P.Metrics, [](const MetricPlan &MP) {
                     return MP.Fate == MetricFate::Kept || MP.Fate == MetricFate::Dead;
                   });
  llvm::StringRef ServiceName = Ctx.C.TheService.Name;
  ServiceName = ServiceName.substr(ServiceName.rfind(':') + 1);
  auto BuildsService = [&](const ServiceVar &V, llvm::StringRef Decl) {
    llvm::StringRef Type = V.Type;
    return V.Double.empty() && !Type.contains('&') && !Type.contains('*') &&
           containsWord(Decl, ServiceName) &&
           (Type.rtrim().ends_with(ServiceName) || Decl.contains("make_shared<") ||
            Decl.contains("make_unique<"));
  };
  // A call the preprocessor skipped still needs what it is called on.
  std::set<std::string> InactiveReceivers;
  for (const CallSite &CS : Ctx.C.CallSites)
    if (CS.Inactive && !CS.Receiver.empty())
      InactiveReceivers.insert(CS.Receiver);
  // A field the plan keeps as an injection point stays, with the
  // initializer that sets it, whatever calls through it went.
  auto KeptField = [&](const ServiceVar &V) {
    return V.IsField && llvm::any_of(Ctx.P.Keep, [&](const InjectionPoint &IP) {
             return IP.Kind == InjectionKind::Field && IP.Name == V.Name && V.Decl.contains(IP.Loc);
           });
  };
  for (const ServiceVar &V : Ctx.F.ServiceVars) {
    if (!V.Decl.valid() || InactiveReceivers.count(V.Name) || Ctx.P.replacedTest(V.Decl) ||
        KeptField(V))
      continue;
    bool HoldsRemovedDouble = !V.Double.empty() && RemovedDoubles.count(V.Double);
    if (!llvm::all_of(V.Uses, Covered)) {
      if (HoldsRemovedDouble)
        Ctx.manual(V.Decl, "'" + V.Name + "' holds " + V.Double + ", which goes",
                   "it is still used where the tool made no change", LeftBecause::DoubleOverride);
      continue;
    }
    auto Text = Ctx.text(V.Decl.File);
    if (!Text)
      return Text.takeError();
    if (Registers && BuildsService(V, llvm::StringRef(*Text).substr(V.Decl.Offset, V.Decl.Length)))
      continue;
    if (V.Removal.valid()) { // a lambda's capture
      Ctx.edit(V.Removal.File, V.Removal.Offset, V.Removal.Length, "",
               "capture of '" + V.Name + "' is no longer used");
      continue;
    }
    auto [Off, Len] = declarationLines(*Text, V.Decl.Offset, V.Decl.Length);
    Ctx.edit(V.Decl.File, Off, Len, "", "'" + V.Name + "' is no longer used");
  }
  for (const DoubleMention &D : Ctx.F.DoubleMentions) {
    if (!RemovedDoubles.count(D.Double))
      continue;
    auto Text = Ctx.text(D.Decl.File);
    if (!Text)
      return Text.takeError();
    auto [Off, Len] = declarationLines(*Text, D.Decl.Offset, D.Decl.Length);
    Ctx.edit(D.Decl.File, Off, Len, "", "using-declaration of " + D.Double);
  }
  return llvm::Error::success();
}

} // namespace mm
