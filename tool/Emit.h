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

struct ApplyOptions {
  std::string Root; ///< Absolute; every file path is relative to it.
  /// When set, every file about to be replaced or removed is first copied
  /// there, under its path relative to the root.
  std::string BackupDir;
};

/// Writing failed: the message says which files hold their new text and
/// which their old one ("nothing was written" before the first rename).
class WriteError : public llvm::ErrorInfo<WriteError> {
public:
  static char ID;
  explicit WriteError(std::string Message) : Message(std::move(Message)) {}
  void log(llvm::raw_ostream &OS) const override { OS << Message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  std::string Message;
};

/// Writes the changed files under Opts.Root, in path order, each wholly or
/// not at all:
///  1. checks every file still holds `Before` (a created file must still be
///     absent) and is writable by someone (mode bits, so a read-only file is
///     refused even for root); any failure is an EditConflictError (changed)
///     or WriteError (read-only) listing them all, and nothing is touched;
///  2. copies the originals to Opts.BackupDir, when set;
///  3. writes each new text to a temporary file in its target's directory
///     (creating the directories of new files), with the old file's
///     permissions; a failure (disk full) removes them all: nothing written;
///  4. renames each over its target, then removes deleted files; a failure
///     here is a WriteError naming the files written and those not.
/// The environment variables METRICS_MIGRATE_TEST_FAIL_WRITE and
/// METRICS_MIGRATE_TEST_FAIL_RENAME, set to a file's relative path, make
/// step 3 or 4 fail on that file (ENOSPC, EIO) for the tests.
llvm::Error applyFiles(llvm::ArrayRef<MaterializedFile> Files, const ApplyOptions &Opts);

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
