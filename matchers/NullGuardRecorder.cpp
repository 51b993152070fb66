//===--- NullGuardRecorder.cpp - Null checks of an injected pointer ------===//
//
// Takes a TU's AST and the interface set; hands on, in TUFacts::Scan, each
// null check of a pointer holding the service: `if (p) ...;` and
// `if (p && ready)` without an else, an early `if (!p) return;`, and a call
// of a null-guard helper (`withMetrics(p, [&](M& m) { m.X(); })`), with
// whether what it guards only records through that pointer and the spans
// the rewriters replace.
//
//===----------------------------------------------------------------------===//

#include "matchers/InjectionUses.h"

#include "matchers/FunctionTypeRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace mm {
namespace injection {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral IfId = "if";


/// The variable, parameter or field \p E names; with \p ThroughDeref, also
/// the one behind `*p`, `p->` (raw or smart pointer).
const ValueDecl *referencedDecl(const Expr *E, bool ThroughDeref) {
  if (!E)
    return nullptr;
  E = spelled(E);
  if (ThroughDeref) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() == 1)
      return referencedDecl(Op->getArg(0), false);
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
      return referencedDecl(U->getSubExpr(), false);
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

bool isNull(ASTContext &Ctx, const Expr *E) {
  return E->IgnoreParenImpCasts()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// The pointer \p Cond compares with null by \p Kind (`p != nullptr`,
/// `nullptr == p`...), or null.
const ValueDecl *comparedWithNull(ASTContext &Ctx, const Expr *Cond, BinaryOperatorKind Kind) {
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  OverloadedOperatorKind Overloaded = Kind == BO_NE ? OO_ExclaimEqual : OO_EqualEqual;
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond); Op && Op->getOpcode() == Kind) {
    LHS = Op->getLHS();
    RHS = Op->getRHS();
  } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Cond);
             Call && Call->getOperator() == Overloaded && Call->getNumArgs() == 2) {
    LHS = Call->getArg(0);
    RHS = Call->getArg(1);
  } else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond);
             Rewritten && Rewritten->getOpcode() == Kind) {
    LHS = Rewritten->getLHS();
    RHS = Rewritten->getRHS();
  } else {
    return nullptr;
  }
  if (isNull(Ctx, RHS) && !isNull(Ctx, LHS))
    return referencedDecl(LHS, false);
  if (isNull(Ctx, LHS) && !isNull(Ctx, RHS))
    return referencedDecl(RHS, false);
  return nullptr;
}

/// The pointer \p Cond requires to be set: `p`, `p != nullptr`.
const ValueDecl *testedPointer(ASTContext &Ctx, const Expr *Cond) {
  Cond = spelled(Cond);
  if (const ValueDecl *D = comparedWithNull(Ctx, Cond, BO_NE))
    return D;
  if (isa<BinaryOperator, CXXOperatorCallExpr, CXXRewrittenBinaryOperator>(Cond))
    return nullptr;
  return referencedDecl(Cond, false);
}

bool sameDecl(const Decl *A, const Decl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

/// For `p != nullptr && a && b`: the pointer tested first, and the test
/// (`p != nullptr`, as written, parentheses included) and the other
/// conjuncts, the part that stays.
struct LeadingTest {
  const ValueDecl *Pointer = nullptr;
  const Expr *Test = nullptr;
  const Expr *Rest = nullptr; ///< The conjunct just after it.
  const Expr *Whole = nullptr;
};
LeadingTest leadingPointerTest(ASTContext &Ctx, const Expr *Cond) {
  const auto *And = dyn_cast<BinaryOperator>(spelled(Cond));
  if (!And || And->getOpcode() != BO_LAnd)
    return {};
  const BinaryOperator *Inner = And;
  while (const auto *L = dyn_cast<BinaryOperator>(spelled(Inner->getLHS())))
    if (L->getOpcode() == BO_LAnd)
      Inner = L;
    else
      break;
  const ValueDecl *P = testedPointer(Ctx, Inner->getLHS());
  return P ? LeadingTest{P, Inner->getLHS(), Inner->getRHS(), And} : LeadingTest{};
}

/// How many times \p E names \p D.
unsigned timesNamed(const Expr *E, const ValueDecl *D) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *D = nullptr;
    unsigned Times = 0;
    bool VisitDeclRefExpr(DeclRefExpr *R) {
      Times += sameDecl(R->getDecl(), D);
      return true;
    }
    bool VisitMemberExpr(MemberExpr *M) {
      Times += sameDecl(M->getMemberDecl(), D);
      return true;
    }
  } F;
  F.D = D;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Times;
}

