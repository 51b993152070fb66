//===--- Commands.cpp - What each subcommand does -------------------------===//

#include "tool/Commands.h"

#include "core/JSON.h"
#include "core/LineDiff.h"
#include "core/Merge.h"
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

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace mm::cli {

int fail(llvm::Error E, int Code) {
  llvm::errs() << "metrics-migrate: " << llvm::toString(std::move(E)) << "\n";
  return Code;
}

llvm::Expected<Config> configFor(const CommonFlags &F) {
  std::string Path = F.ConfigFile;
  if (Path.empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    auto Found = findConfig(Cwd);
    if (!Found)
      return Found.takeError();
    Path = *Found;
  }
  auto Cfg = loadConfig(Path);
  if (!Cfg)
    return Cfg.takeError();
  if (!Cfg->FormatStyle.empty())
    if (auto Style = configuredStyle(Cfg->FormatStyle, "f.cpp"); !Style)
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

namespace {

/// The files of \p Files with uncommitted changes when \p Root lies in a
/// git work tree (none otherwise, or without git).
std::vector<std::string> uncommitted(const std::string &Root,
                                     llvm::ArrayRef<MaterializedFile> Files) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return {};
  std::vector<std::string> Touched;
  for (const MaterializedFile &F : Files)
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

ScanOptions scanOptions(const CommonFlags &F, const Config *Cfg = nullptr) {
  ScanOptions Opts;
  Opts.BuildDir = F.BuildDir;
  Opts.Jobs = F.Jobs;
  Opts.Paths = F.Paths;
  Opts.Progress = F.Quiet                       ? ScanOptions::ProgressStyle::None
                  : llvm::errs().is_displayed() ? ScanOptions::ProgressStyle::Line
                                                : ScanOptions::ProgressStyle::Lines;
  if (Cfg && !F.NoPrefilter)
    Opts.MentionOneOf = prefilterWords(*Cfg);
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
void reportManual(const std::vector<ManualItem> &Manual) {
  for (const ManualItem &M : Manual)
    llvm::errs() << M.File << ":" << M.Line << ": warning: " << M.What << ": " << M.Why
                 << " [left for a human]\n";
  if (!Manual.empty()) {
    llvm::errs() << "metrics-migrate: ";
    printLeftSummary(llvm::errs(), Manual);
  }
}

/// Why the review of \p M decides NO-GO, leaving out what `apply` gates
/// on by itself (TUs that failed to parse: --allow-partial; a migration
/// that does not compile: exit 6).
std::vector<std::string> noGoReasons(const Review &R) {
  std::vector<std::string> Reasons;
  // Each with its evidence, one `file:line: note: ..` line each.
  for (const Check &K : R.Checks)
    if (K.Fired && K.Blocker && K.Id != "failed-tus") {
      std::string Reason = K.Title + ": " + K.Summary;
      for (const Evidence &E : K.Where)
        Reason += "\n" + E.File + ":" + std::to_string(E.Line) + ": note: " + E.Note;
      Reasons.push_back(std::move(Reason));
    }
  for (const Check &K : R.Invariants)
    if (K.Fired)
      Reasons.push_back("invariant broken: " + K.Title + ": " + K.Summary);
  return Reasons;
}

int migrationError(llvm::Error E) {
  int Code = BadUsage;
  llvm::handleAllErrors(
      std::move(E),
      [&](const EditConflictError &C) {
        llvm::errs() << "metrics-migrate: " << C.message() << "\n";
        Code = Conflict;
      },
      [&](const WriteError &W) {
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
int runInitWith(const CommonFlags &F, std::string Output, bool Force) {
  Config Base;
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
    llvm::sys::path::append(Path, ConfigFileName);
    Output = std::string(Path);
  }
  if (Output != "-" && llvm::sys::fs::exists(Output) && !Force)
    return fail(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                        "%s exists; pass --force to overwrite it",
                                        Output.c_str()),
                BadUsage);
  ScanOptions Opts = scanOptions(F);
  if (!F.NoPrefilter)
    Opts.MentionOneOf = initPrefilterWords();
  auto Found = detectConfig(Base, Opts);
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
void printCheck(llvm::raw_ostream &OS, const Migration &M, bool GitHub) {
  for (const MaterializedFile &F : M.Files) {
    LineCounts N = countChangedLines(F.Before, F.After);
    std::string What = F.Created ? "to be created" : F.Deleted ? "to be deleted" : "to migrate";
    if (GitHub)
      OS << "::warning file=" << F.File << ",line=" << firstChangedLine(F.Before, F.After)
         << "::metrics-migrate: " << What << " (+" << N.Insertions << " -" << N.Deletions
         << ")\n";
    else
      OS << F.File << ": " << What << " (+" << N.Insertions << " -" << N.Deletions << ")\n";
  }
  for (const ManualItem &I : M.Rewrites.Manual) {
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
    printLeftSummary(OS, M.Rewrites.Manual);
  if (M.Files.empty() && M.Rewrites.Manual.empty())
    OS << "metrics-migrate check: nothing left to migrate\n";
  else
    OS << "metrics-migrate check: " << M.Files.size()
       << (M.Files.size() == 1 ? " file" : " files") << " to migrate, "
       << M.Rewrites.Manual.size() << (M.Rewrites.Manual.size() == 1 ? " item" : " items")
       << " left for a human\n";
}

/// The migration \p C works on: planned from a scan of the build, or for
/// `merge` from the facts files of every shard; verified unless --no-verify.
llvm::Expected<Migration> migrationFor(MigrationCommand C, const Request &R,
                                       const Config &Cfg) {
  const CommonFlags &Flags = R.Flags;
  ScanOptions Opts = scanOptions(Flags, &Cfg);
  if (C != MigrationCommand::Merge)
    return runMigration(Cfg, Opts, !Flags.NoVerify);
  auto Shards = readShards(R.ShardFiles, MM_VERSION);
  if (!Shards)
    return Shards.takeError();
  if (Flags.BuildDir.empty() && !Flags.NoVerify)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "merge: -p BUILD_DIR is needed to verify the merged "
                                   "migration (or pass --no-verify)");
  // Each shard knew only the configured interfaces: TUs that name only
  // another base of the service were skipped or read without it.
  std::vector<std::string> Unlisted = unlistedInterfaces(Cfg, Shards->TUs);
  if (!Unlisted.empty())
    llvm::errs() << "metrics-migrate: warning: the service's bases "
                 << llvm::join(Unlisted, ", ")
                 << " are not listed in `interfaces:`; the shards did not scan their uses "
                    "where the service is not visible (list them, as `init` does, and scan "
                    "again)\n";
  auto S = scanFrom(Cfg, std::move(Shards->TUs), Shards->Stats);
  if (!S)
    return S.takeError();
  if (Flags.NoVerify)
    return migrate(Cfg, std::move(*S));
  return migrate(Cfg, std::move(*S),
                 [&](llvm::ArrayRef<MaterializedFile> Files,
                     llvm::ArrayRef<Configuration> Others) {
                   return verifyConfigurations(Cfg, Opts, Files, Others);
                 });
}

/// Writes the review of \p M to each path that is not empty.
bool writeReview(const Migration &M, const Config &Cfg, const std::string &Markdown,
                 const std::string &JSON, const std::string &Sarif,
                 const std::string &GuidePath) {
  Review R = reviewOf(M, Cfg);
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
  return Write(JSON, [&](llvm::raw_ostream &OS) { printJSON(OS, toJSON(R)); }) &&
         Write(Sarif, [&](llvm::raw_ostream &OS) { printJSON(OS, toSarif(R)); }) &&
         Write(GuidePath, [&](llvm::raw_ostream &OS) { printMetricGuide(OS, R); }) &&
         Write(Markdown, [&](llvm::raw_ostream &OS) { printReviewMarkdown(OS, R); });
}

/// `check`: what is left, and exit 1 when anything is.
int runCheck(const Migration &M, const Request &R) {
  printCheck(llvm::outs(), M, R.Format == "github");
  if (R.CheckDiff)
    printUnifiedDiff(llvm::outs(), M.Files);
  if (!M.FailedTUs.empty())
    return ParseFailures;
  return M.Files.empty() && M.Rewrites.Manual.empty() ? Done : WorkLeft;
}

/// `apply`, and `merge --apply`: writes \p M unless a TU failed to parse,
/// the review decides NO-GO, or a file to write has uncommitted changes
/// (each with its flag to go on all the same).
int applyMigration(const Migration &M, const Request &R, const Config &Cfg) {
  if (!M.FailedTUs.empty() && !R.AllowPartial) {
    llvm::errs() << "metrics-migrate: " << M.FailedTUs.size()
                 << " translation unit(s) failed to parse; a call or construction site "
                    "there would be missed, so nothing was written (fix them, exclude "
                    "them with --exclude, or pass --allow-partial)\n";
    return ParseFailures;
  }
  if (!R.ForceNoGo) {
    std::vector<std::string> Blocking = noGoReasons(reviewOf(M, Cfg));
    for (const std::string &Why : Blocking)
      llvm::errs() << "metrics-migrate: error: the review decides NO-GO: " << Why << "\n";
    if (!Blocking.empty()) {
      llvm::errs() << "metrics-migrate: nothing was written; read the review "
                      "(`metrics-migrate report`), fix what it names, or pass --force\n";
      return RefusedNoGo;
    }
  }
  if (!R.AllowDirty) {
    std::vector<std::string> Dirty = uncommitted(Cfg.Root, M.Files);
    if (!Dirty.empty()) {
      for (const std::string &F : Dirty)
        llvm::errs() << F << ": error: has uncommitted changes\n";
      llvm::errs() << "metrics-migrate: nothing was written; commit or stash these "
                      "files first, or pass --allow-dirty\n";
      return BadUsage;
    }
  }
  ApplyOptions AO;
  AO.Root = Cfg.Root;
  AO.BackupDir = R.BackupDir;
  if (llvm::Error E = applyFiles(M.Files, AO))
    return migrationError(std::move(E));
  printDiffStat(llvm::errs(), M.Files);
  return Done;
}

} // namespace

int runInit(const Request &R) { return runInitWith(R.Flags, R.InitOutput, R.Force); }

int runCatalog(const Request &R, const Config &Cfg) {
  auto S = runScan(Cfg, scanOptions(R.Flags, &Cfg));
  if (!S)
    return fail(S.takeError(), BadUsage);
  reportFailedTUs(S->FailedTUs);
  if (R.WithFacts) {
    printJSON(llvm::outs(), toJSON(S->TheFacts));
  } else if (R.Summary) {
    printCatalogSummary(llvm::outs(), S->TheCatalog);
    llvm::outs() << "translation units  " << S->Stats.TUs << " (" << S->Stats.Skipped
                 << " skipped: they never name the service; " << S->Stats.Failed
                 << " failed; " << S->Stats.Reused << " from the cache)\n";
  } else {
    printJSON(llvm::outs(), toJSON(S->TheCatalog));
  }
  return S->FailedTUs.empty() ? Done : ParseFailures;
}

int runShardScan(const Request &R, const Config &Cfg) {
  auto Slice = parseShard(R.ShardSpec);
  if (!Slice)
    return fail(Slice.takeError(), BadUsage);
  ScanOptions Opts = scanOptions(R.Flags, &Cfg);
  std::tie(Opts.Shard, Opts.Shards) = *Slice;
  ScanStats Stats;
  auto TUs = scanDatabase(Cfg, Opts, &Stats);
  if (!TUs)
    return fail(TUs.takeError(), BadUsage);
  if (llvm::Error E = writeTo(R.FactsOut, [&](llvm::raw_ostream &OS) {
        writeShard(OS, MM_VERSION, Opts.Shard, Opts.Shards, Stats, *TUs);
      }))
    return fail(std::move(E), BadUsage);
  llvm::errs() << "metrics-migrate scan: shard " << R.ShardSpec << ": " << Stats.TUs
               << " translation units (" << Stats.Skipped << " skipped, " << Stats.Failed
               << " failed) -> " << R.FactsOut << "\n";
  return Stats.Failed ? ParseFailures : Done;
}

int runMigrationCommand(MigrationCommand C, const Request &R, const Config &Cfg) {
  llvm::Expected<Migration> M = migrationFor(C, R, Cfg);
  if (!M)
    return migrationError(M.takeError());
  // Taken back decisions are items for a human like the others; a
  // migration that still does not compile is never handed out.
  bool Verified = !M->Verify.Ran || M->Verify.Verified;
  if (!Verified)
    llvm::errs() << "metrics-migrate: " << verificationFailures(M->Verify) << "\n";
  int Parsed = !Verified ? NotVerified : M->FailedTUs.empty() ? Done : ParseFailures;

  if (C == MigrationCommand::Report) {
    reportFailedTUs(M->FailedTUs);
    return writeReview(*M, Cfg, R.ReviewMarkdown, R.ReviewJSON, R.ReviewSarif, R.Guide)
               ? Parsed
               : BadUsage;
  }
  // Before --apply changes the tree the review reads.
  if (C == MigrationCommand::Merge && (!R.MergeReport.empty() || !R.MergeReportJSON.empty()) &&
      !writeReview(*M, Cfg, R.MergeReport, R.MergeReportJSON, "", ""))
    return BadUsage;
  if (!Verified)
    return NotVerified;
  if (C == MigrationCommand::Check)
    return runCheck(*M, R);

  reportFailedTUs(M->FailedTUs);
  reportManual(M->Rewrites.Manual);
  for (const Diagnostic &W : M->Verify.NewWarnings)
    llvm::errs() << W.str() << " [new with the migration]\n";
  MaterializeOptions MO;
  MO.Root = Cfg.Root;
  MO.FormatStyle = Cfg.FormatStyle;
  if (!R.ExportFixes.empty())
    if (llvm::Error E = writeExportFixes(R.ExportFixes, M->Rewrites.Edits, MO))
      return migrationError(std::move(E));
  bool Writes = C == MigrationCommand::Apply || (C == MigrationCommand::Merge && R.MergeApply);
  if (!Writes) {
    if (R.Stat)
      printDiffStat(llvm::outs(), M->Files);
    printUnifiedDiff(llvm::outs(), M->Files);
  } else if (int RC = applyMigration(*M, R, Cfg); RC != Done) {
    return RC;
  }
  if (!M->FailedTUs.empty())
    return ParseFailures;
  // Items for a human and no change at all: a run that migrated nothing is
  // not a success to a script.
  return M->Files.empty() && !M->Rewrites.Manual.empty() ? NothingMigrated : Done;
}

} // namespace mm::cli
