//===--- Verifier.cpp - Stage [5] over a compilation database -------------===//

#include "tool/Verifier.h"

#include "tool/Paths.h"
#include "tool/Prefilter.h"
#include "tool/VerifyCache.h"
#include "verify/Reparse.h"
#include "verify/Trace.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <mutex>
#include <set>

namespace mm {

namespace {

/// The real file system without the files the migration deletes.
class HidingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  HidingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   const std::set<std::string> &Hidden)
      : ProxyFileSystem(std::move(FS)), Hidden(Hidden) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    if (hidden(Path))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::status(Path);
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    if (hidden(Path))
      return std::make_error_code(std::errc::no_such_file_or_directory);
    return ProxyFileSystem::openFileForRead(Path);
  }

private:
  bool hidden(const llvm::Twine &Path) {
    if (Hidden.empty())
      return false;
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    getUnderlyingFS().makeAbsolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Abs, Real))
      Abs = Real;
    return Hidden.count(std::string(Abs));
  }
  const std::set<std::string> &Hidden;
};

/// Whether a TU reads a changed file: its main file, or a project header it
/// includes as the prefilter follows includes. Safe to call from many
/// workers.
class ReachesChange {
public:
  ReachesChange(const std::string &Root, const std::set<std::string> &Changed)
      : Reach(Root, {}), Changed(Changed) {}

  bool operator()(const clang::tooling::CompileCommand &C) {
    // With no words, a TU "may matter" only when text cannot tell what it
    // reads (`#include MACRO`): it is parsed again whatever changed.
    std::vector<std::string> Reached;
    if (Reach.mayMatter(C, Reached))
      return true;
    Reached.push_back(C.Filename);
    for (const std::string &File : Reached) {
      llvm::SmallString<256> Abs(File);
      if (!llvm::sys::path::is_absolute(Abs)) {
        Abs = C.Directory;
        llvm::sys::path::append(Abs, File);
      }
      if (Changed.count(canonicalOf(std::string(Abs))))
        return true;
    }
    return false;
  }

private:
  /// canonical(Abs), computed once per path.
  std::string canonicalOf(const std::string &Abs) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Canonical.find(Abs);
    if (It == Canonical.end())
      It = Canonical.emplace(Abs, canonical(Abs)).first;
    return It->second;
  }

  Prefilter Reach;
  const std::set<std::string> &Changed;
  std::mutex Lock;
  std::map<std::string, std::string> Canonical;
};

/// The scan's options widened to every TU of the database, whatever the
/// scan's paths and prefilter, without the facts cache.
ScanOptions everyTU(const ScanOptions &Opts) {
  ScanOptions All = Opts;
  All.Paths.clear();
  All.MentionOneOf.clear();
  All.Shard = All.Shards = 1;
  All.CacheDir.clear();
  // One updating line on a terminal; a log gets the summary only.
  if (All.Progress == ScanOptions::ProgressStyle::Lines)
    All.Progress = ScanOptions::ProgressStyle::None;
  return All;
}

/// One round of verification: the TUs that read a changed file parsed with
/// the new texts ("after"), then those that fail or warn in a changed file
/// parsed again as the tree stands ("before"), to keep only what is new.
class RoundVerifier {
public:
  RoundVerifier(const Config &Cfg, const ScanOptions &Opts,
                llvm::ArrayRef<MaterializedFile> Files, const Configuration *Other);

  llvm::Expected<VerifyRound> run();

private:
  /// Parses the TUs that read a changed file with the new texts overlaid,
  /// into After and AfterRuns.
  llvm::Error parseAfter();
  /// Counts the runs after, and picks the failing TUs and those with
  /// warnings in changed files.
  void sortRuns();
  /// One TUFailure per TU (empty but for the failing ones).
  std::vector<TUFailure> failureCandidates() const;
  /// Parses the failing and warned TUs again as the tree stands, looking up
  /// what the failures' error lines named, into Before and BeforeRuns.
  llvm::Error parseBefore(const std::vector<TUFailure> &Candidates);
  /// Keeps the failures of TUs that parsed before.
  void keepNewFailures(std::vector<TUFailure> &Candidates);
  /// Keeps the warnings, at changed files, that the same line did not have
  /// before.
  void keepNewWarnings();

  const MaterializedFile *fileOf(llvm::StringRef Rel) const;
  /// The 1-based line \p Line of \p F's new text had before, if any.
  std::optional<unsigned> lineBefore(const MaterializedFile &F, unsigned Line);
  /// The overlay the TUs after are parsed on: the new texts in memory, the
  /// deleted files hidden.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> overlay() const;

  const Config &Cfg;
  const ScanOptions &Opts;
  llvm::ArrayRef<MaterializedFile> Files;
  std::string Root;
  ScanOptions All;
  llvm::ArrayRef<std::string> ExtraArgs;
  std::set<std::string> NotBuilt; ///< Main files Other does not build.
  std::set<std::string> Changed, Deleted; ///< Absolute.