/// The pointer \p Cond requires to be null: `!p`, `p == nullptr`.
const ValueDecl *nullTestedPointer(ASTContext &Ctx, const Expr *Cond) {
  Cond = spelled(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot)
    return referencedDecl(Not->getSubExpr(), false);
  return comparedWithNull(Ctx, Cond, BO_EQ);
}

//===-- Null-guard helpers ------------------------------------------------===//

/// Whether \p Call calls a function of namespace std named \p Name, resolved
/// or, in a template, still to be.
bool callsStd(const CallExpr *Call, llvm::StringRef Name) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return FD->isInStdNamespace() && FD->getIdentifier() && FD->getName() == Name;
  const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(Call->getCallee()->IgnoreParenImpCasts());
  return Lookup && Lookup->getName().getAsString() == Name &&
         llvm::all_of(Lookup->decls(), [](const NamedDecl *D) { return D->isInStdNamespace(); });
}

/// `*p` for \p P (a built-in or an overloaded dereference): what names P
/// only through a dereference.
bool isDerefOf(const Expr *E, const ParmVarDecl *P) {
  return sameDecl(referencedDecl(E, true), P) && !referencedDecl(E, false);
}

/// Whether \p S is a call of the functor \p F with `*P` alone: `f(*p)`,
/// `std::forward<F>(f)(*p)`, `std::invoke(f, *p)`.
bool callsWithDeref(const Stmt *S, const ParmVarDecl *F, const ParmVarDecl *P) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParens()) : nullptr;
  if (!Call)
    return false;
  const Expr *Functor = nullptr;
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_Call || Args.empty())
      return false;
    Functor = Args.front();
    Args = Args.drop_front();
  } else if (callsStd(Call, "invoke")) {
    if (Args.empty())
      return false;
    Functor = Args.front();
    Args = Args.drop_front();
  } else {
    Functor = Call->getCallee();
  }
  Functor = Functor->IgnoreParenImpCasts();
  if (const auto *Forward = dyn_cast<CallExpr>(Functor);
      Forward && Forward->getNumArgs() == 1 &&
      (callsStd(Forward, "forward") || callsStd(Forward, "move")))
    Functor = Forward->getArg(0);
  return sameDecl(referencedDecl(Functor, false), F) && Args.size() == 1 &&
         isDerefOf(Args.front(), P);
}

/// Whether \p FD (its definition) calls a functor parameter with `*p` when,
/// and only when, its pointer parameter `p` is set, and does nothing else:
/// `if (p) f(*p);` (braces and `!= nullptr` alike) or `if (!p) return;
/// f(*p);`. Sets the two parameters' positions.
bool isNullGuardHelper(ASTContext &Ctx, const FunctionDecl *FD, unsigned &PtrIndex,
                       unsigned &FnIndex) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getReturnType()->isVoidType())
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body)
    return false;
  llvm::SmallVector<const Stmt *, 4> Stmts;
  for (const Stmt *S : Body->body())
    if (!isa<NullStmt>(S))
      Stmts.push_back(S);
  auto Only = [](const Stmt *S) -> const Stmt * {
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return Block->size() == 1 ? Block->body_front() : nullptr;
    return S;
  };
  const auto *If = Stmts.empty() ? nullptr : dyn_cast<IfStmt>(Stmts.front());
  if (!If || If->getInit() || If->getConditionVariable() || If->getElse() ||
      If->isConstexpr() || If->isConsteval())
    return false;
  const ValueDecl *Tested = nullptr;
  const Stmt *Call = nullptr;
  if (Stmts.size() == 1) {
    Tested = testedPointer(Ctx, If->getCond());
    Call = Only(If->getThen());
  } else if (Stmts.size() == 2) {
    const auto *Ret = dyn_cast_or_null<ReturnStmt>(Only(If->getThen()));
    if (!Ret || Ret->getRetValue())
      return false;
    Tested = nullTestedPointer(Ctx, If->getCond());
    Call = Stmts[1];
  }
  const auto *P = dyn_cast_or_null<ParmVarDecl>(Tested);
  if (!P || !Call)
    return false;
  for (const ParmVarDecl *F : Def->parameters())
    if (F != P && callsWithDeref(Call, F, P)) {
      PtrIndex = P->getFunctionScopeIndex();
      FnIndex = F->getFunctionScopeIndex();
      return true;
    }
  return false;
}

