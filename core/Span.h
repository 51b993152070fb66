//===--- Span.h - A range of source text ------------------------*- C++ -*-===//
//
// Where every recorded thing is: file + line/column + offset/length, so later
// stages can run without parsing and can be serialized (see JSON.h).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_SPAN_H
#define METRICS_MIGRATE_CORE_SPAN_H

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <tuple>

namespace mm {

/// A range of source text. `File` is relative to the project root when the
/// file lies under it (absolute otherwise, e.g. system headers).
struct SourceSpan {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  unsigned Length = 0;

  bool valid() const { return !File.empty(); }
  auto key() const { return std::tie(File, Offset, Length); }
  /// \p Inner lies within this span (the same file, between its ends).
  bool contains(const SourceSpan &Inner) const {
    return File == Inner.File && Offset <= Inner.Offset &&
           Inner.Offset + Inner.Length <= Offset + Length;
  }
  friend bool operator<(const SourceSpan &A, const SourceSpan &B) {
    return std::tie(A.File, A.Offset, A.Length, A.Line, A.Column) <
           std::tie(B.File, B.Offset, B.Length, B.Line, B.Column);
  }
  friend bool operator==(const SourceSpan &A, const SourceSpan &B) {
    return A.key() == B.key();
  }
};

llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const SourceSpan &S);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_SPAN_H
