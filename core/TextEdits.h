//===--- TextEdits.h - Small, exact operations on source text ---*- C++ -*-===//
//
// The rewriters work on plain text plus the spans the matchers recorded. These
// helpers turn a span into the range that removes it cleanly (whole lines,
// the separating comma of a list element), find where a namespace's body
// starts, and apply nested edits to a slice of text. Pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_TEXTEDITS_H
#define METRICS_MIGRATE_CORE_TEXTEDITS_H

#include "core/Edit.h"

#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace mm {

/// [Offset, Offset + Length) widened to whole lines when nothing but
/// whitespace shares those lines (the newline after goes too); otherwise
/// unchanged.
std::pair<unsigned, unsigned> wholeLines(llvm::StringRef Text, unsigned Offset,
                                         unsigned Length);

/// The range removing a declaration ending at [Offset, Offset + Length)
/// followed by `;` (skipping whitespace), as whole lines when possible.
std::pair<unsigned, unsigned> statementLines(llvm::StringRef Text, unsigned Offset,
                                             unsigned Length);

/// The range removing a whole declaration: statementLines, plus the comment
/// lines directly above it, plus one blank line after it when a blank line
/// (or the start of a block) is also before it, so removing a group of
/// declarations leaves a single blank line.
std::pair<unsigned, unsigned> declarationLines(llvm::StringRef Text, unsigned Offset,
                                               unsigned Length);

/// Offset of the comment block directly above the line holding \p Offset
/// (`//` lines and `/* */` blocks, each on lines of their own, no blank line
/// between): its first character. \p Offset itself when there is none or
/// other text precedes \p Offset on its line.
unsigned leadingComment(llvm::StringRef Text, unsigned Offset);

/// The range removing one element of a comma-separated list (parameters,
/// arguments): with the comma before it, or when it is first, with the comma
/// and whitespace after it. Alone in the list: the element itself.
std::pair<unsigned, unsigned> listElement(llvm::StringRef Text, unsigned Offset,
                                          unsigned Length);

/// When removing [Offset, Offset + Length) leaves `(` and `)` with only
/// blanks between them, and the declaration reads `explicit Name(`: the
/// range of `explicit` and the blanks after it (a constructor left without
/// parameters needs none).
std::optional<std::pair<unsigned, unsigned>>
explicitOfEmptiedList(llvm::StringRef Text, unsigned Offset, unsigned Length);

/// Offset just after the `{` opening namespace \p Namespace (`a::b` matches
/// `namespace a::b {` or `namespace a {` ... `namespace b {`), and the offset
/// of the matching close. None when the file does not open it. A block
/// whose `{` lies in one of the \p Deleted ranges (offset, length) is
/// passed over: it goes (`namespace a { class Fwd; }`).
std::optional<std::pair<unsigned, unsigned>>
namespaceBody(llvm::StringRef Text, llvm::StringRef Namespace,
              llvm::ArrayRef<std::pair<unsigned, unsigned>> Deleted = {});

/// Offset of the start of the line after the last `#include` (or the
/// include guard's `#define` when it comes later), or 0.
unsigned afterIncludes(llvm::StringRef Text);

/// Offsets of \p Word as a whole identifier in [Begin, End) of \p Text.
std::vector<unsigned> wordsIn(llvm::StringRef Text, size_t Begin, size_t End,
                              llvm::StringRef Word);

/// True when \p Text names \p Word as a whole identifier.
inline bool containsWord(llvm::StringRef Text, llvm::StringRef Word) {
  return !wordsIn(Text, 0, Text.size(), Word).empty();
}

/// Applies \p Inner (offsets relative to the whole file) to the slice
/// [Offset, Offset + Length) of \p Text and returns the result. Edits outside
/// the slice are ignored.
std::string applyWithin(llvm::StringRef Text, unsigned Offset, unsigned Length,
                        std::vector<Edit> Inner);

/// Whether \p Arg needs parentheses where it replaces a hole in \p Template at
/// \p HolePos: never for a plain argument position (between `(`/`,`/`{` and
/// `)`/`,`/`}`) unless it holds a top-level comma; otherwise unless it is a
/// name, literal, call or member access.
bool needsParens(llvm::StringRef Arg, llvm::StringRef Before, llvm::StringRef After);

/// One token of a text as Clang's raw lexer reads it (comments skipped):
/// literals, digraphs and raw strings are tokens as the compiler sees them.
struct RawToken {
  clang::tok::TokenKind Kind = clang::tok::unknown;
  unsigned Offset = 0;
  unsigned Length = 0;
  llvm::StringRef Spelling; ///< Into the text handed to rawTokens.
  bool StartsLine = false;  ///< First on its line (an escaped newline joins lines).

  bool is(clang::tok::TokenKind K) const { return Kind == K; }
  template <typename... Ts> bool isOneOf(Ts... Ks) const { return ((Kind == Ks) || ...); }
  bool isWord(llvm::StringRef W) const { return Kind == clang::tok::raw_identifier && Spelling == W; }
  unsigned end() const { return Offset + Length; }
};

/// The tokens of \p Text, C++17.
std::vector<RawToken> rawTokens(llvm::StringRef Text);

/// A preprocessor directive of a text, read by its tokens: a `#` first on
/// its line, then a name. A `#` in a comment, a string or a raw string
/// starts none.
struct Directive {
  llvm::StringRef Name;     ///< `include`, `include_next`, `define`, `ifndef`...
  unsigned Offset = 0;      ///< Of the `#`.
  llvm::StringRef Argument; ///< The token after the name, on its line, or empty.

  bool isInclude() const { return Name == "include" || Name == "include_next"; }
};

/// The directives of \p Text, in order.
std::vector<Directive> directives(llvm::StringRef Text);

/// The offset of the bracket closing the `(`, `[` or `{` at \p Open in
/// \p Text, by its tokens (one in a string, raw string, character literal
/// or comment does not count); npos when there is none.
size_t closingBracket(llvm::StringRef Text, size_t Open);

/// True when \p Text declares nothing: it holds only preprocessor
/// directives, comments, blank lines and namespaces with nothing in them
/// (`namespace shop { }`, nested, `inline`, `a::b`). What a file the
/// migration emptied keeps, read by the raw lexer.
bool holdsNoCode(llvm::StringRef Text);

/// True when \p Code names one of \p Words as an identifier of its code:
/// a comment, a string literal or an `#include` line spelling it does not
/// count.
bool namesAnyInCode(llvm::StringRef Code, llvm::ArrayRef<std::string> Words);
bool namesInCode(llvm::StringRef Code, llvm::StringRef Word);

/// When the token at \p At in \p Code is `true` or `false` and is the whole
/// condition of a conditional expression (`true ? "fired" : "cleared"`, after
/// `(`, `{`, `[`, `,`, `=`, `;` or `return`), \p Code with that expression
/// replaced by the branch it picks; otherwise nothing. Read with Clang's raw
/// lexer: literals, comments and nested conditionals are tokens as the
/// compiler sees them.
std::optional<std::string> foldLiteralCondition(llvm::StringRef Code, unsigned At);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_TEXTEDITS_H