/// The lambda \p E passes, through the temporaries, casts and conversion
/// (to a std::function) around it; null for anything else.
const LambdaExpr *lambdaArgument(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return Lambda;
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1)
      E = Construct->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

/// The call operator \p Lambda runs: for a generic lambda, the
/// instantiation a helper made of it (the only one); null when none.
const CXXMethodDecl *callOperatorRun(const LambdaExpr *Lambda) {
  const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator();
  if (!Generic)
    return Lambda->getCallOperator();
  const CXXMethodDecl *Run = nullptr;
  for (const FunctionDecl *S : Generic->specializations()) {
    if (Run || !S->hasBody())
      return nullptr;
    Run = dyn_cast<CXXMethodDecl>(S);
  }
  return Run;
}

class NullGuards final : public NullGuardRecorder {
public:
  NullGuards(const InterfaceSet &Set, const Locator &Loc) : Set(Set), Loc(Loc) {}

  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    Finder.addMatcher(
        ifStmt(unless(isExpansionInSystemHeader()), unless(hasElse(stmt()))).bind(IfId), this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *If = R.Nodes.getNodeAs<IfStmt>(IfId))
      onIf(*R.Context, If);
  }

  void finish(TUFacts &Out) override {
    llvm::sort(Guards, [](const NullGuard &A, const NullGuard &B) { return A.If < B.If; });
    llvm::append_range(Out.Scan.NullGuards, Guards);
  }

  /// `withMetrics(metrics_, [&](M& m) { m.X(); });`: a statement calling a
  /// null-guard helper (isNullGuardHelper) with an injected pointer and a
  /// lambda. It is a null check whose guarded part is the lambda's body:
  /// recorded as a NullGuard, with the helper's name. A lambda that
  /// initializes a capture of its own names it in that body: not one.
  bool recordHelperCall(ASTContext &Ctx, const CallExpr *C, const FunctionDecl *FD) override {
    unsigned PtrIndex = 0, FnIndex = 0;
    if (isa<CXXMemberCallExpr>(C) || !isNullGuardHelper(Ctx, FD, PtrIndex, FnIndex) ||
        std::max(PtrIndex, FnIndex) >= C->getNumArgs())
      return false;
    const ValueDecl *Ptr = referencedDecl(C->getArg(PtrIndex), false);
    const LambdaExpr *Lambda = lambdaArgument(C->getArg(FnIndex));
    if (!Ptr || !isa<FieldDecl, ParmVarDecl>(Ptr) || !Lambda || !Lambda->getBody())
      return false;
    auto Iface = interfaceOf(Ptr->getType(), Set);
    if (!Iface || (Iface->second != Holder::Pointer && Iface->second != Holder::SharedPtr) ||
        heldByTheService(Ptr))
      return false;
    if (llvm::any_of(Lambda->captures(),
                     [&](const LambdaCapture &Cap) { return Lambda->isInitCapture(&Cap); }))
      return false;
    const CXXMethodDecl *Run = callOperatorRun(Lambda);
    if (!Run || Run->getNumParams() != 1 || !Run->getBody())
      return false;
    DynTypedNodeList Parents = Ctx.getParents(*C);
    while (!Parents.empty() && Parents[0].get<ExprWithCleanups>())
      Parents = Ctx.getParents(Parents[0]);
    if (Parents.empty() || !Parents[0].get<CompoundStmt>())
      return false;
    CharSourceRange Whole = statementRange(Loc, C);
    if (Whole.isInvalid())
      return false;
    NullGuard G;
    G.If = spanBetween(Loc, Whole.getBegin(), Whole.getEnd());
    if (!G.If.valid())
      return false;
    if (!SeenGuards.insert(keyOf(G.If)).second)
      return true;
    G.Field = Ptr->getNameAsString();
    G.Owner = ownerOf(Ptr);
    G.Helper = functionName(FD);
    G.InBlock = true;
    G.Body = bodySpan(Lambda->getBody());
    G.OnlyRecords = G.Body.valid() && onlyRecords(Ctx, Run->getBody(), Run->getParamDecl(0));
    Guards.push_back(std::move(G));
    return true;
  }

