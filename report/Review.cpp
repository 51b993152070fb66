//===--- Review.cpp - What was found and done, checked -------------------===//

#include "report/Review.h"

#include "planner/OptionalBuild.h"

#include "core/LineDiff.h"
#include "core/TextEdits.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

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

namespace {

Evidence at(const SourceSpan &S, std::string Note = "") {
  return {S.File, S.Line, std::move(Note)};
}

Evidence at(const ManualItem &M) { return {M.File, M.Line, M.What + ": " + M.Why}; }

unsigned lineCount(llvm::StringRef Text) {
  return Text.empty() ? 0 : Text.count('\n') + (Text.ends_with("\n") ? 0 : 1);
}

/// 1-based line of \p Offset in \p Text.
unsigned lineAt(llvm::StringRef Text, size_t Offset) {
  return Text.take_front(Offset).count('\n') + 1;
}

/// Where a failed TU's entry (`tu.cpp: file:line:col: error: ...`) puts
/// its first error; the TU's first line when it names none.
Evidence firstErrorOf(const std::string &Entry) {
  static const llvm::Regex At("^[^:]+: ([^:]+):([0-9]+):[0-9]+: ");
  llvm::SmallVector<llvm::StringRef, 3> Groups;
  unsigned Line = 0;
  if (At.match(Entry, &Groups) && !Groups[2].getAsInteger(10, Line))
    return {Groups[1].str(), Line, Entry};
  return {Entry.substr(0, Entry.find(':')), 1, Entry};
}

/// `1 finding`, `2 findings`.
std::string plural(size_t N, llvm::StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}

/// The value of an ordinary or raw string literal token's spelling
/// (`"a\\n"`, `R"x(a)x"`); simple escapes only, as metric names and help
/// strings use.
std::string literalValue(llvm::StringRef Spelling) {
  if (Spelling.consume_front("R\"")) {
    size_t Open = Spelling.find('(');
    if (Open == llvm::StringRef::npos)
      return "";
    llvm::StringRef Delimiter = Spelling.take_front(Open);
    Spelling = Spelling.drop_front(Open + 1);
    Spelling.consume_back("\"");
    Spelling.consume_back(Delimiter);
    Spelling.consume_back(")");
    return Spelling.str();
  }
  if (!Spelling.consume_front("\"") || !Spelling.consume_back("\""))
    return "";
  std::string Out;
  for (size_t I = 0; I < Spelling.size(); ++I) {
    if (Spelling[I] != '\\' || I + 1 == Spelling.size()) {
      Out += Spelling[I];
      continue;
    }
    switch (char C = Spelling[++I]) {
    case 'n': Out += '\n'; break;
    case 't': Out += '\t'; break;
    default: Out += C; break;
    }
  }
  return Out;
}

/// One `.Method("literal" ..)` of a text: where its `.` is, and the value
/// of its string literals, adjacent ones joined as the compiler joins them.
struct MethodCall {
  size_t At;
  std::string Value;
};

/// Every `.Method(<string literals>)` of \p Text, in order. Read with the
/// raw lexer, so comments and raw strings cannot mislead it, and however a
/// house style spaces it (`.Name ("x")`).
std::vector<MethodCall> methodCalls(llvm::StringRef Text, llvm::StringRef Method) {
  clang::LangOptions LangOpts;
  LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus17 = true;
  LangOpts.RawStringLiterals = true;
  std::string Buffer = Text.str(); // The lexer wants a terminating NUL.
  clang::Lexer Lex(clang::SourceLocation(), LangOpts, Buffer.data(), Buffer.data(),
                   Buffer.data() + Buffer.size());
  auto Spelling = [&](const clang::Token &Tok) {
    const char *End = Lex.getBufferLocation();
    return llvm::StringRef(End - Tok.getLength(), Tok.getLength());
  };
  clang::Token Tok;
  // The state: 0 looking for `.`, 1 for the method's name, 2 for `(`, 3 in
  // its literals.
  int State = 0;
  size_t Dot = 0;
  std::vector<MethodCall> Out;
  std::optional<std::string> Value;
  for (Lex.LexFromRawLexer(Tok); Tok.isNot(clang::tok::eof); Lex.LexFromRawLexer(Tok)) {
    llvm::StringRef Spelled = Spelling(Tok);
    if (State == 3) {
      if (Tok.is(clang::tok::string_literal)) {
        Value = Value.value_or("") + literalValue(Spelled);
        continue;
      }
      if (Value && Tok.is(clang::tok::r_paren))
        Out.push_back({Dot, *Value});
      Value.reset();
      State = 0;
    }
    if (Tok.is(clang::tok::period)) {
      State = 1;
      Dot = Spelled.data() - Buffer.data();
    } else if (State == 1 && Tok.is(clang::tok::raw_identifier) && Spelled == Method) {
      State = 2;
    } else if (State == 2 && Tok.is(clang::tok::l_paren)) {
      State = 3;
    } else {
      State = 0;
    }
  }
  return Out;
}

/// The value of `.Method(<string literals>)` in a builder chain; "" when
/// there is none.
std::string chainString(llvm::StringRef Chain, llvm::StringRef Method) {
  std::vector<MethodCall> Calls = methodCalls(Chain, Method);
  return Calls.empty() ? "" : Calls.front().Value;
}

/// The argument text of `.Labels(..)` in a builder chain, "" when none.
std::string chainLabels(llvm::StringRef Chain) {
  size_t At = Chain.find(".Labels(");
  if (At == llvm::StringRef::npos)
    return "";
  llvm::StringRef Rest = Chain.drop_front(At + 8);
  int Depth = 1;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] == '(')
      ++Depth;
    else if (Rest[I] == ')' && --Depth == 0)
      return Rest.take_front(I).str();
  }
  return "";
}

