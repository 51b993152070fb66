//===--- MetricsMigrate.cpp - The metrics-migrate command line ------------===//
//
// Only `main`: reads flags (the one place that does), finds the
// configuration, runs the stages and turns their errors into exit codes:
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

#include "core/Config.h"
#include "core/JSON.h"
#include "core/Merge.h"
#include "core/LineDiff.h"
#include "report/CatalogSummary.h"
#include "report/LeftBecause.h"
#include "report/MetricGuide.h"
#include "report/ReviewJSON.h"
#include "report/ReviewMarkdown.h"
#include "report/ReviewSarif.h"
#include "rewriters/HouseStyle.h"
#include "tool/Emit.h"
#include "tool/Executor.h"
#include "tool/Init.h"
#include "tool/Pipeline.h"
#include "tool/Shards.h"
#include "tool/Verifier.h"

#include "CLI/CLI.hpp"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace {

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

int fail(llvm::Error E, int Code) {
  llvm::errs() << "metrics-migrate: " << llvm::toString(std::move(E)) << "\n";
  return Code;
}

llvm::Expected<mm::Config> configFor(const CommonFlags &F) {
  std::string Path = F.ConfigFile;
  if (Path.empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    auto Found = mm::findConfig(Cwd);
    if (!Found)
      return Found.takeError();
    Path = *Found;
  }
  auto Cfg = mm::loadConfig(Path);
  if (!Cfg)
    return Cfg.takeError();
  if (!Cfg->FormatStyle.empty())
    if (auto Style = mm::configuredStyle(Cfg->FormatStyle, "f.cpp"); !Style)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s:%u: error: 'format_style': %s", Cfg->Path.c_str(),
                                     Cfg->FormatStyleLine,
                                     llvm::toString(Style.takeError()).c_str());
  if (!F.Root.empty()) {
    llvm::SmallString<256> Root(F.Root);
    llvm::sys::fs::make_absolute(Root);
    llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::is_directory(Root))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "--root %s: not a directory", F.Root.c_str());
    Cfg->Root = std::string(Root);
  }
  llvm::append_range(Cfg->Exclude, F.Exclude);
  return Cfg;
}

/// The files of \p Files with uncommitted changes when \p Root lies in a
/// git work tree (none otherwise, or without git).
std::vector<std::string> uncommitted(const std::string &Root,
                                     llvm::ArrayRef<mm::MaterializedFile> Files) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return {};
  std::vector<std::string> Touched;
  for (const mm::MaterializedFile &F : Files)
    if (!F.Created)
      Touched.push_back(F.File);
  if (Touched.empty())
    return {};
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("metrics-migrate-git", "txt", Out))
    return {};
  std::vector<llvm::StringRef> Args = {*Git, "-C", Root, "status", "--porcelain", "--"};
  llvm::append_range(Args, Touched);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(Out),
                                                llvm::StringRef("")};
  int RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects);
  auto Text = llvm::MemoryBuffer::getFile(Out);
  llvm::sys::fs::remove(Out);
  std::vector<std::string> Dirty;
  if (RC != 0 || !Text) // Not a work tree.
    return Dirty;
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Text)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines)
    Dirty.push_back(Line.drop_front(3).str());
  return Dirty;
}

mm::ScanOptions scanOptions(const CommonFlags &F, const mm::Config *Cfg = nullptr) {
  mm::ScanOptions Opts;
  Opts.BuildDir = F.BuildDir;
  Opts.Jobs = F.Jobs;
  Opts.Paths = F.Paths;
  Opts.Progress = F.Quiet                       ? mm::ScanOptions::ProgressStyle::None
                  : llvm::errs().is_displayed() ? mm::ScanOptions::ProgressStyle::Line
                                                : mm::ScanOptions::ProgressStyle::Lines;
  if (Cfg && !F.NoPrefilter)
    Opts.MentionOneOf = mm::prefilterWords(*Cfg);
  if (Cfg && !F.CacheDir.empty()) {
    Opts.CacheDir = F.CacheDir;
    auto Text = llvm::MemoryBuffer::getFile(Cfg->Path);
    Opts.CacheSalt = std::string(MM_VERSION) + "\n" + Cfg->Root + "\n" +
                     (Text ? (*Text)->getBuffer().str() : std::string());
  }
  return Opts;
}

