//===--- InterfaceMentionRecorder.cpp - What else of an interface is named ===//
//
// Also the using-directives and namespace aliases naming the service's own
// namespace (Facts::ServiceNamespaceUses).
//
//===----------------------------------------------------------------------===//

#include "matchers/InterfaceMentionRecorder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"

namespace mm {

namespace {

using namespace clang;
using namespace clang::ast_matchers;

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

/// The binding names of the matched nodes.
constexpr llvm::StringLiteral RefId = "ref", TypeId = "type", DirectiveId = "directive",
                              AliasId = "alias";

class InterfaceMentions : public MatchFinder::MatchCallback, public Recorder {
public:
  InterfaceMentions(const InterfaceSet &Set, const Locator &Loc) : Set(Set), Loc(Loc) {}

  /// As written only: a template instantiation or implicit code repeats
  /// what its pattern names, or names nothing the source does.
  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    auto Written = [](auto Matcher) { return traverse(TK_IgnoreUnlessSpelledInSource, Matcher); };
    Finder.addMatcher(Written(declRefExpr().bind(RefId)), this);
    Finder.addMatcher(Written(typeLoc().bind(TypeId)), this);
    Finder.addMatcher(Written(usingDirectiveDecl().bind(DirectiveId)), this);
    Finder.addMatcher(Written(namespaceAliasDecl().bind(AliasId)), this);
  }

  void run(const MatchFinder::MatchResult &Result) override {
    const BoundNodes &Nodes = Result.Nodes;
    if (const auto *E = Nodes.getNodeAs<DeclRefExpr>(RefId))
      noteReference(E);
    else if (const auto *TL = Nodes.getNodeAs<TypeLoc>(TypeId))
      noteType(*TL);
    else if (const auto *U = Nodes.getNodeAs<UsingDirectiveDecl>(DirectiveId))
      noteNamespace(U->getNominatedNamespace(), U->getLocation());
    else if (const auto *A = Nodes.getNodeAs<NamespaceAliasDecl>(AliasId))
      noteNamespace(A->getNamespace(), A->getLocation());
  }

  /// Appends what was recorded in the order of the source (the traversal
  /// meets a qualified name before its qualifier).
  void finish(TUFacts &Out) override {
    llvm::stable_sort(Mentions, [](const InterfaceMention &A, const InterfaceMention &B) {
      return A.Loc < B.Loc;
    });
    llvm::append_range(Out.Scan.InterfaceMentions, Mentions);
    llvm::append_range(Out.Scan.ServiceNamespaceUses, NamespaceUses);
  }

private:
  /// A static member, an enumerator, a variable or function the interface
  /// declares; not an instance method, a field or a parameter.
  void noteReference(const DeclRefExpr *E) {
    const ValueDecl *D = E->getDecl();
    if (const auto *M = dyn_cast<CXXMethodDecl>(D); M && !M->isStatic())
      return;
    if (isa<FieldDecl>(D) || isa<ParmVarDecl>(D))
      return;
    note(D, E->getLocation());
  }

  /// A nested class, enum or alias of the interface, named as a type.
  void noteType(TypeLoc TL) {
    if (auto Tag = TL.getAs<TagTypeLoc>())
      note(Tag.getDecl(), Tag.getNameLoc());
    else if (auto Alias = TL.getAs<TypedefTypeLoc>())
      note(Alias.getTypedefNameDecl(), Alias.getNameLoc());
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
    Mentions.push_back({qualifiedName(I), D->getNameAsString(), Span});
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
      NamespaceUses.push_back(Span);
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<InterfaceMention> Mentions;
  std::vector<SourceSpan> NamespaceUses;
};

} // namespace

std::unique_ptr<Recorder> interfaceMentionRecorder(const InterfaceSet &Set, const Locator &Loc) {
  return std::make_unique<InterfaceMentions>(Set, Loc);
}

void recordInterfaceMentions(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                             TUFacts &Out) {
  runRecorders(Ctx, {interfaceMentionRecorder(Set, Loc).get()}, Out);
}

} // namespace mm
