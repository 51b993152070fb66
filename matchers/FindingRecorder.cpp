//===--- FindingRecorder.cpp - What the adversarial checks need -----------===//
//
// Takes a TU's AST and its InterfaceSet; hands on, in TUFacts::Scan, the
// Registrations (builder chains, read with readBuilderChain), WallClockReads
// and RecordsBeforeFailure of the TU's project files, deduplicated and
// sorted by location.
//
//===----------------------------------------------------------------------===//

#include "matchers/FindingRecorder.h"

#include "matchers/BuilderChain.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <map>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral NameCallId = "nameCall";
constexpr llvm::StringLiteral NowCallId = "nowCall";
constexpr llvm::StringLiteral BlockId = "block";

constexpr llvm::StringLiteral BuilderClass = "::prometheus::detail::Builder";
constexpr llvm::StringLiteral SystemClockNow = "::std::chrono::system_clock::now";

constexpr llvm::StringLiteral MetricClasses[] = {"Counter", "Gauge", "Histogram",
                                                 "Summary"};
constexpr llvm::StringLiteral RecordingMethods[] = {
    "Increment", "Decrement", "Set", "SetToCurrentTime", "Observe", "ObserveMultiple"};

/// `prometheus::Counter` and friends: the metric a recording changes.
bool isMetricClass(const CXXRecordDecl *RD) {
  return RD && RD->getIdentifier() && llvm::is_contained(MetricClasses, RD->getName()) &&
         namespaceOf(RD) == "prometheus";
}

/// The kind a `prometheus::detail::Builder<T>` builds.
std::optional<MetricKind> builderKind(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  const CXXRecordDecl *Of = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  if (!isMetricClass(Of))
    return std::nullopt;
  llvm::StringRef Name = Of->getName();
  if (Name == "Counter")
    return MetricKind::Counter;
  if (Name == "Gauge")
    return MetricKind::Gauge;
  if (Name == "Histogram")
    return MetricKind::Histogram;
  return MetricKind::Summary;
}

bool isBuilderMethod(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *M = Call->getMethodDecl();
  return M && builderKind(M->getParent()) && namespaceOf(M->getParent()) == "prometheus::detail";
}

/// Calls \p F on every call in \p S; lambda bodies only when \p IntoLambdas.
template <typename Fn>
void forEachCall(const Stmt *S, bool IntoLambdas, const Fn &F) {
  if (!S)
    return;
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : L->capture_inits())
      forEachCall(Init, IntoLambdas, F);
    if (IntoLambdas)
      forEachCall(L->getBody(), IntoLambdas, F);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S))
    F(Call);
  for (const Stmt *Child : S->children())
    forEachCall(Child, IntoLambdas, F);
}

