//===--- Materialize.h - Edits of one file -> its new text ------*- C++ -*-===//
//
// Takes the rewriters' EditSet (core/Edit.h) and the files as they are on
// disk, and hands on each file's text before and after: edits applied
// through one clang::tooling::Replacements per file (overlaps are conflicts,
// identical duplicates merge), includes added and removed through
// tooling::HeaderIncludes in the file's include style, and only the edited
// ranges formatted with the project's .clang-format. The emitters (diff,
// apply, export-fixes) work from the result.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_MATERIALIZE_H
#define METRICS_MIGRATE_REWRITERS_MATERIALIZE_H

#include "core/Edit.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mm {

struct MaterializeOptions {
  /// The project root, absolute. Every FileChange path is relative to it.
  std::string Root;
  /// The configuration's `format_style`: when set, the style of every file,
  /// in place of its .clang-format or its measured style.
  std::string FormatStyle;
};

/// The error for "the edits cannot be applied as they are" (exit code 4):
/// two edits conflict, or a file changed since it was read. Nothing was
/// written when it is returned.
class EditConflictError : public llvm::ErrorInfo<EditConflictError> {
public:
  static char ID;
  explicit EditConflictError(std::string Message) : Message(std::move(Message)) {}
  void log(llvm::raw_ostream &OS) const override { OS << Message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  std::string Message;
};

/// The replacements, as offsets into \p Before, that turn \p Before into the
/// new text of \p Change.File: its edits (identical duplicates once), its
/// include changes, and clang-format over the edited ranges only. A created
/// file is one insertion at offset 0 (formatted whole); a deleted file is one
/// replacement of its whole text by nothing.
///
/// Conflicts (two different edits overlapping, or two different insertions at
/// one offset) are an EditConflictError naming the file, both ranges as
/// file:line:col and both origins.
llvm::Expected<clang::tooling::Replacements>
computeReplacements(const FileChange &Change, llvm::StringRef Before,
                    const MaterializeOptions &Opts);

/// Turns one FileChange plus the file's current text into its new text (see
/// computeReplacements for the rules).
llvm::Expected<MaterializedFile> materialize(const FileChange &Change,
                                             llvm::StringRef Before,
                                             const MaterializeOptions &Opts);

/// The text \p Change's own edits make of \p Before, and nothing more: no
/// include changes, clean-up or formatting. Its content when the file is
/// created, "" when deleted. What the follow-up rules read
/// (IncludeFollowUps.h). Conflicts are errors as for computeReplacements.
llvm::Expected<std::string> applyEditsOnly(const FileChange &Change, llvm::StringRef Before);

/// The current text of Root/Change.File, "" for a file to be created. Fails
/// when the file is missing and not created, or exists and would be created.
llvm::Expected<std::string> readBefore(const FileChange &Change,
                                       const MaterializeOptions &Opts);

/// Reads every file of \p Edits under Opts.Root and materializes it. Returns
/// the files sorted by path (unchanged ones included, see
/// MaterializedFile::changed). Every file's errors are reported, joined.
llvm::Expected<std::vector<MaterializedFile>>
materializeAll(const EditSet &Edits, const MaterializeOptions &Opts);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_MATERIALIZE_H
