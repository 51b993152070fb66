//===--- LocalConstants.cpp - What a body takes along ---------------------===//

#include "matchers/LocalConstants.h"

#include "core/TextEdits.h"

namespace mm {

using namespace clang;

namespace {

/// The comment lines directly above \p D, as written up to its first token
/// (so they end with the line break and indentation before it); "" when
/// there are none.
std::string commentAbove(const Decl *D, const Locator &Loc) {
  const SourceManager &SM = Loc.sourceManager();
  SourceLocation Begin = D->getBeginLoc();
  if (Begin.isInvalid() || !Begin.isFileID())
    return "";
  auto [FID, Offset] = SM.getDecomposedLoc(Begin);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return "";
  return Buffer.slice(leadingComment(Buffer, Offset), Offset).str();
}

} // namespace

LocalConstantSite siteOf(const NamedDecl *Def, const Locator &Loc) {
  LocalConstantSite S;
  S.Name = Def->getNameAsString();
  S.Decl = Loc.span(Def->getSourceRange());
  if (const auto *NS = dyn_cast<NamespaceDecl>(Def->getLexicalDeclContext());
      NS && NS->isAnonymousNamespace())
    S.Namespace = Loc.span(NS->getSourceRange());
  return S;
}

bool isFileLocalConstant(const VarDecl *VD) {
  if (!VD->hasGlobalStorage() || !VD->getType().isConstQualified() || VD->isStaticLocal())
    return false;
  return VD->isStaticDataMember() || !VD->isExternallyVisible();
}

const FunctionDecl *fileLocalFunction(const Decl *D) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (!FD || isa<CXXMethodDecl>(FD) || FD->isExternallyVisible() || FD->isTemplated())
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getDeclContext()->isFileContext())
    return nullptr;
  return Def;
}

void addConstants(const std::set<const VarDecl *> &Vars, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites) {
  for (const VarDecl *VD : Vars) {
    const VarDecl *Def = VD->getDefinition() ? VD->getDefinition() : VD;
    if (!Def->getInit())
      continue;
    std::string Text = Loc.text(Def->getSourceRange());
    if (Text.empty())
      continue;
    if (!llvm::StringRef(Text).starts_with("static") && VD->isStaticDataMember())
      Text = "static " + Text;
    Out[VD->getNameAsString()] = commentAbove(Def, Loc) + Text + ";";
    if (!VD->isStaticDataMember() && Def->getDeclContext()->isFileContext())
      Sites.push_back(siteOf(Def, Loc));
  }
}

void addFunctions(const std::set<const FunctionDecl *> &Functions, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites) {
  for (const FunctionDecl *Def : Functions) {
    std::string Text = Loc.text(Def->getSourceRange());
    if (Text.empty())
      continue;
    Out[Def->getNameAsString()] = commentAbove(Def, Loc) + Text;
    Sites.push_back(siteOf(Def, Loc));
  }
}

void addConstantMembers(const std::set<const FieldDecl *> &Members, const Locator &Loc,
                        std::map<std::string, std::string> &Out,
                        std::vector<LocalConstantSite> &Sites) {
  for (const FieldDecl *FD : Members) {
    std::string Text = Loc.text(FD->getSourceRange());
    if (Text.empty())
      continue;
    // A value its constructor gives follows the name, as written there
    // (`{0.1, 0.5}` of `mBounds{0.1, 0.5}`).
    const CXXCtorInitializer *Giving = constantInitializer(*FD);
    SourceSpan Initializer;
    if (Giving) {
      std::string Init = Loc.text(Giving->getSourceRange());
      llvm::StringRef Value = llvm::StringRef(Init);
      if (!Value.consume_front(FD->getName()))
        continue;
      Initializer = Loc.span(Giving->getSourceRange());
      if (!Initializer.valid())
        continue;
      Text += Value.ltrim().str();
    }
    // One no method writes is as good as const, and says so once out.
    Out[FD->getNameAsString()] =
        commentAbove(FD, Loc) + (FD->getType().isConstQualified() ? "" : "const ") + Text + ";";
    LocalConstantSite Site = siteOf(FD, Loc);
    Site.Member = true;
    Site.Initializer = Initializer;
    Sites.push_back(std::move(Site));
  }
}

} // namespace mm