/// Strips what wraps an expression statement or a condition.
const Expr *bare(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const VarDecl *varOf(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(bare(E));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// Appends `.Name(..)` builder calls as Registrations.
class RegistrationCallback : public MatchFinder::MatchCallback {
public:
  RegistrationCallback(const Locator &Loc, std::vector<Registration> &Out)
      : Loc(Loc), Out(Out) {}

  void run(const MatchFinder::MatchResult &R) override {
    const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>(NameCallId);
    const auto *ME = Call ? dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens()) : nullptr;
    if (!ME || Call->getNumArgs() != 1 || !Loc.inProject(ME->getMemberLoc()))
      return;
    auto Kind = builderKind(Call->getMethodDecl()->getParent());
    if (!Kind)
      return;
    Registration Reg;
    Reg.Kind = *Kind;
    Reg.Name = stringLiteralOf(Call->getArg(0)).value_or("");
    if (auto Chain = readBuilderChain(outermost(*R.Context, Call), Loc)) {
      Reg.Help = Chain->Help;
      for (const auto &[Key, Value] : Chain->ConstLabels)
        Reg.LabelNames.push_back(Key);
      std::sort(Reg.LabelNames.begin(), Reg.LabelNames.end());
    }
    Reg.Loc = Loc.span(SourceRange(ME->getOperatorLoc(), Call->getRParenLoc()));
    const FunctionDecl *Encl = enclosingFunction(*R.Context, Call);
    Reg.EnclosingFunction = Encl ? qualifiedName(Encl) : "";
    Out.push_back(std::move(Reg));
  }

private:
  /// The last builder call of the chain \p Call is part of (its
  /// `.Register(..)` when it has one).
  static const CXXMemberCallExpr *outermost(ASTContext &Ctx,
                                            const CXXMemberCallExpr *Call) {
    const CXXMemberCallExpr *Last = Call;
    const Stmt *Cur = Call;
    for (;;) {
      DynTypedNodeList Parents = Ctx.getParents(*Cur);
      if (Parents.size() != 1)
        break;
      if (const auto *ME = Parents[0].get<MemberExpr>()) {
        Cur = ME;
        continue;
      }
      if (const auto *MC = Parents[0].get<CXXMemberCallExpr>()) {
        if (MC->getCallee()->IgnoreParens() != Cur || !isBuilderMethod(MC))
          break;
        Last = MC;
        Cur = MC;
        continue;
      }
      const auto *E = Parents[0].get<Expr>();
      if (!E || !isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                     CXXBindTemporaryExpr>(E))
        break;
      Cur = E;
    }
    return Last;
  }

  const Locator &Loc;
  std::vector<Registration> &Out;
};

/// The clock \p Call names: the alias it is called through
/// (`high_resolution_clock::now()`, `Clock::now()`), else `system_clock`.
std::string clockAsWritten(const CallExpr *Call) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
    if (const NestedNameSpecifier *Qualifier = Ref->getQualifier())
      if (const Type *Named = Qualifier->getAsType())
        if (const auto *Alias = Named->getAs<TypedefType>())
          return Alias->getDecl()->getName().str();
  return "system_clock";
}

