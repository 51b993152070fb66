//===--- InjectionUseRecorder.cpp - What goes when the service goes -------===//
//
// Takes a TU's AST and the interface set; hands on, in TUFacts::Scan, the
// argument sites, member initializers and null guards of injected service
// references (with the exact text ranges to delete), the TU's project files
// and the UPPER_SNAKE_CASE names they declare.
//
//===----------------------------------------------------------------------===//

#include "matchers/InjectionUseRecorder.h"

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
#include <deque>
#include <set>
#include <tuple>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral ConstructId = "construct";
constexpr llvm::StringLiteral CallId = "call";
constexpr llvm::StringLiteral CtorId = "ctor";
constexpr llvm::StringLiteral IfId = "if";
constexpr llvm::StringLiteral NameId = "name";
constexpr llvm::StringLiteral InitListId = "initList";
constexpr llvm::StringLiteral AssignId = "assign";
constexpr llvm::StringLiteral DeleteId = "delete";
constexpr llvm::StringLiteral ResetId = "reset";
constexpr llvm::StringLiteral FunctionCallId = "functionCall";

constexpr llvm::StringLiteral FormParen = "paren";
constexpr llvm::StringLiteral FormBrace = "brace";
constexpr llvm::StringLiteral FormNew = "new";
constexpr llvm::StringLiteral FormCall = "call";

/// How many function bodies the search for make_unique/make_shared's
/// construction may read, per specialization.
constexpr unsigned MakeSearchBudget = 400;

using SpanKey = std::tuple<std::string, unsigned, unsigned>;

SpanKey keyOf(const SourceSpan &S) { return {S.File, S.Offset, S.Length}; }

//===-- Text ranges -------------------------------------------------------===//

/// The file characters of the tokens of \p R; invalid when they are not one
/// contiguous piece of a file.
CharSourceRange fileRange(const Locator &Loc, SourceRange R) {
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                                  Loc.sourceManager(), Loc.langOpts());
}

/// True when the token at \p L is itself written in a file: plain code or a
/// macro argument, not a macro body.
bool writtenInFile(const Locator &Loc, SourceLocation L) {
  const SourceManager &SM = Loc.sourceManager();
  return L.isValid() && (L.isFileID() || SM.getFileLoc(L) == SM.getSpellingLoc(L));
}

/// A raw lexer positioned at the file character location \p At.
std::unique_ptr<Lexer> lexerAt(const Locator &Loc, SourceLocation At) {
  const SourceManager &SM = Loc.sourceManager();
  if (At.isInvalid() || !At.isFileID())
    return nullptr;
  auto [FID, Offset] = SM.getDecomposedLoc(At);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return nullptr;
  return std::make_unique<Lexer>(SM.getLocForStartOfFile(FID), Loc.langOpts(),
                                 Buffer.begin(), Buffer.begin() + Offset, Buffer.end());
}

/// \p End, or the end of the `;` that follows it.
SourceLocation withSemicolon(const Locator &Loc, SourceLocation End) {
  std::unique_ptr<Lexer> Lex = lexerAt(Loc, End);
  if (!Lex)
    return End;
  Token T;
  Lex->LexFromRawLexer(T);
  return T.is(tok::semi) ? T.getEndLoc() : End;
}

/// What to delete to drop element \p I of a comma-separated list whose
/// elements cover \p Ranges: with the comma before it, or, for the first,
/// up to the next element; alone, just the element.
SourceSpan listRemoval(const Locator &Loc, llvm::ArrayRef<CharSourceRange> Ranges,
                       size_t I) {
  if (Ranges[I].isInvalid())
    return {};
  if (Ranges.size() == 1)
    return spanBetween(Loc, Ranges[I].getBegin(), Ranges[I].getEnd());
  if (I > 0)
    return Ranges[I - 1].isInvalid()
               ? SourceSpan()
               : spanBetween(Loc, Ranges[I - 1].getEnd(), Ranges[I].getEnd());
  return Ranges[1].isInvalid()
             ? SourceSpan()
             : spanBetween(Loc, Ranges[0].getBegin(), Ranges[1].getBegin());
}

/// `member_(..)` or `member_{..}` as written. The brackets are found by
/// lexing: in a template pattern the initializer's own parentheses may be
/// those of its argument.
SourceRange initializerRange(const Locator &Loc, const CXXCtorInitializer *Init) {
  SourceRange Recorded = Init->getSourceRange();
  SourceLocation Open = Init->getLParenLoc();
  if (Init->isAnyMemberInitializer() && Init->getMemberLocation().isFileID())
    Open = Lexer::getLocForEndOfToken(Init->getMemberLocation(), 0, Loc.sourceManager(),
                                      Loc.langOpts());
  std::unique_ptr<Lexer> Lex = lexerAt(Loc, Open);
  if (!Lex)
    return Recorded;
  unsigned Depth = 0;
  Token T;
  while (true) {
    Lex->LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    if (T.isOneOf(tok::l_paren, tok::l_brace, tok::l_square))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_brace, tok::r_square) && Depth > 0 &&
             --Depth == 0)
      return SourceRange(Init->getSourceLocation(), T.getLocation());
    if (Depth == 0)
      break;
  }
  return Recorded;
}

