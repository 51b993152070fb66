//===--- WrapperBody.cpp - A wrapper method of the service, read ----------===//
//
// recordMethod: a method's declaration, then its body, walked once by a
// BodyVisitor (BodyVisitor.h) and placed as text with holes, read into a
// Wrapper.
//
//===----------------------------------------------------------------------===//

#include "matchers/WrapperBody.h"

#include "core/TextEdits.h"
#include "matchers/BodyVisitor.h"
#include "matchers/BuilderChain.h"
#include "matchers/CheckedMetricBody.h"
#include "matchers/LocalConstants.h"
#include "matchers/NeededHeaders.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace mm {

using namespace clang;

namespace {

BodyKind classify(const FunctionDecl *F, const CompoundStmt *Body) {
  if (Body->size() == 1) {
    const Stmt *Only = Body->body_front();
    if (isa<Expr>(Only))
      return BodyKind::SingleExpression;
    if (const auto *R = dyn_cast<ReturnStmt>(Only);
        R && R->getRetValue() && !F->getReturnType()->isVoidType())
      return BodyKind::Other;
    return BodyKind::MultiStatement;
  }
  if (Body->size() == 0)
    return BodyKind::Other;
  return BodyKind::MultiStatement;
}

/// The text of a method body between its braces, with the holes a
/// BodyVisitor found in it placed by offset.
class BodyText {
public:
  /// \p Begin: where \p Text begins in its file.
  BodyText(llvm::StringRef Text, SourceLocation Begin, const std::vector<BodyVisitor::Hole> &Found,
           const Locator &Loc)
      : Text(Text), Loc(Loc), BodyOffset(Loc.sourceManager().getFileOffset(Begin)) {
    for (const auto &H : Found)
      if (auto Where = offsets(H.Range))
        Holes.push_back({Where->first, Where->second - Where->first, H.Piece});
    std::stable_sort(Holes.begin(), Holes.end(), [](const PlacedHole &A, const PlacedHole &B) {
      return std::tie(A.Offset, A.Length) < std::tie(B.Offset, B.Length);
    });
  }

  llvm::StringRef text() const { return Text; }

  /// Where the tokens of \p R lie in the body's text; none when they
  /// are not written there (a macro).
  std::optional<std::pair<unsigned, unsigned>> offsets(SourceRange R) const {
    const SourceManager &SM = Loc.sourceManager();
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
      return std::nullopt;
    unsigned B = SM.getFileOffset(R.getBegin());
    unsigned E = SM.getFileOffset(Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, Loc.langOpts()));
    if (B < BodyOffset || E > BodyOffset + Text.size() || E < B)
      return std::nullopt;
    return std::make_pair(B - BodyOffset, E - BodyOffset);
  }

  /// The text between two offsets of the body, with its holes.
  BodyTemplate fill(unsigned From, unsigned To) const {
    BodyTemplate Template;
    unsigned Pos = From;
    for (const PlacedHole &H : Holes) {
      if (H.Offset < Pos || H.Offset + H.Length > To)
        continue; // nested (e.g. a field inside a parameter's range)
      Template.appendText(Text.slice(Pos, H.Offset));
      Template.append(H.Piece);
      Pos = H.Offset + H.Length;
    }
    Template.appendText(Text.slice(Pos, To));
    return Template;
  }

private:
  struct PlacedHole {
    unsigned Offset, Length;
    TemplatePiece Piece;
  };
  llvm::StringRef Text;
  const Locator &Loc;
  unsigned BodyOffset;
  std::vector<PlacedHole> Holes;
};

/// \p Template, without the whitespace at either end.
BodyTemplate trimmed(BodyTemplate Template) {
  Template.trim();
  return Template;
}