/// Appends `system_clock::now()` calls of recording functions.
class WallClockCallback : public MatchFinder::MatchCallback {
public:
  WallClockCallback(const InterfaceSet &Set, const Locator &Loc,
                    std::vector<WallClockRead> &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  void run(const MatchFinder::MatchResult &R) override {
    const auto *Call = R.Nodes.getNodeAs<CallExpr>(NowCallId);
    if (!Call || !Loc.inProject(Call->getBeginLoc()))
      return;
    const FunctionDecl *Encl = enclosingFunction(*R.Context, Call);
    if (!Encl || !records(Encl))
      return;
    WallClockRead Read;
    Read.Loc = Loc.span(Call);
    Read.EnclosingFunction = qualifiedName(Encl);
    Read.Clock = clockAsWritten(Call);
    Out.push_back(std::move(Read));
  }

private:
  /// The body (lambdas included) or a member initializer records.
  bool records(const FunctionDecl *FD) {
    auto [It, New] = Records.try_emplace(FD, false);
    if (!New)
      return It->second;
    bool Found = false;
    auto Check = [&](const CallExpr *C) { Found = Found || isRecording(C, Set); };
    forEachCall(FD->getBody(), /*IntoLambdas=*/true, Check);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        forEachCall(Init->getInit(), /*IntoLambdas=*/true, Check);
    return Records[FD] = Found;
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<WallClockRead> &Out;
  llvm::DenseMap<const FunctionDecl *, bool> Records;
};

/// A point after a recording where the work it counts can still fail.
struct Failure {
  const Stmt *At = nullptr;
  std::string What;
};

/// Appends, for each statement of a block that records, the first failure
/// point after it in the same block.
class FailureCallback : public MatchFinder::MatchCallback {
public:
  FailureCallback(const InterfaceSet &Set, const Locator &Loc,
                  std::vector<RecordBeforeFailure> &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  void run(const MatchFinder::MatchResult &R) override {
    const auto *Block = R.Nodes.getNodeAs<CompoundStmt>(BlockId);
    if (!Block || !Loc.inProject(Block->getLBracLoc()))
      return;
    Ctx = R.Context;
    llvm::ArrayRef<Stmt *> Body(Block->body_begin(), Block->body_end());
    for (size_t I = 0; I < Body.size(); ++I) {
      std::vector<const CallExpr *> Records = recordings(Body[I]);
      if (Records.empty())
        continue;
      std::optional<Failure> F = firstFailure(Body.drop_front(I + 1));
      if (!F)
        continue;
      for (const CallExpr *Call : Records) {
        RecordBeforeFailure Finding;
        Finding.Record = Loc.span(Call);
        Finding.Failure = Loc.span(F->At);
        Finding.What = F->What;
        const FunctionDecl *Encl = enclosingFunction(*Ctx, Call);
        Finding.EnclosingFunction = Encl ? qualifiedName(Encl) : "";
        Out.push_back(std::move(Finding));
      }
    }
  }

private:
  /// The recordings \p S makes when it runs: an expression or declaration
  /// statement (lambda bodies aside), or a null guard around such statements
  /// (`if (metrics_) metrics_->Record(..);`).
  std::vector<const CallExpr *> recordings(const Stmt *S) const {
    std::vector<const CallExpr *> Out;
    if (isa<Expr, DeclStmt>(S)) {
      forEachCall(S, /*IntoLambdas=*/false, [&](const CallExpr *C) {
        if (isRecording(C, Set))
          Out.push_back(C);
      });
      return Out;
    }
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
        !isNullTest(If->getCond()))
      return Out;
    llvm::SmallVector<const Stmt *, 2> Guarded;
    if (const auto *CS = dyn_cast<CompoundStmt>(If->getThen()))
      Guarded.append(CS->body_begin(), CS->body_end());
    else
      Guarded.push_back(If->getThen());
    for (const Stmt *G : Guarded) {
      if (!isa<Expr>(G))
        return {};
      std::vector<const CallExpr *> Inner = recordings(G);
      if (Inner.empty())
        return {};
      Out.insert(Out.end(), Inner.begin(), Inner.end());
    }
    return Out;
  }

  /// `p`, `p != nullptr` or `nullptr != p`, for a pointer or a smart
  /// pointer.
  static bool isNullTest(const Expr *Cond) {
    Cond = bare(Cond);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->getOpcode() != BO_NE)
        return false;
      const Expr *L = bare(BO->getLHS()), *R = bare(BO->getRHS());
      if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(R))
        return isa<DeclRefExpr, MemberExpr>(L);
      return isa<CXXNullPtrLiteralExpr, GNUNullExpr>(L) && isa<DeclRefExpr, MemberExpr>(R);
    }
    if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(Cond);
        Conv && isa_and_nonnull<CXXConversionDecl>(Conv->getMethodDecl()))
      Cond = bare(Conv->getImplicitObjectArgument());
    return isa<DeclRefExpr, MemberExpr>(Cond) &&
           (Cond->getType()->isPointerType() || Cond->getType()->isRecordType());
  }

  /// The first failure point in \p After, a block's statements following a
  /// recording: a `throw` statement, an `if` throwing in a branch, or an
  /// `if` checking the result of a call made after the recording. Scanning
  /// stops at a jump: what follows it does not run.
  std::optional<Failure> firstFailure(llvm::ArrayRef<Stmt *> After) const {
    std::map<const VarDecl *, std::string> Results;
    for (const Stmt *S : After) {
      if (const auto *E = dyn_cast<Expr>(S)) {
        if (const auto *Throw = dyn_cast<CXXThrowExpr>(bare(E)))
          return Failure{Throw, "throw"};
        noteAssignment(E, Results);
        continue;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            noteResult(VD, VD->getInit(), Results);
        continue;
      }
      if (const auto *If = dyn_cast<IfStmt>(S)) {
        if (auto F = failureIn(If, Results))
          return F;
        continue;
      }
      if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt>(S))
        return std::nullopt;
    }
    return std::nullopt;
  }

  /// An `if` (and its `else if`s) checking a call's result or throwing.
  std::optional<Failure>
  failureIn(const IfStmt *If, const std::map<const VarDecl *, std::string> &Results) const {
    if (auto What = failedCall(If->getCond(), Results))
      return Failure{If->getCond(), *What};
    if (const CXXThrowExpr *Throw = throwIn(If->getThen()))
      return Failure{Throw, "throw"};
    if (const auto *ElseIf = dyn_cast_or_null<IfStmt>(If->getElse()))
      return failureIn(ElseIf, Results);
    if (const CXXThrowExpr *Throw = throwIn(If->getElse()))
      return Failure{Throw, "throw"};
    return std::nullopt;
  }

  /// A `throw` statement in \p S, through blocks and `if`s.
  static const CXXThrowExpr *throwIn(const Stmt *S) {
    if (!S)
      return nullptr;
    if (const auto *E = dyn_cast<Expr>(S))
      return dyn_cast<CXXThrowExpr>(bare(E));
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *Child : CS->body())
        if (const CXXThrowExpr *Throw = throwIn(Child))
          return Throw;
      return nullptr;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      if (const CXXThrowExpr *Throw = throwIn(If->getThen()))
        return Throw;
      return throwIn(If->getElse());
    }
    return nullptr;
  }

  /// The function whose failure \p Cond tests: `!f()`, `f() != 0` (any
  /// comparison with a constant), `!ok` for `ok` holding a result, either
  /// side of `||` and `&&`.
  std::optional<std::string>
  failedCall(const Expr *Cond, const std::map<const VarDecl *, std::string> &Results) const {
    Cond = bare(Cond);
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      return UO->getOpcode() == UO_LNot ? resultOf(UO->getSubExpr(), Results)
                                        : std::nullopt;
    const auto *BO = dyn_cast<BinaryOperator>(Cond);
    if (!BO)
      return std::nullopt;
    if (BO->isLogicalOp()) {
      if (auto What = failedCall(BO->getLHS(), Results))
        return What;
      return failedCall(BO->getRHS(), Results);
    }
    if (!BO->isComparisonOp())
      return std::nullopt;
    if (isConstant(BO->getRHS()))
      return resultOf(BO->getLHS(), Results);
    if (isConstant(BO->getLHS()))
      return resultOf(BO->getRHS(), Results);
    return std::nullopt;
  }

  bool isConstant(const Expr *E) const {
    E = bare(E);
    return !E->isValueDependent() && !E->isTypeDependent() && E->isEvaluatable(*Ctx);
  }

  /// The function \p E is the result of: a call, or a variable holding one
  /// (`ok`, `status.ok()`, an `explicit operator bool` on either).
  std::optional<std::string>
  resultOf(const Expr *E, const std::map<const VarDecl *, std::string> &Results) const {
    E = bare(E);
    if (const VarDecl *VD = varOf(E)) {
      auto It = Results.find(VD);
      return It == Results.end() ? std::nullopt : std::optional(It->second);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (const VarDecl *VD = varOf(MC->getImplicitObjectArgument()))
        if (auto It = Results.find(VD); It != Results.end())
          return It->second;
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        return resultOf(MC->getImplicitObjectArgument(), Results);
    }
    return calleeName(E);
  }

  /// The name of the function \p E calls; none for operators, recordings,
  /// const member functions (queries: `count`, `empty`, `Find`) and calls
  /// through pointers.
  std::optional<std::string> calleeName(const Expr *E) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(bare(E));
    if (!Call || isa<CXXOperatorCallExpr>(Call) || isRecording(Call, Set))
      return std::nullopt;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
        MC && MC->getMethodDecl() && MC->getMethodDecl()->isConst())
      return std::nullopt;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return std::nullopt;
    return FD->getNameAsString();
  }

  /// `ok = f(..);`: \p E assigns a variable the result of a call (or
  /// something else, which forgets the earlier one).
  void noteAssignment(const Expr *E, std::map<const VarDecl *, std::string> &Results) const {
    E = bare(E);
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Assign) {
      if (const VarDecl *VD = varOf(BO->getLHS()))
        noteResult(VD, BO->getRHS(), Results);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      if (const VarDecl *VD = varOf(Op->getArg(0)))
        noteResult(VD, Op->getArg(1), Results);
  }

  void noteResult(const VarDecl *VD, const Expr *Init,
                  std::map<const VarDecl *, std::string> &Results) const {
    std::optional<std::string> Callee =
        Init ? calleeName(stripWrappers(Init)) : std::nullopt;
    if (Callee)
      Results[VD] = *Callee;
    else
      Results.erase(VD);
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<RecordBeforeFailure> &Out;
  ASTContext *Ctx = nullptr;
};

