//===--- BodyVisitor.cpp - What a wrapper's body does ---------------------===//
//
// The walk over a method body of the service (BodyVisitor.h): what each
// node it visits adds to what recordMethod reads.
//
//===----------------------------------------------------------------------===//

#include "matchers/BodyVisitor.h"

#include "matchers/BuilderChain.h"
#include "matchers/LocalConstants.h"
#include "matchers/ServiceRecorder.h"

namespace mm {

using namespace clang;

bool BodyVisitor::VisitDeclRefExpr(DeclRefExpr *E) {
  if (const auto *P = dyn_cast<ParmVarDecl>(E->getDecl()))
    if (P->getDeclContext() == F)
      Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Param, P->getName().str()}});
  if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && LabelVariables.count(VD))
    Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Local, VD->getName().str()}});
  if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl());
      !E->hasQualifier() && (isa<VarDecl>(E->getDecl()) ||
                             (FD && FD->getFriendObjectKind() == Decl::FOK_None)))
    qualifyIfBorrowed(E->getDecl(), E->getNameInfo().getSourceRange());
  if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && isFileLocalConstant(VD))
    Constants.insert(VD);
  if (const FunctionDecl *FD = fileLocalFunction(E->getDecl()))
    Functions.insert(FD);
  return true;
}

bool BodyVisitor::VisitMemberExpr(MemberExpr *E) {
  if (!isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(E->getMemberDecl()))
    Called.insert(M->getCanonicalDecl());
  const auto *FD = dyn_cast<FieldDecl>(E->getMemberDecl());
  auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
  if (It == Fields.end()) {
    if (const FieldDecl *Constant = constantMember(E))
      ConstantMembers.insert(Constant);
    else
      UsesState = true; // another field or a method of the service
    // A container the constructor filled with children of families
    // (`msg_[type] = &msg_family_->Add(..)`): the body records on them.
    if (FD && Containers)
      if (auto Filled = Containers->find(FD->getCanonicalDecl()); Filled != Containers->end())
        Touched.insert(Filled->second.begin(), Filled->second.end());
    return true;
  }
  Touched.insert(It->second);
  Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Field, It->second}});
  return true;
}

bool BodyVisitor::VisitBinaryOperator(BinaryOperator *BO) {
  if (BO->isAssignmentOp())
    if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
          FD && Fields.count(FD->getCanonicalDecl()))
        UsesState = true;
  return true;
}

bool BodyVisitor::VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
  const CXXMethodDecl *M = Call->getMethodDecl();
  if (!M || !M->getIdentifier())
    return true;
  if (isRecordingMethod(M))
    if (std::optional<std::string> Field = fieldUnder(Call->getImplicitObjectArgument()))
      Operations[*Field].insert(M->getName().str());
  if (M->getName() != "Add") {
    const CXXMemberCallExpr *Add = nullptr;
    if (std::optional<std::string> Field = recordedOn(Call->getImplicitObjectArgument(), Add))
      Recordings.push_back({Call, *Field, Add});
    return true;
  }
  const auto *ME = dyn_cast<MemberExpr>(stripWrappers(Call->getImplicitObjectArgument()));
  if (!ME)
    return true;
  if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
    auto It = Fields.find(FD->getCanonicalDecl());
    if (It != Fields.end())
      Adds.emplace_back(It->second, Call);
  }
  return true;
}

bool BodyVisitor::VisitIfStmt(IfStmt *If) {
  if (If->getElse() || If->getInit() || If->getConditionVariable()) {
    Branches.push_back(If);
    return true;
  }
  const Stmt *Then = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Then); Block && Block->size() == 1)
    Then = Block->body_front();
  const auto *Return = dyn_cast<ReturnStmt>(Then);
  const auto *Test = dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
  if (Return && !Return->getRetValue() && Test && Test->isComparisonOp() &&
      Test->getOpcode() != BO_Cmp)
    Guards.push_back({If, Test, Return});
  else
    Branches.push_back(If);
  return true;
}

bool BodyVisitor::VisitStmt(Stmt *S) {
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, GotoStmt, IndirectGotoStmt,
          CXXTryStmt>(S))
    Branches.push_back(S);
  return true;
}

bool BodyVisitor::VisitReturnStmt(ReturnStmt *Return) {
  Returns.push_back(Return);
  return true;
}

bool BodyVisitor::VisitSwitchStmt(SwitchStmt *S) {
  FoundSwitch Found{S, nullptr, nullptr, {}};
  const auto *Ref = dyn_cast<DeclRefExpr>(S->getCond()->IgnoreParenImpCasts());
  Found.Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (Found.Param && Found.Param->getDeclContext() == F)
    for (const SwitchCase *C = S->getSwitchCaseList(); C; C = C->getNextSwitchCase()) {
      const auto *Case = dyn_cast<CaseStmt>(C);
      if (!Case || Case->caseStmtIsGNURange())
        continue;
      auto [Variable, Literal] = assignedLiteral(Case->getSubStmt());
      if (!Variable || (Found.Variable && Found.Variable != Variable))
        continue;
      Found.Variable = Variable;
      Found.Cases.insert(Found.Cases.begin(), {Case->getLHS(), Literal});
    }
  if (Found.Variable) {
    LabelVariables.insert(Found.Variable);
    Switches.push_back(std::move(Found));
  } else {
    Branches.push_back(S);
  }
  return true;
}

