//===--- TextEdits.cpp - Small, exact operations on source text -----------===//

#include "core/TextEdits.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace mm {

namespace {

bool isBlank(llvm::StringRef S) { return S.find_first_not_of(" \t\r") == llvm::StringRef::npos; }

/// A raw lexer over \p Text (C++17), which must be followed by a NUL (a
/// std::string's data is), from \p Pos.
clang::Lexer rawLexer(llvm::StringRef Text, unsigned Pos, const clang::LangOptions &LO) {
  return clang::Lexer(clang::SourceLocation(), LO, Text.data(), Text.data() + Pos,
                      Text.data() + Text.size());
}

clang::LangOptions cxx17() {
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  return LO;
}

/// The offset of the first token at or after \p Pos, comments and
/// whitespace skipped as the lexer skips them; the end of \p Text when
/// there is none.
unsigned skipSpaceForward(llvm::StringRef Text, unsigned Pos) {
  const std::string Owned = Text.str();
  clang::LangOptions LO = cxx17();
  clang::Lexer Lex = rawLexer(Owned, Pos, LO);
  clang::Token T;
  Lex.LexFromRawLexer(T);
  if (T.is(clang::tok::eof))
    return static_cast<unsigned>(Text.size());
  return static_cast<unsigned>(Lex.getBufferLocation() - Owned.data()) - T.getLength();
}

/// The tokens of \p Text up to \p End, comments among them (tok::comment).
std::vector<RawToken> tokensWithComments(llvm::StringRef Text, unsigned End) {
  const std::string Owned = Text.take_front(End).str();
  clang::LangOptions LO = cxx17();
  clang::Lexer Lex = rawLexer(Owned, 0, LO);
  Lex.SetCommentRetentionState(true);
  std::vector<RawToken> Out;
  for (clang::Token T;;) {
    Lex.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    RawToken R;
    R.Kind = T.getKind();
    R.Length = T.getLength();
    R.Offset = static_cast<unsigned>(Lex.getBufferLocation() - Owned.data()) - R.Length;
    R.Spelling = Text.substr(R.Offset, R.Length);
    R.StartsLine = T.isAtStartOfLine() || R.Offset == 0;
    Out.push_back(R);
  }
  return Out;
}

/// Whether [Offset, Offset + Length) lies in \p Text: spans recorded from a
/// text that has changed since may not, and are then left as they are.
bool inside(llvm::StringRef Text, unsigned Offset, unsigned Length) {
  return Offset <= Text.size() && Length <= Text.size() - Offset;
}

unsigned skipSpaceBackward(llvm::StringRef Text, unsigned Pos) {
  while (Pos > 0 && llvm::isSpace(Text[Pos - 1]))
    --Pos;
  return Pos;
}

} // namespace

std::pair<unsigned, unsigned> wholeLines(llvm::StringRef Text, unsigned Offset,
                                         unsigned Length) {
  if (!inside(Text, Offset, Length))
    return {Offset, Length};
  // rfind looks strictly before its position.
  size_t LineStart = Text.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Text.find('\n', Offset + Length);
  LineEnd = LineEnd == llvm::StringRef::npos ? Text.size() : LineEnd + 1;
  if (!isBlank(Text.slice(LineStart, Offset)) ||
      !isBlank(Text.slice(Offset + Length, LineEnd).rtrim('\n')))
    return {Offset, Length};
  return {static_cast<unsigned>(LineStart), static_cast<unsigned>(LineEnd - LineStart)};
}

std::pair<unsigned, unsigned> statementLines(llvm::StringRef Text, unsigned Offset,
                                             unsigned Length) {
  if (!inside(Text, Offset, Length))
    return {Offset, Length};
  unsigned End = skipSpaceForward(Text, Offset + Length);
  if (End < Text.size() && Text[End] == ';')
    Length = End + 1 - Offset;
  // A comment after it on its line is about it (`int x_; // why`).
  llvm::StringRef Rest = Text.substr(Offset + Length);
  llvm::StringRef Line = Rest.take_until([](char C) { return C == '\n'; });
  if (Line.ltrim(" \t").starts_with("//"))
    Length += Line.rtrim("\r").size();
  return wholeLines(Text, Offset, Length);
}

