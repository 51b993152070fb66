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
#include "planner/Planner.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

#include <cmath>

namespace mm {

namespace {

constexpr llvm::StringLiteral Any = "@ANY@";

/// The text from \p Open (a `(`) to its matching `)`, exclusive; npos when
/// unbalanced.
size_t matchParen(llvm::StringRef Text, size_t Open) {
  int Depth = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '"') {
      for (++I; I < Text.size() && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
      continue;
    }
    if (C == '(')
      ++Depth;
    else if (C == ')' && --Depth == 0)
      return I;
  }
  return llvm::StringRef::npos;
}

std::optional<double> number(llvm::StringRef S) {
  S = S.trim();
  double D;
  if (S.empty() || S.getAsDouble(D))
    return std::nullopt;
  return D;
}

std::string formatNumber(double D) {
  if (D == std::floor(D) && std::fabs(D) < 1e15)
    return std::to_string(static_cast<long long>(D));
  std::string S = std::to_string(D);
  return llvm::StringRef(S).rtrim('0').str();
}

/// One recording statement found in a body: `M[.Add(args)] (.|->) Op(value)`.
struct Recording {
  std::string Metric;
  std::optional<std::string> AddArgs;
  std::string Op;
  std::string Value;
};

/// Follows `switch (ARG) { case X: v = "lit"; ... }` for the literal ARG and
/// `if (A op B) return;` guards over literals. Returns the body with label
/// variables replaced, or None when a guard cannot be decided; sets \p Skips
/// when a guard returns early.
std::optional<std::string> simplify(std::string Body, bool &Skips) {
  Skips = false;
  llvm::Regex Switch("switch[[:space:]]*\\(([^)]*)\\)");
  llvm::SmallVector<llvm::StringRef, 2> M;
  if (Switch.match(Body, &M)) {
    std::string Arg = llvm::StringRef(M[1]).trim().str();
    llvm::Regex Case("case[[:space:]]+([A-Za-z0-9_:]+)[[:space:]]*:[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)"
                     "[[:space:]]*=[[:space:]]*(\"[^\"]*\")[[:space:]]*;");
    llvm::StringRef Rest = Body;
    llvm::SmallVector<llvm::StringRef, 4> C;
    std::string Var, Value;
    while (Case.match(Rest, &C)) {
      if (C[1] == Arg) {
        Var = C[2].str();
        Value = C[3].str();
      }
      Rest = Rest.substr(Rest.find(C[0]) + C[0].size());
    }
    if (Var.empty())
      return std::nullopt;
    // Replace the variable where it is used as a label value.
    size_t Pos;
    while ((Pos = Body.find(", " + Var + "}")) != std::string::npos)
      Body.replace(Pos + 2, Var.size(), Value);
  }
  llvm::Regex Guard("if[[:space:]]*\\((-?[0-9.]+)[[:space:]]*(<=|>=|==|!=|<|>)[[:space:]]*(-?[0-9.]+)\\)"
                    "[[:space:]]*\\{?[[:space:]]*return;");
  llvm::SmallVector<llvm::StringRef, 4> G;
  if (Guard.match(Body, &G)) {
    auto A = number(G[1]), B = number(G[3]);
    if (!A || !B)
      return std::nullopt;
    llvm::StringRef Op = G[2];
    bool True = Op == "<=" ? *A <= *B : Op == ">=" ? *A >= *B : Op == "==" ? *A == *B
              : Op == "!=" ? *A != *B : Op == "<" ? *A < *B : *A > *B;
    Skips = True;
  } else if (llvm::StringRef(Body).contains("return")) {
    return std::nullopt;
  }
  return Body;
}

std::vector<Recording> recordings(llvm::StringRef Body) {
  std::vector<Recording> Out;
  size_t Pos = 0;
  while ((Pos = Body.find("${metric:", Pos)) != llvm::StringRef::npos) {
    size_t End = Body.find('}', Pos);
    Recording R;
    R.Metric = Body.slice(Pos + 9, End).str();
    size_t I = End + 1;
    auto Skip = [&] {
      while (I < Body.size() && llvm::isSpace(Body[I]))
        ++I;
    };
    Skip();
    if (Body.substr(I).starts_with(".Add(")) {
      size_t Close = matchParen(Body, I + 4);
      if (Close == llvm::StringRef::npos)
        break;
      R.AddArgs = Body.slice(I + 5, Close).str();
      I = Close + 1;
      Skip();
    }
    if (Body.substr(I).starts_with("->"))
      I += 2;
    else if (Body.substr(I).starts_with("."))
      I += 1;
    size_t Open = Body.find('(', I);
    if (Open == llvm::StringRef::npos)
      break;
    R.Op = Body.slice(I, Open).trim().str();
    size_t Close = matchParen(Body, Open);
    if (Close == llvm::StringRef::npos)
      break;
    R.Value = Body.slice(Open + 1, Close).trim().str();
    Out.push_back(std::move(R));
    Pos = Close;
  }
  return Out;
}

std::string lower(llvm::StringRef S) { return S.lower(); }

} // namespace

