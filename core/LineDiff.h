//===--- LineDiff.h - Line diff of two texts --------------------*- C++ -*-===//
//
// Takes two texts and hands on a shortest line edit script between them
// (Myers' O(ND) algorithm, linear-space variant) and its unified-diff hunks
// with `\ No newline at end of file` markers, as `git apply` and `patch`
// read them. No file headers here: Emit.h writes those.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_LINEDIFF_H
#define METRICS_MIGRATE_CORE_LINEDIFF_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace mm {

/// One step of a line edit script. Indices are 0-based. For a Delete,
/// NewLine is where the new text stands at that point; for an Insert, OldLine
/// is the old line it goes before.
struct DiffOp {
  enum Kind { Keep, Delete, Insert };
  Kind K = Keep;
  unsigned OldLine = 0;
  unsigned NewLine = 0;

  friend bool operator==(const DiffOp &A, const DiffOp &B) {
    return A.K == B.K && A.OldLine == B.OldLine && A.NewLine == B.NewLine;
  }
};

/// The lines of \p Text, each with its '\n'; the last one lacks it when the
/// text does not end in a newline. "" has no lines.
std::vector<llvm::StringRef> splitLines(llvm::StringRef Text);

/// A shortest edit script turning \p Old into \p New, in order: Keeps and
/// Deletes walk Old, Keeps and Inserts walk New. Lines compare with their
/// terminators, so a last line without '\n' differs from the same line with.
std::vector<DiffOp> diffLines(llvm::ArrayRef<llvm::StringRef> Old,
                              llvm::ArrayRef<llvm::StringRef> New);

/// Prints the `@@ -l,s +l,s @@` hunks turning \p Before into \p After with
/// \p Context lines of context; within each run of changes, removed lines
/// come before added ones. Prints nothing when the texts are equal.
void printHunks(llvm::raw_ostream &OS, llvm::StringRef Before,
                llvm::StringRef After, unsigned Context = 3);

struct LineCounts {
  unsigned Insertions = 0;
  unsigned Deletions = 0;
};

/// Lines added and removed by the shortest edit script.
LineCounts countChangedLines(llvm::StringRef Before, llvm::StringRef After);

/// The first line of \p Before the edit script changes (1-based; 1 when
/// nothing changes).
unsigned firstChangedLine(llvm::StringRef Before, llvm::StringRef After);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_LINEDIFF_H
