//===--- Trace.h - Failures of a re-parse -> decisions to take back -*- C++ -*-===//
//
// Pure functions of verification. Takes the failures of a round (Clang's
// errors, and the declarations those lines named before), the materialized
// files and the edits behind them, and hands on the plan decisions to
// demote: the edits that made each failing line (an include not found: the
// deletion of that file; a changed line: the edits of its hunk; an unchanged
// line: the edits that removed or changed the declaration Clang points at,
// or else any it names; else the includes removed from the files the TU
// read, or else every edit of those files), each
// mapped to the decisions whose removal from the plan makes it disappear
// (an Attribution, computed by re-running planner and rewriters without each
// decision). It consults no rule: what a rule got wrong shows as an edit.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_VERIFY_TRACE_H
#define METRICS_MIGRATE_VERIFY_TRACE_H

#include "core/Edit.h"
#include "verify/Reparse.h"
#include "verify/Verify.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>
#include <optional>

namespace mm {

/// One element of an EditSet, comparable between two runs of the rewriters
/// (the origin is not part of its identity).
struct EditElement {
  enum class Kind { Replace, AddInclude, RemoveInclude, Create, Delete };
  std::string File;
  Kind K = Kind::Replace;
  unsigned Offset = 0, Length = 0; ///< Replace: the range of the text before.
  std::string Text;                ///< Replace: the new text; includes: the spelling.
  std::string Origin;              ///< The rule's words for it.

  /// The deletion of \p File, as an element.
  static EditElement deletion(std::string File) {
    return {std::move(File), Kind::Delete, 0, 0, "", ""};
  }

  auto key() const { return std::tie(File, K, Offset, Length, Text); }
  friend bool operator<(const EditElement &A, const EditElement &B) { return A.key() < B.key(); }
  friend bool operator==(const EditElement &A, const EditElement &B) {
    return A.key() == B.key();
  }
  /// The origin and where: `strip Owner::m (src/a.h:12)`.
  std::string describe(llvm::StringRef Before) const;
};

/// Every element of \p Edits, sorted; two rules' same edit is one element,
/// whose origin names both.
std::vector<EditElement> elementsOf(const EditSet &Edits);
/// Every element of \p Edits with each origin that made it, sorted.
std::vector<EditElement> elementsWithOrigins(const EditSet &Edits);

/// The decision that is \p E itself, for an edit no decision of the plan
/// answers for: a rule's clean-up, an include pruned or a file deleted after
/// the rules ran (none for a new file: it stands for a whole rule). \p Before:
/// the text of its file before.
std::optional<PlanDecision> editDecision(const EditElement &E, llvm::StringRef Before);

/// Whether a demotion of \p Demotions takes \p E back (its editDecision):
/// for the edits made after the rules ran, which takeBackEdits cannot see.
bool takenBack(const EditElement &E, llvm::ArrayRef<Demotion> Demotions);

/// Takes out of \p Edits every element an Edit demotion of \p Demotions
/// names: what a rule wrote there stays as it was.
void takeBackEdits(EditSet &Edits, llvm::ArrayRef<Demotion> Demotions);

/// The decisions that, taken back, leave the range [Begin, End) of the text
/// before of \p E's file as it was, where \p E (an element of the final
/// edits) changes it; for an include, a new or a deleted file, those that
/// make \p E itself go. \p Line, when the error is on a line the migration
/// wrote: of those, the ones without which that line is not written (one
/// helper among the definitions and helpers a file gets in one insertion).
/// Empty: none found.
using Attribution = std::function<std::vector<PlanDecision>(
    const EditElement &E, unsigned Begin, unsigned End, llvm::StringRef Line)>;

/// Whether \p Text holds \p Line, blanks aside (clang-format may have
/// re-indented or re-wrapped it since).
bool writes(llvm::StringRef Text, llvm::StringRef Line);

/// Whether [ABegin, AEnd) and [BBegin, BEnd) share a byte, or, when one is
/// empty (an insertion point), whether it lies within or at an end of the
/// other.
inline bool overlaps(unsigned ABegin, unsigned AEnd, unsigned BBegin, unsigned BEnd) {
  if (ABegin == AEnd || BBegin == BEnd)
    return ABegin <= BEnd && BBegin <= AEnd;
  return ABegin < BEnd && BBegin < AEnd;
}

/// For each line of \p F after the migration (1-based: [0] is unused), the
/// line it was before, or 0 for a line the migration wrote.
std::vector<unsigned> linesBefore(const MaterializedFile &F);

/// The line of \p F before the migration that its line \p AfterLine
/// (1-based) is, when the migration kept it; nothing for a new line.
std::optional<unsigned> lineBefore(const MaterializedFile &F, unsigned AfterLine);

/// The lines, as they stood before, whose named declarations tell what the
/// errors of \p Failures miss: every error on a line the migration kept.
LinesOfInterest linesToLookUp(llvm::ArrayRef<TUFailure> Failures,
                              llvm::ArrayRef<MaterializedFile> Files);

struct TraceResult {
  std::vector<Demotion> Demotions; ///< One per decision, sorted by decision.
  /// Errors traced to no decision, each as `file:line:col: error: ...`
  /// with the edit behind it when one was found.
  std::vector<std::string> Unresolved;
};

/// The decisions to take back for \p Failures. \p Edits are the final
/// edits; \p Files their materialized texts (changed files only, or all).
TraceResult traceFailures(llvm::ArrayRef<TUFailure> Failures,
                          llvm::ArrayRef<MaterializedFile> Files, const EditSet &Edits,
                          const Attribution &Owners);

} // namespace mm

#endif // METRICS_MIGRATE_VERIFY_TRACE_H
