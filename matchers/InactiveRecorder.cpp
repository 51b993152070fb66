//===--- InactiveRecorder.cpp - Wrapper calls the preprocessor skipped ----===//

#include "matchers/InactiveRecorder.h"

#include "core/TextEdits.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringExtras.h"

#include <map>
#include <optional>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The wrapper-like methods of the service and its interfaces, by name: the
/// first declaration met gives the signature.
std::map<std::string, const CXXMethodDecl *> methodsByName(const InterfaceSet &Set) {
  std::map<std::string, const CXXMethodDecl *> Out;
  for (const CXXRecordDecl *RD : Set.Classes) {
    if (!RD->hasDefinition())
      continue;
    for (const CXXMethodDecl *M : RD->getDefinition()->methods())
      if (M->getIdentifier() && !M->isImplicit() && !isa<CXXConstructorDecl>(M))
        Out.emplace(M->getName().str(), M);
  }
  return Out;
}

/// When the name at \p At in \p Text is called through an object (`x.Name(`
/// or `x->Name(`, spaces allowed around), the identifier before the `.` or
/// `->` (empty when it is not one: `f().Name(`).
std::optional<std::string> memberCallReceiver(llvm::StringRef Text, size_t At, size_t Length) {
  llvm::StringRef After = Text.drop_front(At + Length).ltrim();
  llvm::StringRef Before = Text.take_front(At).rtrim();
  if (!After.starts_with("(") || !(Before.consume_back(".") || Before.consume_back("->")))
    return std::nullopt;
  Before = Before.rtrim();
  size_t Start = Before.size();
  while (Start > 0 && isIdentifierChar(Before[Start - 1]))
    --Start;
  return Before.drop_front(Start).str();
}

} // namespace

void recordInactiveCalls(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         llvm::ArrayRef<SourceRange> Skipped, TUFacts &Out) {
  if (Skipped.empty() || Set.Classes.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<std::string, const CXXMethodDecl *> Methods = methodsByName(Set);

  // Function definitions of the project, found once and only when needed:
  // the one whose body holds a skipped call encloses it.
  std::vector<const FunctionDecl *> Functions;
  bool FunctionsFound = false;
  auto Enclosing = [&](SourceLocation At) -> const FunctionDecl * {
    if (!FunctionsFound) {
      FunctionsFound = true;
      for (const BoundNodes &N : match(
               functionDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("f"),
               Ctx))
        Functions.push_back(N.getNodeAs<FunctionDecl>("f"));
    }
    const FunctionDecl *Best = nullptr;
    for (const FunctionDecl *F : Functions) {
      const Stmt *Body = F->getBody();
      if (!Body)
        continue;
      SourceRange R = Body->getSourceRange();
      if (!SM.isBeforeInTranslationUnit(At, R.getBegin()) &&
          SM.isBeforeInTranslationUnit(At, R.getEnd()) &&
          (!Best || SM.isBeforeInTranslationUnit(Best->getBody()->getBeginLoc(), R.getBegin())))
        Best = F; // the innermost: a lambda's call operator within a function
    }
    return Best;
  };

  for (SourceRange Range : Skipped) {
    SourceLocation Begin = SM.getFileLoc(Range.getBegin());
    if (!Loc.inProject(Begin))
      continue;
    auto [FID, BeginOffset] = SM.getDecomposedLoc(Begin);
    auto [EndFID, EndOffset] = SM.getDecomposedLoc(SM.getFileLoc(Range.getEnd()));
    std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(FID);
    if (!Buffer || EndFID != FID || EndOffset < BeginOffset)
      continue;
    llvm::StringRef Text = Buffer->slice(BeginOffset, EndOffset);
    for (const auto &[Name, Method] : Methods) {
      for (unsigned At : wordsIn(Text, 0, Text.size(), Name)) {
        std::optional<std::string> Receiver = memberCallReceiver(Text, At, Name.size());
        if (!Receiver)
          continue;
        unsigned Offset = BeginOffset + At;
        SourceLocation Where = SM.getComposedLoc(FID, Offset);
        const FunctionDecl *Encl = Enclosing(Where);
        if (Encl && Set.isOrDerives(dyn_cast<CXXRecordDecl>(Encl->getDeclContext())))
          continue; // the service or a double calling itself
        CallSite C;
        C.Loc.File = Loc.file(Where);
        C.Loc.Offset = Offset;
        C.Loc.Length = Name.size();
        C.Loc.Line = SM.getLineNumber(FID, Offset);
        C.Loc.Column = SM.getColumnNumber(FID, Offset);
        C.Wrapper = Name;
        C.Receiver = *Receiver;
        C.Signature = signatureOf(Method);
        C.EnclosingFunction = Encl ? qualifiedName(Encl) : "";
        C.Namespace = Encl ? namespaceOf(Encl) : "";
        C.Module = moduleOf(C.Loc.File);
        C.Inactive = true;
        Out.Partial.CallSites.push_back(std::move(C));
      }
    }
  }
}

} // namespace mm