llvm::Error rewriteTests(RewriteContext &Ctx) {
  std::map<std::string, const Wrapper *> ByName;
  for (const Wrapper &W : Ctx.C.Wrappers)
    ByName.emplace(W.Name, &W);
  std::map<std::string, const Metric *> Metrics;
  for (const Metric &M : Ctx.C.Metrics)
    Metrics[M.Name] = &M;

  // Assertions to add before the `}` of each block, and names used there.
  std::map<std::pair<std::string, unsigned>, std::vector<std::string>> Asserts;
  std::map<std::pair<std::string, unsigned>, std::set<std::string>> Names;

  for (const Expectation &E : Ctx.F.Expectations) {
    std::string What = "EXPECT_CALL on " + E.Wrapper;
    auto WIt = ByName.find(E.Wrapper);
    if (WIt == ByName.end())
      continue; // not a wrapper of the service
    const Wrapper &W = *WIt->second;
    const WrapperPlan *WP = Ctx.P.wrapper(W.Signature);
    if (std::optional<ManualItem> Problem = expectationProblem(E, W)) {
      Ctx.Result.Manual.push_back(std::move(*Problem));
      continue;
    }
    if (!WP || WP->Fate == WrapperFate::Keep) {
      Ctx.manual(E.Stmt, What, "the wrapper stays in the service",
                 WP ? WP->Cause : LeftBecause::Other);
      continue;
    }
    std::map<std::string, std::string> Args;
    bool Ok = true;
    for (size_t I = 0; I < E.Args.size(); ++I) {
      llvm::StringRef A = llvm::StringRef(E.Args[I]).trim();
      Args[W.Params[I].Name] = isGmockWildcard(A) ? Any.str() : A.str();
    }
    // Substitute parameters only; metric holes stay to be found.
    std::string Body;
    {
      llvm::StringRef T = W.Template;
      while (!T.empty()) {
        size_t P = T.find("${param:");
        if (P == llvm::StringRef::npos) {
          Body += T;
          break;
        }
        Body += T.take_front(P);
        size_t End = T.find('}', P);
        std::string Name = T.slice(P + 8, End).str();
        Body += Args.count(Name) ? Args[Name] : Name;
        T = T.drop_front(End + 1);
      }
    }
    bool Skips = false;
    auto Simple = simplify(Body, Skips);
    if (!Simple) {
      Ctx.manual(E.Stmt, What, "the wrapper's body branches on something other than a literal", LeftBecause::Expectation);
      continue;
    }
    std::vector<Recording> Recs = Skips ? std::vector<Recording>() : recordings(*Simple);
    if (Recs.empty() && !Skips) {
      Ctx.manual(E.Stmt, What, "no recording found in the wrapper's body", LeftBecause::Expectation);
      continue;
    }

    auto Scope = std::make_pair(E.Stmt.File, E.ScopeEnd);
    std::vector<std::string> Before, After;
    for (const Recording &R : Recs) {
      // `NAME#field`: a child of the family, read through its own constant.
      llvm::StringRef Name, ChildField;
      std::tie(Name, ChildField) = llvm::StringRef(R.Metric).split('#');
      const MetricPlan *MP = Ctx.P.metric(Name);
      auto MIt = Metrics.find(Name.str());
      if (!MP || MIt == Metrics.end() || MP->Constant.empty()) {
        Ok = false;
        break;
      }
      std::string Constant = MP->Constant;
      if (!ChildField.empty()) {
        auto It = llvm::find_if(MP->Children,
                                [&](const ChildPlan &C) { return C.Field == ChildField; });
        if (It == MP->Children.end()) {
          Ok = false;
          break;
        }
        Constant = It->Constant;
      }
      if ((R.AddArgs && llvm::StringRef(*R.AddArgs).contains(Any))) {
        Ctx.manual(E.Stmt, What, "a label comes from a '_' matcher", LeftBecause::Expectation);
        Ok = false;
        break;
      }
      std::string Child = spelledFrom(Constant, MP->Namespace, Ctx.P.namespaceIn(E.Stmt.File)) +
                          (R.AddArgs ? ".Add(" + *R.AddArgs + ")" : "");
      std::string Var = lower(Constant) + "_before";
      for (int N = 2; Names[Scope].count(Var); ++N)
        Var = lower(Constant) + "_before_" + std::to_string(N);
      bool Unknown = R.Value.find(Any.str()) != std::string::npos;
      double Times = E.Times;
      if (R.Op == "Increment" || R.Op == "Decrement") {
        if (Unknown) {
          Ctx.manual(E.Stmt, What, "the amount comes from a '_' matcher", LeftBecause::Expectation);
          Ok = false;
          break;
        }
        std::string Delta;
        if (R.Value.empty())
          Delta = formatNumber(Times);
        else if (auto V = number(R.Value))
          Delta = formatNumber(Times * *V);
        else
          Delta = E.Times == 1 ? R.Value : formatNumber(Times) + " * (" + R.Value + ")";
        if (R.Op == "Decrement")
          Delta = "-" + Delta;
        Names[Scope].insert(Var);
        Before.push_back("const double " + Var + " = " + Child + ".Value();");
        After.push_back("EXPECT_DOUBLE_EQ(" + Child + ".Value() - " + Var + ", " + Delta + ");");
      } else if (R.Op == "Set") {
        if (Unknown) {
          Ctx.manual(E.Stmt, What, "the value set comes from a '_' matcher", LeftBecause::Expectation);
          Ok = false;
          break;
        }
        After.push_back("EXPECT_DOUBLE_EQ(" + Child + ".Value(), " + R.Value + ");");
      } else if (R.Op == "Observe") {
        Names[Scope].insert(Var);
        Before.push_back("const auto " + Var + " = " + Child + ".Collect().histogram;");
        After.push_back("EXPECT_EQ(" + Child + ".Collect().histogram.sample_count - " + Var +
                        ".sample_count, " + formatNumber(Times) + "u);");
        if (!Unknown)
          After.push_back("EXPECT_DOUBLE_EQ(" + Child + ".Collect().histogram.sample_sum - " +
                          Var + ".sample_sum, " +
                          (number(R.Value) ? formatNumber(Times * *number(R.Value))
                                           : formatNumber(Times) + " * (" + R.Value + ")") +
                          ");");
      } else {
        Ctx.manual(E.Stmt, What, "'" + R.Op + "' is not a recording it knows", LeftBecause::Expectation);
        Ok = false;
        break;
      }
      if (MP->Fate == MetricFate::Moved || MP->Fate == MetricFate::Shared) {
        if (moduleOf(E.Stmt.File) != MP->Owner && !MP->OwnerHeader.empty())
          Ctx.include(E.Stmt.File, includeSpelling(Ctx.F, MP->OwnerHeader, E.Stmt.File));
      }
      Ctx.constants(E.Stmt.File, W.LocalConstants);
    }
    if (!Ok)
      continue;
    if (Skips)
      Ctx.manual(E.Stmt, What, "the wrapper records nothing for these arguments; "
                               "the expectation was dropped",
                 LeftBecause::Expectation);

    auto Text = Ctx.text(E.Stmt.File);
    if (!Text)
      return Text.takeError();
    auto [Off, Len] = statementLines(*Text, E.Stmt.Offset, E.Stmt.Length);
    std::string Indent(E.Stmt.Column - 1, ' ');
    std::string Replacement;
    for (const std::string &B : Before)
      Replacement += Indent + B + "\n";
    bool Whole = Off != E.Stmt.Offset;
    if (!Whole)
      Replacement = llvm::StringRef(Replacement).trim().str();
    Ctx.edit(E.Stmt.File, Off, Len, Replacement, What + " at " + E.Stmt.File + ":" +
                                                     std::to_string(E.Stmt.Line));
    std::vector<std::string> Written = Before;
    Written.insert(Written.end(), After.begin(), After.end());
    Ctx.Result.TestRewrites.push_back(
        {E.Stmt, E.Test, E.Wrapper,
         llvm::StringRef(*Text).substr(E.Stmt.Offset, E.Stmt.Length).str(),
         llvm::join(Written, "\n")});
    for (std::string &A : After)
      Asserts[Scope].push_back(Indent + A + "\n");
  }

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
  // on the registry it is given): a variable that builds one stays while
  // anything does, although nothing else uses it any more.
  bool Registers = llvm::any_of(Ctx.P.Metrics, [](const MetricPlan &MP) {
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
  for (const ServiceVar &V : Ctx.F.ServiceVars) {
    if (!V.Decl.valid() || InactiveReceivers.count(V.Name))
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
