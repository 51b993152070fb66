//===--- MetricsMigrate.cpp - The metrics-migrate command line ------------===//
//
// Only `main`: reads the flags of each subcommand into a Request (the one
// place that does), finds the configuration, and hands on to the
// subcommand's function (Commands.h), which runs the stages and returns the
// exit code.
//
//===----------------------------------------------------------------------===//

#include "tool/Commands.h"
#include "tool/Executor.h"

#include "CLI/CLI.hpp"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace {

using namespace mm::cli;

void addCommonFlags(CLI::App &Cmd, CommonFlags &F) {
  Cmd.add_option("-p,--build-path", F.BuildDir,
                 "Directory holding compile_commands.json")
      ->required();
  Cmd.add_option("--config", F.ConfigFile,
                 "Configuration file (default: .metrics-migrate.yaml found upward "
                 "from the working directory)");
  Cmd.add_option("--root", F.Root,
                 "Project root: nothing outside it is ever written (default: the "
                 "configuration file's folder)");
  Cmd.add_option("--exclude", F.Exclude,
                 "Glob of files never scanned nor written, relative to the root (repeatable; "
                 "adds to the configuration's `exclude`, default build*/ and third_party/)");
  Cmd.add_option("-j,--jobs", F.Jobs, "Parallel workers (default: one per core)");
  Cmd.add_flag("--no-prefilter", F.NoPrefilter,
               "Parse every TU, even those whose text never names the service");
  Cmd.add_flag("--no-verify", F.NoVerify,
               "Unsafe: do not re-parse what the migration changes before handing it out "
               "(a diff that does not compile is then possible)");
  Cmd.add_flag("-q,--quiet", F.Quiet,
               "No progress (otherwise one updating line on a terminal, a line per TU in a log)");
  Cmd.add_option("--cache-dir", F.CacheDir,
                 "Keep each TU's facts here and reuse them while the files it read are "
                 "unchanged (incremental re-runs)")
      ->envname("METRICS_MIGRATE_CACHE_DIR");
  Cmd.add_option("paths", F.Paths, "Only translation units under these paths");
}

CLI::App *addInit(CLI::App &App, Request &R) {
  CommonFlags &Flags = R.Flags;
  CLI::App *Init = App.add_subcommand(
      "init", "Find the likely metrics service class and write a starter "
              ".metrics-migrate.yaml in the project root (the working directory, or --root)");
  Init->add_option("-p,--build-path", Flags.BuildDir, "Directory holding compile_commands.json")
      ->required();
  Init->add_option("--root", Flags.Root, "Project root (default: the working directory)");
  Init->add_option("--exclude", Flags.Exclude, "Glob of files never scanned (repeatable)");
  Init->add_option("-j,--jobs", Flags.Jobs, "Parallel workers (default: one per core)");
  Init->add_option("-o,--output", R.InitOutput,
                   "Where to write it (default: .metrics-migrate.yaml in the root; - for stdout)");
  Init->add_flag("--force", R.Force, "Overwrite an existing configuration");
  Init->add_flag("--no-prefilter", Flags.NoPrefilter,
                 "Parse every TU, even those whose text never names `prometheus`");
  Init->add_flag("-q,--quiet", Flags.Quiet, "No progress");
  Init->footer("Example:\n  cd your-project && metrics-migrate init -p build\n"
               "  metrics-migrate catalog -p build --summary   # then check what it found");
  return Init;
}

CLI::App *addCatalog(CLI::App &App, Request &R) {
  CLI::App *Catalog = App.add_subcommand(
      "catalog", "Print the service, its metrics, wrappers, injection points "
                 "and call sites (JSON)");
  addCommonFlags(*Catalog, R.Flags);
  Catalog->add_flag("--summary", R.Summary, "Print a short human-readable summary instead");
  Catalog->add_flag("--facts", R.WithFacts,
                    "Print the scan facts the rewriters use (argument sites, member "
                    "initializers, null guards, files) instead");
  Catalog->footer("Examples:\n  metrics-migrate catalog -p build --summary\n"
                  "  metrics-migrate catalog -p build services/orders   # TUs under a path only");
  return Catalog;
}