void reportFailedTUs(const std::vector<std::string> &Failed) {
  for (const std::string &F : Failed)
    llvm::errs() << "metrics-migrate: failed to parse: " << F << "\n";
}

/// Each item, then how many each pattern of code accounts for.
void reportManual(const std::vector<mm::ManualItem> &Manual) {
  for (const mm::ManualItem &M : Manual)
    llvm::errs() << M.File << ":" << M.Line << ": warning: " << M.What << ": " << M.Why
                 << " [left for a human]\n";
  if (!Manual.empty()) {
    llvm::errs() << "metrics-migrate: ";
    mm::printLeftSummary(llvm::errs(), Manual);
  }
}

/// Why the review of \p M decides NO-GO, leaving out what `apply` gates
/// on by itself (TUs that failed to parse: --allow-partial; a migration
/// that does not compile: exit 6).
std::vector<std::string> noGoReasons(const mm::Review &R) {
  std::vector<std::string> Reasons;
  // Each with its evidence, one `file:line: note: ..` line each.
  for (const mm::Check &K : R.Checks)
    if (K.Fired && K.Blocker && K.Id != "failed-tus") {
      std::string Reason = K.Title + ": " + K.Summary;
      for (const mm::Evidence &E : K.Where)
        Reason += "\n" + E.File + ":" + std::to_string(E.Line) + ": note: " + E.Note;
      Reasons.push_back(std::move(Reason));
    }
  for (const mm::Check &K : R.Invariants)
    if (K.Fired)
      Reasons.push_back("invariant broken: " + K.Title + ": " + K.Summary);
  return Reasons;
}

int migrationError(llvm::Error E) {
  int Code = BadUsage;
  llvm::handleAllErrors(
      std::move(E),
      [&](const mm::EditConflictError &C) {
        llvm::errs() << "metrics-migrate: " << C.message() << "\n";
        Code = Conflict;
      },
      [&](const mm::WriteError &W) {
        llvm::errs() << "metrics-migrate: " << W.message() << "\n";
        Code = WriteFailed;
      },
      [&](const llvm::ErrorInfoBase &Other) {
        llvm::errs() << "metrics-migrate: " << Other.message() << "\n";
      });
  return Code;
}

/// Writes \p Print's output to \p Path ("-": stdout).
llvm::Error writeTo(const std::string &Path,
                    llvm::function_ref<void(llvm::raw_ostream &)> Print) {
  if (Path == "-") {
    Print(llvm::outs());
    return llvm::Error::success();
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return llvm::createStringError(EC, "%s: cannot write: %s", Path.c_str(),
                                   EC.message().c_str());
  Print(OS);
  return llvm::Error::success();
}

/// `init`: detects, then writes the starter configuration (never over an
/// existing one without --force).
int runInit(const CommonFlags &F, std::string Output, bool Force) {
  mm::Config Base;
  llvm::SmallString<256> Root(F.Root.empty() ? "." : F.Root);
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::is_directory(Root))
    return fail(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                        "--root %s: not a directory", F.Root.c_str()),
                BadUsage);
  Base.Root = std::string(Root);
  Base.Exclude = {"build*/", "third_party/"};
  llvm::append_range(Base.Exclude, F.Exclude);
  if (Output.empty()) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, mm::ConfigFileName);
    Output = std::string(Path);
  }
  if (Output != "-" && llvm::sys::fs::exists(Output) && !Force)
    return fail(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                        "%s exists; pass --force to overwrite it",
                                        Output.c_str()),
                BadUsage);
  mm::ScanOptions Opts = scanOptions(F);
  if (!F.NoPrefilter)
    Opts.MentionOneOf = mm::initPrefilterWords();
  auto Found = mm::detectConfig(Base, Opts);
  if (!Found)
    return fail(Found.takeError(), BadUsage);
  reportFailedTUs(Found->FailedTUs);
  llvm::errs() << Found->Summary;
  if (llvm::Error E = writeTo(Output, [&](llvm::raw_ostream &OS) { OS << Found->Yaml; }))
    return fail(std::move(E), BadUsage);
  if (Output != "-")
    llvm::errs() << "wrote " << Output
                 << "; check it, then run `metrics-migrate catalog -p " << F.BuildDir
                 << " --summary`\n";
  return Found->FailedTUs.empty() ? Done : ParseFailures;
}