std::pair<unsigned, unsigned> declarationLines(llvm::StringRef Text, unsigned Offset,
                                               unsigned Length) {
  if (!inside(Text, Offset, Length))
    return {Offset, Length};
  auto [Begin, Len] = statementLines(Text, Offset, Length);
  unsigned End = Begin + Len;
  bool WholeLines = (Begin == 0 || Text[Begin - 1] == '\n') &&
                    (End == Text.size() || Text[End - 1] == '\n');
  if (!WholeLines)
    return {Begin, Len};
  // Comment lines directly above.
  while (Begin > 0) {
    size_t PrevStart = Text.rfind('\n', Begin - 1); // strictly before
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    llvm::StringRef Prev = Text.slice(PrevStart, Begin).trim();
    if (!Prev.starts_with("//"))
      break;
    Begin = PrevStart;
  }
  // One blank line after, when the line before is blank or opens a block.
  size_t PrevStart = Begin >= 1 ? Text.rfind('\n', Begin - 1) : llvm::StringRef::npos;
  PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
  llvm::StringRef Prev = Begin == 0 ? "" : Text.slice(PrevStart, Begin).trim();
  bool BlankBefore = Begin == 0 || Prev.empty() || Prev.ends_with("{") || Prev.ends_with(":");
  size_t NextEnd = Text.find('\n', End);
  if (BlankBefore && NextEnd != llvm::StringRef::npos && isBlank(Text.slice(End, NextEnd)))
    End = NextEnd + 1;
  return {Begin, End - Begin};
}

unsigned leadingComment(llvm::StringRef Text, unsigned Offset) {
  if (Offset > Text.size())
    return Offset;
  size_t NL = Text.rfind('\n', Offset); // strictly before
  size_t LineStart = NL == llvm::StringRef::npos ? 0 : NL + 1;
  if (!isBlank(Text.slice(LineStart, Offset)))
    return Offset;
  // Back from that line, each comment token that starts a line and ends
  // one, with no blank line between it and what follows it.
  std::vector<RawToken> Tokens = tokensWithComments(Text, static_cast<unsigned>(LineStart));
  unsigned First = Offset;
  size_t Next = LineStart;
  for (auto It = Tokens.rbegin(); It != Tokens.rend(); ++It) {
    llvm::StringRef Gap = Text.slice(It->end(), Next);
    if (!It->is(clang::tok::comment) || !It->StartsLine || !isBlank(Gap.drop_back()) ||
        Gap.count('\n') != 1 || !Gap.ends_with("\n"))
      break;
    First = It->Offset;
    size_t Before = Text.rfind('\n', It->Offset);
    Next = Before == llvm::StringRef::npos ? 0 : Before + 1;
  }
  return First;
}

std::optional<std::pair<unsigned, unsigned>>
explicitOfEmptiedList(llvm::StringRef Text, unsigned Off, unsigned Len) {
  if (!inside(Text, Off, Len))
    return std::nullopt;
  llvm::StringRef Before = Text.take_front(Off).rtrim();
  llvm::StringRef After = Text.drop_front(Off + Len).ltrim();
  if (!Before.consume_back("(") || !After.starts_with(")"))
    return std::nullopt;
  Before = Before.rtrim();
  auto IsWordChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  size_t NameStart = Before.size();
  while (NameStart > 0 && IsWordChar(Before[NameStart - 1]))
    --NameStart;
  if (NameStart == Before.size())
    return std::nullopt;
  llvm::StringRef Lead = Before.take_front(NameStart);
  llvm::StringRef Keyword = Lead.rtrim();
  if (!Keyword.ends_with("explicit"))
    return std::nullopt;
  size_t At = Keyword.size() - 8;
  if (At > 0 && IsWordChar(Keyword[At - 1]))
    return std::nullopt;
  return std::make_pair(static_cast<unsigned>(At), static_cast<unsigned>(NameStart - At));
}