/// True when an edit of \p Edits covers the whole of \p S.
bool covered(const EditSet &Edits, const SourceSpan &S) {
  auto It = Edits.Files.find(S.File);
  if (It == Edits.Files.end())
    return false;
  return llvm::any_of(It->second.Edits, [&](const Edit &E) {
    return E.Length > 0 && E.Offset <= S.Offset && S.Offset + S.Length <= E.Offset + E.Length;
  });
}

/// The parameters of a wrapper used as a label value: `{"key", p}`.
std::set<std::string> labelParams(const BodyTemplate &Template) {
  std::set<std::string> Out;
  const std::vector<TemplatePiece> &Pieces = Template.pieces();
  for (size_t I = 1; I < Pieces.size(); ++I) {
    if (Pieces[I].K != TemplatePiece::Kind::Param || Pieces[I - 1].isHole())
      continue;
    llvm::StringRef Before = llvm::StringRef(Pieces[I - 1].Value).rtrim();
    // `{"key", ` just before the hole.
    if (!Before.consume_back(","))
      continue;
    Before = Before.rtrim();
    if (!Before.consume_back("\""))
      continue;
    size_t Quote = Before.rfind('"');
    if (Quote == llvm::StringRef::npos || !Before.take_front(Quote).rtrim().ends_with("{"))
      continue;
    Out.insert(Pieces[I].Value);
  }
  return Out;
}

/// A value from a closed set: a literal, a constant, an enumerator, or a
/// choice between such.
bool isBounded(llvm::StringRef Arg) {
  Arg = Arg.trim();
  if (Arg.starts_with("\"") && Arg.ends_with("\"") && Arg.count('"') == 2)
    return true;
  if (Arg.contains('?')) {
    auto [Cond, Choices] = Arg.split('?');
    auto [A, B] = Choices.split(':');
    return isBounded(A) && isBounded(B);
  }
  // kConstant, UPPER_CASE, Enum::kValue
  llvm::StringRef Last = Arg.rsplit("::").second.empty() ? Arg : Arg.rsplit("::").second;
  if (Last.size() > 1 && Last[0] == 'k' && llvm::isUpper(Last[1]))
    return true;
  return !Last.empty() && llvm::all_of(Last, [](char C) {
    return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
  });
}

class Builder {
public:
  explicit Builder(const ReviewInput &In) : In(In), C(In.C), F(In.F), P(In.P) {
    for (const Metric &M : C.Metrics)
      Metrics[M.Name] = &M;
    for (const Wrapper &W : C.Wrappers)
      Wrappers[W.Signature] = &W;
    for (const MaterializedFile &MF : In.Files)
      Changed[MF.File] = &MF;
  }

