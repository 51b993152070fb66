//===--- ASTUtil.cpp - From AST nodes to plain locations and text ---------===//

#include "matchers/ASTUtil.h"

#include "matchers/ServiceRecorder.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace mm {

Locator::Locator(const clang::ASTContext &Ctx, llvm::StringRef ProjectRoot)
    : Locator(Ctx.getSourceManager(), Ctx.getLangOpts(), ProjectRoot) {}

Locator::Locator(const clang::SourceManager &SM, const clang::LangOptions &LO,
                 llvm::StringRef ProjectRoot)
    : SM(SM), LO(LO) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(ProjectRoot, Real))
    Real = ProjectRoot;
  Root = std::string(Real);
}

clang::CharSourceRange Locator::fileRange(clang::SourceRange Range) const {
  return clang::Lexer::makeFileCharRange(
      clang::CharSourceRange::getTokenRange(Range), SM, LO);
}

std::string Locator::pathOf(clang::FileID FID) const {
  auto It = PathCache.find(FID);
  if (It != PathCache.end())
    return It->second;
  std::string Result;
  if (auto Entry = SM.getFileEntryRefForID(FID)) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Entry->getName(), Real)) {
      Real = Entry->getName();
      llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
    }
    llvm::StringRef Path = Real;
    if (!Root.empty() && Path.starts_with(Root) &&
        Path.drop_front(Root.size()).starts_with("/"))
      Path = Path.drop_front(Root.size() + 1);
    Result = Path.str();
  }
  PathCache[FID] = Result;
  return Result;
}

std::string Locator::file(clang::SourceLocation Loc) const {
  if (Loc.isInvalid())
    return "";
  return pathOf(SM.getFileID(SM.getFileLoc(Loc)));
}

bool Locator::inProject(clang::SourceLocation Loc) const {
  std::string F = file(Loc);
  return !F.empty() && !llvm::sys::path::is_absolute(F);
}