std::pair<unsigned, unsigned> listElement(llvm::StringRef Text, unsigned Offset,
                                          unsigned Length) {
  if (!inside(Text, Offset, Length))
    return {Offset, Length};
  unsigned Before = skipSpaceBackward(Text, Offset);
  if (Before > 0 && Text[Before - 1] == ',') {
    unsigned Start = Before - 1;
    // Comma-first style (`\n  , b(2)`): a line holding only the element
    // goes whole, from the line break before it.
    size_t LineStart = Text.rfind('\n', Start);
    size_t LineEnd = Text.find('\n', Offset + Length);
    if (LineStart != llvm::StringRef::npos &&
        Text.slice(LineStart + 1, Start).trim().empty() &&
        Text.slice(Offset + Length, LineEnd).trim().empty())
      Start = static_cast<unsigned>(LineStart);
    return {Start, Offset + Length - Start};
  }
  unsigned After = skipSpaceForward(Text, Offset + Length);
  if (After < Text.size() && Text[After] == ',') {
    unsigned Next = skipSpaceForward(Text, After + 1);
    return {Offset, Next - Offset};
  }
  return {Offset, Length};
}

namespace {

/// The index of the token closing the bracket at \p Open in \p Tokens
/// (`(`, `[` or `{`); none when it is not closed.
std::optional<size_t> closingToken(llvm::ArrayRef<RawToken> Tokens, size_t Open) {
  using clang::tok::TokenKind;
  TokenKind Left = Tokens[Open].Kind;
  TokenKind Right = Left == clang::tok::l_paren    ? clang::tok::r_paren
                    : Left == clang::tok::l_square ? clang::tok::r_square
                    : Left == clang::tok::l_brace  ? clang::tok::r_brace
                                                   : clang::tok::unknown;
  if (Right == clang::tok::unknown)
    return std::nullopt;
  int Depth = 0;
  for (size_t I = Open; I < Tokens.size(); ++I) {
    if (Tokens[I].is(Left))
      ++Depth;
    else if (Tokens[I].is(Right) && --Depth == 0)
      return I;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::pair<unsigned, unsigned>>
namespaceBody(llvm::StringRef Text, llvm::StringRef Namespace,
              llvm::ArrayRef<std::pair<unsigned, unsigned>> Deleted) {
  if (Namespace.empty())
    return std::nullopt;
  std::vector<RawToken> Tokens = rawTokens(Text);
  auto Goes = [&](const RawToken &Brace) {
    return llvm::any_of(Deleted, [&](const std::pair<unsigned, unsigned> &D) {
      return D.first <= Brace.Offset && Brace.Offset < D.first + D.second;
    });
  };
  // The `{` of the first `namespace NAME {` from token From on that stays.
  auto OpenOf = [&](llvm::StringRef Name, size_t From) -> std::optional<size_t> {
    for (size_t I = From; I < Tokens.size(); ++I) {
      if (!Tokens[I].isWord("namespace"))
        continue;
      std::string Written;
      size_t J = I + 1;
      for (; J < Tokens.size() && Tokens[J].isOneOf(clang::tok::raw_identifier,
                                                    clang::tok::coloncolon);
           ++J)
        Written += Tokens[J].Spelling;
      if (J < Tokens.size() && Tokens[J].is(clang::tok::l_brace) && Written == Name &&
          !Goes(Tokens[J]))
        return J;
    }
    return std::nullopt;
  };
  std::optional<size_t> Open = OpenOf(Namespace, 0);
  if (!Open) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Namespace.split(Parts, "::");
    size_t From = 0;
    for (llvm::StringRef Part : Parts) {
      Open = OpenOf(Part, From);
      if (!Open)
        return std::nullopt;
      From = *Open;
    }
  }
  std::optional<size_t> Close = closingToken(Tokens, *Open);
  if (!Close)
    return std::nullopt;
  return std::make_pair(Tokens[*Open].end(), Tokens[*Close].Offset);
}

unsigned afterIncludes(llvm::StringRef Text) {
  std::vector<RawToken> Tokens = rawTokens(Text);
  unsigned Result = 0;
  // `#ifndef X` then `#define X` before any code: an include guard.
  llvm::StringRef GuardMacro;
  bool Code = false;
  for (size_t I = 0; I < Tokens.size();) {
    // One line of tokens (a directive's escaped newlines join its lines).
    size_t End = I + 1;
    while (End < Tokens.size() && !Tokens[End].StartsLine)
      ++End;
    llvm::ArrayRef<RawToken> Line(Tokens.data() + I, End - I);
    I = End;
    size_t NL = Text.find('\n', Line.back().end());
    unsigned After = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
    if (!Line[0].is(clang::tok::hash) || Line.size() < 2) {
      Code = true;
      continue;
    }
    llvm::StringRef Directive = Line[1].Spelling;
    llvm::StringRef Name = Line.size() > 2 ? Line[2].Spelling : "";
    if (Directive == "include" || (Directive == "pragma" && Name == "once"))
      Result = After;
    else if (!Code && GuardMacro.empty() && Directive == "ifndef")
      GuardMacro = Name;
    else if (!Code && !GuardMacro.empty() && Directive == "define" && Name == GuardMacro) {
      Result = std::max(Result, After);
      Code = true;
    } else {
      Code = true;
    }
  }
  return Result;
}

std::string applyWithin(llvm::StringRef Text, unsigned Offset, unsigned Length,
                        std::vector<Edit> Inner) {
  std::sort(Inner.begin(), Inner.end());
  std::string Out;
  unsigned Pos = Offset;
  for (const Edit &E : Inner) {
    if (E.Offset < Pos || E.Offset + E.Length > Offset + Length)
      continue;
    Out += Text.slice(Pos, E.Offset);
    Out += E.Text;
    Pos = E.Offset + E.Length;
  }
  Out += Text.slice(Pos, Offset + Length);
  return Out;
}

bool needsParens(llvm::StringRef Arg, llvm::StringRef Before, llvm::StringRef After) {
  namespace tok = clang::tok;
  // A comma at depth 0 would split an argument list; `<` and `>` count as
  // brackets (template arguments).
  int Depth = 0;
  bool TopComma = false, TopOperator = false;
  for (const RawToken &T : rawTokens(Arg)) {
    if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace, tok::less))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace, tok::greater))
      --Depth;
    else if (T.is(tok::greatergreater))
      Depth -= 2;
    else if (Depth == 0 && T.is(tok::comma))
      TopComma = true;
    else if (Depth == 0 &&
             T.isOneOf(tok::plus, tok::minus, tok::star, tok::slash, tok::percent, tok::amp,
                       tok::pipe, tok::caret, tok::exclaim, tok::equal, tok::question,
                       tok::colon, tok::tilde, tok::plusplus, tok::minusminus, tok::ampamp,
                       tok::pipepipe, tok::exclaimequal, tok::equalequal, tok::lessequal,
                       tok::greaterequal, tok::spaceship, tok::lessless, tok::plusequal,
                       tok::minusequal, tok::starequal, tok::slashequal, tok::percentequal,
                       tok::ampequal, tok::pipeequal, tok::caretequal, tok::lesslessequal,
                       tok::greatergreaterequal, tok::periodstar, tok::arrowstar))
      TopOperator = true;
  }
  llvm::StringRef B = Before.rtrim(), A = After.ltrim();
  bool ArgumentPosition = (B.ends_with("(") || B.ends_with(",") || B.ends_with("{")) &&
                          (A.starts_with(")") || A.starts_with(",") || A.starts_with("}"));
  if (ArgumentPosition)
    return TopComma;
  return TopComma || TopOperator;
}