  Review build() {
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

private:
  /// A file's text after the migration.
  std::string after(const std::string &File) {
    auto It = Changed.find(File);
    return It != Changed.end() ? It->second->After : In.Read(File);
  }
  std::string before(const std::string &File) {
    auto It = Changed.find(File);
    return It != Changed.end() && !It->second->Created ? It->second->Before : In.Read(File);
  }

  std::vector<const CallSite *> sitesOf(const std::string &Metric) {
    std::vector<const CallSite *> Out;
    for (const CallSite &CS : C.CallSites) {
      auto W = Wrappers.find(CS.Signature);
      if (W != Wrappers.end() && llvm::is_contained(W->second->Metrics, Metric))
        Out.push_back(&CS);
    }
    return Out;
  }

  void moved() {
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

  void collisions() {
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

  void stayingMetrics() {
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

  void injection() {
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

  void tests() {
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

  void manual() {
    for (const ManualItem &M : In.R.Manual)
      Out.Manual.push_back(at(M));
  }

  Check &check(std::string Id, std::string Title, bool Blocker = false) {
    Out.Checks.push_back({std::move(Id), std::move(Title), false, Blocker, "", {}});
    return Out.Checks.back();
  }

  void fire(Check &K, Evidence E) {
    K.Fired = true;
    K.Where.push_back(std::move(E));
  }

  void checks() {
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

    Check &Clock = check("wall-clock-duration", "Durations measured with system_clock");
    for (const WallClockRead &W : F.WallClockReads)
      fire(Clock, at(W.Loc, "system_clock::now() in " + W.EnclosingFunction +
                                ", which records a metric; use steady_clock for durations"));
    Clock.Summary = Clock.Fired ? plural(Clock.Where.size(), "system_clock read") +
                                      " in recording functions"
                                : "no system_clock read in a function that records";

    Check &Early = check("record-before-failure",
                         "A metric recorded before an operation that can fail");
    for (const RecordBeforeFailure &R : F.RecordsBeforeFailure)
      fire(Early, at(R.Record, "recorded in " + R.EnclosingFunction + " before `" + R.What +
                                   "` at line " + std::to_string(R.Failure.Line) +
                                   ", which can fail after it"));
    Early.Summary = Early.Fired ? plural(Early.Where.size(), "recording") +
                                      " before a failure point"
                                : "no recording precedes a failure point in its block";

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

    // The service in one configuration only: what moves would need
    // prometheus-cpp in every one. Its header is where the dependency is
    // taken; a place handing the service on to an optional component under
    // a condition is no sign of it. Under one condition the plan writes
    // what moves under it too (Plan::Optional): the reviewer checks the
    // other configuration; under several, nothing can move.
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

    Check &Parse = check("failed-tus", "Translation units that failed to parse", true);
    for (const std::string &TU : In.FailedTUs)
      fire(Parse, firstErrorOf(TU));
    Parse.Summary = Parse.Fired ? std::to_string(In.FailedTUs.size()) +
                                      " TUs failed; facts from them are missing"
                                : "every translation unit parsed";
  }

  Check &invariant(std::string Id, std::string Title) {
    Out.Invariants.push_back({std::move(Id), std::move(Title), false, true, "", {}});
    return Out.Invariants.back();
  }

  void invariants() {
    Check &Unique = invariant("unique-names", "Each metric name is unique");
    // A child taken from a family field is that family's metric, not a
    // second one of its name.
    // Children taken by one chain (a family held in a local, or built
    // again the same way) are series of one family: prometheus-cpp hands
    // the chain the family it registered first.
    // A field whose name could not be read is no metric: its wrappers are
    // listed with the reason.
    std::map<std::string, std::set<std::string>> Holders;
    for (const Metric &M : C.Metrics)
      if (!M.Name.empty())
        Holders[M.Name].insert(M.Field);
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

    // Every metric defined once after the migration, across the tree.
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

  void summary() {
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

  void verified() {
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

  void risk(std::string Severity, std::string Text, std::string Section,
            std::vector<Evidence> E) {
    Out.Risks.push_back({std::move(Severity), std::move(Text), std::move(Section), std::move(E)});
  }

  void risks() {
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

  const ReviewInput &In;
  const Catalog &C;
  const Facts &F;
  const Plan &P;
  std::map<std::string, const Metric *> Metrics;
  std::map<std::string, const Wrapper *> Wrappers;
  std::map<std::string, const MaterializedFile *> Changed;
  Review Out;
};

} // namespace

Review buildReview(const ReviewInput &In) { return Builder(In).build(); }

} // namespace mm
