//===--- Verifier.h - Stage [5] over a compilation database -----*- C++ -*-===//
//
// Takes the materialized files of a migration and re-parses every TU of the
// database whose main file or a project header it reaches (followed as the
// prefilter follows includes, whether or not the scan parsed the TU) is
// changed, created or deleted, with the new texts overlaid in memory
// (deleted files hidden), in the scan's worker pool. A TU that fails is
// parsed once more as the tree stands, to tell a new failure from an old
// one and to learn the declarations its error lines named. Hands on a
// VerifyRound; touches no file.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_VERIFIER_H
#define METRICS_MIGRATE_TOOL_VERIFIER_H

#include "rewriters/Materialize.h"
#include "tool/Executor.h"
#include "verify/Verify.h"

namespace mm {

/// One round of stage [5] in the configuration the compile database
/// describes, or in \p Other: its flags added to each command, its
/// unbuilt main files left out.
llvm::Expected<VerifyRound> verifyFiles(const Config &Cfg, const ScanOptions &Opts,
                                        llvm::ArrayRef<MaterializedFile> Files,
                                        const Configuration *Other = nullptr);

/// verifyFiles in the database's configuration, then in each of \p Others
/// (another configuration of the build), their failures and warnings
/// together.
llvm::Expected<VerifyRound> verifyConfigurations(const Config &Cfg, const ScanOptions &Opts,
                                                 llvm::ArrayRef<MaterializedFile> Files,
                                                 llvm::ArrayRef<Configuration> Others);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_VERIFIER_H
