//===--- Commands.h - What each subcommand does -----------------*- C++ -*-===//
//
// Part of the metrics-migrate executable. MetricsMigrate.cpp reads the
// command line into a Request; the function of each subcommand here runs
// the stages for it and turns what they hand back into an exit code:
//   0 done, 1 `check` found work, 2 bad usage or configuration,
//   3 some TUs failed to parse (the rest still processed),
//   4 edits conflicted or files changed since they were read (nothing
//     written), 5 writing failed (read-only file, disk full; the message
//     says which files were written), 6 the migration does not compile
//     and taking back the decisions behind it did not help (nothing
//     written), 7 `apply` refused a migration its review decides NO-GO
//     (without --force), 8 nothing could be migrated: every wrapper stays
//     and only items for a human are left.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_COMMANDS_H
#define METRICS_MIGRATE_TOOL_COMMANDS_H

#include "core/Config.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mm::cli {

enum ExitCode {
  Done = 0,
  WorkLeft = 1,
  BadUsage = 2,
  ParseFailures = 3,
  Conflict = 4,
  WriteFailed = 5,
  NotVerified = 6,
  RefusedNoGo = 7,
  NothingMigrated = 8,
};

/// The flags the commands that scan share.
struct CommonFlags {
  std::string BuildDir;
  std::string ConfigFile;
  std::string Root;
  std::vector<std::string> Exclude;
  unsigned Jobs = 0;
  std::vector<std::string> Paths;
  bool NoPrefilter = false;
  bool NoVerify = false;
  bool Quiet = false;
  std::string CacheDir;
};

/// Every flag of the command line, whichever subcommand it belongs to.
struct Request {
  CommonFlags Flags;
  // init
  std::string InitOutput;
  bool Force = false;
  // catalog
  bool Summary = false;
  bool WithFacts = false;
  // diff, apply, merge
  std::string ExportFixes;
  bool Stat = false;
  std::string BackupDir;
  bool AllowPartial = false, AllowDirty = false, ForceNoGo = false;
  // report
  std::string ReviewMarkdown = "-", ReviewJSON, ReviewSarif, Guide;
  // scan
  std::string ShardSpec = "1/1", FactsOut;
  // merge
  std::vector<std::string> ShardFiles;
  bool MergeApply = false;
  std::string MergeReport, MergeReportJSON;
  // check
  bool CheckDiff = false;
  std::string Format = "text";
};

/// Prints \p E as the tool's error and returns \p Code.
int fail(llvm::Error E, int Code);

/// The configuration the flags point at (found upward from the working
/// directory by default), with --root and --exclude applied.
llvm::Expected<Config> configFor(const CommonFlags &F);

/// `init`: detects, then writes the starter configuration.
int runInit(const Request &R);
/// `catalog`: the catalog as JSON, its summary, or the scan's facts.
int runCatalog(const Request &R, const Config &Cfg);
/// `scan --shard K/N`: one slice's facts, for `merge`.
int runShardScan(const Request &R, const Config &Cfg);

/// The subcommands that plan a migration and do something with it.
enum class MigrationCommand { Diff, Apply, Report, Check, Merge };
int runMigrationCommand(MigrationCommand C, const Request &R, const Config &Cfg);

} // namespace mm::cli

#endif // METRICS_MIGRATE_TOOL_COMMANDS_H