  std::vector<ReparseOutput> After, Before;
  std::vector<TURun> AfterRuns, BeforeRuns;
  std::set<size_t> Failing, Warned;
  std::map<std::string, std::vector<unsigned>> LinesBefore;
  VerifyRound Round;
};

RoundVerifier::RoundVerifier(const Config &Cfg, const ScanOptions &Opts,
                             llvm::ArrayRef<MaterializedFile> Files,
                             const Configuration *Other)
    : Cfg(Cfg), Opts(Opts), Files(Files), Root(canonical(Cfg.Root)), All(everyTU(Opts)) {
  if (Other) {
    ExtraArgs = Other->Flags;
    for (const std::string &File : Other->Without)
      NotBuilt.insert(Root + "/" + File);
  }
  for (const MaterializedFile &F : Files) {
    if (!F.changed())
      continue;
    std::string Abs = Root + "/" + F.File;
    Changed.insert(Abs);
    if (F.Deleted)
      Deleted.insert(Abs);
  }
}

llvm::Expected<VerifyRound> RoundVerifier::run() {
  if (Changed.empty())
    return Round;
  if (llvm::Error E = parseAfter())
    return E;
  sortRuns();
  if (Failing.empty() && Warned.empty())
    return Round;
  std::vector<TUFailure> Candidates = failureCandidates();
  if (llvm::Error E = parseBefore(Candidates))
    return E;
  keepNewFailures(Candidates);
  keepNewWarnings();
  return Round;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> RoundVerifier::overlay() const {
  auto Base = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::makeIntrusiveRefCnt<HidingFileSystem>(llvm::vfs::createPhysicalFileSystem(),
                                                  Deleted));
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const MaterializedFile &F : Files)
    if (F.changed() && !F.Deleted)
      Memory->addFile(Root + "/" + F.File, 0,
                      llvm::MemoryBuffer::getMemBuffer(F.After, F.File, false));
  Base->pushOverlay(Memory);
  return Base;
}

llvm::Error RoundVerifier::parseAfter() {
  ReachesChange Affected(Root, Changed);
  TUHooks Hooks;
  Hooks.Select = [&](size_t, const clang::tooling::CompileCommand &C) {
    if (!NotBuilt.empty()) {
      llvm::SmallString<256> Main(C.Filename);
      if (!llvm::sys::path::is_absolute(Main)) {
        Main = C.Directory;
        llvm::sys::path::append(Main, C.Filename);
      }
      if (NotBuilt.count(canonical(Main)))
        return false;
    }
    return Affected(C);
  };
  Hooks.FileSystem = [this] { return overlay(); };
  Hooks.Warnings = true;
  Hooks.ExtraArgs = ExtraArgs;
  std::optional<VerifyCache> Cache;
  // The cache knows the compile commands as written, not other configurations.
  if (!Opts.CacheDir.empty() && ExtraArgs.empty()) {
    Cache.emplace(Opts.CacheDir, Opts.CacheSalt, Root, Files);
    Hooks.Reuse = [&](size_t I, const clang::tooling::CompileCommand &C) {
      std::optional<ReparseOutput> Known = Cache->load(C);
      if (Known)
        After[I] = std::move(*Known);
      return Known.has_value();
    };
    Hooks.Parsed = [&](size_t I, const clang::tooling::CompileCommand &C) {
      Cache->store(C, After[I]);
    };
  }
  auto Runs = runOverDatabase(
      Cfg, All, [&](size_t N) { After.resize(N); },
      [&](size_t I) { return newReparseFactory(Root, nullptr, After[I]); }, Hooks);
  if (!Runs)
    return Runs.takeError();
  AfterRuns = std::move(*Runs);
  return llvm::Error::success();
}

const MaterializedFile *RoundVerifier::fileOf(llvm::StringRef Rel) const {
  for (const MaterializedFile &F : Files)
    if (F.File == Rel)
      return &F;
  return nullptr;
}

void RoundVerifier::sortRuns() {
  // Failing TUs, and TUs with warnings in changed files: both are parsed
  // again as the tree stands.
  for (size_t I = 0; I < AfterRuns.size(); ++I) {
    const TURun &Run = AfterRuns[I];
    if (Run.Skipped)
      continue;
    ++(Run.Reused ? Round.Cached : Round.Reparsed);
    if (!Run.Parsed)
      Failing.insert(I);
    else if (llvm::any_of(After[I].Diagnostics, [&](const Diagnostic &D) {
               const MaterializedFile *F = D.Error ? nullptr : fileOf(D.File);
               return F && F->changed();
             }))
      Warned.insert(I);
  }
}

