//===--- ReviewReads.cpp - What the review reads the migration by ---------===//
//
// Evidence at a span or an item, lines of a text, the builder chains of a
// written text (by the raw lexer), edits covering a span, the labels a
// wrapper's template passes, whether a label value is bounded.
//
//===----------------------------------------------------------------------===//

#include "report/ReviewBuilder.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace mm {
namespace review {

namespace {

/// The value of an ordinary or raw string literal token's spelling
/// (`"a\\n"`, `R"x(a)x"`); simple escapes only, as metric names and help
/// strings use.
std::string literalValue(llvm::StringRef Spelling) {
  if (Spelling.consume_front("R\"")) {
    size_t Open = Spelling.find('(');
    if (Open == llvm::StringRef::npos)
      return "";
    llvm::StringRef Delimiter = Spelling.take_front(Open);
    Spelling = Spelling.drop_front(Open + 1);
    Spelling.consume_back("\"");
    Spelling.consume_back(Delimiter);
    Spelling.consume_back(")");
    return Spelling.str();
  }
  if (!Spelling.consume_front("\"") || !Spelling.consume_back("\""))
    return "";
  std::string Out;
  for (size_t I = 0; I < Spelling.size(); ++I) {
    if (Spelling[I] != '\\' || I + 1 == Spelling.size()) {
      Out += Spelling[I];
      continue;
    }
    switch (char C = Spelling[++I]) {
    case 'n': Out += '\n'; break;
    case 't': Out += '\t'; break;
    default: Out += C; break;
    }
  }
  return Out;
}

} // namespace

Evidence at(const SourceSpan &S, std::string Note) {
  return {S.File, S.Line, std::move(Note)};
}

Evidence at(const ManualItem &M) { return {M.File, M.Line, M.What + ": " + M.Why}; }

unsigned lineCount(llvm::StringRef Text) {
  return Text.empty() ? 0 : Text.count('\n') + (Text.ends_with("\n") ? 0 : 1);
}

/// 1-based line of \p Offset in \p Text.
unsigned lineAt(llvm::StringRef Text, size_t Offset) {
  return Text.take_front(Offset).count('\n') + 1;
}

/// Where a failed TU's entry (`tu.cpp: file:line:col: error: ...`) puts
/// its first error; the TU's first line when it names none.
Evidence firstErrorOf(const std::string &Entry) {
  static const llvm::Regex At("^[^:]+: ([^:]+):([0-9]+):[0-9]+: ");
  llvm::SmallVector<llvm::StringRef, 3> Groups;
  unsigned Line = 0;
  if (At.match(Entry, &Groups) && !Groups[2].getAsInteger(10, Line))
    return {Groups[1].str(), Line, Entry};
  return {Entry.substr(0, Entry.find(':')), 1, Entry};
}

/// `1 finding`, `2 findings`.
std::string plural(size_t N, llvm::StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}


/// Every `.Method(<string literals>)` of \p Text, in order. Read with the
/// raw lexer, so comments and raw strings cannot mislead it, and however a
/// house style spaces it (`.Name ("x")`).
std::vector<MethodCall> methodCalls(llvm::StringRef Text, llvm::StringRef Method) {
  clang::LangOptions LangOpts;
  LangOpts.CPlusPlus = LangOpts.CPlusPlus11 = LangOpts.CPlusPlus17 = true;
  LangOpts.RawStringLiterals = true;
  std::string Buffer = Text.str(); // The lexer wants a terminating NUL.
  clang::Lexer Lex(clang::SourceLocation(), LangOpts, Buffer.data(), Buffer.data(),
                   Buffer.data() + Buffer.size());
  auto Spelling = [&](const clang::Token &Tok) {
    const char *End = Lex.getBufferLocation();
    return llvm::StringRef(End - Tok.getLength(), Tok.getLength());
  };
  clang::Token Tok;
  // The state: 0 looking for `.`, 1 for the method's name, 2 for `(`, 3 in
  // its literals.
  int State = 0;
  size_t Dot = 0;
  std::vector<MethodCall> Out;
  std::optional<std::string> Value;
  for (Lex.LexFromRawLexer(Tok); Tok.isNot(clang::tok::eof); Lex.LexFromRawLexer(Tok)) {
    llvm::StringRef Spelled = Spelling(Tok);
    if (State == 3) {
      if (Tok.is(clang::tok::string_literal)) {
        Value = Value.value_or("") + literalValue(Spelled);
        continue;
      }
      if (Value && Tok.is(clang::tok::r_paren))
        Out.push_back({Dot, *Value});
      Value.reset();
      State = 0;
    }
    if (Tok.is(clang::tok::period)) {
      State = 1;
      Dot = Spelled.data() - Buffer.data();
    } else if (State == 1 && Tok.is(clang::tok::raw_identifier) && Spelled == Method) {
      State = 2;
    } else if (State == 2 && Tok.is(clang::tok::l_paren)) {
      State = 3;
    } else {
      State = 0;
    }
  }
  return Out;
}

/// The value of `.Method(<string literals>)` in a builder chain; "" when
/// there is none.
std::string chainString(llvm::StringRef Chain, llvm::StringRef Method) {
  std::vector<MethodCall> Calls = methodCalls(Chain, Method);
  return Calls.empty() ? "" : Calls.front().Value;
}

/// The argument text of `.Labels(..)` in a builder chain, "" when none.
std::string chainLabels(llvm::StringRef Chain) {
  size_t At = Chain.find(".Labels(");
  if (At == llvm::StringRef::npos)
    return "";
  llvm::StringRef Rest = Chain.drop_front(At + 8);
  int Depth = 1;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] == '(')
      ++Depth;
    else if (Rest[I] == ')' && --Depth == 0)
      return Rest.take_front(I).str();
  }
  return "";
}