/// True when \p S ends with a `}` of its own rather than with a `;`.
bool endsInBlock(const Stmt *S) {
  while (S) {
    if (isa<CompoundStmt, CXXTryStmt>(S))
      return true;
    if (const auto *If = dyn_cast<IfStmt>(S))
      S = If->getElse() ? If->getElse() : If->getThen();
    else if (const auto *While = dyn_cast<WhileStmt>(S))
      S = While->getBody();
    else if (const auto *For = dyn_cast<ForStmt>(S))
      S = For->getBody();
    else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      S = Range->getBody();
    else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
      S = Switch->getBody();
    else if (const auto *Label = dyn_cast<LabelStmt>(S))
      S = Label->getSubStmt();
    else if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      S = Attributed->getSubStmt();
    else
      return false;
  }
  return false;
}

/// The file characters of statement \p S including its closing `;`.
CharSourceRange statementRange(const Locator &Loc, const Stmt *S) {
  CharSourceRange R = fileRange(Loc, S->getSourceRange());
  if (R.isValid() && !endsInBlock(S))
    R.setEnd(withSemicolon(Loc, R.getEnd()));
  return R;
}

//===-- Names -------------------------------------------------------------===//

/// Qualified name of \p FD, of its template pattern when it is an
/// instantiation, so every instantiation names the code as written.
std::string functionName(const FunctionDecl *FD) {
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  return qualifiedName(FD);
}

std::string className(const CXXRecordDecl *RD) {
  if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
    RD = Pattern;
  return qualifiedName(RD);
}

/// The function whose body holds \p Node, looking through lambdas; "" at
/// namespace scope and in default member initializers.
std::string enclosingFunctionName(ASTContext &Ctx, const DynTypedNode &Node) {
  DynTypedNodeList Parents = Ctx.getParents(Node);
  while (!Parents.empty()) {
    for (const DynTypedNode &P : Parents)
      if (P.get<FieldDecl>() || P.get<CXXDefaultInitExpr>())
        return "";
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>()) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      if (!MD || !MD->getParent()->isLambda())
        return functionName(FD);
    }
    Parents = Ctx.getParents(P);
  }
  return "";
}

bool isUpperSnake(llvm::StringRef Name) {
  if (Name.empty() || !isUppercase(Name[0]))
    return false;
  if (!llvm::all_of(Name, [](char C) { return isUppercase(C) || isDigit(C) || C == '_'; }))
    return false;
  return Name.contains('_') || Name.size() > 1;
}

//===-- Expressions -------------------------------------------------------===//


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

/// Collects, in one function (body and member initializers), the constructions
/// of a class and the functions it calls.
class ConstructionFinder : public RecursiveASTVisitor<ConstructionFinder> {
public:
  ConstructionFinder(const CXXRecordDecl *Target, unsigned NumArgs)
      : Target(Target), NumArgs(NumArgs) {}

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor)
      return true;
    unsigned Written = llvm::count_if(
        E->arguments(), [](const Expr *A) { return !isa<CXXDefaultArgExpr>(A); });
    if (Ctor->getParent()->getCanonicalDecl() == Target && Written == NumArgs) {
      Found = Ctor;
      return false;
    }
    Callees.push_back(Ctor);
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    if (const FunctionDecl *FD = E->getDirectCallee())
      Callees.push_back(FD);
    return true;
  }

  const CXXConstructorDecl *Found = nullptr;
  llvm::SmallVector<const FunctionDecl *, 16> Callees;

private:
  const CXXRecordDecl *Target;
  unsigned NumArgs;
};

//===-- The callback ------------------------------------------------------===//

