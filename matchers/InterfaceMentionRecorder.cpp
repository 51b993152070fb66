//===--- InterfaceMentionRecorder.cpp - What else of an interface is named ===//
//
// Also the using-directives and namespace aliases naming the service's own
// namespace (Facts::ServiceNamespaceUses).
//
//===----------------------------------------------------------------------===//

#include "matchers/InterfaceMentionRecorder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace mm {

namespace {

using namespace clang;

/// The interface of \p Set declaring \p D (through nested enums and
/// classes), or null.
const CXXRecordDecl *declaringInterface(const Decl *D, const InterfaceSet &Set) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC))
      if (Set.contains(RD))
        return RD;
    if (!isa<TagDecl>(DC))
      return nullptr;
  }
  return nullptr;
}

class Visitor : public RecursiveASTVisitor<Visitor> {
public:
  Visitor(const InterfaceSet &Set, const Locator &Loc, TUFacts &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const ValueDecl *D = E->getDecl();
    if (const auto *M = dyn_cast<CXXMethodDecl>(D); M && !M->isStatic())
      return true;
    if (isa<FieldDecl>(D) || isa<ParmVarDecl>(D))
      return true;
    note(D, E->getLocation());
    return true;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    note(TL.getDecl(), TL.getNameLoc());
    return true;
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    note(TL.getTypedefNameDecl(), TL.getNameLoc());
    return true;
  }
  bool VisitUsingDirectiveDecl(UsingDirectiveDecl *U) {
    noteNamespace(U->getNominatedNamespace(), U->getLocation());
    return true;
  }
  bool VisitNamespaceAliasDecl(NamespaceAliasDecl *A) {
    noteNamespace(A->getNamespace(), A->getLocation());
    return true;
  }

private:
  void note(const NamedDecl *D, SourceLocation Where) {
    if (!D || !D->getIdentifier() || Where.isInvalid())
      return;
    const CXXRecordDecl *I = declaringInterface(D, Set);
    if (!I)
      return;
    const SourceManager &SM = Loc.sourceManager();
    SourceLocation At = SM.getFileLoc(Where);
    if (!Loc.inProject(At))
      return;
    // Inside the interface itself, any of its declarations.
    for (const TagDecl *R : I->redecls()) {
      SourceRange Range = R->getSourceRange();
      if (Range.isValid() &&
          SM.isPointWithin(At, SM.getFileLoc(Range.getBegin()), SM.getFileLoc(Range.getEnd())))
        return;
    }
    SourceSpan Span = Loc.span(SourceRange(At, At));
    if (!Span.valid())
      return;
    Out.Scan.InterfaceMentions.push_back({qualifiedName(I), D->getNameAsString(), Span});
  }

  /// A using-directive or alias at \p Where naming \p NS: noted when it is
  /// the service's own namespace.
  void noteNamespace(const NamespaceDecl *NS, SourceLocation Where) {
    const auto *Own = Set.Service ? dyn_cast<NamespaceDecl>(Set.Service->getDeclContext())
                                  : nullptr;
    if (!NS || !Own || NS->getCanonicalDecl() != Own->getCanonicalDecl() || Where.isInvalid())
      return;
    SourceLocation At = Loc.sourceManager().getFileLoc(Where);
    if (!Loc.inProject(At))
      return;
    if (SourceSpan Span = Loc.span(SourceRange(At, At)); Span.valid())
      Out.Scan.ServiceNamespaceUses.push_back(Span);
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  TUFacts &Out;
};

} // namespace

void recordInterfaceMentions(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                             TUFacts &Out) {
  if (Set.Names.empty())
    return;
  Visitor(Set, Loc, Out).TraverseAST(Ctx);
}

} // namespace mm
