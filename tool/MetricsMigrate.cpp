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
#include "tool/Executor.h"

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

/// Runs stages [1] and [2]; reports TUs that failed. Sets \p Failed when any.
llvm::Expected<mm::Catalog> catalogFor(const mm::Config &Cfg, const CommonFlags &F,
                                       bool &Failed) {
  mm::ScanOptions Opts;
  Opts.BuildDir = F.BuildDir;
  Opts.Jobs = F.Jobs;
  Opts.Paths = F.Paths;
  Opts.Progress = llvm::errs().is_displayed();
  auto Facts = mm::scanDatabase(Cfg, Opts);
  if (!Facts)
    return Facts.takeError();
  Failed = false;
  for (const mm::TUFacts &TU : *Facts) {
    if (TU.Parsed)
      continue;
    Failed = true;
    llvm::errs() << "metrics-migrate: " << TU.MainFile << ": failed to parse\n";
    for (const std::string &E : TU.Errors)
      llvm::errs() << "  " << E << "\n";
  }
  return mm::buildCatalog(*Facts, Cfg);
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
    bool Failed = false;
    auto C = catalogFor(*Cfg, Flags, Failed);
    if (!C)
      return fail(C.takeError(), BadUsage);
    if (Summary)
      mm::printCatalogSummary(llvm::outs(), *C);
    else
      mm::printJSON(llvm::outs(), mm::toJSON(*C));
    return Failed ? ParseFailures : Done;
  }
  return BadUsage;
}
