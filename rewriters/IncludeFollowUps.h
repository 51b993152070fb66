//===--- IncludeFollowUps.h - Includes and files the rules left unneeded -*- C++ -*-===//
//
// The two rules of stage [4] that run after the others, on what they did.
// They take the rules' EditSet, the facts, and each file's text as those
// edits leave it (applyEditsOnly: no include changes, no formatting), and
// add to the EditSet:
//   pruneServiceIncludes  a file that names nothing of the service's header
//                         any more, nor its namespace, stops including it; a
//                         file that still names it and had it only through
//                         a header that stopped includes it itself
//   deleteEmptiedFiles    a file left declaring nothing is deleted, and the
//                         includes of it go
// An edit verification took back is not made again. Materialization runs
// once, on the result.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_INCLUDEFOLLOWUPS_H
#define METRICS_MIGRATE_REWRITERS_INCLUDEFOLLOWUPS_H

#include "core/Edit.h"
#include "rewriters/Rewrite.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace mm {

/// How \p Includer may spell an include of \p File, quotes included:
/// root-relative, by name from the same folder, as the project's includes
/// spell it, or as a new include there would be spelled.
std::vector<std::string> includeSpellings(const Facts &F, llvm::StringRef Includer,
                                          llvm::StringRef File);

/// Whether verification took back the removal of the include spelled
/// \p Spelling from \p File.
using KeepsInclude = llvm::function_ref<bool(llvm::StringRef File, llvm::StringRef Spelling)>;
/// Whether verification took back the deletion of \p File.
using KeepsFile = llvm::function_ref<bool(llvm::StringRef File)>;

/// Adds the include changes the rules' edits call for: each file they
/// change (outside the service's own module) that includes the service's
/// header and names none of Svc.HeaderNames in its code, nor the service's
/// namespace (F.ServiceNamespaceUses), stops including it; when such a file
/// is a header, each file that includes it, names the service and does not
/// include the service's header itself, includes it. \p Edited reads a
/// file's text as the rules leave it.
void pruneServiceIncludes(EditSet &Edits, const Service &Svc, const Facts &F,
                          const FileReader &Edited, KeepsInclude Kept);

/// Deletes each file the rules' edits change that is left declaring
/// nothing (holdsNoCode), and removes the includes of it from every other
/// file of the project.
void deleteEmptiedFiles(EditSet &Edits, const Facts &F, const FileReader &Edited,
                        KeepsFile Kept);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_INCLUDEFOLLOWUPS_H
