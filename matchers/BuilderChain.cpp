//===--- BuilderChain.cpp - Read a prometheus-cpp builder chain -----------===//

#include "matchers/BuilderChain.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>
#include <functional>

namespace mm {

namespace {

using namespace clang;

bool isStdString(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && (RD->getName() == "basic_string");
}

void collectLabelNames(const Expr *E, std::vector<std::string> &Out) {
  if (!E)
    return;
  E = stripWrappers(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (isStdString(CE->getType()))
      return;
    if (CE->getNumArgs() >= 2) {
      if (auto Key = stringLiteralOf(CE->getArg(0))) {
        Out.push_back(*Key);
        return;
      }
    }
    for (const Expr *Arg : CE->arguments())
      collectLabelNames(Arg, Out);
    return;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    if (ILE->getNumInits() == 2) {
      if (auto Key = stringLiteralOf(ILE->getInit(0))) {
        Out.push_back(*Key);
        return;
      }
    }
    for (const Expr *Init : ILE->inits())
      collectLabelNames(Init, Out);
    return;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectLabelNames(CE, Out);
}

void collectNumbers(const Expr *E, std::vector<double> &Out, int Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *FL = dyn_cast<FloatingLiteral>(E)) {
    Out.push_back(FL->getValueAsApproximateDouble());
    return;
  }
  if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
    Out.push_back(static_cast<double>(IL->getValue().getSExtValue()));
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Minus) {
    std::vector<double> Inner;
    collectNumbers(UO->getSubExpr(), Inner, Depth + 1);
    for (double D : Inner)
      Out.push_back(-D);
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (const VarDecl *Def = VD->getDefinition(); Def && Def->getInit())
        collectNumbers(Def->getInit(), Out, Depth + 1);
      else if (VD->getInit())
        collectNumbers(VD->getInit(), Out, Depth + 1);
    }
    return;
  }
  if (isa<CXXDefaultArgExpr>(E) || isa<CXXDefaultInitExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectNumbers(CE, Out, Depth + 1);
}

/// Source text from the first written argument to the last.
std::string writtenArgs(const CallExpr *Call, const Locator &Loc) {
  const Expr *First = nullptr, *Last = nullptr;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    if (!First)
      First = Arg;
    Last = Arg;
  }
  if (!First)
    return "";
  return Loc.text(SourceRange(First->getBeginLoc(), Last->getEndLoc()));
}

std::optional<MetricKind> builderKind(llvm::StringRef Function) {
  if (Function == "BuildCounter")
    return MetricKind::Counter;
  if (Function == "BuildGauge")
    return MetricKind::Gauge;
  if (Function == "BuildHistogram")
    return MetricKind::Histogram;
  if (Function == "BuildSummary")
    return MetricKind::Summary;
  return std::nullopt;
}

} // namespace

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = FCE->getSubExpr();
    else if (const auto *UO = dyn_cast<UnaryOperator>(Next);
             UO && UO->getOpcode() == UO_AddrOf)
      Next = UO->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<std::string> stringLiteralOf(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *SL = dyn_cast_or_null<StringLiteral>(E))
    return SL->getString().str();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
      CE && isStdString(CE->getType()) && CE->getNumArgs() >= 1)
    return stringLiteralOf(CE->getArg(0));
  return std::nullopt;
}

AddCall readAddCall(const CXXMemberCallExpr *Add, const Locator &Loc) {
  AddCall Result;
  if (Add->getNumArgs() >= 1)
    collectLabelNames(Add->getArg(0), Result.LabelNames);
  if (Add->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(Add->getArg(1))) {
    Result.BucketsText = Loc.text(Add->getArg(1));
    collectNumbers(Add->getArg(1), Result.Buckets);
  }
  return Result;
}

