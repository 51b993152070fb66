//===--- Pipeline.h - Stages [1]-[5] and materialization, in order -*- C++ -*-===//
//
// Runs the matchers over the compile database, merges their facts into the
// Catalog and Facts, plans, rewrites and materializes the new text of every
// touched file, then verifies it: re-parses what the edits reach and, while
// some TU that parsed before fails, takes back the decisions behind the
// failing edits and plans again. Hands everything on to the emitters and the
// report; writes nothing.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_PIPELINE_H
#define METRICS_MIGRATE_TOOL_PIPELINE_H

#include "core/Plan.h"
#include "report/Review.h"
#include "rewriters/Materialize.h"
#include "rewriters/Rewrite.h"
#include "tool/Executor.h"
#include "verify/Verify.h"

namespace mm {

struct Migration {
  Catalog TheCatalog;
  Facts TheFacts;
  Plan ThePlan;
  RewriteResult Rewrites;
  std::vector<MaterializedFile> Files; ///< Sorted by path; unchanged ones left out.
  /// Changed files that may not be written (outside the root, excluded):
  /// left out of Files, each listed in Rewrites.Manual.
  std::vector<MaterializedFile> Fenced;
  std::vector<std::string> FailedTUs;  ///< With their first error.
  /// Stage [5]. When it ran and did not verify, Files must not be written.
  Verification Verify;
};

/// Stage [5] for one round: re-parses what \p Files reach, as the compile
/// commands build it and in each of \p Others (another configuration the
/// plan writes code for).
using Verifier = std::function<llvm::Expected<VerifyRound>(
    llvm::ArrayRef<MaterializedFile> Files, llvm::ArrayRef<Configuration> Others)>;

/// At most this many rounds of verification (each after a re-plan).
constexpr unsigned MaxVerifyRounds = 5;

/// Why \p V did not verify, for stderr (exit 6): one
/// `file:line:col: error: ...` line per failure, with the edit behind it.
std::string verificationFailures(const Verification &V);

/// Stages [1] and [2] only.
struct Scan {
  Catalog TheCatalog;
  Facts TheFacts;
  std::vector<std::string> FailedTUs;
  /// Project file -> hash of the bytes the parser read (see TUFacts).
  std::map<std::string, std::string> ReadHashes;
  /// Files two TUs read with different bytes: changed during the scan.
  std::vector<std::string> ChangedDuringScan;
  ScanStats Stats;
};
llvm::Expected<Scan> runScan(const Config &Cfg, const ScanOptions &Opts);

/// Stage [2] over facts gathered elsewhere (`merge` of shard files).
llvm::Expected<Scan> scanFrom(const Config &Cfg, std::vector<TUFacts> TUs, ScanStats Stats);

/// All of it, verified over the same database unless \p Verify is false. A
/// conflict comes back as EditConflictError.
llvm::Expected<Migration> runMigration(const Config &Cfg, const ScanOptions &Opts,
                                       bool Verify = true);

/// Stages [3] onwards over a scan; stage [5] only with \p Verify. A
/// migration that does not verify comes back with Verify.Verified false.
llvm::Expected<Migration> migrate(const Config &Cfg, Scan S, const Verifier &Verify = nullptr);

/// Stage [6]'s data for \p M: files the migration leaves unchanged are read
/// under the project root.
Review reviewOf(const Migration &M, const Config &Cfg);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_PIPELINE_H
