//===--- InjectionUses.cpp - Spans the injection-use recorders share -----===//

#include "matchers/InjectionUses.h"

#include "matchers/FunctionTypeRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace mm {
namespace injection {

using namespace clang;
using namespace clang::ast_matchers;

//===-- Text ranges -------------------------------------------------------===//

/// The file characters of the tokens of \p R; invalid when they are not one
/// contiguous piece of a file.
CharSourceRange fileRange(const Locator &Loc, SourceRange R) {
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                                  Loc.sourceManager(), Loc.langOpts());
}

/// True when the token at \p L is itself written in a file: plain code or a
/// macro argument, not a macro body.
bool writtenInFile(const Locator &Loc, SourceLocation L) {
  const SourceManager &SM = Loc.sourceManager();
  return L.isValid() && (L.isFileID() || SM.getFileLoc(L) == SM.getSpellingLoc(L));
}

/// A raw lexer positioned at the file character location \p At.
std::unique_ptr<Lexer> lexerAt(const Locator &Loc, SourceLocation At) {
  const SourceManager &SM = Loc.sourceManager();
  if (At.isInvalid() || !At.isFileID())
    return nullptr;
  auto [FID, Offset] = SM.getDecomposedLoc(At);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return nullptr;
  return std::make_unique<Lexer>(SM.getLocForStartOfFile(FID), Loc.langOpts(),
                                 Buffer.begin(), Buffer.begin() + Offset, Buffer.end());
}

namespace {

/// \p End, or the end of the `;` that follows it.
SourceLocation withSemicolon(const Locator &Loc, SourceLocation End) {
  std::unique_ptr<Lexer> Lex = lexerAt(Loc, End);
  if (!Lex)
    return End;
  Token T;
  Lex->LexFromRawLexer(T);
  return T.is(tok::semi) ? T.getEndLoc() : End;
}

} // namespace

/// What to delete to drop element \p I of a comma-separated list whose
/// elements cover \p Ranges: with the comma before it, or, for the first,
/// up to the next element; alone, just the element.
SourceSpan listRemoval(const Locator &Loc, llvm::ArrayRef<CharSourceRange> Ranges,
                       size_t I) {
  if (Ranges[I].isInvalid())
    return {};
  if (Ranges.size() == 1)
    return spanBetween(Loc, Ranges[I].getBegin(), Ranges[I].getEnd());
  if (I > 0)
    return Ranges[I - 1].isInvalid()
               ? SourceSpan()
               : spanBetween(Loc, Ranges[I - 1].getEnd(), Ranges[I].getEnd());
  return Ranges[1].isInvalid()
             ? SourceSpan()
             : spanBetween(Loc, Ranges[0].getBegin(), Ranges[1].getBegin());
}

/// `member_(..)` or `member_{..}` as written. The brackets are found by
/// lexing: in a template pattern the initializer's own parentheses may be
/// those of its argument.
SourceRange initializerRange(const Locator &Loc, const CXXCtorInitializer *Init) {
  SourceRange Recorded = Init->getSourceRange();
  SourceLocation Open = Init->getLParenLoc();
  if (Init->isAnyMemberInitializer() && Init->getMemberLocation().isFileID())
    Open = Lexer::getLocForEndOfToken(Init->getMemberLocation(), 0, Loc.sourceManager(),
                                      Loc.langOpts());
  std::unique_ptr<Lexer> Lex = lexerAt(Loc, Open);
  if (!Lex)
    return Recorded;
  unsigned Depth = 0;
  Token T;
  while (true) {
    Lex->LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    if (T.isOneOf(tok::l_paren, tok::l_brace, tok::l_square))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_brace, tok::r_square) && Depth > 0 &&
             --Depth == 0)
      return SourceRange(Init->getSourceLocation(), T.getLocation());
    if (Depth == 0)
      break;
  }
  return Recorded;
}

namespace {

/// True when \p S ends with a `}` of its own rather than with a `;`.
bool endsInBlock(const Stmt *S) {
  while (S) {
    if (isa<CompoundStmt, CXXTryStmt>(S))
      return true;
    if (const auto *If = dyn_cast<IfStmt>(S))
      S = If->getElse() ? If->getElse() : If->getThen();
    else if (const auto *While = dyn_cast<WhileStmt>(S))
      S = While->getBody();
    else if (const auto *For = dyn_cast<ForStmt>(S))
      S = For->getBody();
    else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      S = Range->getBody();
    else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
      S = Switch->getBody();
    else if (const auto *Label = dyn_cast<LabelStmt>(S))
      S = Label->getSubStmt();
    else if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      S = Attributed->getSubStmt();
    else
      return false;
  }
  return false;
}

} // namespace

/// The file characters of statement \p S including its closing `;`.
CharSourceRange statementRange(const Locator &Loc, const Stmt *S) {
  CharSourceRange R = fileRange(Loc, S->getSourceRange());
  if (R.isValid() && !endsInBlock(S))
    R.setEnd(withSemicolon(Loc, R.getEnd()));
  return R;
}

//===-- Names -------------------------------------------------------------===//

/// Qualified name of \p FD, of its template pattern when it is an
/// instantiation, so every instantiation names the code as written.
std::string functionName(const FunctionDecl *FD) {
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  return qualifiedName(FD);
}

std::string className(const CXXRecordDecl *RD) {
  if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
    RD = Pattern;
  return qualifiedName(RD);
}

/// The function whose body holds \p Node, looking through lambdas; "" at
/// namespace scope and in default member initializers.
std::string enclosingFunctionName(ASTContext &Ctx, const DynTypedNode &Node) {
  DynTypedNodeList Parents = Ctx.getParents(Node);
  while (!Parents.empty()) {
    for (const DynTypedNode &P : Parents)
      if (P.get<FieldDecl>() || P.get<CXXDefaultInitExpr>())
        return "";
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>()) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      if (!MD || !MD->getParent()->isLambda())
        return functionName(FD);
    }
    Parents = Ctx.getParents(P);
  }
  return "";
}

} // namespace injection
} // namespace mm