CLI::App *addDiff(CLI::App &App, Request &R) {
  CLI::App *Diff = App.add_subcommand(
      "diff", "Print the migration as a unified diff (valid for git apply); writes nothing");
  addCommonFlags(*Diff, R.Flags);
  Diff->add_flag("--stat", R.Stat, "Print a diffstat before the diff");
  Diff->add_option("--export-fixes", R.ExportFixes,
                   "Also write the edits as clang-apply-replacements YAML");
  Diff->footer("Examples:\n  metrics-migrate diff -p build --stat > migration.diff && git apply "
               "--check migration.diff\n"
               "  metrics-migrate diff -p build --export-fixes fixes.yaml   # for "
               "clang-apply-replacements");
  return Diff;
}

CLI::App *addApply(CLI::App &App, Request &R) {
  CLI::App *Apply = App.add_subcommand("apply", "Migrate the tree in place");
  addCommonFlags(*Apply, R.Flags);
  Apply->add_option("--backup-dir", R.BackupDir,
                    "Copy every file before it is replaced or removed to this folder");
  Apply->add_flag("--allow-partial", R.AllowPartial,
                  "Write even though some TUs failed to parse (a call or construction "
                  "site there may be missed)");
  Apply->add_flag("--allow-dirty", R.AllowDirty,
                  "Write files that have uncommitted changes in git");
  Apply->add_flag("--force", R.ForceNoGo,
                  "Write even though the review decides NO-GO (a duplicate registration, a "
                  "service compiled in one configuration only, a broken invariant: see "
                  "`report`)");
  Apply->add_option("--export-fixes", R.ExportFixes,
                    "Also write the edits as clang-apply-replacements YAML");
  Apply->footer("Examples:\n  metrics-migrate apply -p build\n"
                "  metrics-migrate apply -p build --backup-dir /tmp/before-migration");
  return Apply;
}

CLI::App *addReport(CLI::App &App, Request &R) {
  CLI::App *Report = App.add_subcommand(
      "report", "Write the review checklist of the migration (what apply would do, or "
                "what is left on a migrated tree); writes no source file");
  addCommonFlags(*Report, R.Flags);
  Report->add_option("-o,--output", R.ReviewMarkdown, "The review as Markdown (default: stdout)");
  Report->add_option("--json", R.ReviewJSON,
                     "Also write the review as JSON (schema docs/review.schema.json)");
  Report->add_option("--sarif", R.ReviewSarif, "Also write the findings as SARIF 2.1.0");
  Report->add_option("--guide", R.Guide,
                     "Also write the \"where each metric lives\" guide (Markdown)");
  Report->footer("Examples:\n  metrics-migrate report -p build -o review.md --json review.json "
                 "--sarif review.sarif\n"
                 "  metrics-migrate report -p build --guide docs/where-metrics-live.md");
  return Report;
}

CLI::App *addScan(CLI::App &App, Request &R) {
  CLI::App *ScanCmd = App.add_subcommand(
      "scan", "Scan one slice of the TUs and write its facts, for `merge` (map/reduce "
              "over many machines)");
  addCommonFlags(*ScanCmd, R.Flags);
  ScanCmd->add_option("--shard", R.ShardSpec,
                      "K/N: the K-th of N slices of the TUs (default 1/1)");
  ScanCmd->add_option("-o,--output", R.FactsOut, "The facts file to write")->required();
  ScanCmd->footer("Example:\n  metrics-migrate scan -p build --shard 2/8 -o facts-2.json\n"
                  "  metrics-migrate merge facts-*.json > migration.diff");
  return ScanCmd;
}

