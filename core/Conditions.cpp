//===--- Conditions.cpp - Preprocessor branches in a file's text ----------===//

#include "core/Conditions.h"

#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <optional>

namespace mm {

namespace {

/// `X` when \p C reads `defined X` or `defined(X)`.
std::optional<llvm::StringRef> definedName(llvm::StringRef C) {
  C = C.trim();
  if (!C.consume_front("defined"))
    return std::nullopt;
  C = C.trim();
  if (C.consume_front("(")) {
    if (!C.consume_back(")"))
      return std::nullopt;
    C = C.trim();
  }
  if (C.empty() || !llvm::all_of(C, [](char Ch) { return llvm::isAlnum(Ch) || Ch == '_'; }))
    return std::nullopt;
  return C;
}

/// One directive line: its keyword and the rest of its text, comments as
/// written, continuation lines joined.
struct Directive {
  unsigned Offset = 0;  ///< Of the `#`.
  unsigned LineEnd = 0; ///< Just past its newline (or the text's end).
  std::string Keyword;
  std::string Rest;
};

std::vector<Directive> directives(llvm::StringRef Text) {
  std::vector<Directive> Out;
  std::string Owned = Text.str(); // The lexer reads up to a terminating NUL.
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  clang::Lexer Lex(clang::SourceLocation(), LO, Owned.data(), Owned.data(),
                   Owned.data() + Owned.size());
  for (clang::Token T;;) {
    Lex.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    if (!T.is(clang::tok::hash) || !T.isAtStartOfLine())
      continue;
    unsigned HashEnd = Lex.getBufferLocation() - Owned.data();
    Directive D;
    D.Offset = HashEnd - T.getLength();
    // The line, with `\` continuations.
    size_t End = D.Offset;
    while (true) {
      End = Text.find('\n', End);
      if (End == llvm::StringRef::npos) {
        End = Text.size();
        break;
      }
      if (End > 0 && Text[End - 1] == '\\') {
        ++End;
        continue;
      }
      ++End;
      break;
    }
    D.LineEnd = End;
    llvm::StringRef Line = Text.slice(D.Offset + 1, End).trim();
    size_t Word = Line.find_if_not([](char C) { return llvm::isAlnum(C) || C == '_'; });
    D.Keyword = Line.take_front(Word).str();
    llvm::StringRef Rest = Line.drop_front(std::min(Word, Line.size()));
    // A trailing comment is not part of the condition.
    if (size_t Comment = Rest.find("//"); Comment != llvm::StringRef::npos)
      Rest = Rest.take_front(Comment);
    if (size_t Comment = Rest.find("/*"); Comment != llvm::StringRef::npos)
      Rest = Rest.take_front(Comment);
    D.Rest = Rest.trim().str();
    Out.push_back(std::move(D));
    // Go on lexing from the next line.
    Lex.seek(End, /*IsAtStartOfLine=*/true);
  }
  return Out;
}

struct Open {
  std::string Condition;
  bool Guard = false;
};

/// Walks the directives up to \p At; calls back with the stack there.
std::vector<Open> stackAt(const std::vector<Directive> &Ds, unsigned At, size_t &Next) {
  std::vector<Open> Stack;
  Next = 0;
  for (; Next < Ds.size() && Ds[Next].Offset < At; ++Next) {
    const Directive &D = Ds[Next];
    if (D.Keyword == "if" || D.Keyword == "ifdef" || D.Keyword == "ifndef") {
      Open O;
      if (D.Keyword == "ifdef")
        O.Condition = "defined(" + D.Rest + ")";
      else if (D.Keyword == "ifndef") {
        O.Condition = "!defined(" + D.Rest + ")";
        O.Guard = Next + 1 < Ds.size() && Ds[Next + 1].Keyword == "define" &&
                  llvm::StringRef(Ds[Next + 1].Rest).starts_with(D.Rest) &&
                  Ds[Next + 1].Offset <= D.LineEnd + 1;
      } else
        O.Condition = normalCondition(D.Rest);
      Stack.push_back(std::move(O));
    } else if (D.Keyword == "elif" || D.Keyword == "else") {
      if (!Stack.empty()) {
        Stack.back().Condition.clear();
        Stack.back().Guard = false;
      }
    } else if (D.Keyword == "endif" && !Stack.empty()) {
      Stack.pop_back();
    }
  }
  return Stack;
}

} // namespace

std::string normalCondition(llvm::StringRef Condition) {
  llvm::StringRef C = Condition.trim();
  if (std::optional<llvm::StringRef> Name = definedName(C))
    return "defined(" + Name->str() + ")";
  if (C.starts_with("!"))
    if (std::optional<llvm::StringRef> Name = definedName(C.drop_front()))
      return "!defined(" + Name->str() + ")";
  std::string Out;
  bool Blank = false;
  for (char Ch : C) {
    if (llvm::isSpace(Ch)) {
      Blank = true;
      continue;
    }
    if (Blank && !Out.empty())
      Out += ' ';
    Blank = false;
    Out += Ch;
  }
  return Out;
}

std::vector<std::string> openConditions(llvm::StringRef Text, unsigned At) {
  size_t Next = 0;
  std::vector<std::string> Out;
  for (const Open &O : stackAt(directives(Text), At, Next))
    if (!O.Guard)
      Out.push_back(O.Condition);
  return Out;
}

unsigned pastOpenBranches(llvm::StringRef Text, unsigned At) {
  std::vector<Directive> Ds = directives(Text);
  size_t Next = 0;
  std::vector<Open> Stack = stackAt(Ds, At, Next);
  // The outermost branch that is not a guard.
  size_t Depth = 0;
  while (Depth < Stack.size() && Stack[Depth].Guard)
    ++Depth;
  if (Depth == Stack.size())
    return At;
  size_t Open = Stack.size();
  for (; Next < Ds.size(); ++Next) {
    const Directive &D = Ds[Next];
    if (D.Keyword == "if" || D.Keyword == "ifdef" || D.Keyword == "ifndef")
      ++Open;
    else if (D.Keyword == "endif" && --Open == Depth)
      return D.LineEnd;
  }
  return At;
}

std::string openingDirective(llvm::StringRef Condition) {
  std::string C = normalCondition(Condition);
  llvm::StringRef R = C;
  if (R.starts_with("defined(") && R.ends_with(")"))
    return "#ifdef " + R.drop_front(8).drop_back().str();
  if (R.starts_with("!defined(") && R.ends_with(")"))
    return "#ifndef " + R.drop_front(9).drop_back().str();
  return "#if " + C;
}

} // namespace mm