/// `check`: one line per file still to migrate and per item left for a
/// human, then a total. GitHub annotations with \p GitHub.
void printCheck(llvm::raw_ostream &OS, const mm::Migration &M, bool GitHub) {
  for (const mm::MaterializedFile &F : M.Files) {
    mm::LineCounts N = mm::countChangedLines(F.Before, F.After);
    std::string What = F.Created ? "to be created" : F.Deleted ? "to be deleted" : "to migrate";
    if (GitHub)
      OS << "::warning file=" << F.File << ",line=" << mm::firstChangedLine(F.Before, F.After)
         << "::metrics-migrate: " << What << " (+" << N.Insertions << " -" << N.Deletions
         << ")\n";
    else
      OS << F.File << ": " << What << " (+" << N.Insertions << " -" << N.Deletions << ")\n";
  }
  for (const mm::ManualItem &I : M.Rewrites.Manual) {
    if (GitHub)
      OS << "::warning file=" << I.File << ",line=" << I.Line << "::" << I.What << ": "
         << I.Why << " [left for a human]\n";
    else
      OS << I.File << ":" << I.Line << ": " << I.What << ": " << I.Why
         << " [left for a human]\n";
  }
  for (const std::string &TU : M.FailedTUs)
    OS << (GitHub ? "::error::failed to parse: " : "failed to parse: ") << TU << "\n";
  if (!GitHub)
    mm::printLeftSummary(OS, M.Rewrites.Manual);
  if (M.Files.empty() && M.Rewrites.Manual.empty())
    OS << "metrics-migrate check: nothing left to migrate\n";
  else
    OS << "metrics-migrate check: " << M.Files.size()
       << (M.Files.size() == 1 ? " file" : " files") << " to migrate, "
       << M.Rewrites.Manual.size() << (M.Rewrites.Manual.size() == 1 ? " item" : " items")
       << " left for a human\n";
}

} // namespace

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

  CommonFlags Flags;
  std::string InitOutput;
  bool Force = false;
  CLI::App *Init = App.add_subcommand(
      "init", "Find the likely metrics service class and write a starter "
              ".metrics-migrate.yaml in the project root (the working directory, or --root)");
  Init->add_option("-p,--build-path", Flags.BuildDir, "Directory holding compile_commands.json")
      ->required();
  Init->add_option("--root", Flags.Root, "Project root (default: the working directory)");
  Init->add_option("--exclude", Flags.Exclude, "Glob of files never scanned (repeatable)");
  Init->add_option("-j,--jobs", Flags.Jobs, "Parallel workers (default: one per core)");
  Init->add_option("-o,--output", InitOutput,
                   "Where to write it (default: .metrics-migrate.yaml in the root; - for stdout)");
  Init->add_flag("--force", Force, "Overwrite an existing configuration");
  Init->add_flag("--no-prefilter", Flags.NoPrefilter,
                 "Parse every TU, even those whose text never names `prometheus`");
  Init->add_flag("-q,--quiet", Flags.Quiet, "No progress");
  Init->footer("Example:\n  cd your-project && metrics-migrate init -p build\n"
               "  metrics-migrate catalog -p build --summary   # then check what it found");

  bool Summary = false;
  CLI::App *Catalog = App.add_subcommand(
      "catalog", "Print the service, its metrics, wrappers, injection points "
                 "and call sites (JSON)");
  addCommonFlags(*Catalog, Flags);
  Catalog->add_flag("--summary", Summary, "Print a short human-readable summary instead");
  bool WithFacts = false;
  Catalog->add_flag("--facts", WithFacts,
                    "Print the scan facts the rewriters use (argument sites, member "
                    "initializers, null guards, files) instead");

  std::string ExportFixes;
  bool Stat = false;
  CLI::App *Diff = App.add_subcommand(
      "diff", "Print the migration as a unified diff (valid for git apply); writes nothing");
  addCommonFlags(*Diff, Flags);
  Diff->add_flag("--stat", Stat, "Print a diffstat before the diff");
  Diff->add_option("--export-fixes", ExportFixes,
                   "Also write the edits as clang-apply-replacements YAML");
  CLI::App *Apply = App.add_subcommand("apply", "Migrate the tree in place");
  addCommonFlags(*Apply, Flags);
  std::string BackupDir;
  bool AllowPartial = false, AllowDirty = false, ForceNoGo = false;
  Apply->add_option("--backup-dir", BackupDir,
                    "Copy every file before it is replaced or removed to this folder");
  Apply->add_flag("--allow-partial", AllowPartial,
                  "Write even though some TUs failed to parse (a call or construction "
                  "site there may be missed)");
  Apply->add_flag("--allow-dirty", AllowDirty,
                  "Write files that have uncommitted changes in git");
  Apply->add_flag("--force", ForceNoGo,
                  "Write even though the review decides NO-GO (a duplicate registration, a "
                  "service compiled in one configuration only, a broken invariant: see "
                  "`report`)");
  Apply->add_option("--export-fixes", ExportFixes,
                    "Also write the edits as clang-apply-replacements YAML");

  std::string ReviewMarkdown = "-", ReviewJSON, ReviewSarif, Guide;
  CLI::App *Report = App.add_subcommand(
      "report", "Write the review checklist of the migration (what apply would do, or "
                "what is left on a migrated tree); writes no source file");
  addCommonFlags(*Report, Flags);
  Report->add_option("-o,--output", ReviewMarkdown, "The review as Markdown (default: stdout)");
  Report->add_option("--json", ReviewJSON,
                     "Also write the review as JSON (schema docs/review.schema.json)");
  Report->add_option("--sarif", ReviewSarif, "Also write the findings as SARIF 2.1.0");
  Report->add_option("--guide", Guide,
                     "Also write the \"where each metric lives\" guide (Markdown)");

  std::string ShardSpec = "1/1", FactsOut;
  CLI::App *ScanCmd = App.add_subcommand(
      "scan", "Scan one slice of the TUs and write its facts, for `merge` (map/reduce "
              "over many machines)");
  addCommonFlags(*ScanCmd, Flags);
  ScanCmd->add_option("--shard", ShardSpec, "K/N: the K-th of N slices of the TUs (default 1/1)");
  ScanCmd->add_option("-o,--output", FactsOut, "The facts file to write")->required();
  ScanCmd->footer("Example:\n  metrics-migrate scan -p build --shard 2/8 -o facts-2.json\n"
                  "  metrics-migrate merge facts-*.json > migration.diff");

  std::vector<std::string> ShardFiles;
  bool MergeApply = false;
  CLI::App *Merge = App.add_subcommand(
      "merge", "Plan and rewrite from the facts files of every `scan --shard K/N`: prints "
               "the diff a single-machine `diff` prints, or writes it with --apply");
  Merge->add_option("facts", ShardFiles, "The N facts files")->required();
  Merge->add_option("--config", Flags.ConfigFile, "Configuration file");
  Merge->add_option("--root", Flags.Root, "Project root");
  Merge->add_option("-p,--build-path", Flags.BuildDir,
                    "Directory holding compile_commands.json: the merged migration is "
                    "verified against it (required unless --no-verify)");
  Merge->add_option("-j,--jobs", Flags.Jobs, "Parallel workers for the verification");
  Merge->add_flag("--no-verify", Flags.NoVerify,
                  "Unsafe: do not re-parse what the migration changes");
  Merge->add_flag("--stat", Stat, "Print a diffstat before the diff");
  Merge->add_option("--export-fixes", ExportFixes,
                    "Also write the edits as clang-apply-replacements YAML");
  Merge->add_flag("--apply", MergeApply, "Write the migration in place, as `apply` does");
  Merge->add_option("--backup-dir", BackupDir, "With --apply: keep the originals here");
  Merge->add_flag("--allow-partial", AllowPartial, "With --apply: see `apply`");
  Merge->add_flag("--allow-dirty", AllowDirty, "With --apply: see `apply`");
  Merge->add_flag("--force", ForceNoGo, "With --apply: see `apply`");
  std::string MergeReport, MergeReportJSON;
  Merge->add_option("--report", MergeReport,
                    "Also write the review checklist (Markdown), as `report -o` does");
  Merge->add_option("--report-json", MergeReportJSON,
                    "Also write the review as JSON, as `report --json` does");

  bool CheckDiff = false;
  std::string Format = "text";
  CLI::App *Check = App.add_subcommand(
      "check", "Exit 1 when the tree still needs migrating (for CI); writes nothing");
  addCommonFlags(*Check, Flags);
  Check->add_flag("--diff", CheckDiff, "Also print the unified diff of what remains");
  Check->add_option("--format", Format, "text, or github for workflow annotations")
      ->check(CLI::IsMember({"text", "github"}));

  App.footer("Exit codes: 0 done, 1 `check` found work, 2 bad usage or input, 3 TUs failed to "
             "parse,\n4 files changed since they were read (nothing written), 5 writing "
             "failed,\n6 the migration would not compile (nothing written), 7 `apply` refused "
             "a NO-GO review,\n8 nothing could be migrated (only items for a human).\nRun `metrics-migrate COMMAND --help` for a command's flags and examples.");
  Catalog->footer("Examples:\n  metrics-migrate catalog -p build --summary\n"
                  "  metrics-migrate catalog -p build services/orders   # TUs under a path only");
  Diff->footer("Examples:\n  metrics-migrate diff -p build --stat > migration.diff && git apply "
               "--check migration.diff\n"
               "  metrics-migrate diff -p build --export-fixes fixes.yaml   # for "
               "clang-apply-replacements");
  Apply->footer("Examples:\n  metrics-migrate apply -p build\n"
                "  metrics-migrate apply -p build --backup-dir /tmp/before-migration");
  Report->footer("Examples:\n  metrics-migrate report -p build -o review.md --json review.json "
                 "--sarif review.sarif\n"
                 "  metrics-migrate report -p build --guide docs/where-metrics-live.md");
  Merge->footer("Examples:\n  metrics-migrate merge facts-*.json > migration.diff\n"
                "  metrics-migrate merge facts-*.json --apply --report review.md");
  Check->footer("Examples:\n  metrics-migrate check -p build --diff\n"
                "  metrics-migrate check -p build --format=github   # workflow annotations");

  try {
    App.parse(argc, argv);
  } catch (const CLI::ParseError &E) {
    int RC = App.exit(E);
    return RC == 0 ? Done : BadUsage;
  }

  if (Init->parsed())
    return runInit(Flags, InitOutput, Force);

  auto Cfg = configFor(Flags);
  if (!Cfg)
    return fail(Cfg.takeError(), BadUsage);

  if (Catalog->parsed()) {
    auto S = mm::runScan(*Cfg, scanOptions(Flags, &*Cfg));
    if (!S)
      return fail(S.takeError(), BadUsage);
    reportFailedTUs(S->FailedTUs);
    if (WithFacts)
      mm::printJSON(llvm::outs(), mm::toJSON(S->TheFacts));
    else if (Summary) {
      mm::printCatalogSummary(llvm::outs(), S->TheCatalog);
      llvm::outs() << "translation units  " << S->Stats.TUs << " (" << S->Stats.Skipped
                   << " skipped: they never name the service; " << S->Stats.Failed
                   << " failed; " << S->Stats.Reused << " from the cache)\n";
    }
    else
      mm::printJSON(llvm::outs(), mm::toJSON(S->TheCatalog));
    return S->FailedTUs.empty() ? Done : ParseFailures;
  }

  if (ScanCmd->parsed()) {
    auto Slice = mm::parseShard(ShardSpec);
    if (!Slice)
      return fail(Slice.takeError(), BadUsage);
    mm::ScanOptions Opts = scanOptions(Flags, &*Cfg);
    std::tie(Opts.Shard, Opts.Shards) = *Slice;
    mm::ScanStats Stats;
    auto TUs = mm::scanDatabase(*Cfg, Opts, &Stats);
    if (!TUs)
      return fail(TUs.takeError(), BadUsage);
    if (llvm::Error E = writeTo(FactsOut, [&](llvm::raw_ostream &OS) {
          mm::writeShard(OS, MM_VERSION, Opts.Shard, Opts.Shards, Stats, *TUs);
        }))
      return fail(std::move(E), BadUsage);
    llvm::errs() << "metrics-migrate scan: shard " << ShardSpec << ": " << Stats.TUs
                 << " translation units (" << Stats.Skipped << " skipped, " << Stats.Failed
                 << " failed) -> " << FactsOut << "\n";
    return Stats.Failed ? ParseFailures : Done;
  }

  llvm::Expected<mm::Migration> M = [&]() -> llvm::Expected<mm::Migration> {
    mm::ScanOptions Opts = scanOptions(Flags, &*Cfg);
    if (!Merge->parsed())
      return mm::runMigration(*Cfg, Opts, !Flags.NoVerify);
    auto Shards = mm::readShards(ShardFiles, MM_VERSION);
    if (!Shards)
      return Shards.takeError();
    if (Flags.BuildDir.empty() && !Flags.NoVerify)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "merge: -p BUILD_DIR is needed to verify the merged "
                                     "migration (or pass --no-verify)");
    // Each shard knew only the configured interfaces: TUs that name only
    // another base of the service were skipped or read without it.
    std::vector<std::string> Unlisted = mm::unlistedInterfaces(*Cfg, Shards->TUs);
    if (!Unlisted.empty())
      llvm::errs() << "metrics-migrate: warning: the service's bases "
                   << llvm::join(Unlisted, ", ")
                   << " are not listed in `interfaces:`; the shards did not scan their uses "
                      "where the service is not visible (list them, as `init` does, and scan "
                      "again)\n";
    auto S = mm::scanFrom(*Cfg, std::move(Shards->TUs), Shards->Stats);
    if (!S)
      return S.takeError();
    if (Flags.NoVerify)
      return mm::migrate(*Cfg, std::move(*S));
    return mm::migrate(*Cfg, std::move(*S),
                       [&](llvm::ArrayRef<mm::MaterializedFile> Files,
                           llvm::ArrayRef<mm::Configuration> Others) {
                         return mm::verifyConfigurations(*Cfg, Opts, Files, Others);
                       });
  }();
  if (!M)
    return migrationError(M.takeError());
  // Taken back decisions are items for a human like the others; a
  // migration that still does not compile is never handed out.
  bool Verified = !M->Verify.Ran || M->Verify.Verified;
  if (!Verified)
    llvm::errs() << "metrics-migrate: " << mm::verificationFailures(M->Verify) << "\n";
  int Parsed = !Verified ? NotVerified : M->FailedTUs.empty() ? Done : ParseFailures;

  // The review's outputs; an empty path is not written.
  auto WriteReview = [&](const std::string &Markdown, const std::string &JSON,
                         const std::string &Sarif, const std::string &GuidePath) -> bool {
    mm::Review R = mm::reviewOf(*M, *Cfg);
    auto Write = [&](const std::string &Path,
                     llvm::function_ref<void(llvm::raw_ostream &)> Print) -> bool {
      if (Path.empty())
        return true;
      if (llvm::Error E = writeTo(Path, Print)) {
        fail(std::move(E), BadUsage);
        return false;
      }
      return true;
    };
    return Write(JSON, [&](llvm::raw_ostream &OS) { mm::printJSON(OS, mm::toJSON(R)); }) &&
           Write(Sarif, [&](llvm::raw_ostream &OS) { mm::printJSON(OS, mm::toSarif(R)); }) &&
           Write(GuidePath, [&](llvm::raw_ostream &OS) { mm::printMetricGuide(OS, R); }) &&
           Write(Markdown, [&](llvm::raw_ostream &OS) { mm::printReviewMarkdown(OS, R); });
  };

  if (Report->parsed()) {
    reportFailedTUs(M->FailedTUs);
    return WriteReview(ReviewMarkdown, ReviewJSON, ReviewSarif, Guide) ? Parsed : BadUsage;
  }
  // Before --apply changes the tree the review reads.
  if (Merge->parsed() && (!MergeReport.empty() || !MergeReportJSON.empty()) &&
      !WriteReview(MergeReport, MergeReportJSON, "", ""))
    return BadUsage;

  if (!Verified)
    return NotVerified;

  if (Check->parsed()) {
    printCheck(llvm::outs(), *M, Format == "github");
    if (CheckDiff)
      mm::printUnifiedDiff(llvm::outs(), M->Files);
    if (!M->FailedTUs.empty())
      return ParseFailures;
    return M->Files.empty() && M->Rewrites.Manual.empty() ? Done : WorkLeft;
  }

  reportFailedTUs(M->FailedTUs);
  reportManual(M->Rewrites.Manual);
  for (const mm::Diagnostic &W : M->Verify.NewWarnings)
    llvm::errs() << W.str() << " [new with the migration]\n";
  mm::MaterializeOptions MO;
  MO.Root = Cfg->Root;
  MO.FormatStyle = Cfg->FormatStyle;
  if (!ExportFixes.empty())
    if (llvm::Error E = mm::writeExportFixes(ExportFixes, M->Rewrites.Edits, MO))
      return migrationError(std::move(E));
  if (Diff->parsed() || (Merge->parsed() && !MergeApply)) {
    if (Stat)
      mm::printDiffStat(llvm::outs(), M->Files);
    mm::printUnifiedDiff(llvm::outs(), M->Files);
  } else if (Apply->parsed() || MergeApply) {
    if (!M->FailedTUs.empty() && !AllowPartial) {
      llvm::errs() << "metrics-migrate: " << M->FailedTUs.size()
                   << " translation unit(s) failed to parse; a call or construction site "
                      "there would be missed, so nothing was written (fix them, exclude "
                      "them with --exclude, or pass --allow-partial)\n";
      return ParseFailures;
    }
    if (!ForceNoGo) {
      std::vector<std::string> Blocking = noGoReasons(mm::reviewOf(*M, *Cfg));
      for (const std::string &Why : Blocking)
        llvm::errs() << "metrics-migrate: error: the review decides NO-GO: " << Why << "\n";
      if (!Blocking.empty()) {
        llvm::errs() << "metrics-migrate: nothing was written; read the review "
                        "(`metrics-migrate report`), fix what it names, or pass --force\n";
        return RefusedNoGo;
      }
    }
    if (!AllowDirty) {
      std::vector<std::string> Dirty = uncommitted(MO.Root, M->Files);
      if (!Dirty.empty()) {
        for (const std::string &F : Dirty)
          llvm::errs() << F << ": error: has uncommitted changes\n";
        llvm::errs() << "metrics-migrate: nothing was written; commit or stash these "
                        "files first, or pass --allow-dirty\n";
        return BadUsage;
      }
    }
    mm::ApplyOptions AO;
    AO.Root = MO.Root;
    AO.BackupDir = BackupDir;
    if (llvm::Error E = mm::applyFiles(M->Files, AO))
      return migrationError(std::move(E));
    mm::printDiffStat(llvm::errs(), M->Files);
  }
  if (!M->FailedTUs.empty())
    return ParseFailures;
  // Items for a human and no change at all: a run that migrated nothing is
  // not a success to a script.
  return M->Files.empty() && !M->Rewrites.Manual.empty() ? NothingMigrated : Done;
}
