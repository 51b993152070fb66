//===--- FormatEdited.h - clang-format on edited lines only -----*- C++ -*-===//
//
// Takes a text, the ranges an edit produced in it and the project's format
// style, and hands on the formatting replacements for the statements those
// ranges touch, and for nothing else. clang-format's own range formatting
// goes further: it re-indents the rest of a block whose indentation differs
// from the style and merges neighbouring lines into an edited one (a short
// function body); both would change lines no edit touched, so such
// replacements are dropped or cut to the edited side of the line break.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_FORMATEDITED_H
#define METRICS_MIGRATE_REWRITERS_FORMATEDITED_H

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace mm {

/// For each physical line of \p Code (0-based), whether the statement on it
/// goes on to the next line: judged from raw tokens, a line ending in `;`
/// outside parentheses, `{` or `}`, a preprocessor directive, a blank or
/// comment-only line, an access specifier or case label ends a statement.
std::vector<bool> continuesOnNextLine(llvm::StringRef Code,
                                      const clang::LangOptions &LangOpts);

/// Formatting replacements for \p Code confined to the edited statements:
/// the physical lines \p Ranges touch, extended to whole statements with
/// continuesOnNextLine(). Line breaks between an edited statement and its
/// neighbours are kept as they are; only the indentation of the statement's
/// first line and trailing blanks of its last line may change. When the
/// style would merge a neighbour into an edited line (a short function or
/// block), the edited lines are laid out with such merges turned off.
clang::tooling::Replacements
formatEditedLines(const clang::format::FormatStyle &Style, llvm::StringRef Code,
                  llvm::ArrayRef<clang::tooling::Range> Ranges,
                  llvm::StringRef FileName);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_FORMATEDITED_H
