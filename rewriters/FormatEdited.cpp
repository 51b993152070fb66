//===--- FormatEdited.cpp - clang-format on edited lines only -------------===//
//
// clang-format formats whole unwrapped lines (statements, declarations) and,
// past them, whatever its line joiner and indentation fixer reach. We let it
// format the edited ranges, then keep only the replacements that fall on the
// edited statements' lines. A replacement crossing a line break between an
// edited and an unedited line (the whitespace before a line's first token)
// is cut to the edited side; one that removes that line break is dropped.
//
//===----------------------------------------------------------------------===//

#include "rewriters/FormatEdited.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

namespace mm {

namespace {

/// Start offsets of the physical lines of a text.
class LineTable {
public:
  explicit LineTable(llvm::StringRef Code) {
    Starts.push_back(0);
    for (size_t I = 0; I < Code.size(); ++I)
      if (Code[I] == '\n')
        Starts.push_back(I + 1);
  }
  unsigned count() const { return Starts.size(); }
  unsigned start(unsigned Line) const { return Starts[Line]; }
  unsigned lineOf(unsigned Offset) const {
    return std::upper_bound(Starts.begin(), Starts.end(), Offset) - Starts.begin() - 1;
  }

private:
  std::vector<unsigned> Starts;
};

/// What the raw tokens of one physical line tell about statement ends.
struct LineTokens {
  bool HasToken = false;
  bool Directive = false; ///< A preprocessor line (or its continuation).
  clang::tok::TokenKind First = clang::tok::unknown;
  clang::tok::TokenKind Last = clang::tok::unknown;
  llvm::StringRef FirstIdentifier;
  int ParenDepthAfter = 0;
};

bool isLabelKeyword(llvm::StringRef Identifier) {
  return llvm::StringSwitch<bool>(Identifier)
      .Cases("public", "protected", "private", "case", "default", true)
      .Cases("signals", "slots", "Q_SIGNALS", "Q_SLOTS", true)
      .Default(false);
}

} // namespace

std::vector<bool> continuesOnNextLine(llvm::StringRef Code,
                                      const clang::LangOptions &LangOpts) {
  LineTable Lines(Code);
  std::vector<LineTokens> Info(Lines.count());
  std::string Buffer = Code.str(); // The lexer wants a terminating NUL.
  clang::Lexer Lex(clang::SourceLocation(), LangOpts, Buffer.data(), Buffer.data(),
                   Buffer.data() + Buffer.size());
  int Depth = 0;
  clang::Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    unsigned End = Lex.getBufferLocation() - Buffer.data();
    LineTokens &Line = Info[Lines.lineOf(End - Tok.getLength())];
    if (!Line.HasToken) {
      Line.HasToken = true;
      Line.First = Tok.getKind();
      if (Tok.is(clang::tok::raw_identifier))
        Line.FirstIdentifier = Tok.getRawIdentifier();
    }
    Line.Last = Tok.getKind();
    if (Tok.isOneOf(clang::tok::l_paren, clang::tok::l_square))
      ++Depth;
    else if (Tok.isOneOf(clang::tok::r_paren, clang::tok::r_square))
      Depth = std::max(0, Depth - 1);
    Line.ParenDepthAfter = Depth;
  }

  auto EndsWithBackslash = [&](unsigned L) {
    unsigned Begin = Lines.start(L);
    unsigned EndOfLine = L + 1 < Lines.count() ? Lines.start(L + 1) : Code.size();
    return Code.slice(Begin, EndOfLine).rtrim().ends_with("\\");
  };
  std::vector<bool> Continues(Lines.count(), false);
  for (unsigned L = 0; L + 1 < Lines.count(); ++L) {
    LineTokens &A = Info[L];
    const LineTokens &B = Info[L + 1];
    if (A.HasToken && A.First == clang::tok::hash)
      A.Directive = true;
    if (A.Directive) {
      Continues[L] = EndsWithBackslash(L);
      Info[L + 1].Directive = Continues[L];
      continue;
    }
    if (!A.HasToken || !B.HasToken || B.First == clang::tok::hash ||
        B.First == clang::tok::r_brace)
      continue;
    if (A.Last == clang::tok::semi && A.ParenDepthAfter == 0)
      continue;
    if (A.Last == clang::tok::l_brace || A.Last == clang::tok::r_brace)
      continue;
    if (A.Last == clang::tok::colon && isLabelKeyword(A.FirstIdentifier))
      continue;
    Continues[L] = true;
  }
  return Continues;
}

