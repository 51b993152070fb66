//===--- CheckedMetricBody.cpp - A wrapper that null-checks its metric ---===//

#include "matchers/CheckedMetricBody.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace mm {

using namespace clang;

namespace {

/// `this->f` or `f`: the field, when it is one of \p Pointers.
const FieldDecl *pointerField(const Expr *E, const std::set<const FieldDecl *> &Pointers) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  return FD && Pointers.count(FD->getCanonicalDecl()) ? FD : nullptr;
}

/// The field \p Cond tests against null: `f`, `f != nullptr`, `nullptr != f`
/// (\p WhenSet: true when it holds for a field that is set), or `!f`,
/// `f == nullptr` (false).
const FieldDecl *testedField(const Expr *Cond, const std::set<const FieldDecl *> &Pointers,
                             bool &WhenSet) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const FieldDecl *F = pointerField(Cond, Pointers)) {
    WhenSet = true;
    return F;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot) {
    WhenSet = false;
    return pointerField(Not->getSubExpr(), Pointers);
  }
  const auto *Compare = dyn_cast<BinaryOperator>(Cond);
  if (!Compare || (Compare->getOpcode() != BO_NE && Compare->getOpcode() != BO_EQ))
    return nullptr;
  const Expr *Other = Compare->getRHS();
  const FieldDecl *F = pointerField(Compare->getLHS(), Pointers);
  if (!F) {
    F = pointerField(Compare->getRHS(), Pointers);
    Other = Compare->getLHS();
  }
  if (!F || !Other->IgnoreParenImpCasts()->isNullPointerConstant(
                F->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
    return nullptr;
  WhenSet = Compare->getOpcode() == BO_NE;
  return F;
}

bool names(const Stmt *S, const FieldDecl *F) {
  if (const auto *ME = dyn_cast<MemberExpr>(S); ME && ME->getMemberDecl() == F)
    return true;
  for (const Stmt *Child : S->children())
    if (Child && names(Child, F))
      return true;
  return false;
}

/// A plain `if` with no `else`, initializer or variable: its condition.
const Expr *plainCondition(const Stmt *S) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr() ||
      If->isConsteval())
    return nullptr;
  return If->getCond();
}

bool isBareReturn(const Stmt *S) {
  if (const auto *Block = dyn_cast<CompoundStmt>(S); Block && Block->size() == 1)
    S = Block->body_front();
  const auto *Return = dyn_cast<ReturnStmt>(S);
  return Return && !Return->getRetValue();
}

} // namespace

std::vector<const Stmt *> checkedMetricBody(const CompoundStmt &Body,
                                            const std::set<const FieldDecl *> &Pointers) {
  if (Body.body_empty())
    return {};
  const Stmt *First = Body.body_front();
  const Expr *Cond = plainCondition(First);
  bool WhenSet = false;
  const FieldDecl *F = Cond ? testedField(Cond, Pointers, WhenSet) : nullptr;
  if (!F)
    return {};
  std::vector<const Stmt *> Guarded;
  if (WhenSet && Body.size() == 1) {
    // `if (f) ...;`, `if (f != nullptr) { ... }`
    const Stmt *Then = cast<IfStmt>(First)->getThen();
    if (const auto *Block = dyn_cast<CompoundStmt>(Then))
      Guarded.assign(Block->body_begin(), Block->body_end());
    else
      Guarded.push_back(Then);
  } else if (!WhenSet && Body.size() > 1 && isBareReturn(cast<IfStmt>(First)->getThen())) {
    // `if (!f) return;` and the rest.
    Guarded.assign(Body.body_begin() + 1, Body.body_end());
  }
  bool Records = llvm::any_of(Guarded, [&](const Stmt *S) { return names(S, F); });
  return Records ? Guarded : std::vector<const Stmt *>();
}

namespace {

/// In the `&&` tree of \p Cond, a leaf testing one of \p Pointers set.
std::optional<CheckedConjunct> conjunctIn(const Expr *Cond,
                                          const std::set<const FieldDecl *> &Pointers) {
  const auto *And = dyn_cast<BinaryOperator>(Cond->IgnoreParens());
  if (!And || And->getOpcode() != BO_LAnd)
    return std::nullopt;
  bool WhenSet = false;
  if (testedField(And->getLHS(), Pointers, WhenSet) && WhenSet)
    return CheckedConjunct{And->getLHS(), And->getRHS(), /*TestFirst=*/true};
  if (testedField(And->getRHS(), Pointers, WhenSet) && WhenSet)
    return CheckedConjunct{And->getRHS(), And->getLHS(), /*TestFirst=*/false};
  if (auto Left = conjunctIn(And->getLHS(), Pointers))
    return Left;
  return conjunctIn(And->getRHS(), Pointers);
}

/// Uses of \p F in \p S other than as the object of `f->...`: tests of it,
/// or the pointer handed on.
unsigned bareUses(const Stmt *S, const FieldDecl *F) {
  if (const auto *ME = dyn_cast<MemberExpr>(S)) {
    if (ME->getMemberDecl() == F)
      return 1;
    const auto *Base = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts());
    if (ME->isArrow() && Base && Base->getMemberDecl() == F)
      return 0;
  }
  unsigned Count = 0;
  for (const Stmt *Child : S->children())
    if (Child)
      Count += bareUses(Child, F);
  return Count;
}

} // namespace

std::optional<CheckedConjunct>
checkedConjunct(const CompoundStmt &Body, const std::set<const FieldDecl *> &Pointers) {
  for (const Stmt *S : Body.body()) {
    const Expr *Cond = plainCondition(S);
    std::optional<CheckedConjunct> Found = Cond ? conjunctIn(Cond, Pointers) : std::nullopt;
    if (!Found)
      continue;
    bool WhenSet = false;
    const FieldDecl *F = testedField(Found->Test, Pointers, WhenSet);
    // Cut once, the body must test it nowhere else.
    if (bareUses(&Body, F) != 1)
      return std::nullopt;
    return Found;
  }
  return std::nullopt;
}

} // namespace mm