std::optional<BuilderChain> readChildOfField(const Expr *E, const Locator &Loc,
                                             const FieldDecl *&Family) {
  const auto *Add = dyn_cast_or_null<CXXMemberCallExpr>(stripWrappers(E));
  if (!Add || !Add->getMethodDecl() || !Add->getMethodDecl()->getIdentifier() ||
      Add->getMethodDecl()->getName() != "Add")
    return std::nullopt;
  // `family_->Add` (a pointer) or `family_.Add` (a reference or an object).
  const auto *Of = dyn_cast<MemberExpr>(Add->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *Field = Of ? dyn_cast<FieldDecl>(Of->getMemberDecl()) : nullptr;
  if (!Field || !isa<CXXThisExpr>(Of->getBase()->IgnoreParenImpCasts()))
    return std::nullopt;
  Family = Field->getCanonicalDecl();
  BuilderChain Child;
  Child.ChildArgs = writtenArgs(Add, Loc);
  AddCall Facts = readAddCall(Add, Loc);
  Child.ChildLabelNames = std::move(Facts.LabelNames);
  Child.Buckets = std::move(Facts.Buckets);
  Child.BucketsText = std::move(Facts.BucketsText);
  Child.Range = Add->getSourceRange();
  return Child;
}

std::optional<BuilderChain> readBuilderChain(const Expr *E, const Locator &Loc) {
  BuilderChain Chain;
  const Expr *Cur = stripWrappers(E);
  const CXXMemberCallExpr *Register = nullptr;
  while (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Cur)) {
    const CXXMethodDecl *Method = MC->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = Method->getName();
    if (Name == "Add" && !Register && !Chain.ChildArgs) {
      Chain.ChildArgs = writtenArgs(MC, Loc);
      AddCall Facts = readAddCall(MC, Loc);
      Chain.ChildLabelNames = std::move(Facts.LabelNames);
      Chain.Buckets = std::move(Facts.Buckets);
      Chain.BucketsText = std::move(Facts.BucketsText);
    } else if (Name == "Register") {
      Register = MC;
      if (MC->getNumArgs() >= 1)
        Chain.RegistryArg = Loc.text(MC->getArg(0));
    } else if (Name == "Name" && MC->getNumArgs() == 1) {
      Chain.Name = stringLiteralOf(MC->getArg(0)).value_or("");
    } else if (Name == "Help" && MC->getNumArgs() == 1) {
      Chain.Help = stringLiteralOf(MC->getArg(0)).value_or("");
    } else if (Name == "Labels" && MC->getNumArgs() == 1) {
      // Constant labels: pairs of literals.
      std::vector<std::string> Keys;
      collectLabelNames(MC->getArg(0), Keys);
      for (const std::string &K : Keys)
        Chain.ConstLabels.emplace_back(K, "");
      // Values, when they are literals, in order of appearance.
      std::vector<const StringLiteral *> Literals;
      std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
        if (!S)
          return;
        if (const auto *SL = dyn_cast<StringLiteral>(S)) {
          Literals.push_back(SL);
          return;
        }
        for (const Stmt *Child : S->children())
          Walk(Child);
      };
      Walk(MC->getArg(0));
      for (size_t I = 0; I < Chain.ConstLabels.size() && 2 * I + 1 < Literals.size(); ++I)
        Chain.ConstLabels[I].second = Literals[2 * I + 1]->getString().str();
    } else {
      return std::nullopt;
    }
    Cur = stripWrappers(MC->getImplicitObjectArgument());
  }
  const auto *Build = dyn_cast_or_null<CallExpr>(Cur);
  if (!Build || !Register)
    return std::nullopt;
  const auto *Callee = Build->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  auto Kind = builderKind(Callee->getName());
  if (!Kind)
    return std::nullopt;
  Chain.Kind = *Kind;
  Chain.Range = SourceRange(Build->getBeginLoc(), Register->getEndLoc());
  Chain.Text = Loc.text(Chain.Range);
  // The `.` of `.Register`, as far into the text as the file has it.
  const auto *Member = dyn_cast<MemberExpr>(Register->getCallee()->IgnoreParens());
  SourceSpan Whole = Loc.span(Chain.Range);
  SourceSpan Dot = Member ? Loc.span(SourceRange(Member->getOperatorLoc())) : SourceSpan();
  if (Whole.valid() && Dot.valid() && Dot.File == Whole.File && Dot.Offset >= Whole.Offset &&
      Dot.Offset - Whole.Offset < Chain.Text.size())
    Chain.RegisterAt = Dot.Offset - Whole.Offset;
  else
    Chain.RegisterAt = std::min(llvm::StringRef(Chain.Text).rfind(".Register"), Chain.Text.size());
  return Chain;
}

} // namespace mm
