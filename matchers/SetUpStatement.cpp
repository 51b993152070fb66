//===--- SetUpStatement.cpp - What a constructor statement does to metrics ===//

#include "matchers/SetUpStatement.h"

#include "core/TextEdits.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace mm {

using namespace clang;

namespace {

class SetUpVisitor : public RecursiveASTVisitor<SetUpVisitor> {
public:
  SetUpVisitor(const std::map<const FieldDecl *, std::string> &Fields, SourceRange Within,
               const SourceManager &SM)
      : Fields(Fields), Within(Within), SM(SM) {}

  bool VisitCXXThisExpr(CXXThisExpr *) {
    ++ThisUses;
    return true;
  }

  bool VisitMemberExpr(MemberExpr *E) {
    // `family_.Add`: the outer member expression of a use.
    if (metricField(E->getBase()))
      Accesses[cast<MemberExpr>(E->getBase()->IgnoreParenImpCasts())] = E;
    if (!isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()))
      return true;
    const auto *FD = dyn_cast<FieldDecl>(E->getMemberDecl());
    if (FD && Fields.count(FD->getCanonicalDecl())) {
      Named.insert(FD->getCanonicalDecl());
      Uses.push_back(E);
    } else if (constantMember(E)) {
      ++ConstantMembers; // copied beside the family, named as it is
    } else {
      Other = true; // another field or a method of the service
    }
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const ValueDecl *D = E->getDecl();
    if (isa<ParmVarDecl>(D) || isa<BindingDecl>(D)) {
      Other = Other || !declaredWithin(D);
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->isStaticDataMember())
        Other = Other || !(VD->getType().isConstQualified() && VD->getInit());
      else if (VD->hasLocalStorage() || VD->isStaticLocal())
        Other = Other || !declaredWithin(VD);
    } else if (const auto *M = dyn_cast<CXXMethodDecl>(D)) {
      Other = Other || M->isStatic(); // `Service::helper()`, unqualified elsewhere
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && metricField(BO->getLHS()))
      Assigns = true;
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->isAssignmentOp() && OC->getNumArgs() == 2 && metricField(OC->getArg(0)))
      Assigns = true;
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "Add" &&
        metricField(Call->getImplicitObjectArgument()))
      Adds.push_back(Call);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *) {
    Leaves = Leaves || LambdaDepth == 0;
    return true;
  }
  bool VisitGotoStmt(GotoStmt *) {
    Leaves = true;
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *) {
    Leaves = true;
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // `[this]` would name an object the family's definition has not.
    for (const LambdaCapture &C : L->explicit_captures())
      Other = Other || C.capturesThis();
    ++LambdaDepth;
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
    --LambdaDepth;
    return Result;
  }

  const std::map<const FieldDecl *, std::string> &Fields;
  SourceRange Within;
  const SourceManager &SM;
  unsigned ThisUses = 0, ConstantMembers = 0, LambdaDepth = 0;
  bool Other = false, Assigns = false, Leaves = false;
  std::set<const FieldDecl *> Named;
  std::vector<const MemberExpr *> Uses;
  std::map<const MemberExpr *, const MemberExpr *> Accesses;
  std::vector<const CXXMemberCallExpr *> Adds;

private:
  /// `f` or `this->f`, a metric field of the service.
  const FieldDecl *metricField(const Expr *E) const {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return nullptr;
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    return FD && Fields.count(FD->getCanonicalDecl()) ? FD : nullptr;
  }

  bool declaredWithin(const Decl *D) const {
    SourceLocation L = D->getLocation();
    return L.isValid() && !SM.isBeforeInTranslationUnit(L, Within.getBegin()) &&
           !SM.isBeforeInTranslationUnit(Within.getEnd(), L);
  }
};

} // namespace

SetUpRead readSetUpStatement(const Stmt &S,
                             const std::map<const FieldDecl *, std::string> &Fields,
                             const Locator &Loc) {
  const SourceManager &SM = Loc.sourceManager();
  SetUpRead Out;
  SetUpVisitor V(Fields, S.getSourceRange(), SM);
  V.TraverseStmt(const_cast<Stmt *>(&S));
  Out.Fields = V.Named;
  Out.Assigns = V.Assigns;
  Out.Adds = V.Adds;
  if (V.Named.size() != 1 || V.Assigns || V.Other || V.Leaves || isa<DeclStmt>(S) ||
      V.ThisUses != V.Uses.size() + V.ConstantMembers)
    return Out;

  // The statement as written, with the `;` that ends it.
  SourceLocation Begin = S.getBeginLoc(), End = S.getEndLoc();
  if (Begin.isMacroID() || End.isMacroID())
    return Out;
  FileID FID = SM.getFileID(Begin);
  if (FID != SM.getFileID(End))
    return Out;
  SourceLocation After = Lexer::getLocForEndOfToken(End, 0, SM, Loc.langOpts());
  SourceLocation Semi = Lexer::findLocationAfterToken(End, tok::semi, SM, Loc.langOpts(),
                                                      /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (Semi.isValid())
    After = Semi;
  unsigned From = SM.getFileOffset(Begin), To = SM.getFileOffset(After);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || To < From || To > Buffer.size())
    return Out;

  SetUpStatement Statement;
  Statement.Site = Loc.span(S.getSourceRange());
  Statement.Site.Length = To - Statement.Site.Offset;
  // The comment lines above it go where it goes.
  unsigned TextFrom = leadingComment(Buffer, From);
  Statement.Text = Buffer.slice(TextFrom, To).str();
  for (const MemberExpr *Use : V.Uses) {
    // Each names the field as the object of a member access written here.
    auto Access = V.Accesses.find(Use);
    if (Access == V.Accesses.end())
      return Out;
    SourceLocation UseBegin = Use->getBeginLoc(), Op = Access->second->getOperatorLoc();
    if (UseBegin.isMacroID() || Op.isMacroID() || SM.getFileID(UseBegin) != FID ||
        SM.getFileID(Op) != FID)
      return Out;
    unsigned UseFrom = SM.getFileOffset(UseBegin);
    unsigned UseTo = SM.getFileOffset(Op) + (Access->second->isArrow() ? 2 : 1);
    if (UseFrom < From || UseTo > To)
      return Out;
    Statement.FamilyUses.emplace_back(UseFrom - TextFrom, UseTo - UseFrom);
  }
  std::sort(Statement.FamilyUses.begin(), Statement.FamilyUses.end());
  Out.Statement = std::move(Statement);
  return Out;
}

} // namespace mm