CLI::App *addMerge(CLI::App &App, Request &R) {
  CommonFlags &Flags = R.Flags;
  CLI::App *Merge = App.add_subcommand(
      "merge", "Plan and rewrite from the facts files of every `scan --shard K/N`: prints "
               "the diff a single-machine `diff` prints, or writes it with --apply");
  Merge->add_option("facts", R.ShardFiles, "The N facts files")->required();
  Merge->add_option("--config", Flags.ConfigFile, "Configuration file");
  Merge->add_option("--root", Flags.Root, "Project root");
  Merge->add_option("-p,--build-path", Flags.BuildDir,
                    "Directory holding compile_commands.json: the merged migration is "
                    "verified against it (required unless --no-verify)");
  Merge->add_option("-j,--jobs", Flags.Jobs, "Parallel workers for the verification");
  Merge->add_flag("--no-verify", Flags.NoVerify,
                  "Unsafe: do not re-parse what the migration changes");
  Merge->add_flag("--stat", R.Stat, "Print a diffstat before the diff");
  Merge->add_option("--export-fixes", R.ExportFixes,
                    "Also write the edits as clang-apply-replacements YAML");
  Merge->add_flag("--apply", R.MergeApply, "Write the migration in place, as `apply` does");
  Merge->add_option("--backup-dir", R.BackupDir, "With --apply: keep the originals here");
  Merge->add_flag("--allow-partial", R.AllowPartial, "With --apply: see `apply`");
  Merge->add_flag("--allow-dirty", R.AllowDirty, "With --apply: see `apply`");
  Merge->add_flag("--force", R.ForceNoGo, "With --apply: see `apply`");
  Merge->add_option("--report", R.MergeReport,
                    "Also write the review checklist (Markdown), as `report -o` does");
  Merge->add_option("--report-json", R.MergeReportJSON,
                    "Also write the review as JSON, as `report --json` does");
  Merge->footer("Examples:\n  metrics-migrate merge facts-*.json > migration.diff\n"
                "  metrics-migrate merge facts-*.json --apply --report review.md");
  return Merge;
}

CLI::App *addCheck(CLI::App &App, Request &R) {
  CLI::App *Check = App.add_subcommand(
      "check", "Exit 1 when the tree still needs migrating (for CI); writes nothing");
  addCommonFlags(*Check, R.Flags);
  Check->add_flag("--diff", R.CheckDiff, "Also print the unified diff of what remains");
  Check->add_option("--format", R.Format, "text, or github for workflow annotations")
      ->check(CLI::IsMember({"text", "github"}));
  Check->footer("Examples:\n  metrics-migrate check -p build --diff\n"
                "  metrics-migrate check -p build --format=github   # workflow annotations");
  return Check;
}

} // namespace

int run(int argc, char **argv);

int run(int argc, char **argv);

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  llvm::CrashRecoveryContext::Enable();
  int RC = run(argc, argv);
  if (mm::parserCrashed()) {
    // What the crashed TU left behind must not be cleaned up.
    llvm::outs().flush();
    llvm::errs().flush();
    llvm::sys::Process::Exit(RC, /*NoCleanup=*/true);
  }
  return RC;
}

int run(int argc, char **argv) {
  CLI::App App{"metrics-migrate: dissolve a central metrics service into "
               "per-module Prometheus metrics"};
  App.require_subcommand(1);
  App.set_version_flag("--version", std::string("metrics-migrate ") + MM_VERSION +
                                        " (LLVM " LLVM_VERSION_STRING ")");
  Request R;
  CLI::App *Init = addInit(App, R);
  CLI::App *Catalog = addCatalog(App, R);
  CLI::App *Diff = addDiff(App, R);
  CLI::App *Apply = addApply(App, R);
  CLI::App *Report = addReport(App, R);
  CLI::App *ScanCmd = addScan(App, R);
  CLI::App *Merge = addMerge(App, R);
  CLI::App *Check = addCheck(App, R);
  App.footer("Exit codes: 0 done, 1 `check` found work, 2 bad usage or input, 3 TUs failed to "
             "parse,\n4 files changed since they were read (nothing written), 5 writing "
             "failed,\n6 the migration would not compile (nothing written), 7 `apply` refused "
             "a NO-GO review,\n8 nothing could be migrated (only items for a human).\nRun `metrics-migrate COMMAND --help` for a command's flags and examples.");

  try {
    App.parse(argc, argv);
  } catch (const CLI::ParseError &E) {
    int RC = App.exit(E);
    return RC == 0 ? Done : BadUsage;
  }

  if (Init->parsed())
    return runInit(R);
  auto Cfg = configFor(R.Flags);
  if (!Cfg)
    return fail(Cfg.takeError(), BadUsage);
  if (Catalog->parsed())
    return runCatalog(R, *Cfg);
  if (ScanCmd->parsed())
    return runShardScan(R, *Cfg);
  const std::pair<CLI::App *, MigrationCommand> Migrations[] = {
      {Diff, MigrationCommand::Diff},     {Apply, MigrationCommand::Apply},
      {Report, MigrationCommand::Report}, {Check, MigrationCommand::Check},
      {Merge, MigrationCommand::Merge}};
  for (const auto &[Command, Kind] : Migrations)
    if (Command->parsed())
      return runMigrationCommand(Kind, R, *Cfg);
  return BadUsage; // require_subcommand(1): not reached
}