std::vector<TUFailure> RoundVerifier::failureCandidates() const {
  std::vector<TUFailure> Candidates(AfterRuns.size());
  for (size_t I : Failing) {
    TUFailure &T = Candidates[I];
    T.MainFile = canonical(AfterRuns[I].MainFile);
    if (isUnder(T.MainFile, Root))
      T.MainFile = T.MainFile.substr(Root.size() + 1);
    for (const Diagnostic &D : After[I].Diagnostics)
      if (D.Error && T.Errors.size() < 20)
        T.Errors.push_back(D);
    if (T.Errors.empty()) // A crash, or an error without a place.
      for (const std::string &E : AfterRuns[I].Errors)
        T.Errors.push_back({"", 0, 0, true, E, ""});
    T.Read = After[I].Read;
  }
  return Candidates;
}

llvm::Error RoundVerifier::parseBefore(const std::vector<TUFailure> &Candidates) {
  std::vector<TUFailure> Asked;
  for (size_t I : Failing)
    Asked.push_back(Candidates[I]);
  LinesOfInterest Lines = linesToLookUp(Asked, Files);
  TUHooks Again;
  Again.Select = [&](size_t I, const clang::tooling::CompileCommand &) {
    return Failing.count(I) || Warned.count(I);
  };
  Again.Warnings = true;
  Again.ExtraArgs = ExtraArgs;
  auto Runs = runOverDatabase(
      Cfg, All, [&](size_t N) { Before.resize(N); },
      [&](size_t I) { return newReparseFactory(Root, &Lines, Before[I]); }, Again);
  if (!Runs)
    return Runs.takeError();
  BeforeRuns = std::move(*Runs);
  return llvm::Error::success();
}

void RoundVerifier::keepNewFailures(std::vector<TUFailure> &Candidates) {
  for (size_t I : Failing) {
    if (I >= BeforeRuns.size() || !BeforeRuns[I].Parsed) {
      ++Round.FailedBefore;
      continue;
    }
    Candidates[I].References = std::move(Before[I].References);
    Round.Failures.push_back(std::move(Candidates[I]));
  }
}

std::optional<unsigned> RoundVerifier::lineBefore(const MaterializedFile &F, unsigned Line) {
  auto It = LinesBefore.find(F.File);
  if (It == LinesBefore.end())
    It = LinesBefore.emplace(F.File, linesBefore(F)).first;
  if (Line >= It->second.size() || It->second[Line] == 0)
    return std::nullopt;
  return It->second[Line];
}

void RoundVerifier::keepNewWarnings() {
  // A warning is new when the same line (as it stood) did not have it.
  std::set<Diagnostic> Warnings;
  for (size_t I : Warned) {
    if (I >= BeforeRuns.size() || !BeforeRuns[I].Parsed)
      continue;
    for (const Diagnostic &D : After[I].Diagnostics) {
      const MaterializedFile *F = D.Error ? nullptr : fileOf(D.File);
      if (!F || !F->changed())
        continue;
      std::optional<unsigned> Line = lineBefore(*F, D.Line);
      bool Old = Line && llvm::any_of(Before[I].Diagnostics, [&](const Diagnostic &B) {
                   return !B.Error && B.File == D.File && B.Line == *Line &&
                          B.Message == D.Message;
                 });
      if (!Old)
        Warnings.insert(D);
    }
  }
  Round.NewWarnings.assign(Warnings.begin(), Warnings.end());
}

} // namespace

llvm::Expected<VerifyRound> verifyFiles(const Config &Cfg, const ScanOptions &Opts,
                                        llvm::ArrayRef<MaterializedFile> Files,
                                        const Configuration *Other) {
  return RoundVerifier(Cfg, Opts, Files, Other).run();
}

llvm::Expected<VerifyRound> verifyConfigurations(const Config &Cfg, const ScanOptions &Opts,
                                                 llvm::ArrayRef<MaterializedFile> Files,
                                                 llvm::ArrayRef<Configuration> Others) {
  llvm::Expected<VerifyRound> Round = verifyFiles(Cfg, Opts, Files);
  if (!Round)
    return Round.takeError();
  for (const Configuration &Other : Others) {
    llvm::Expected<VerifyRound> Again = verifyFiles(Cfg, Opts, Files, &Other);
    if (!Again)
      return Again.takeError();
    std::string With = llvm::join(Other.Flags, " ");
    Round->Reparsed += Again->Reparsed;
    Round->Cached += Again->Cached;
    Round->FailedBefore += Again->FailedBefore;
    for (TUFailure &T : Again->Failures) {
      T.Configuration = With;
      for (Diagnostic &D : T.Errors)
        D.Message += " (built with " + With + ")";
      Round->Failures.push_back(std::move(T));
    }
    for (Diagnostic &D : Again->NewWarnings) {
      D.Message += " (built with " + With + ")";
      Round->NewWarnings.push_back(std::move(D));
    }
  }
  std::sort(Round->NewWarnings.begin(), Round->NewWarnings.end());
  Round->NewWarnings.erase(std::unique(Round->NewWarnings.begin(), Round->NewWarnings.end()),
                           Round->NewWarnings.end());
  return Round;
}

} // namespace mm