std::vector<unsigned> wordsIn(llvm::StringRef Text, size_t Begin, size_t End,
                              llvm::StringRef Word) {
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  std::vector<unsigned> Out;
  End = std::min(End, Text.size());
  for (size_t Pos = Text.find(Word, Begin); Pos != llvm::StringRef::npos && Pos < End;
       Pos = Text.find(Word, Pos + 1)) {
    size_t After = Pos + Word.size();
    if ((Pos == 0 || !IsIdent(Text[Pos - 1])) && (After >= Text.size() || !IsIdent(Text[After])))
      Out.push_back(Pos);
  }
  return Out;
}

bool namesInCode(llvm::StringRef Code, llvm::StringRef Word) {
  return namesAnyInCode(Code, {Word.str()});
}

bool namesAnyInCode(llvm::StringRef Code, llvm::ArrayRef<std::string> Words) {
  if (llvm::none_of(Words, [&](const std::string &W) { return containsWord(Code, W); }))
    return false;
  std::vector<RawToken> Tokens = rawTokens(Code);
  for (size_t I = 0; I < Tokens.size(); ++I) {
    const RawToken &T = Tokens[I];
    if (T.is(clang::tok::hash) && I + 1 < Tokens.size() &&
        (Tokens[I + 1].isWord("include") || Tokens[I + 1].isWord("include_next") ||
         Tokens[I + 1].isWord("import"))) {
      size_t LineEnd = Code.find('\n', T.Offset);
      while (I + 1 < Tokens.size() && Tokens[I + 1].Offset < LineEnd)
        ++I;
      continue;
    }
    if (T.is(clang::tok::raw_identifier) && llvm::is_contained(Words, T.Spelling))
      return true;
  }
  return false;
}