namespace {

/// Formats with \p Style and keeps what falls on the edited statements.
/// Sets \p DroppedJoin when a line break between an edited and an unedited
/// line was to go.
clang::tooling::Replacements
formatAndFilter(const clang::format::FormatStyle &Style, llvm::StringRef Code,
                llvm::ArrayRef<clang::tooling::Range> Ranges,
                llvm::StringRef FileName, bool &DroppedJoin) {
  using clang::tooling::Replacement;
  DroppedJoin = false;
  clang::tooling::Replacements All =
      clang::format::reformat(Style, Code, Ranges, FileName);
  if (All.empty())
    return All;

  // The edited lines, widened to whole statements.
  LineTable Lines(Code);
  std::vector<bool> Continues =
      continuesOnNextLine(Code, clang::format::getFormattingLangOpts(Style));
  std::vector<bool> Edited(Lines.count(), false);
  for (const clang::tooling::Range &R : Ranges) {
    // Whole lines taken out leave nothing to lay out on the line after,
    // unless it closes the block they emptied (`{` and `}` may join).
    bool AtLineStart = R.getOffset() == 0 || Code[R.getOffset() - 1] == '\n';
    if (R.getLength() == 0 && AtLineStart &&
        !Code.substr(R.getOffset()).ltrim(" \t").starts_with("}"))
      continue;
    unsigned Last = R.getOffset() + (R.getLength() ? R.getLength() - 1 : 0);
    for (unsigned L = Lines.lineOf(R.getOffset()); L <= Lines.lineOf(Last); ++L)
      Edited[L] = true;
  }
  for (unsigned L = 0; L + 1 < Lines.count(); ++L)
    if (Edited[L] && Continues[L])
      Edited[L + 1] = true;
  for (unsigned L = Lines.count() - 1; L > 0; --L)
    if (Edited[L] && Continues[L - 1])
      Edited[L - 1] = true;

  clang::tooling::Replacements Kept;
  auto Keep = [&](unsigned Offset, unsigned Length, llvm::StringRef Text) {
    if (Code.substr(Offset, Length) == Text)
      return;
    // A subset of one valid set, in order: it cannot conflict.
    llvm::consumeError(Kept.add(Replacement(FileName, Offset, Length, Text)));
  };
  for (const Replacement &R : All) {
    unsigned Begin = R.getOffset(), End = Begin + R.getLength();
    unsigned BeginLine = Lines.lineOf(Begin), EndLine = Lines.lineOf(End);
    bool AllEdited = true;
    for (unsigned L = BeginLine; L <= EndLine; ++L)
      AllEdited = AllEdited && Edited[L];
    if (AllEdited) {
      Keep(Begin, R.getLength(), R.getReplacementText());
      continue;
    }
    if (BeginLine == EndLine)
      continue; // On an unedited line.
    llvm::StringRef Old = Code.slice(Begin, End), New = R.getReplacementText();
    if (!New.contains('\n')) {
      DroppedJoin = DroppedJoin || Edited[BeginLine] || Edited[EndLine];
      continue;
    }
    // Whitespace across a line break: keep the breaks, fix only the blanks
    // that belong to an edited line.
    if (Edited[BeginLine])
      Keep(Begin, Old.find('\n'), New.take_until([](char C) { return C == '\n'; }));
    if (Edited[EndLine]) {
      size_t OldTail = Old.rfind('\n') + 1;
      Keep(Begin + OldTail, Old.size() - OldTail, New.substr(New.rfind('\n') + 1));
    }
  }
  return Kept;
}

} // namespace

clang::tooling::Replacements
formatEditedLines(const clang::format::FormatStyle &Style, llvm::StringRef Code,
                  llvm::ArrayRef<clang::tooling::Range> Ranges,
                  llvm::StringRef FileName) {
  bool DroppedJoin = false;
  clang::tooling::Replacements Kept =
      formatAndFilter(Style, Code, Ranges, FileName, DroppedJoin);
  if (!DroppedJoin)
    return Kept;
  // The layout counted on pulling a neighbour onto an edited line (a short
  // function or block). Lay the edited lines out again with only empty
  // bodies merged (`Foo::Foo() {}` stays whole), and with no merge at all if
  // even that pulls a neighbour in.
  using FS = clang::format::FormatStyle;
  FS Merges = Style;
  Merges.AllowShortCaseExpressionOnASingleLine = false;
  Merges.AllowShortCaseLabelsOnASingleLine = false;
  Merges.AllowShortCompoundRequirementOnASingleLine = false;
  Merges.AllowShortEnumsOnASingleLine = false;
  Merges.AllowShortIfStatementsOnASingleLine = FS::SIS_Never;
  Merges.AllowShortLoopsOnASingleLine = false;
  for (bool EmptyOnly : {true, false}) {
    Merges.AllowShortBlocksOnASingleLine =
        EmptyOnly && Style.AllowShortBlocksOnASingleLine != FS::SBS_Never ? FS::SBS_Empty
                                                                          : FS::SBS_Never;
    // Inline and All imply Empty; InlineOnly does not.
    bool MergesEmpty = Style.AllowShortFunctionsOnASingleLine != FS::SFS_None &&
                       Style.AllowShortFunctionsOnASingleLine != FS::SFS_InlineOnly;
    Merges.AllowShortFunctionsOnASingleLine =
        EmptyOnly && MergesEmpty ? FS::SFS_Empty : FS::SFS_None;
    Merges.AllowShortLambdasOnASingleLine =
        EmptyOnly && Style.AllowShortLambdasOnASingleLine != FS::SLS_None ? FS::SLS_Empty
                                                                          : FS::SLS_None;
    Kept = formatAndFilter(Merges, Code, Ranges, FileName, DroppedJoin);
    if (!DroppedJoin)
      break;
  }
  return Kept;
}

} // namespace mm
