//===--- MetricsMigrate.cpp - The metrics-migrate command line ------------===//
//
// Only `main`: reads flags (the one place that does), finds the
// configuration, runs the stages and turns their errors into exit codes:
//   0 done, 1 `check` found work, 2 bad usage or configuration,
//   3 some TUs failed to parse (the rest still processed),
//   4 edits conflicted (nothing written).
//
//===----------------------------------------------------------------------===//

#include "core/Config.h"
#include "core/JSON.h"
#include "core/Merge.h"
#include "report/CatalogSummary.h"
#include "tool/Emit.h"
#include "tool/Executor.h"
#include "tool/Pipeline.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace {

enum ExitCode {
  Done = 0,
  WorkLeft = 1,
  BadUsage = 2,
  ParseFailures = 3,
  Conflict = 4,
};

struct CommonFlags {
  std::string BuildDir;
  std::string ConfigFile;
  unsigned Jobs = 0;
  std::vector<std::string> Paths;
};

void addCommonFlags(CLI::App &Cmd, CommonFlags &F) {
  Cmd.add_option("-p,--build-path", F.BuildDir,
                 "Directory holding compile_commands.json")
      ->required();
  Cmd.add_option("--config", F.ConfigFile,
                 "Configuration file (default: .metrics-migrate.yaml found upward "
                 "from the working directory)");
  Cmd.add_option("-j,--jobs", F.Jobs, "Parallel workers (default: one per core)");
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
  return mm::loadConfig(Path);
}

mm::ScanOptions scanOptions(const CommonFlags &F) {
  mm::ScanOptions Opts;
  Opts.BuildDir = F.BuildDir;
  Opts.Jobs = F.Jobs;
  Opts.Paths = F.Paths;
  Opts.Progress = llvm::errs().is_displayed();
  return Opts;
}

void reportFailedTUs(const std::vector<std::string> &Failed) {
  for (const std::string &F : Failed)
    llvm::errs() << "metrics-migrate: failed to parse: " << F << "\n";
}

void reportManual(const std::vector<mm::ManualItem> &Manual) {
  for (const mm::ManualItem &M : Manual)
    llvm::errs() << M.File << ":" << M.Line << ": warning: " << M.What << ": " << M.Why
                 << " [left for a human]\n";
}

int migrationError(llvm::Error E) {
  int Code = BadUsage;
  llvm::handleAllErrors(
      std::move(E),
      [&](const mm::EditConflictError &C) {
        llvm::errs() << "metrics-migrate: " << C.message() << "\n";
        Code = Conflict;
      },
      [&](const llvm::ErrorInfoBase &Other) {
        llvm::errs() << "metrics-migrate: " << Other.message() << "\n";
      });
  return Code;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  CLI::App App{"metrics-migrate: dissolve a central metrics service into "
               "per-module Prometheus metrics"};
  App.require_subcommand(1);

  CommonFlags Flags;
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
  Apply->add_option("--export-fixes", ExportFixes,
                    "Also write the edits as clang-apply-replacements YAML");

  try {
    App.parse(argc, argv);
  } catch (const CLI::ParseError &E) {
    int RC = App.exit(E);
    return RC == 0 ? Done : BadUsage;
  }

  auto Cfg = configFor(Flags);
  if (!Cfg)
    return fail(Cfg.takeError(), BadUsage);

  if (Catalog->parsed()) {
    auto S = mm::runScan(*Cfg, scanOptions(Flags));
    if (!S)
      return fail(S.takeError(), BadUsage);
    reportFailedTUs(S->FailedTUs);
    if (WithFacts)
      mm::printJSON(llvm::outs(), mm::toJSON(S->TheFacts));
    else if (Summary)
      mm::printCatalogSummary(llvm::outs(), S->TheCatalog);
    else
      mm::printJSON(llvm::outs(), mm::toJSON(S->TheCatalog));
    return S->FailedTUs.empty() ? Done : ParseFailures;
  }

  auto M = mm::runMigration(*Cfg, scanOptions(Flags));
  if (!M)
    return migrationError(M.takeError());
  reportFailedTUs(M->FailedTUs);
  reportManual(M->Rewrites.Manual);
  mm::MaterializeOptions MO;
  MO.Root = Cfg->Root;
  if (!ExportFixes.empty())
    if (llvm::Error E = mm::writeExportFixes(ExportFixes, M->Rewrites.Edits, MO))
      return migrationError(std::move(E));
  if (Diff->parsed()) {
    if (Stat)
      mm::printDiffStat(llvm::outs(), M->Files);
    mm::printUnifiedDiff(llvm::outs(), M->Files);
  } else if (Apply->parsed()) {
    if (llvm::Error E = mm::applyFiles(M->Files, MO))
      return migrationError(std::move(E));
    mm::printDiffStat(llvm::errs(), M->Files);
  }
  return M->FailedTUs.empty() ? Done : ParseFailures;
}