class Callback : public MatchFinder::MatchCallback {
public:
  Callback(const InterfaceSet &Set, const Locator &Loc) : Set(Set), Loc(Loc) {}

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *E = R.Nodes.getNodeAs<CXXConstructExpr>(ConstructId))
      onConstruct(*R.Context, E);
    else if (const auto *C = R.Nodes.getNodeAs<CallExpr>(CallId))
      onCall(*R.Context, C);
    else if (const auto *Ctor = R.Nodes.getNodeAs<CXXConstructorDecl>(CtorId))
      onConstructor(Ctor);
    else if (const auto *If = R.Nodes.getNodeAs<IfStmt>(IfId))
      onIf(*R.Context, If);
    else if (const auto *D = R.Nodes.getNodeAs<NamedDecl>(NameId))
      onName(D);
    else if (const auto *L = R.Nodes.getNodeAs<InitListExpr>(InitListId))
      onInitList(L);
    else if (const auto *A = R.Nodes.getNodeAs<Expr>(AssignId))
      onAssignment(*R.Context, A);
    else if (const auto *D = R.Nodes.getNodeAs<CXXDeleteExpr>(DeleteId))
      onDelete(D);
    else if (const auto *Reset = R.Nodes.getNodeAs<CXXMemberCallExpr>(ResetId))
      onReset(*R.Context, Reset);
    else if (const auto *Call = R.Nodes.getNodeAs<CXXOperatorCallExpr>(FunctionCallId))
      onFunctionCall(*R.Context, Call);
  }

  /// Appends what was recorded to \p Out, sorted.
  void finish(Facts &Out) {
    llvm::sort(Sites, [](const ArgumentSite &A, const ArgumentSite &B) {
      return std::tie(A.Arg, A.Index) < std::tie(B.Arg, B.Index);
    });
    llvm::sort(Inits, [](const MemberInit &A, const MemberInit &B) { return A.Init < B.Init; });
    llvm::sort(Guards, [](const NullGuard &A, const NullGuard &B) { return A.If < B.If; });
    llvm::append_range(Out.ArgumentSites, Sites);
    llvm::append_range(Out.MemberInits, Inits);
    llvm::append_range(Out.NullGuards, Guards);
    for (auto &[File, FileNames] : Names) {
      std::vector<std::string> &All = Out.UpperSnakeNames[File];
      All.insert(All.end(), FileNames.begin(), FileNames.end());
      llvm::sort(All);
      All.erase(std::unique(All.begin(), All.end()), All.end());
    }
  }

  bool wantsInjection() const { return !Set.Names.empty(); }

