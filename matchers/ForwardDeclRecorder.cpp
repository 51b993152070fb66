//===--- ForwardDeclRecorder.cpp - Forward declarations of the service ----===//

#include "matchers/ForwardDeclRecorder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mm {

namespace {

using namespace clang;
using namespace clang::ast_matchers;

/// The `;` ending the declaration \p D, as a location; invalid when the
/// next token is not one.
SourceLocation semicolonAfter(const Decl *D, const Locator &Loc) {
  std::optional<Token> Next =
      Lexer::findNextToken(D->getEndLoc(), Loc.sourceManager(), Loc.langOpts());
  return Next && Next->is(tok::semi) ? Next->getLocation() : SourceLocation();
}

/// The block written around \p D when it holds \p D alone, written
/// `namespace name {` or `namespace a::b::name {`: removing it leaves
/// nothing else behind. Null otherwise.
const NamespaceDecl *blockHoldingOnly(const NamespaceDecl *NS, const Decl *D,
                                      const Locator &Loc) {
  std::string Names;
  for (const Decl *Inner = D; NS; Inner = NS, NS = dyn_cast<NamespaceDecl>(NS->getParent())) {
    if (NS->isAnonymousNamespace() || NS->isInline() || !NS->getIdentifier())
      return nullptr;
    auto Decls = NS->decls();
    if (std::distance(Decls.begin(), Decls.end()) != 1 || *Decls.begin() != Inner)
      return nullptr;
    Names = NS->getName().str() + (Names.empty() ? "" : "::" + Names);
    // `namespace a::b {` is one block over two declarations, the inner
    // one nested.
    if (NS->isNested())
      continue;
    std::string Text = Loc.text(NS->getSourceRange());
    llvm::StringRef Head = llvm::StringRef(Text).split('{').first.trim();
    return Head == "namespace " + Names ? NS : nullptr;
  }
  return nullptr;
}

} // namespace

void recordForwardDeclarations(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                               TUFacts &Out) {
  if (Set.Names.empty())
    return;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  for (const BoundNodes &N :
       match(traverse(TK_IgnoreUnlessSpelledInSource,
                      findAll(cxxRecordDecl(unless(isDefinition())).bind("d"))),
             Ctx)) {
    const auto *RD = N.getNodeAs<CXXRecordDecl>("d");
    if (!Seen.insert(RD).second || !Set.contains(RD) || RD->isEmbeddedInDeclarator() || RD->getFriendObjectKind() ||
        isa<ClassTemplateSpecializationDecl>(RD) || RD->getDescribedClassTemplate() ||
        !Loc.inProject(RD->getLocation()) || RD->getBeginLoc().isMacroID())
      continue;
    ForwardDeclaration F;
    F.Class = qualifiedName(RD);
    const auto *NS = dyn_cast<NamespaceDecl>(RD->getLexicalDeclContext());
    if (const NamespaceDecl *Block = blockHoldingOnly(NS, RD, Loc)) {
      F.Decl = Loc.span(Block->getSourceRange());
    } else {
      SourceLocation Semi = semicolonAfter(RD, Loc);
      if (Semi.isInvalid())
        continue;
      F.Decl = Loc.span(SourceRange(RD->getBeginLoc(), Semi));
    }
    if (F.Decl.valid())
      Out.Scan.ForwardDeclarations.push_back(std::move(F));
  }
}

} // namespace mm