SourceSpan Locator::span(clang::SourceRange Range) const {
  SourceSpan S;
  clang::CharSourceRange R = fileRange(Range);
  if (R.isInvalid()) {
    // Not one contiguous piece of a file (e.g. spans a macro boundary): keep
    // the start as written so the site can still be named.
    clang::SourceLocation Begin = SM.getFileLoc(Range.getBegin());
    if (Begin.isInvalid())
      return S;
    auto [FID, Offset] = SM.getDecomposedLoc(Begin);
    S.File = pathOf(FID);
    S.Offset = Offset;
    S.Line = SM.getLineNumber(FID, Offset);
    S.Column = SM.getColumnNumber(FID, Offset);
    return S;
  }
  auto [FID, Begin] = SM.getDecomposedLoc(R.getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(R.getEnd());
  S.File = pathOf(FID);
  S.Offset = Begin;
  S.Length = EndFID == FID && End >= Begin ? End - Begin : 0;
  S.Line = SM.getLineNumber(FID, Begin);
  S.Column = SM.getColumnNumber(FID, Begin);
  return S;
}

SourceSpan Locator::span(const clang::Decl *D) const {
  return span(D->getSourceRange());
}

SourceSpan Locator::span(const clang::Stmt *S) const {
  return span(S->getSourceRange());
}

std::string Locator::text(clang::SourceRange Range) const {
  clang::CharSourceRange R = fileRange(Range);
  if (R.isInvalid())
    return "";
  bool Invalid = false;
  llvm::StringRef Text = clang::Lexer::getSourceText(R, SM, LO, &Invalid);
  return Invalid ? "" : Text.str();
}

std::string Locator::text(const clang::Stmt *S) const {
  return text(S->getSourceRange());
}

clang::SourceRange Locator::definitionRange(clang::SourceRange Range) const {
  // A token from a macro argument goes back to the parameter it replaced.
  auto InBody = [&](clang::SourceLocation L) {
    while (L.isMacroID() && SM.isMacroArgExpansion(L))
      L = SM.getImmediateExpansionRange(L).getBegin();
    return L;
  };
  clang::SourceLocation Begin = InBody(Range.getBegin());
  clang::SourceLocation End = InBody(Range.getEnd());
  if (!Begin.isMacroID() || !End.isMacroID() ||
      SM.getImmediateExpansionRange(Begin).getBegin() !=
          SM.getImmediateExpansionRange(End).getBegin())
    return {};
  Begin = SM.getImmediateSpellingLoc(Begin);
  End = SM.getImmediateSpellingLoc(End);
  if (Begin.isMacroID() || End.isMacroID() || SM.getFileID(Begin) != SM.getFileID(End) ||
      SM.getFileOffset(End) < SM.getFileOffset(Begin) || !inProject(Begin))
    return {};
  return {Begin, End};
}

SourceSpan Locator::definitionSpan(clang::SourceRange Range) const {
  clang::SourceRange R = definitionRange(Range);
  return R.isValid() ? span(R) : SourceSpan();
}

std::string Locator::definitionText(clang::SourceRange Range) const {
  clang::SourceRange R = definitionRange(Range);
  return R.isValid() ? text(R) : "";
}

MethodDecl methodDecl(const clang::CXXMethodDecl *M, const Locator &Loc) {
  MethodDecl Out;
  Out.Signature = signatureOf(M);
  clang::SourceLocation Begin = M->getBeginLoc();
  Out.Loc = Begin.isMacroID()
                ? Loc.span(Loc.sourceManager().getExpansionRange(Begin).getAsRange())
                : Loc.span(M);
  return Out;
}

const clang::ParmVarDecl *parameterReachedThrough(const clang::Expr *E, bool &Through) {
  using namespace clang;
  Through = false;
  E = E->IgnoreParenImpCasts();
  for (;;) {
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isImplicitAccess())
      E = ME->getBase()->IgnoreParenImpCasts();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
      E = Op->getArg(0)->IgnoreParenImpCasts();
    else
      break;
    Through = true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

const clang::Expr *spelled(const clang::Expr *E) {
  while (true) {
    const clang::Expr *Next = E->IgnoreUnlessSpelledInSource()->IgnoreParens();
    if (Next == E)
      return E;
    E = Next;
  }
}

const clang::FunctionDecl *enclosingFunction(clang::ASTContext &Ctx, const clang::Stmt *S,
                                             bool *InLambda) {
  clang::DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const clang::DynTypedNode &P = Parents[0];
    if (P.get<clang::LambdaExpr>() && InLambda)
      *InLambda = true;
    if (const auto *FD = P.get<clang::FunctionDecl>()) {
      const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD);
      if (!MD || !MD->getParent()->isLambda())
        return FD;
      if (InLambda)
        *InLambda = true;
    }
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

SourceSpan statementInBlock(clang::ASTContext &Ctx, const clang::Expr *E, const Locator &Loc,
                            bool &NeedsBraces) {
  NeedsBraces = false;
  const clang::Stmt *S = E;
  clang::DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty() && Parents[0].get<clang::ExprWithCleanups>()) {
    S = Parents[0].get<clang::ExprWithCleanups>();
    Parents = Ctx.getParents(*S);
  }
  if (Parents.size() != 1)
    return {};
  const clang::DynTypedNode &P = Parents[0];
  auto IsBody = [&](const clang::Stmt *Body) { return Body == S; };
  if (const auto *If = P.get<clang::IfStmt>()) {
    if (!IsBody(If->getThen()) && !IsBody(If->getElse()))
      return {};
    NeedsBraces = true;
  } else if (const auto *While = P.get<clang::WhileStmt>()) {
    if (!IsBody(While->getBody()))
      return {};
    NeedsBraces = true;
  } else if (const auto *For = P.get<clang::ForStmt>()) {
    if (!IsBody(For->getBody()))
      return {};
    NeedsBraces = true;
  } else if (const auto *Range = P.get<clang::CXXForRangeStmt>()) {
    if (!IsBody(Range->getBody()))
      return {};
    NeedsBraces = true;
  } else if (P.get<clang::CaseStmt>() || P.get<clang::DefaultStmt>()) {
    // A label left with nothing after it does not compile before C++23.
    NeedsBraces = true;
  } else if (!P.get<clang::CompoundStmt>()) {
    return {};
  }
  const clang::SourceManager &SM = Loc.sourceManager();
  clang::SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  if (Begin.isMacroID() || End.isMacroID())
    return {};
  clang::SourceLocation Semi = clang::Lexer::findLocationAfterToken(
      End, clang::tok::semi, SM, Loc.langOpts(), /*SkipTrailingWhitespaceAndNewLine=*/false);
  return spanBetween(Loc, Begin, Semi);
}

SourceSpan spanBetween(const Locator &Loc, clang::SourceLocation Begin, clang::SourceLocation End) {
  const clang::SourceManager &SM = Loc.sourceManager();
  if (Begin.isInvalid() || End.isInvalid() || !Begin.isFileID() || !End.isFileID())
    return {};
  auto [FID, B] = SM.getDecomposedLoc(Begin);
  auto [EndFID, E] = SM.getDecomposedLoc(End);
  if (FID != EndFID || E < B)
    return {};
  SourceSpan S;
  S.File = Loc.file(Begin);
  S.Offset = B;
  S.Length = E - B;
  S.Line = SM.getLineNumber(FID, B);
  S.Column = SM.getColumnNumber(FID, B);
  return S;
}

std::string qualifiedName(const clang::NamedDecl *D) {
  std::string Result;
  llvm::raw_string_ostream OS(Result);
  clang::PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTemplateArgsInCXXConstructors = true;
  D->printQualifiedName(OS, Policy);
  return OS.str();
}

std::string namespaceOf(const clang::Decl *D) {
  for (const clang::DeclContext *Ctx = D->getDeclContext(); Ctx; Ctx = Ctx->getParent()) {
    const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(Ctx);
    if (NS && !NS->isAnonymousNamespace() && !NS->isInline())
      return qualifiedName(NS);
  }
  return "";
}

bool dependentAsWritten(const clang::FunctionDecl *FD, unsigned I) {
  const clang::FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  return Pattern && I < Pattern->getNumParams() &&
         Pattern->getParamDecl(I)->getType()->isDependentType();
}

std::string defaultArgument(const clang::ParmVarDecl *P, const Locator &Loc) {
  if (!P->hasDefaultArg() || P->hasUninstantiatedDefaultArg())
    return "";
  // A braced default's range may start at its `=`.
  std::string Spelled = Loc.text(P->getDefaultArgRange());
  llvm::StringRef Text = llvm::StringRef(Spelled).trim();
  Text.consume_front("=");
  return Text.ltrim().str();
}

bool mentionsThis(const clang::Stmt *S) {
  if (clang::isa<clang::CXXThisExpr>(S))
    return true;
  for (const clang::Stmt *Child : S->children())
    if (Child && mentionsThis(Child))
      return true;
  return false;
}

bool isGTestFixture(const clang::CXXRecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  bool Found = false;
  if (RD)
    RD->forallBases([&](const clang::CXXRecordDecl *Base) {
      Found = Found || qualifiedName(Base) == "testing::Test";
      return !Found;
    });
  return Found;
}

std::string gtestName(const clang::CXXMethodDecl *TestBody, const Locator &Loc) {
  const clang::SourceManager &SM = Loc.sourceManager();
  llvm::StringRef Macro = clang::Lexer::getSourceText(SM.getExpansionRange(TestBody->getLocation()), SM,
                                               Loc.langOpts());
  llvm::StringRef Args = Macro.substr(Macro.find('(') + 1).rsplit(')').first;
  auto [Suite, Name] = Args.split(',');
  return Name.empty() ? TestBody->getParent()->getNameAsString()
                      : (Suite.trim() + "." + Name.trim()).str();
}

} // namespace mm
