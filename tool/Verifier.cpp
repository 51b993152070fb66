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

} // namespace

llvm::Expected<VerifyRound> verifyFiles(const Config &Cfg, const ScanOptions &Opts,
                                        llvm::ArrayRef<MaterializedFile> Files,
                                        const Configuration *Other) {
  llvm::ArrayRef<std::string> ExtraArgs;
  std::set<std::string> NotBuilt;
  if (Other) {
    ExtraArgs = Other->Flags;
    for (const std::string &File : Other->Without)
      NotBuilt.insert(canonical(Cfg.Root) + "/" + File);
  }
  VerifyRound Round;
  std::string Root = canonical(Cfg.Root);
  std::set<std::string> Changed, Deleted;
  for (const MaterializedFile &F : Files) {
    if (!F.changed())
      continue;
    std::string Abs = Root + "/" + F.File;
    Changed.insert(Abs);
    if (F.Deleted)
      Deleted.insert(Abs);
  }
  if (Changed.empty())
    return Round;

  // Every TU of the database, whatever the scan's paths and prefilter.
  ScanOptions All = Opts;
  All.Paths.clear();
  All.MentionOneOf.clear();
  All.Shard = All.Shards = 1;
  All.CacheDir.clear();
  // One updating line on a terminal; a log gets the summary only.
  if (All.Progress == ScanOptions::ProgressStyle::Lines)
    All.Progress = ScanOptions::ProgressStyle::None;

  Prefilter Reach(Root, {});
  std::mutex Lock;
  std::map<std::string, std::string> Canonical;
  auto Affected = [&](const clang::tooling::CompileCommand &C) {
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
      std::string Canon;
      {
        std::lock_guard<std::mutex> Guard(Lock);
        auto It = Canonical.find(std::string(Abs));
        if (It == Canonical.end())
          It = Canonical.emplace(std::string(Abs), canonical(Abs)).first;
        Canon = It->second;
      }
      if (Changed.count(Canon))
        return true;
    }
    return false;
  };

  auto Overlay = [&]() -> llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> {
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
  };

  // After: with the new texts.
  std::vector<ReparseOutput> After;
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
  Hooks.FileSystem = Overlay;
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

  auto FileOf = [&](llvm::StringRef Rel) -> const MaterializedFile * {
    for (const MaterializedFile &F : Files)
      if (F.File == Rel)
        return &F;
    return nullptr;
  };
  // Failing TUs, and TUs with warnings in changed files: both are parsed
  // again as the tree stands.
  std::set<size_t> Failing, Warned;
  for (size_t I = 0; I < Runs->size(); ++I) {
    const TURun &Run = (*Runs)[I];
    if (Run.Skipped)
      continue;
    ++(Run.Reused ? Round.Cached : Round.Reparsed);
    if (!Run.Parsed)
      Failing.insert(I);
    else if (llvm::any_of(After[I].Diagnostics, [&](const Diagnostic &D) {
               const MaterializedFile *F = D.Error ? nullptr : FileOf(D.File);
               return F && F->changed();
             }))
      Warned.insert(I);
  }
  if (Failing.empty() && Warned.empty())
    return Round;

  std::vector<TUFailure> Candidates(Runs->size());
  for (size_t I : Failing) {
    TUFailure &T = Candidates[I];
    T.MainFile = canonical((*Runs)[I].MainFile);
    if (isUnder(T.MainFile, Root))
      T.MainFile = T.MainFile.substr(Root.size() + 1);
    for (const Diagnostic &D : After[I].Diagnostics)
      if (D.Error && T.Errors.size() < 20)
        T.Errors.push_back(D);
    if (T.Errors.empty()) // A crash, or an error without a place.
      for (const std::string &E : (*Runs)[I].Errors)
        T.Errors.push_back({"", 0, 0, true, E, ""});
    T.Read = After[I].Read;
  }
  std::vector<TUFailure> Asked;
  for (size_t I : Failing)
    Asked.push_back(Candidates[I]);
  LinesOfInterest Lines = linesToLookUp(Asked, Files);
  std::vector<ReparseOutput> Before;
  TUHooks Again;
  Again.Select = [&](size_t I, const clang::tooling::CompileCommand &) {
    return Failing.count(I) || Warned.count(I);
  };
  Again.Warnings = true;
  Again.ExtraArgs = ExtraArgs;
  auto BeforeRuns = runOverDatabase(
      Cfg, All, [&](size_t N) { Before.resize(N); },
      [&](size_t I) { return newReparseFactory(Root, &Lines, Before[I]); }, Again);
  if (!BeforeRuns)
    return BeforeRuns.takeError();
  for (size_t I : Failing) {
    if (I >= BeforeRuns->size() || !(*BeforeRuns)[I].Parsed) {
      ++Round.FailedBefore;
      continue;
    }
    Candidates[I].References = std::move(Before[I].References);
    Round.Failures.push_back(std::move(Candidates[I]));
  }
  // A warning is new when the same line (as it stood) did not have it.
  std::map<std::string, std::vector<unsigned>> LinesBefore;
  auto LineBefore = [&](const MaterializedFile &F, unsigned Line) -> std::optional<unsigned> {
    auto It = LinesBefore.find(F.File);
    if (It == LinesBefore.end())
      It = LinesBefore.emplace(F.File, linesBefore(F)).first;
    if (Line >= It->second.size() || It->second[Line] == 0)
      return std::nullopt;
    return It->second[Line];
  };
  std::set<Diagnostic> Warnings;
  for (size_t I : Warned) {
    if (I >= BeforeRuns->size() || !(*BeforeRuns)[I].Parsed)
      continue;
    for (const Diagnostic &D : After[I].Diagnostics) {
      const MaterializedFile *F = D.Error ? nullptr : FileOf(D.File);
      if (!F || !F->changed())
        continue;
      std::optional<unsigned> Line = LineBefore(*F, D.Line);
      bool Old = Line && llvm::any_of(Before[I].Diagnostics, [&](const Diagnostic &B) {
                   return !B.Error && B.File == D.File && B.Line == *Line &&
                          B.Message == D.Message;
                 });
      if (!Old)
        Warnings.insert(D);
    }
  }
  Round.NewWarnings.assign(Warnings.begin(), Warnings.end());
  return Round;
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