private:
  /// A function or constructor of the project whose injected parameters go:
  /// not the service's own, a double's, or a lambda's.
  bool isProjectCallee(const FunctionDecl *FD) const {
    if (!FD || FD->isImplicit() || !Loc.inProject(FD->getLocation()))
      return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda() || Set.isOrDerives(MD->getParent()) ||
          MD->isExplicitObjectMemberFunction())
        return false;
    return true;
  }

  /// Records every argument of \p Args that \p Params takes as an injected
  /// parameter (the same position).
  void recordArgs(ASTContext &Ctx, const DynTypedNode &Site, const FunctionDecl *Params,
                  llvm::ArrayRef<const Expr *> Args, llvm::StringRef Form,
                  SourceRange Call, const std::string &Callee) {
    recordArgsTaking(Ctx, Site, Args, Form, Call, Callee, [&](unsigned I) {
      return I < Params->getNumParams() &&
             takesInterface(Params->getParamDecl(I)->getType(), Set) &&
             !dependentAsWritten(Params, I);
    });
  }

  /// Records every argument of \p Args at a position \p Takes says takes
  /// an injected parameter of \p Callee. One argument of a template may be
  /// handed to several callees, one per instantiation.
  void recordArgsTaking(ASTContext &Ctx, const DynTypedNode &Site,
                        llvm::ArrayRef<const Expr *> Args, llvm::StringRef Form,
                        SourceRange Call, const std::string &Callee,
                        llvm::function_ref<bool(unsigned)> Takes) {
    llvm::SmallVector<const Expr *, 8> Written;
    for (const Expr *Arg : Args) {
      if (isa<CXXDefaultArgExpr>(Arg))
        break;
      Written.push_back(Arg); // implicit wrappers share the written range
    }
    // A pack expanded in an instantiation: one written argument stands for
    // several; there is nothing to drop one by one.
    for (size_t I = 0; I < Written.size(); ++I)
      for (size_t J = I + 1; J < Written.size(); ++J)
        if (Written[I]->getBeginLoc() == Written[J]->getBeginLoc())
          return;
    // The commas are where the call is written; a call spelled in a macro
    // body cannot be edited argument by argument.
    bool Editable = writtenInFile(Loc, Call.getBegin()) && writtenInFile(Loc, Call.getEnd());
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const Expr *Arg : Written)
      Ranges.push_back(fileRange(Loc, Arg->getSourceRange()));
    for (size_t I = 0; I < Written.size(); ++I) {
      if (!Takes(I))
        continue;
      ArgumentSite A;
      A.Arg = Loc.span(Written[I]->getSourceRange());
      if (!A.Arg.valid() || !SeenArgs.insert({keyOf(A.Arg), Callee}).second)
        continue;
      A.Call = Loc.span(Call);
      A.Callee = Callee;
      A.Form = Form.str();
      A.Index = I;
      A.ArgText = Loc.text(Written[I]->getSourceRange());
      if (Editable)
        A.Removal = listRemoval(Loc, Ranges, I);
      A.EnclosingFunction = enclosingFunctionName(Ctx, Site);
      Sites.push_back(std::move(A));
    }
  }

  /// `maker(target, std::move(metrics))` through a `std::function` whose
  /// signature takes the service: its arguments there, the callee being
  /// that type.
  void onFunctionCall(ASTContext &Ctx, const CXXOperatorCallExpr *C) {
    if (C->getNumArgs() < 2 || !Loc.inProject(C->getBeginLoc()))
      return;
    QualType Object = C->getArg(0)->getType();
    std::string Type = serviceFunctionType(Object, Set, Ctx);
    const FunctionProtoType *Signature = stdFunctionSignature(Object);
    if (Type.empty() || !Signature)
      return;
    llvm::SmallVector<const Expr *, 8> Args(llvm::drop_begin(C->arguments()));
    recordArgsTaking(Ctx, DynTypedNode::create(*C), Args, FormCall, C->getSourceRange(), Type,
                     [&](unsigned I) {
                       return I < Signature->getNumParams() &&
                              takesInterface(Signature->getParamType(I), Set);
                     });
  }

  void onConstruct(ASTContext &Ctx, const CXXConstructExpr *E) {
    if (E->isTypeDependent() || E->getNumArgs() == 0 || !Loc.inProject(E->getBeginLoc()))
      return;
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!isProjectCallee(Ctor))
      return;
    llvm::StringRef Form = E->isListInitialization() ? FormBrace : FormParen;
    SourceRange Call = E->getSourceRange();
    bool Spelled = isa<CXXTemporaryObjectExpr>(E) || E->getParenOrBraceRange().isValid();
    DynTypedNodeList Parents = Ctx.getParents(*E);
    while (!Parents.empty() && Parents[0].get<CXXBindTemporaryExpr>())
      Parents = Ctx.getParents(Parents[0]);
    if (!Parents.empty()) {
      const DynTypedNode &P = Parents[0];
      if (const auto *New = P.get<CXXNewExpr>()) {
        Form = FormNew;
        Call = New->getSourceRange();
        Spelled = true;
      } else if (const auto *Cast = P.get<CXXFunctionalCastExpr>()) {
        Call = Cast->getSourceRange();
        Spelled = true;
      } else if (const auto *Init = P.get<CXXCtorInitializer>()) {
        Call = initializerRange(Loc, Init);
        Spelled = Spelled || Init->isWritten();
      }
    }
    // An implicit conversion (`f(metrics)` into a by-value parameter whose
    // class takes the service) is not a construction written in the code.
    if (!Spelled)
      return;
    llvm::SmallVector<const Expr *, 8> Args(E->arguments());
    recordArgs(Ctx, DynTypedNode::create(*E), Ctor, Args, Form, Call, className(Ctor->getParent()));
  }

  void onCall(ASTContext &Ctx, const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || C->getNumArgs() == 0 || !Loc.inProject(C->getBeginLoc()))
      return;
    if (FD->isInStdNamespace() && FD->getIdentifier() &&
        (FD->getName() == "make_unique" || FD->getName() == "make_shared")) {
      onMake(Ctx, C, FD);
      return;
    }
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
        M && M->getIdentifier() && M->getParent()->isInStdNamespace() &&
        (M->getName() == "emplace_back" || M->getName() == "emplace_front" ||
         M->getName() == "emplace")) {
      onEmplace(Ctx, C, M);
      return;
    }
    if (!isProjectCallee(FD) || onGuardHelper(Ctx, C, FD))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), FD, Args, FormCall, C->getSourceRange(),
               functionName(FD));
  }

  /// `withMetrics(metrics_, [&](M& m) { m.X(); });`: a statement calling a
  /// null-guard helper (isNullGuardHelper) with an injected pointer and a
  /// lambda. It is a null check whose guarded part is the lambda's body:
  /// recorded as a NullGuard, with the helper's name. A lambda that
  /// initializes a capture of its own names it in that body: not one.
  bool onGuardHelper(ASTContext &Ctx, const CallExpr *C, const FunctionDecl *FD) {
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

  /// `std::make_unique<T>(a, metrics)`: the arguments are T's constructor's.
  void onMake(ASTContext &Ctx, const CallExpr *C, const FunctionDecl *Make) {
    const TemplateArgumentList *TArgs = Make->getTemplateSpecializationArgs();
    if (!TArgs || TArgs->size() == 0 || TArgs->get(0).getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *T = TArgs->get(0).getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || Set.isOrDerives(T))
      return;
    const CXXConstructorDecl *Ctor = constructorFor(Make, T->getDefinition(), C->getNumArgs());
    if (!isProjectCallee(Ctor))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), Ctor, Args, Make->getName(), C->getSourceRange(),
               className(T));
  }

  /// `items.emplace_back(a, metrics)` on a sequence container or an
  /// optional of T: the arguments are T's constructor's.
  void onEmplace(ASTContext &Ctx, const CallExpr *C, const CXXMethodDecl *Emplace) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Emplace->getParent());
    if (!Spec || !llvm::is_contained({"vector", "deque", "list", "forward_list", "optional"},
                                     Spec->getName()))
      return;
    const TemplateArgumentList &TArgs = Spec->getTemplateArgs();
    if (TArgs.size() == 0 || TArgs[0].getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *T = TArgs[0].getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || Set.isOrDerives(T))
      return;
    const CXXConstructorDecl *Ctor = constructorFor(Emplace, T->getDefinition(), C->getNumArgs());
    if (!isProjectCallee(Ctor))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), Ctor, Args, Emplace->getName(),
               C->getSourceRange(), className(T));
  }

  /// The constructor of \p T that \p Make calls with its \p NumArgs
  /// arguments: the construction found in the instantiated library code
  /// \p Make reaches, else T's only constructor taking that many.
  const CXXConstructorDecl *constructorFor(const FunctionDecl *Make, const CXXRecordDecl *T,
                                           unsigned NumArgs) {
    auto [It, New] = MakeCtors.try_emplace(Make, nullptr);
    if (!New)
      return It->second;
    const SourceManager &SM = Loc.sourceManager();
    const CXXRecordDecl *Target = T->getCanonicalDecl();
    std::deque<const FunctionDecl *> Work{Make};
    llvm::DenseSet<const FunctionDecl *> Visited{Make};
    for (unsigned Budget = MakeSearchBudget; !Work.empty() && Budget > 0; --Budget) {
      const FunctionDecl *FD = Work.front();
      Work.pop_front();
      const FunctionDecl *Def = nullptr;
      if (!FD->hasBody(Def) || !Def)
        continue;
      ConstructionFinder Finder(Target, NumArgs);
      Finder.TraverseDecl(const_cast<FunctionDecl *>(Def));
      if (Finder.Found)
        return It->second = Finder.Found;
      for (const FunctionDecl *Callee : Finder.Callees)
        if (SM.isInSystemHeader(Callee->getLocation()) && Visited.insert(Callee).second)
          Work.push_back(Callee);
    }
    const CXXConstructorDecl *Only = nullptr;
    for (const CXXConstructorDecl *Ctor : T->ctors()) {
      if (Ctor->isDeleted() || Ctor->isImplicit() || Ctor->isCopyOrMoveConstructor())
        continue;
      if (NumArgs < Ctor->getMinRequiredArguments() ||
          (NumArgs > Ctor->getNumParams() && !Ctor->isVariadic()))
        continue;
      if (Only)
        return It->second = nullptr;
      Only = Ctor;
    }
    return It->second = Only;
  }

  /// `EngineDeps{.session = s, .metrics = deps.metrics}`: a designated
  /// initializer of a field holding the service goes with the field, as a
  /// member initializer does.
  void onInitList(const InitListExpr *List) {
    const InitListExpr *Semantic = List->isSemanticForm() ? List : List->getSemanticForm();
    if (const InitListExpr *Written = List->getSyntacticForm())
      List = Written;
    if (Semantic && llvm::none_of(List->inits(), [](const Expr *E) {
          return isa_and_nonnull<DesignatedInitExpr>(E);
        }))
      onPositionalInit(Semantic);
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const Expr *Init : List->inits()) {
      SourceRange R = Init->getSourceRange();
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    for (unsigned Idx = 0; Idx < List->getNumInits(); ++Idx) {
      const auto *D = dyn_cast<DesignatedInitExpr>(List->getInit(Idx));
      if (!D || D->size() != 1 || !D->getDesignator(0)->isFieldDesignator())
        continue;
      const FieldDecl *Field = D->getDesignator(0)->getFieldDecl();
      const auto *RD = Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
      auto Iface = Field ? interfaceOf(Field->getType(), Set) : std::nullopt;
      if (!RD || !Iface || Iface->second == Holder::Value || !Loc.inProject(D->getBeginLoc()))
        continue;
      MemberInit M;
      M.Init = Loc.span(D);
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = listRemoval(Loc, Ranges, Idx);
      Inits.push_back(std::move(M));
    }
  }

  /// `Deps{&sessions, &metrics, cfg}`: the element that initializes, by
  /// position, a field holding the service goes with the field.
  void onPositionalInit(const InitListExpr *List) {
    const auto *RD = List->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->isAggregate() || RD->isUnion() || RD->getNumBases() > 0 ||
        !Loc.inProject(List->getBeginLoc()))
      return;
    // The elements written, in order, and where each field's is.
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    llvm::SmallVector<int, 8> WrittenAt; // per field: index in Ranges, or -1
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      (void)F;
      const Expr *Init = I < List->getNumInits() ? List->getInit(I) : nullptr;
      ++I;
      if (!Init || isa<ImplicitValueInitExpr, CXXDefaultInitExpr>(Init) ||
          Init->getSourceRange().isInvalid()) {
        WrittenAt.push_back(-1);
        continue;
      }
      SourceRange R = Init->getSourceRange();
      WrittenAt.push_back(Ranges.size());
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      int At = WrittenAt[I++];
      auto Iface = interfaceOf(Field->getType(), Set);
      if (At < 0 || !Iface || Iface->second == Holder::Value || Ranges[At].isInvalid())
        continue;
      MemberInit M;
      M.Init = spanBetween(Loc, Ranges[At].getBegin(), Ranges[At].getEnd());
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = listRemoval(Loc, Ranges, At);
      Inits.push_back(std::move(M));
    }
  }

  /// `metrics_ = metrics;`, `d.metrics = nullptr;`: a statement that only
  /// sets a field holding the service goes with the field, as a member
  /// initializer does, when what it assigns changes nothing else. So does
  /// one building the service into it (`ctx->metrics = new Svc(bind)`,
  /// `= std::make_unique<Svc>()`) from arguments without side effects: it
  /// is marked, for the planner to weigh what building the service does.
  void onAssignment(ASTContext &Ctx, const Expr *A) {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(A); BO && BO->getOpcode() == BO_Assign) {
      LHS = BO->getLHS();
      RHS = BO->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(A);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    }
    if (!RHS)
      return;
    std::optional<bool> Creates = buildsImplementation(Ctx, RHS);
    if (!Creates && (RHS->HasSideEffects(Ctx, false) || callsProjectFunction(RHS)))
      return;
    onFieldStatement(A, LHS, Creates.value_or(false));
  }

  /// `makeMetrics(config)`, `pick(next())`: a call of a free function of
  /// the project, which may do anything (start an endpoint, log).
  static bool callsProjectFunction(const Expr *E) {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreUnlessSpelledInSource());
    if (!Call || isa<CXXMemberCallExpr>(Call))
      return false;
    const FunctionDecl *F = Call->getDirectCallee();
    return !F || !F->isInStdNamespace();
  }

  /// `delete metrics_;`: freeing what the field holds goes with the field.
  void onDelete(const CXXDeleteExpr *D) {
    if (D->isArrayForm())
      return;
    onFieldStatement(D, D->getArgument(), /*Creates=*/false);
  }

  /// `ctx->metrics.reset(new Svc(..))` builds the service into the field, as
  /// an assignment does; `ctx->metrics.reset()` frees it, as `delete` does.
  void onReset(ASTContext &Ctx, const CXXMemberCallExpr *Reset) {
    const Expr *Arg = Reset->getNumArgs() == 1 && !isa<CXXDefaultArgExpr>(Reset->getArg(0))
                          ? Reset->getArg(0)
                          : nullptr;
    std::optional<bool> Creates = Arg ? buildsImplementation(Ctx, Arg) : std::nullopt;
    if (Arg && !Creates && (Arg->HasSideEffects(Ctx, false) || callsProjectFunction(Arg)))
      return;
    onFieldStatement(Reset, Reset->getImplicitObjectArgument(), Creates.value_or(false));
  }

  /// If \p E only builds an implementation of the interfaces (the service,
  /// a class deriving from it, a double) with `new` or
  /// `std::make_unique`/`std::make_shared` (or a smart pointer made from
  /// `new`, or a call of a function whose body only returns one of those),
  /// from arguments without side effects (a call counts as one): whether
  /// that class is the service or derives from it.
  std::optional<bool> buildsImplementation(ASTContext &Ctx, const Expr *E, unsigned Depth = 0) {
    E = E->IgnoreUnlessSpelledInSource();
    if (Depth > 4)
      return std::nullopt;
    // `std::unique_ptr<Iface>(new Svc(..))`.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      return buildsImplementation(Ctx, Construct->getArg(0), Depth + 1);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      return buildsImplementation(Ctx, Cast->getSubExpr(), Depth + 1);
    // `makeMetrics(port)`: a project function returning what it builds.
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && !isa<CXXMemberCallExpr>(Call)) {
      const FunctionDecl *Factory = Call->getDirectCallee();
      const FunctionDecl *Def = nullptr;
      if (Factory && !Factory->isInStdNamespace() && Factory->hasBody(Def) &&
          Loc.inProject(Def->getLocation())) {
        const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
        const auto *Return = Body && Body->size() == 1
                                 ? dyn_cast<ReturnStmt>(Body->body_front())
                                 : nullptr;
        if (!Return || !Return->getRetValue() ||
            llvm::any_of(Call->arguments(),
                         [&](const Expr *Arg) { return Arg->HasSideEffects(Ctx, true); }))
          return std::nullopt;
        return buildsImplementation(Ctx, Return->getRetValue(), Depth + 1);
      }
    }
    const CXXRecordDecl *Built = nullptr;
    llvm::SmallVector<const Expr *, 4> Args;
    if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
      if (New->isArray() || New->getNumPlacementArgs() > 0)
        return std::nullopt;
      Built = New->getAllocatedType()->getAsCXXRecordDecl();
      if (const CXXConstructExpr *Construct = New->getConstructExpr())
        Args.append(Construct->arg_begin(), Construct->arg_end());
      else if (const Expr *Init = New->getInitializer())
        Args.push_back(Init);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      const TemplateArgumentList *TArgs = FD ? FD->getTemplateSpecializationArgs() : nullptr;
      if (!FD || !FD->isInStdNamespace() || !TArgs || TArgs->size() < 1 ||
          TArgs->get(0).getKind() != TemplateArgument::Type ||
          !llvm::is_contained({"make_unique", "make_shared"}, FD->getName()))
        return std::nullopt;
      Built = TArgs->get(0).getAsType()->getAsCXXRecordDecl();
      Args.append(Call->arg_begin(), Call->arg_end());
    }
    if (!Built || !Set.isOrDerives(Built) ||
        llvm::any_of(Args, [&](const Expr *Arg) { return Arg->HasSideEffects(Ctx, true); }))
      return std::nullopt;
    const CXXRecordDecl *Service = Set.Service;
    return (Service && Built->getCanonicalDecl() == Service->getCanonicalDecl()) ||
           Set.derivesFromService(Built);
  }

  /// \p S, a statement that only sets or frees the field \p Target names,
  /// when that field holds the service.
  void onFieldStatement(const Expr *S, const Expr *Target, bool Creates) {
    const auto *ME = Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()) : nullptr;
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const auto *RD = Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (!RD || RD->isLambda() || Set.isOrDerives(RD) || !Loc.inProject(S->getBeginLoc()) ||
        S->getBeginLoc().isMacroID())
      return;
    auto Iface = interfaceOf(Field->getType(), Set);
    if (!Iface || Iface->second == Holder::Value)
      return;
    CharSourceRange Whole = statementRange(Loc, S);
    if (Whole.isInvalid())
      return;
    MemberInit M;
    M.Init = spanBetween(Loc, Whole.getBegin(), Whole.getEnd());
    if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
      return;
    const SourceManager &SM = Loc.sourceManager();
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Whole.getBegin()), &Invalid);
    if (Invalid)
      return;
    auto [Offset, Length] = statementLines(Buffer, M.Init.Offset, M.Init.Length);
    M.Removal = M.Init;
    M.Removal.Offset = Offset;
    M.Removal.Length = Length;
    M.Owner = className(RD);
    M.Field = Field->getNameAsString();
    M.Creates = Creates;
    Inits.push_back(std::move(M));
  }

  void onConstructor(const CXXConstructorDecl *Ctor) {
    const CXXRecordDecl *RD = Ctor->getParent();
    if (RD->isLambda() || Set.isOrDerives(RD) || !Loc.inProject(Ctor->getLocation()))
      return;
    llvm::SmallVector<const CXXCtorInitializer *, 8> Written;
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->isWritten())
        Written.push_back(I);
    llvm::sort(Written, [](const CXXCtorInitializer *A, const CXXCtorInitializer *B) {
      return A->getSourceOrder() < B->getSourceOrder();
    });
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const CXXCtorInitializer *I : Written) {
      SourceRange R = initializerRange(Loc, I);
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    for (size_t Idx = 0; Idx < Written.size(); ++Idx) {
      const FieldDecl *Field = Written[Idx]->getAnyMember();
      if (!Field)
        continue;
      auto Iface = interfaceOf(Field->getType(), Set);
      if (!Iface || Iface->second == Holder::Value)
        continue;
      MemberInit M;
      M.Init = Loc.span(initializerRange(Loc, Written[Idx]));
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = Written.size() > 1 ? listRemoval(Loc, Ranges, Idx)
                                     : aloneRemoval(Ctor, Ranges[Idx]);
      Inits.push_back(std::move(M));
    }
  }

  /// ` : metrics_(metrics)` for the only initializer \p Init of \p Ctor:
  /// from the end of the token before the `:` (or from the `:` and the
  /// blanks before it when a comment comes between).
  SourceSpan aloneRemoval(const CXXConstructorDecl *Ctor, CharSourceRange Init) const {
    if (Init.isInvalid())
      return {};
    const SourceManager &SM = Loc.sourceManager();
    SourceLocation After = Ctor->getLocation();
    if (FunctionTypeLoc FTL = Ctor->getFunctionTypeLoc())
      After = FTL.getRParenLoc();
    if (After.isInvalid() || After.isMacroID())
      return {};
    After = Lexer::getLocForEndOfToken(After, 0, SM, Loc.langOpts());
    if (SM.getFileID(After) != SM.getFileID(Init.getBegin()) ||
        !SM.isBeforeInTranslationUnit(After, Init.getBegin()))
      return {};
    std::unique_ptr<Lexer> Lex = lexerAt(Loc, After);
    if (!Lex)
      return {};
    Lex->SetCommentRetentionState(true);
    SourceLocation LastEnd = After;
    bool CommentSince = false;
    Token T;
    while (true) {
      Lex->LexFromRawLexer(T);
      if (T.is(tok::eof))
        return {};
      if (!SM.isBeforeInTranslationUnit(T.getLocation(), Init.getBegin()))
        return {};
      if (T.is(tok::colon))
        break;
      if (T.is(tok::comment)) {
        CommentSince = true;
        continue;
      }
      LastEnd = T.getEndLoc();
      CommentSince = false;
    }
    SourceLocation From = LastEnd;
    if (CommentSince) {
      From = T.getLocation();
      const char *Data = SM.getCharacterData(From);
      unsigned Col = SM.getSpellingColumnNumber(From);
      while (Col > 1 && isHorizontalWhitespace(Data[-1])) {
        --Data;
        --Col;
        From = From.getLocWithOffset(-1);
      }
    }
    return spanBetween(Loc, From, Init.getEnd());
  }

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

  void onName(const NamedDecl *D) {
    if (D->isImplicit() || !D->getIdentifier() || D->getParentFunctionOrMethod())
      return;
    bool Kind = (isa<VarDecl>(D) && !isa<ParmVarDecl>(D)) ||
                isa<FieldDecl, FunctionDecl, TagDecl, TypedefNameDecl, EnumConstantDecl>(D);
    if (!Kind || !isUpperSnake(D->getName()) || !Loc.inProject(D->getLocation()))
      return;
    Names[Loc.file(D->getLocation())].insert(D->getName().str());
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<ArgumentSite> Sites;
  std::vector<MemberInit> Inits;
  std::vector<NullGuard> Guards;
  std::map<std::string, std::set<std::string>> Names;
  /// Spans already recorded: an instantiation repeats its pattern's (an
  /// argument, with the callee it is handed to).
  std::set<SpanKey> SeenInits, SeenGuards;
  std::set<std::pair<SpanKey, std::string>> SeenArgs;
  llvm::DenseMap<const FunctionDecl *, const CXXConstructorDecl *> MakeCtors;
};

} // namespace