private:
  void onIf(ASTContext &Ctx, const IfStmt *If) {
    if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConsteval() ||
        !If->getCond() || !Loc.inProject(If->getBeginLoc()))
      return;
    const ValueDecl *Ptr = testedPointer(Ctx, If->getCond());
    // `if (p != nullptr && ready)`: the test goes, the rest stays.
    LeadingTest Leading;
    if (!Ptr) {
      Leading = leadingPointerTest(Ctx, If->getCond());
      Ptr = Leading.Pointer;
    }
    // `if (!p) return;`: what follows in the block is the guarded part. A
    // return with a value guards more than recording whatever follows.
    const CompoundStmt *Block = nullptr;
    bool ReturnsValue = false;
    if (!Ptr) {
      const Stmt *Then = If->getThen();
      if (const auto *C = dyn_cast<CompoundStmt>(Then); C && C->size() == 1)
        Then = C->body_front();
      const auto *Ret = dyn_cast<ReturnStmt>(Then);
      DynTypedNodeList Parents = Ctx.getParents(*If);
      Block = Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
      if (!Ret || !Block)
        return;
      ReturnsValue = Ret->getRetValue() != nullptr;
      Ptr = nullTestedPointer(Ctx, If->getCond());
    }
    if (!Ptr || !isa<FieldDecl, ParmVarDecl>(Ptr))
      return;
    auto Iface = interfaceOf(Ptr->getType(), Set);
    if (!Iface || (Iface->second != Holder::Pointer && Iface->second != Holder::SharedPtr))
      return;
    if (heldByTheService(Ptr))
      return;
    // A template's parameter of its own type (`const P &p`) takes no
    // service as written, and a null-guard helper's check is the helper's:
    // its calls are the guards.
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ptr))
      if (const auto *FD = dyn_cast<FunctionDecl>(Param->getDeclContext())) {
        unsigned PtrIndex = 0, FnIndex = 0;
        if (dependentAsWritten(FD, Param->getFunctionScopeIndex()) ||
            isNullGuardHelper(Ctx, FD, PtrIndex, FnIndex))
          return;
      }
    CharSourceRange Whole = statementRange(Loc, If);
    if (Whole.isInvalid())
      return;
    NullGuard G;
    G.If = spanBetween(Loc, Whole.getBegin(), Whole.getEnd());
    if (!G.If.valid() || !SeenGuards.insert(keyOf(G.If)).second)
      return;
    G.Field = Ptr->getNameAsString();
    G.Owner = ownerOf(Ptr);
    DynTypedNodeList IfParents = Ctx.getParents(*If);
    G.UnderLabel = IfParents.size() == 1 &&
                   (IfParents[0].get<CaseStmt>() || IfParents[0].get<DefaultStmt>());
    G.InBlock = G.UnderLabel || (IfParents.size() == 1 && IfParents[0].get<CompoundStmt>());
    if (Block) {
      G.EarlyReturn = true;
      llvm::SmallVector<const Stmt *, 8> After(llvm::find(Block->body(), If) + 1,
                                               Block->body_end());
      G.OnlyRecords = !ReturnsValue && onlyRecords(Ctx, After, Ptr);
    } else {
      G.Body = bodySpan(If->getThen());
      G.OnlyRecords = G.Body.valid() && onlyRecords(Ctx, If->getThen(), Ptr);
    }
    if (Leading.Pointer) {
      G.Conjunct = spanBetween(Loc, Leading.Test->getBeginLoc(), Leading.Rest->getBeginLoc());
      if (!G.Conjunct.valid())
        return;
      // The rest is evaluated whether or not the pointer is set now: it
      // must have no side effect, and not ask the pointer anything.
      G.OnlyRecords = G.OnlyRecords && !Leading.Whole->HasSideEffects(Ctx) &&
                      timesNamed(Leading.Whole, Ptr) == timesNamed(Leading.Test, Ptr);
    }
    recordReceiverParam(Ctx, Leading.Pointer ? Leading.Test : If->getCond(), Ptr, G);
    Guards.push_back(std::move(G));
  }

  /// The parameter of the function around \p Test that the tested pointer
  /// \p Ptr is reached through (`ctx` in `ctx->metrics`), when it holds no
  /// service itself, and how often \p Test names it.
  void recordReceiverParam(ASTContext &Ctx, const Expr *Test, const ValueDecl *Ptr,
                           NullGuard &G) const {
    for (const BoundNodes &N : match(findAll(memberExpr().bind("m")), *Test, Ctx)) {
      const auto *ME = N.getNodeAs<MemberExpr>("m");
      if (!sameDecl(ME->getMemberDecl(), Ptr))
        continue;
      bool Through = false;
      const ParmVarDecl *P = parameterReachedThrough(ME->getBase(), Through);
      const auto *F = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
      if (!F || !P->getIdentifier() || !F->doesThisDeclarationHaveABody() ||
          P->getLocation().isMacroID() || !Loc.inProject(P->getLocation()) ||
          interfaceOf(P->getType(), Set))
        return;
      G.ReceiverParam = Loc.span(SourceRange(P->getLocation(), P->getLocation()));
      G.ReceiverParamUses = timesNamed(Test, P);
      return;
    }
  }

  /// Whether \p Ptr is the service's own (a decorator's inner service): its
  /// checks stay.
  bool heldByTheService(const ValueDecl *Ptr) const {
    const DeclContext *Owner = Ptr->getDeclContext();
    if (const auto *FD = dyn_cast<FunctionDecl>(Owner))
      Owner = FD->getDeclContext();
    const auto *RD = dyn_cast<CXXRecordDecl>(Owner);
    return RD && Set.isOrDerives(RD);
  }

  /// The guarded statement; for a block, its text between the braces with
  /// the surrounding blanks trimmed.
  SourceSpan bodySpan(const Stmt *Then) const {
    const auto *Block = dyn_cast<CompoundStmt>(Then);
    if (!Block) {
      CharSourceRange R = statementRange(Loc, Then);
      return R.isValid() ? spanBetween(Loc, R.getBegin(), R.getEnd()) : SourceSpan();
    }
    SourceLocation L = Block->getLBracLoc();
    SourceLocation R = Block->getRBracLoc();
    if (L.isInvalid() || R.isInvalid() || !L.isFileID() || !R.isFileID())
      return {};
    const SourceManager &SM = Loc.sourceManager();
    auto [FID, Begin] = SM.getDecomposedLoc(L.getLocWithOffset(1));
    auto [EndFID, End] = SM.getDecomposedLoc(R);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
    if (Invalid || FID != EndFID || End < Begin || End > Buffer.size())
      return {};
    while (Begin < End && isWhitespace(Buffer[Begin]))
      ++Begin;
    while (End > Begin && isWhitespace(Buffer[End - 1]))
      --End;
    SourceLocation Start = SM.getComposedLoc(FID, Begin);
    return spanBetween(Loc, Start, Start.getLocWithOffset(End - Begin));
  }

  /// The class holding the field \p Ptr, or the function (the constructor's
  /// class) taking the parameter: an InjectionPoint's Owner.
  static std::string ownerOf(const ValueDecl *Ptr) {
    const DeclContext *DC = Ptr->getDeclContext();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(DC))
      return qualifiedName(Ctor->getParent());
    return qualifiedName(cast<NamedDecl>(Decl::castFromDeclContext(DC)));
  }

  /// True when every statement of \p Then calls a method of an interface
  /// through \p Ptr, or is an `if` or `switch` on a condition without side
  /// effects whose branches only do that: run without the null check, the
  /// same recordings happen under the same conditions.
  bool onlyRecords(ASTContext &Ctx, const Stmt *Then, const ValueDecl *Ptr) const {
    llvm::SmallVector<const Stmt *, 8> Stmts;
    if (const auto *Block = dyn_cast<CompoundStmt>(Then))
      Stmts.append(Block->body_begin(), Block->body_end());
    else
      Stmts.push_back(Then);
    return onlyRecords(Ctx, llvm::ArrayRef(Stmts), Ptr);
  }

  bool onlyRecords(ASTContext &Ctx, llvm::ArrayRef<const Stmt *> Stmts, const ValueDecl *Ptr,
                   bool InSwitch = false) const {
    auto Pure = [&](const Expr *Cond) { return Cond && !Cond->HasSideEffects(Ctx); };
    return llvm::all_of(Stmts, [&](const Stmt *S) {
      if (const auto *If = dyn_cast<IfStmt>(S))
        return !If->getInit() && !If->getConditionVariable() && !If->isConsteval() &&
               Pure(If->getCond()) && onlyRecords(Ctx, If->getThen(), Ptr) &&
               (!If->getElse() || onlyRecords(Ctx, If->getElse(), Ptr));
      if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
        const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch->getBody());
        return Body && !Switch->getInit() && !Switch->getConditionVariable() &&
               Pure(Switch->getCond()) &&
               onlyRecords(Ctx, llvm::ArrayRef(Body->body_begin(), Body->body_end()), Ptr,
                           /*InSwitch=*/true);
      }
      if (const auto *Case = dyn_cast<SwitchCase>(S)) {
        const Stmt *Sub = Case->getSubStmt();
        return InSwitch && onlyRecords(Ctx, llvm::ArrayRef(&Sub, 1), Ptr, /*InSwitch=*/true);
      }
      // `break` ends a case; anywhere else it would leave a loop.
      if (isa<BreakStmt>(S))
        return InSwitch;
      if (isa<NullStmt>(S))
        return true;
      if (const auto *Block = dyn_cast<CompoundStmt>(S))
        return onlyRecords(Ctx, llvm::ArrayRef(Block->body_begin(), Block->body_end()), Ptr,
                           InSwitch);
      const auto *E = dyn_cast<Expr>(S);
      if (!E)
        return false;
      const auto *Call = dyn_cast<CXXMemberCallExpr>(spelled(E));
      // `metrics_->sessions().Increment(n)`: a metric a wrapper hands back,
      // recorded with an amount that changes nothing (`++n` would; a call
      // reading a value, as a wrapper's arguments may, does not count).
      auto Changes = [&](const Expr *A) { return A->HasSideEffects(Ctx, false); };
      while (Call && isMetricMethod(Call->getMethodDecl()) &&
             llvm::none_of(Call->arguments(), Changes))
        Call = dyn_cast<CXXMemberCallExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
      if (!Call)
        return false;
      const CXXMethodDecl *Method = Call->getMethodDecl();
      return Method && Set.isOrDerives(Method->getParent()) &&
             sameDecl(referencedDecl(Call->getImplicitObjectArgument(), true), Ptr);
    });
  }

  /// A method of a prometheus-cpp class (`Counter::Increment`,
  /// `Family<T>::Add`).
  static bool isMetricMethod(const CXXMethodDecl *M) {
    if (!M)
      return false;
    const auto *NS = dyn_cast<NamespaceDecl>(M->getParent()->getEnclosingNamespaceContext());
    return NS && NS->getIdentifier() && NS->getName() == "prometheus";
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<NullGuard> Guards;
  /// Checks already recorded: an instantiation repeats its pattern's.
  std::set<SpanKey> SeenGuards;
};

} // namespace

std::unique_ptr<NullGuardRecorder> nullGuardRecorder(const InterfaceSet &Set,
                                                     const Locator &Loc) {
  return std::make_unique<NullGuards>(Set, Loc);
}

} // namespace injection
} // namespace mm