/// The arguments written between \p Call's parentheses; none when they are
/// not written in the body itself (a macro).
std::optional<BodyTemplate> writtenArguments(const CallExpr *Call, const BodyText &Text) {
  std::vector<const Expr *> Args;
  for (const Expr *Arg : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Args.push_back(Arg);
  if (Args.empty())
    return BodyTemplate();
  auto At = Text.offsets(SourceRange(Args.front()->getBeginLoc(), Args.back()->getEndLoc()));
  if (!At)
    return std::nullopt;
  return Text.fill(At->first, At->second);
}

/// The one statement a cached child records with, as a template:
/// `family_->Add(..).Increment(..);`, `family_` a field hole. None when a
/// piece is not written in the body itself (a macro).
std::optional<BodyTemplate> cachedTemplate(const CachedChild &Cached, const BodyText &Text) {
  auto Add = Text.offsets(Cached.Add->getSourceRange());
  std::optional<BodyTemplate> Values = writtenArguments(Cached.Record, Text);
  if (!Add || !Values)
    return std::nullopt;
  BodyTemplate Out = Text.fill(Add->first, Add->second);
  Out.appendText("." + Cached.Record->getMethodDecl()->getNameAsString() + "(");
  Out.append(*Values);
  Out.appendText(");");
  return Out;
}

/// What the parts \p Spans of a body record, and what decides whether they
/// do (Wrapper::Recordings, Guards, LabelSwitches, OtherBranches), from what
/// \p V found in the body.
void readRecordings(const BodyVisitor &V, llvm::ArrayRef<std::pair<unsigned, unsigned>> Spans,
                    const BodyText &Text, const Locator &Loc, Wrapper &W) {
  auto Within = [&](SourceRange R) -> std::optional<std::pair<unsigned, unsigned>> {
    auto At = Text.offsets(R);
    if (At && llvm::any_of(Spans, [&](const std::pair<unsigned, unsigned> &S) {
          return S.first <= At->first && At->second <= S.second;
        }))
      return At;
    return std::nullopt;
  };
  auto Piece = [&](const Expr *E) -> std::optional<BodyTemplate> {
    auto At = Text.offsets(E->getSourceRange());
    return At ? std::optional<BodyTemplate>(Text.fill(At->first, At->second)) : std::nullopt;
  };
  std::vector<std::pair<std::pair<unsigned, unsigned>, BodyRecording>> Found;
  for (const BodyVisitor::FoundRecording &R : V.Recordings) {
    auto At = Within(R.Call->getSourceRange());
    if (!At)
      continue;
    BodyRecording Out;
    Out.Metric = R.Field;
    Out.Op = R.Call->getMethodDecl()->getNameAsString();
    std::optional<BodyTemplate> Value = writtenArguments(R.Call, Text);
    std::optional<BodyTemplate> Labels = R.Add ? writtenArguments(R.Add, Text) : std::nullopt;
    if (!Value || (R.Add && !Labels))
      continue;
    Out.Value = std::move(*Value);
    Out.Labels = std::move(Labels);
    Found.push_back({*At, std::move(Out)});
  }
  // In the order written; one inside another's arguments is its value's.
  llvm::stable_sort(Found, [](const auto &A, const auto &B) {
    return std::make_pair(A.first.first, -int64_t(A.first.second)) <
           std::make_pair(B.first.first, -int64_t(B.first.second));
  });
  unsigned End = 0;
  for (auto &[At, R] : Found)
    if (At.first >= End) {
      End = At.second;
      W.Recordings.push_back(std::move(R));
    }
  std::set<const ReturnStmt *> Guarding;
  for (const BodyVisitor::FoundGuard &G : V.Guards) {
    if (!Within(G.If->getSourceRange()))
      continue;
    std::optional<BodyTemplate> Left = Piece(G.Test->getLHS()), Right = Piece(G.Test->getRHS());
    if (!Left || !Right)
      continue;
    W.Guards.push_back({std::move(*Left), G.Test->getOpcodeStr().str(), std::move(*Right)});
    Guarding.insert(G.Return);
  }
  for (const BodyVisitor::FoundSwitch &S : V.Switches) {
    if (!Within(S.Switch->getSourceRange()))
      continue;
    LabelSwitch Out{S.Param->getNameAsString(), S.Variable->getNameAsString(), {}};
    for (const auto &[Label, Literal] : S.Cases)
      Out.Cases.push_back({Loc.text(Label->getSourceRange()), Loc.text(Literal->getSourceRange())});
    W.LabelSwitches.push_back(std::move(Out));
  }
  // A statement whose place is not written in the body counts wherever it is.
  auto Overlaps = [&](const Stmt *S) {
    auto At = Text.offsets(S->getSourceRange());
    return !At || llvm::any_of(Spans, [&](const std::pair<unsigned, unsigned> &Span) {
      return Span.first < At->second && At->first < Span.second;
    });
  };
  W.OtherBranches = llvm::any_of(V.Branches, Overlaps) ||
                    llvm::any_of(V.Returns, [&](const ReturnStmt *R) {
                      return !Guarding.count(R) && Overlaps(R);
                    });
}

/// \p M as declared: its name, signature and parameters, with the default
/// arguments its declaration or the interface's gives.
Wrapper declaredWrapper(const CXXMethodDecl *M, const Locator &Loc) {
  Wrapper W;
  W.Name = M->getNameAsString();
  W.Signature = signatureOf(M);
  W.ReturnType = M->getReturnType().getAsString();
  W.Overrides = M->size_overridden_methods() > 0;
  W.Decl = Loc.span(M->getCanonicalDecl());
  for (const ParmVarDecl *P : M->getCanonicalDecl()->parameters()) {
    Param Q;
    Q.Name = P->getNameAsString();
    Q.Type = typeAsWritten(P, Loc);
    Q.Default = defaultArgument(P, Loc);
    W.Params.push_back(std::move(Q));
  }
  // Default arguments may be written only on the interface's declaration.
  for (const CXXMethodDecl *Base : M->overridden_methods()) {
    for (unsigned I = 0; I < W.Params.size() && I < Base->getNumParams(); ++I) {
      const ParmVarDecl *P = Base->getParamDecl(I);
      if (W.Params[I].Default.empty())
        W.Params[I].Default = defaultArgument(P, Loc);
    }
  }
  return W;
}

/// Wrapper::Template: the whole of \p Body, or what a null check of a
/// metric pointer field guards, or the body without that check where it is
/// one operand of `&&`. Returns the parts of the body the template holds.
std::vector<std::pair<unsigned, unsigned>>
readTemplate(const CompoundStmt &Body, const BodyText &Text,
             const std::map<const FieldDecl *, std::string> &Fields, Wrapper &W) {
  W.BodyText = Text.text().trim().str();
  W.Template = trimmed(Text.fill(0, Text.text().size()));
  std::vector<std::pair<unsigned, unsigned>> Spans = {{0, unsigned(Text.text().size())}};
  std::set<const FieldDecl *> Pointers;
  for (const auto &[Field, Name] : Fields)
    if (Field->getType()->isPointerType())
      Pointers.insert(Field);
  std::vector<const Stmt *> Guarded = checkedMetricBody(Body, Pointers);
  if (!Guarded.empty()) {
    // The statements the null check guarded, to the `;` ending the last.
    if (auto Where = Text.offsets(SourceRange(Guarded.front()->getBeginLoc(),
                                              Guarded.back()->getEndLoc()))) {
      auto [B, E] = *Where;
      size_t Semi = Text.text().find_first_not_of(" \t\r\n", E);
      if (Semi != llvm::StringRef::npos && Text.text()[Semi] == ';')
        E = Semi + 1;
      W.Template = trimmed(Text.fill(B, E));
      Spans = {{B, unsigned(E)}};
      W.Body = Guarded.size() == 1 && isa<Expr>(Guarded.front()) ? BodyKind::SingleExpression
                                                                 : BodyKind::MultiStatement;
    }
  } else if (std::optional<CheckedConjunct> Cut = checkedConjunct(Body, Pointers)) {
    // `if (child_ && ms >= 0.0)` is `if (ms >= 0.0)`: the test and
    // its `&&` go.
    auto Test = Text.offsets(Cut->Test->getSourceRange());
    auto Beside = Text.offsets(Cut->Beside->getSourceRange());
    if (Test && Beside) {
      auto [From, To] = Cut->TestFirst ? std::make_pair(Test->first, Beside->first)
                                       : std::make_pair(Beside->second, Test->second);
      BodyTemplate Both = Text.fill(0, From);
      Both.append(Text.fill(To, Text.text().size()));
      W.Template = trimmed(std::move(Both));
      Spans = {{0, From}, {To, unsigned(Text.text().size())}};
    }
  }
  return Spans;
}

/// A body that is a cached child (CachedChild.h) is read as the one
/// statement it records with: \p W's template, recordings and body kind
/// become that statement's, and its caches are dropped.
void readCachedChild(const CachedChild &Cached, const BodyVisitor &V, const BodyText &Text,
                     const Locator &Loc, Wrapper &W) {
  std::optional<BodyTemplate> One = cachedTemplate(Cached, Text);
  if (!One)
    return;
  W.Template = *One;
  // What it records is the one statement the template is.
  const CXXMemberCallExpr *Add = nullptr;
  std::optional<std::string> Field = V.recordedOn(Cached.Add, Add);
  std::optional<BodyTemplate> Labels = writtenArguments(Cached.Add, Text);
  std::optional<BodyTemplate> Value = writtenArguments(Cached.Record, Text);
  W.Recordings.clear();
  W.Guards.clear();
  W.LabelSwitches.clear();
  W.OtherBranches = false;
  if (Field && Labels && Value)
    W.Recordings.push_back({*Field, std::move(Labels),
                            Cached.Record->getMethodDecl()->getNameAsString(), std::move(*Value)});
  W.Body = BodyKind::SingleExpression;
  W.UsesServiceState = false;
  for (const FieldDecl *Cache : Cached.Caches)
    W.DroppedCaches.push_back({Cache->getNameAsString(), Loc.span(Cache)});
  std::sort(W.DroppedCaches.begin(), W.DroppedCaches.end(),
            [](const CacheField &A, const CacheField &B) { return A.Field < B.Field; });
}

/// The label names and buckets the body's `Add` calls on metric fields
/// show, into \p Metrics (by field).
void readAddCalls(const BodyVisitor &V, const Locator &Loc,
                  std::map<std::string, Metric> &Metrics) {
  for (const auto &[Field, Call] : V.Adds) {
    AddCall A = readAddCall(Call, Loc);
    Metric &Partial = Metrics[Field];
    Partial.LabelNames.insert(Partial.LabelNames.end(), A.LabelNames.begin(),
                              A.LabelNames.end());
    if (Partial.Buckets.empty() && !A.Buckets.empty()) {
      Partial.Buckets = A.Buckets;
      Partial.BucketsText = A.BucketsText;
    }
  }
}

/// Reads one method of the service into a Wrapper: recordMethod.
class MethodReader {
public:
  MethodReader(const std::map<const FieldDecl *, std::string> &Fields,
               const ContainerMap &Containers,
               const std::map<const FunctionDecl *, CachedChild> &Cached, const Locator &Loc,
               TUFacts &Out, std::map<std::string, Metric> &Metrics)
      : Fields(Fields), Containers(Containers), Cached(Cached), Loc(Loc), Out(Out),
        Metrics(Metrics) {}

  std::set<const CXXMethodDecl *> read(const CXXMethodDecl *M) {
    std::set<const CXXMethodDecl *> Called;
    Wrapper W = declaredWrapper(M, Loc);
    const FunctionDecl *Def = nullptr;
    if (M->hasBody(Def) && Def->doesThisDeclarationHaveABody()) {
      const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
      if (Body) {
        // Parameter names of the definition are what the body uses.
        for (unsigned I = 0; I < W.Params.size() && I < Def->getNumParams(); ++I)
          if (!Def->getParamDecl(I)->getName().empty())
            W.Params[I].Name = Def->getParamDecl(I)->getNameAsString();
        W.Definition = Loc.span(Def);
        W.Body = classify(Def, Body);
        SourceLocation Begin = Body->getLBracLoc().getLocWithOffset(1);
        SourceLocation End = Body->getRBracLoc();
        bool Invalid = false;
        llvm::StringRef Text =
            Lexer::getSourceText(CharSourceRange::getCharRange(Begin, End),
                                 Loc.sourceManager(), Loc.langOpts(), &Invalid);
        if (!Invalid)
          Called = readBody(*M, *Def, *Body, Text, Begin, W);
      }
    }
    Out.Partial.Wrappers.push_back(std::move(W));
    return Called;
  }

private:
  /// Reads \p Body, the body of \p Def, whose text between its braces is
  /// \p Text from \p Begin on, into \p W; returns the methods of the
  /// service it calls.
  std::set<const CXXMethodDecl *> readBody(const CXXMethodDecl &M, const FunctionDecl &Def,
                                           const CompoundStmt &Body, llvm::StringRef Text,
                                           SourceLocation Begin, Wrapper &W) {
    BodyVisitor V(&Def, Fields, &Containers);
    V.TraverseStmt(const_cast<CompoundStmt *>(&Body));
    W.Metrics.assign(V.Touched.begin(), V.Touched.end());
    for (const auto &[Field, Ops] : V.Operations)
      W.Operations[Field].assign(Ops.begin(), Ops.end());
    W.UsesServiceState = V.UsesState;
    addConstants(V.Constants, Loc, W.LocalConstants, Out.Partial.TheService.LocalConstants);
    addFunctions(V.Functions, Loc, W.LocalConstants, Out.Partial.TheService.LocalConstants);
    addConstantMembers(V.ConstantMembers, Loc, W.LocalConstants,
                       Out.Partial.TheService.LocalConstants);
    NeededHeaders Needs(Loc, {M.getParent()->getLocation(), Def.getLocation()});
    Needs.add(&Body);
    for (const VarDecl *VD : V.Constants)
      Needs.add(VD->getDefinition() ? VD->getDefinition() : VD);
    for (const FunctionDecl *FD : V.Functions)
      Needs.add(FD);
    for (const FieldDecl *FD : V.ConstantMembers)
      Needs.add(FD);
    BodyText Placed(Text, Begin, V.Holes, Loc);
    std::vector<std::pair<unsigned, unsigned>> Spans = readTemplate(Body, Placed, Fields, W);
    readRecordings(V, Spans, Placed, Loc, W);
    if (auto It = Cached.find(&Def); It != Cached.end())
      readCachedChild(It->second, V, Placed, Loc, W);
    // What moves is the template (a cache look-up or a `std::move`
    // around a parameter left behind) and the constants.
    std::string Spelled = W.Template.withHolesNamed();
    std::vector<llvm::StringRef> Moving = {Spelled};
    for (const auto &[Name, Definition] : W.LocalConstants)
      Moving.push_back(Definition);
    W.Includes = Needs.headersNamedIn(Moving);
    readAddCalls(V, Loc, Metrics);
    return V.Called;
  }

  const std::map<const FieldDecl *, std::string> &Fields;
  const ContainerMap &Containers;
  const std::map<const FunctionDecl *, CachedChild> &Cached;
  const Locator &Loc;
  TUFacts &Out;
  std::map<std::string, Metric> &Metrics;
};

} // namespace

std::set<const CXXMethodDecl *>
recordMethod(const CXXMethodDecl *M, const std::map<const FieldDecl *, std::string> &Fields,
             const ContainerMap &Containers,
             const std::map<const FunctionDecl *, CachedChild> &Cached, const Locator &Loc,
             TUFacts &Out, std::map<std::string, Metric> &Metrics) {
  return MethodReader(Fields, Containers, Cached, Loc, Out, Metrics).read(M);
}

} // namespace mm