std::vector<RawToken> rawTokens(llvm::StringRef Text) {
  // The lexer reads up to a NUL: the text is held with one right after it.
  const std::string Owned = Text.str();
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  clang::Lexer Lex(clang::SourceLocation(), LO, Owned.data(), Owned.data(),
                   Owned.data() + Owned.size());
  std::vector<RawToken> Out;
  for (clang::Token T;;) {
    Lex.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    unsigned End = Lex.getBufferLocation() - Owned.data();
    RawToken R;
    R.Kind = T.getKind();
    R.Length = T.getLength();
    R.Offset = End - R.Length;
    R.Spelling = Text.substr(R.Offset, R.Length);
    R.StartsLine = T.isAtStartOfLine();
    Out.push_back(R);
  }
  return Out;
}

std::vector<Directive> directives(llvm::StringRef Text) {
  std::vector<RawToken> Tokens = rawTokens(Text);
  std::vector<Directive> Out;
  for (size_t I = 0; I + 1 < Tokens.size(); ++I) {
    const RawToken &Hash = Tokens[I], &Name = Tokens[I + 1];
    if (!Hash.is(clang::tok::hash) || !Hash.StartsLine || Name.StartsLine ||
        !Name.is(clang::tok::raw_identifier))
      continue;
    Directive D;
    D.Name = Name.Spelling;
    D.Offset = Hash.Offset;
    if (I + 2 < Tokens.size() && !Tokens[I + 2].StartsLine)
      D.Argument = Tokens[I + 2].Spelling;
    Out.push_back(D);
  }
  return Out;
}

size_t closingBracket(llvm::StringRef Text, size_t Open) {
  if (Open >= Text.size() || !llvm::StringRef("([{").contains(Text[Open]))
    return llvm::StringRef::npos;
  std::vector<RawToken> Tokens = rawTokens(Text.drop_front(Open));
  std::optional<size_t> Close = closingToken(Tokens, 0);
  return Close ? Open + Tokens[*Close].Offset : llvm::StringRef::npos;
}