template <typename T, typename KeyFn>
void sortUniqueBy(std::vector<T> &V, const KeyFn &Key) {
  std::sort(V.begin(), V.end(), [&](const T &A, const T &B) { return Key(A) < Key(B); });
  V.erase(std::unique(V.begin(), V.end(),
                      [&](const T &A, const T &B) { return Key(A) == Key(B); }),
          V.end());
}

} // namespace

bool isRecording(const CallExpr *Call, const InterfaceSet &Set) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || M->isConst() || M->isStatic())
    return false;
  const CXXRecordDecl *RD = M->getParent();
  if (isMetricClass(RD))
    return llvm::is_contained(RecordingMethods, M->getName());
  return !M->getName().starts_with("gmock_") && Set.isOrDerives(RD);
}

namespace {

/// Registrations, wall-clock reads and recordings before a failure, each by
/// its own callback.
class Findings : public Recorder {
public:
  Findings(const InterfaceSet &Set, const Locator &Loc)
      : OnName(Loc, Registrations), OnNow(Set, Loc, Reads), OnBlock(Set, Loc, Failures) {}

  void registerMatchers(MatchFinder &Finder) override {
    auto InProject = unless(isExpansionInSystemHeader());
    auto NameCall =
        cxxMemberCallExpr(InProject, callee(cxxMethodDecl(
                                         hasName("Name"), ofClass(classTemplateSpecializationDecl(
                                                              hasName(BuilderClass))))))
            .bind(NameCallId);
    auto NowCall =
        callExpr(InProject, callee(functionDecl(hasName(SystemClockNow)))).bind(NowCallId);
    auto Block = compoundStmt(InProject).bind(BlockId);
    Finder.addMatcher(NameCall, &OnName);
    Finder.addMatcher(NowCall, &OnNow);
    Finder.addMatcher(Block, &OnBlock);
  }

  void finish(TUFacts &Out) override {
    sortUniqueBy(Registrations, [](const Registration &R) { return R.Loc; });
    sortUniqueBy(Reads, [](const WallClockRead &R) { return R.Loc; });
    sortUniqueBy(Failures, [](const RecordBeforeFailure &F) {
      return std::make_pair(F.Record, F.Failure);
    });
    llvm::append_range(Out.Scan.Registrations, Registrations);
    llvm::append_range(Out.Scan.WallClockReads, Reads);
    llvm::append_range(Out.Scan.RecordsBeforeFailure, Failures);
  }

private:
  std::vector<Registration> Registrations;
  std::vector<WallClockRead> Reads;
  std::vector<RecordBeforeFailure> Failures;
  RegistrationCallback OnName;
  WallClockCallback OnNow;
  FailureCallback OnBlock;
};

} // namespace

std::unique_ptr<Recorder> findingRecorder(const InterfaceSet &Set, const Locator &Loc) {
  return std::make_unique<Findings>(Set, Loc);
}

void recordFindings(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                    TUFacts &Out) {
  runRecorders(Ctx, {findingRecorder(Set, Loc).get()}, Out);
}

} // namespace mm
