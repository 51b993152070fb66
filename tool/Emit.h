//===--- Emit.h - Materialized files -> diff, stat, disk, YAML --*- C++ -*-===//
//
// The emit stage. Takes the files as materialize() made them (or the raw
// EditSet, for export-fixes) and hands them on as a git-style unified diff,
// a `git diff --stat` summary, files written in place, or a
// clang-apply-replacements YAML file. Every emitter orders files by path,
// whatever order it is given, so the same edits always print the same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_EMIT_H
#define METRICS_MIGRATE_TOOL_EMIT_H

#include "core/Edit.h"
#include "rewriters/Materialize.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace mm {

/// Prints a unified diff `git apply` accepts: per changed file, in path
/// order, `diff --git a/P b/P`, `new file mode 100644` or
/// `deleted file mode 100644` where it applies, `--- a/P` (or /dev/null),
/// `+++ b/P` (or /dev/null), then hunks with 3 lines of context. Paths are
/// quoted as git quotes them. Unchanged files print nothing.
void printUnifiedDiff(llvm::raw_ostream &OS, llvm::ArrayRef<MaterializedFile> Files);

/// Prints what `git diff --stat=80` prints for the changed files, in path
/// order: ` path | N ++--` per file, graph scaled to fit 80 columns, and
/// `N files changed, X insertions(+), Y deletions(-)`. Nothing when no file
/// changed.
void printDiffStat(llvm::raw_ostream &OS, llvm::ArrayRef<MaterializedFile> Files);

/// Writes the changed files under Opts.Root, in path order. First re-reads
/// every one and checks it still holds `Before` (a created file must still be
/// absent); when any does not, returns an EditConflictError listing them all
/// ("file changed since it was read") and touches nothing. Then writes each
/// new text to a temporary file in the target's directory (creating the
/// directories of new files) and renames it over the target, keeping the
/// old file's permissions, and finally removes deleted files.
llvm::Error applyFiles(llvm::ArrayRef<MaterializedFile> Files,
                       const MaterializeOptions &Opts);

/// Writes \p Edits as a clang-apply-replacements YAML file at \p Path: one
/// TranslationUnitReplacements (MainSourceFile empty) whose replacements,
/// in path then offset order, carry absolute file paths and are exactly
/// computeReplacements()'s, includes and formatting included, so applying
/// them yields materialize()'s text. A deleted file becomes one replacement
/// of its whole text by nothing; a created file one insertion at offset 0
/// (clang-apply-replacements skips files that do not exist, so create it
/// empty first).
llvm::Error writeExportFixes(llvm::StringRef Path, const EditSet &Edits,
                             const MaterializeOptions &Opts);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_EMIT_H