bool holdsNoCode(llvm::StringRef Text) {
  // The tokens outside directives must read as `[inline] namespace [a[::b]]
  // { ... }` and `;`, nested, with nothing else inside.
  std::vector<RawToken> Code;
  bool InDirective = false;
  for (const RawToken &T : rawTokens(Text)) {
    if (T.StartsLine)
      InDirective = T.is(clang::tok::hash);
    if (!InDirective)
      Code.push_back(T);
  }
  int Depth = 0;
  for (size_t I = 0; I < Code.size();) {
    if (Code[I].is(clang::tok::semi)) {
      ++I;
    } else if (Code[I].is(clang::tok::r_brace) && Depth > 0) {
      --Depth;
      ++I;
    } else {
      if (Code[I].isWord("inline"))
        ++I;
      if (I == Code.size() || !Code[I].isWord("namespace"))
        return false;
      for (++I; I < Code.size() && Code[I].isOneOf(clang::tok::raw_identifier,
                                                    clang::tok::coloncolon);)
        ++I;
      if (I == Code.size() || !Code[I].is(clang::tok::l_brace))
        return false;
      ++Depth;
      ++I;
    }
  }
  return Depth == 0;
}

std::optional<std::string> foldLiteralCondition(llvm::StringRef Code, unsigned At) {
  using clang::tok::TokenKind;
  std::vector<RawToken> Tokens = rawTokens(Code);
  auto Is = [&](size_t I, llvm::StringRef Word) { return Tokens[I].isWord(Word); };
  size_t I = 0;
  while (I < Tokens.size() && Tokens[I].Offset < At)
    ++I;
  if (I + 2 >= Tokens.size() || Tokens[I].Offset != At || !(Is(I, "true") || Is(I, "false")) ||
      !Tokens[I + 1].is(clang::tok::question))
    return std::nullopt;
  if (I > 0 && !Tokens[I - 1].isOneOf(clang::tok::l_paren, clang::tok::l_brace,
                                      clang::tok::l_square, clang::tok::comma,
                                      clang::tok::equal, clang::tok::semi) &&
      !Is(I - 1, "return"))
    return std::nullopt;
  // The `:` of this conditional, then the end of its false branch: the
  // first `,`, `;`, closing bracket or unmatched `:` outside brackets.
  auto Scan = [&](size_t From, bool ToColon) -> std::optional<size_t> {
    int Depth = 0;
    unsigned Open = 0; // conditionals nested in the branch
    for (size_t J = From; J < Tokens.size(); ++J) {
      const RawToken &T = Tokens[J];
      if (T.isOneOf(clang::tok::l_paren, clang::tok::l_brace, clang::tok::l_square)) {
        ++Depth;
      } else if (T.isOneOf(clang::tok::r_paren, clang::tok::r_brace, clang::tok::r_square)) {
        if (--Depth < 0)
          return ToColon ? std::nullopt : std::optional<size_t>(J);
      } else if (Depth == 0 && T.is(clang::tok::question)) {
        ++Open;
      } else if (Depth == 0 && T.is(clang::tok::colon)) {
        if (Open > 0)
          --Open;
        else
          return J;
      } else if (Depth == 0 && T.isOneOf(clang::tok::comma, clang::tok::semi)) {
        return ToColon ? std::nullopt : std::optional<size_t>(J);
      }
    }
    return ToColon ? std::nullopt : std::optional<size_t>(Tokens.size());
  };
  std::optional<size_t> Colon = Scan(I + 2, true);
  if (!Colon || *Colon == I + 2)
    return std::nullopt;
  std::optional<size_t> End = Scan(*Colon + 1, false);
  if (!End || *End == *Colon + 1)
    return std::nullopt;
  auto [First, Last] = Is(I, "true") ? std::make_pair(I + 2, *Colon - 1)
                                     : std::make_pair(*Colon + 1, *End - 1);
  std::string Branch = Code.slice(Tokens[First].Offset, Tokens[Last].end()).str();
  return (Code.take_front(At) + Branch + Code.drop_front(Tokens[*End - 1].end())).str();
}

} // namespace mm

