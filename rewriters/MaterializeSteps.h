//===--- MaterializeSteps.h - Passes of materialize, shared ------*- C++ -*-===//
//
// Internal to rewriters/. Materialize.cpp runs the passes of
// computeReplacements over a file's text; the include passes are in
// MaterializeIncludes.cpp. Both report errors and chain steps alike.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_MATERIALIZESTEPS_H
#define METRICS_MIGRATE_REWRITERS_MATERIALIZESTEPS_H

#include "core/Edit.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mm {

/// `File: error: Message`.
llvm::Error fileError(llvm::StringRef File, const llvm::Twine &Message);

/// Applies \p Step to \p Code and appends it to \p Total (which is relative
/// to the text before \p Code).
llvm::Error applyStep(std::string &Code, clang::tooling::Replacements &Total,
                      const clang::tooling::Replacements &Step);

/// Pass (2): \p Change's include removals, then its insertions, each
/// against \p Code as it is by then (so a second insertion into a new block
/// lands in that block), appended to \p Total.
llvm::Error changeIncludes(const FileChange &Change, const clang::format::FormatStyle &Style,
                           std::string &Code, clang::tooling::Replacements &Total);

/// Pass (4): \p Result, with the include block that changed sorted and
/// grouped as \p Style says, when it was sorted so in \p Before; a run of
/// blank lines a removal left there, one.
llvm::Expected<clang::tooling::Replacements>
withIncludeBlockSorted(const std::string &File, llvm::StringRef Before,
                       const clang::format::FormatStyle &Style,
                       clang::tooling::Replacements Result);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_MATERIALIZESTEPS_H
