//===--- MacroCallSite.cpp - A wrapper call written in a macro ------------===//
//
// Reads a wrapper call site written in a macro (MacroCallSite.h): where it
// is rewritten, and for a call in the macro's definition, the receiver
// parameter of the `#define` that goes with it.
//
//===----------------------------------------------------------------------===//

#include "matchers/MacroCallSite.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

namespace mm {

using namespace clang;

namespace {

/// The object \p Base of a call in a macro's body is one of its
/// parameters (`(t).Record(why)`), used for nothing else there, and its
/// argument has no side effects: where that parameter is listed in the
/// `#define`, and the argument at this use, both to go.
bool recordMacroReceiverParam(ASTContext &Ctx, const Expr &Base, const MemberExpr &ME,
                              const Locator &Loc, CallSite &C) {
  const SourceManager &SM = Loc.sourceManager();
  std::string Param = Loc.definitionText(Base.getSourceRange());
  SourceSpan Arg = Loc.span(Base.getSourceRange());
  if (!clang::isValidAsciiIdentifier(Param) || !Arg.valid() ||
      Base.HasSideEffects(Ctx))
    return false;
  SourceLocation Member = SM.getSpellingLoc(ME.getMemberLoc());
  FileID FID = SM.getFileID(Member);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  // The directive holding the call: back to its `#`, over continued lines.
  unsigned At = SM.getFileOffset(Member);
  size_t Begin = Buffer.rfind('\n', At);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  while (Begin >= 2 && Buffer.substr(0, Begin - 1).rtrim(" \t\r").ends_with("\\")) {
    size_t Previous = Buffer.rfind('\n', Begin - 2);
    Begin = Previous == llvm::StringRef::npos ? 0 : Previous + 1;
  }
  size_t End = At;
  while ((End = Buffer.find('\n', End)) != llvm::StringRef::npos &&
         Buffer.substr(0, End).rtrim(" \t\r").ends_with("\\"))
    ++End;
  llvm::StringRef Directive =
      Buffer.slice(Begin, End == llvm::StringRef::npos ? Buffer.size() : End);
  std::vector<RawToken> Tokens = rawTokens(Directive);
  // `# define NAME ( params ) body`, the parameter once in the body.
  if (Tokens.size() < 5 || !Tokens[0].is(tok::hash) || !Tokens[1].isWord("define") ||
      !Tokens[3].is(tok::l_paren) || Tokens[3].Offset != Tokens[2].end())
    return false;
  const RawToken *Listed = nullptr;
  size_t I = 4;
  for (; I < Tokens.size() && !Tokens[I].is(tok::r_paren); ++I)
    if (Tokens[I].isWord(Param))
      Listed = &Tokens[I];
  unsigned InBody = 0;
  for (++I; I < Tokens.size(); ++I)
    InBody += Tokens[I].isWord(Param);
  if (!Listed || InBody != 1)
    return false;
  SourceLocation ParamLoc = SM.getComposedLoc(FID, Begin + Listed->Offset);
  C.MacroReceiverParam = Loc.span(SourceRange(ParamLoc, ParamLoc));
  C.MacroReceiverArg = std::move(Arg);
  return C.MacroReceiverParam.valid();
}

} // namespace

bool inOneMacroArgument(const Expr &E, const SourceManager &SM) {
  SourceLocation B = E.getBeginLoc(), End = E.getEndLoc();
  if (!SM.isMacroArgExpansion(B) || !SM.isMacroArgExpansion(End) ||
      SM.getImmediateExpansionRange(B).getBegin() !=
          SM.getImmediateExpansionRange(End).getBegin())
    return false;
  SourceLocation SB = SM.getSpellingLoc(B), SE = SM.getSpellingLoc(End);
  return SM.getFileID(SB) == SM.getFileID(SE) && !SM.isBeforeInTranslationUnit(SE, SB);
}

void recordMacroCall(ASTContext &Ctx, const CallExpr &Call, const Locator &Loc, CallSite &C) {
  const SourceManager &SM = Loc.sourceManager();
  C.Macro = Lexer::getImmediateMacroName(Call.getBeginLoc(), SM, Loc.langOpts()).str();
  const auto *ME = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!ME || SM.isMacroArgExpansion(ME->getMemberLoc()) ||
      SM.isMacroArgExpansion(Call.getRParenLoc()))
    return;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  bool FromArgument = !ME->isImplicitAccess() && (SM.isMacroArgExpansion(Base->getBeginLoc()) ||
                                                  SM.isMacroArgExpansion(Base->getEndLoc()));
  SourceSpan Def = Loc.definitionSpan(Call.getSourceRange());
  if (!Def.valid())
    return;
  if (FromArgument && !recordMacroReceiverParam(Ctx, *Base, *ME, Loc, C))
    return;
  std::vector<std::string> Args;
  for (const Expr *Arg : Call.arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    std::string Text = Loc.definitionText(Arg->getSourceRange());
    if (Text.empty())
      return;
    Args.push_back(std::move(Text));
  }
  C.MacroDefinition = Def;
  C.MacroArgs = std::move(Args);
}

} // namespace mm