void recordInjectionUses(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         TUFacts &Out) {
  auto InProject = unless(isExpansionInSystemHeader());
  auto Constructions = cxxConstructExpr(InProject).bind(ConstructId);
  auto Calls = callExpr(InProject, unless(cxxOperatorCallExpr())).bind(CallId);
  auto Constructors = cxxConstructorDecl(InProject, isDefinition()).bind(CtorId);
  auto Guards = ifStmt(InProject, unless(hasElse(stmt()))).bind(IfId);
  auto Declarations = namedDecl(InProject, unless(isImplicit())).bind(NameId);

  Callback CB(Set, Loc);
  MatchFinder Finder;
  if (CB.wantsInjection()) {
    Finder.addMatcher(Constructions, &CB);
    Finder.addMatcher(Calls, &CB);
    Finder.addMatcher(Constructors, &CB);
    Finder.addMatcher(Guards, &CB);
    Finder.addMatcher(initListExpr(InProject).bind(InitListId), &CB);
    Finder.addMatcher(
        expr(InProject, anyOf(binaryOperator(isAssignmentOperator()),
                              cxxOperatorCallExpr(hasOverloadedOperatorName("="))),
             anyOf(hasParent(compoundStmt()),
                   hasParent(exprWithCleanups(hasParent(compoundStmt())))))
            .bind(AssignId),
        &CB);
    Finder.addMatcher(cxxDeleteExpr(InProject, hasParent(compoundStmt())).bind(DeleteId), &CB);
    Finder.addMatcher(
        cxxOperatorCallExpr(InProject, hasOverloadedOperatorName("()")).bind(FunctionCallId),
        &CB);
    Finder.addMatcher(
        cxxMemberCallExpr(InProject, callee(cxxMethodDecl(hasName("reset"))),
                          anyOf(hasParent(compoundStmt()),
                                hasParent(exprWithCleanups(hasParent(compoundStmt())))))
            .bind(ResetId),
        &CB);
  }
  Finder.addMatcher(Declarations, &CB);
  Finder.matchAST(Ctx);
  CB.finish(Out.Scan);
}

} // namespace mm