bool BodyVisitor::VisitElaboratedTypeLoc(ElaboratedTypeLoc TL) {
  if (!TL.getQualifierLoc() && TL.getTypePtr()->getKeyword() == ElaboratedTypeKeyword::None)
    qualifyType(TL.getNamedTypeLoc());
  return true;
}

bool BodyVisitor::TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
  if (NNS && !NNS.getPrefix() && NNS.getTypeLoc())
    qualifyType(NNS.getTypeLoc());
  return RecursiveASTVisitor::TraverseNestedNameSpecifierLoc(NNS);
}

std::optional<std::string> BodyVisitor::recordedOn(const Expr *E,
                                                   const CXXMemberCallExpr *&Add) const {
  std::optional<Reached> R = reach(E);
  Add = R ? R->Add : nullptr;
  if (!R || R->Adds > 1 || !R->OnThis)
    return std::nullopt;
  return R->Field;
}

std::pair<const VarDecl *, const StringLiteral *>
BodyVisitor::assignedLiteral(const Stmt *S) const {
  const Expr *To = nullptr, *From = nullptr;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign)
    To = BO->getLHS(), From = BO->getRHS();
  else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(S);
           OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
    To = OC->getArg(0), From = OC->getArg(1);
  if (!To)
    return {};
  const auto *Ref = dyn_cast<DeclRefExpr>(To->IgnoreParenImpCasts());
  const auto *Variable = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Variable || isa<ParmVarDecl>(Variable) || !Variable->hasLocalStorage() ||
      Variable->getDeclContext() != F)
    return {};
  const auto *Literal = dyn_cast<StringLiteral>(stripWrappers(From)->IgnoreParenImpCasts());
  return Literal ? std::make_pair(Variable, Literal)
                 : std::pair<const VarDecl *, const StringLiteral *>();
}

bool BodyVisitor::isRecordingMethod(const CXXMethodDecl *M) {
  const auto *Class = M->getParent();
  if (!Class)
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(Class->getDeclContext());
  if (!NS || !NS->getIdentifier() || NS->getName() != "prometheus")
    return false;
  return llvm::is_contained({"Increment", "Decrement", "Set", "SetToCurrentTime", "Observe",
                             "ObserveMultiple"},
                            M->getName());
}

std::optional<std::string> BodyVisitor::fieldUnder(const Expr *E) const {
  std::optional<Reached> R = reach(E);
  return R ? std::optional<std::string>(R->Field) : std::nullopt;
}

std::optional<BodyVisitor::Reached> BodyVisitor::reach(const Expr *E) const {
  Reached Out;
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
      E = UO->getSubExpr();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
      if (It == Fields.end())
        return std::nullopt;
      Out.Field = It->second;
      Out.OnThis = isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
      return Out;
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Callee = Call->getMethodDecl();
      if (!Callee || !Callee->getIdentifier() || Callee->getName() != "Add")
        return std::nullopt;
      if (!Out.Add)
        Out.Add = Call;
      ++Out.Adds;
      E = Call->getImplicitObjectArgument();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
               Op->getNumArgs() == 1) {
      E = Op->getArg(0); // through a smart pointer
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void BodyVisitor::qualifyType(TypeLoc TL) {
  if (auto TS = TL.getAs<TemplateSpecializationTypeLoc>()) {
    if (const TemplateDecl *T = TS.getTypePtr()->getTemplateName().getAsTemplateDecl())
      qualifyIfBorrowed(T, TS.getTemplateNameLoc());
  } else if (auto Tag = TL.getAs<TagTypeLoc>()) {
    qualifyIfBorrowed(Tag.getDecl(), Tag.getNameLoc());
  } else if (auto Typedef = TL.getAs<TypedefTypeLoc>()) {
    qualifyIfBorrowed(Typedef.getTypedefNameDecl(), Typedef.getNameLoc());
  }
}

void BodyVisitor::qualifyIfBorrowed(const NamedDecl *D, SourceRange Where) {
  if (!D || !D->getDeclName().isIdentifier() || Where.isInvalid())
    return;
  const DeclContext *DC = D->getDeclContext()->getRedeclContext();
  const auto *NS = dyn_cast<NamespaceDecl>(DC);
  if (!NS || NS->isAnonymousNamespace() || DC->Encloses(F->getDeclContext()))
    return;
  PrintingPolicy Policy(F->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressInlineNamespace = true;
  std::string Qualified;
  llvm::raw_string_ostream OS(Qualified);
  D->printQualifiedName(OS, Policy);
  Holes.push_back({Where, {TemplatePiece::Kind::Text, Qualified}});
}

} // namespace mm