/// True when an edit of \p Edits covers the whole of \p S.
bool covered(const EditSet &Edits, const SourceSpan &S) {
  auto It = Edits.Files.find(S.File);
  if (It == Edits.Files.end())
    return false;
  return llvm::any_of(It->second.Edits, [&](const Edit &E) {
    return E.Length > 0 && E.Offset <= S.Offset && S.Offset + S.Length <= E.Offset + E.Length;
  });
}

/// The parameters of a wrapper used as a label value: `{"key", p}`.
std::set<std::string> labelParams(const BodyTemplate &Template) {
  std::set<std::string> Out;
  const std::vector<TemplatePiece> &Pieces = Template.pieces();
  for (size_t I = 1; I < Pieces.size(); ++I) {
    if (Pieces[I].K != TemplatePiece::Kind::Param || Pieces[I - 1].isHole())
      continue;
    llvm::StringRef Before = llvm::StringRef(Pieces[I - 1].Value).rtrim();
    // `{"key", ` just before the hole.
    if (!Before.consume_back(","))
      continue;
    Before = Before.rtrim();
    if (!Before.consume_back("\""))
      continue;
    size_t Quote = Before.rfind('"');
    if (Quote == llvm::StringRef::npos || !Before.take_front(Quote).rtrim().ends_with("{"))
      continue;
    Out.insert(Pieces[I].Value);
  }
  return Out;
}

/// A value from a closed set: a literal, a constant, an enumerator, or a
/// choice between such.
bool isBounded(llvm::StringRef Arg) {
  Arg = Arg.trim();
  if (Arg.starts_with("\"") && Arg.ends_with("\"") && Arg.count('"') == 2)
    return true;
  if (Arg.contains('?')) {
    auto [Cond, Choices] = Arg.split('?');
    auto [A, B] = Choices.split(':');
    return isBounded(A) && isBounded(B);
  }
  // kConstant, UPPER_CASE, Enum::kValue
  llvm::StringRef Last = Arg.rsplit("::").second.empty() ? Arg : Arg.rsplit("::").second;
  if (Last.size() > 1 && Last[0] == 'k' && llvm::isUpper(Last[1]))
    return true;
  return !Last.empty() && llvm::all_of(Last, [](char C) {
    return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
  });
}

} // namespace review
} // namespace mm
