//===--- Executor.cpp - Run the matchers over a compilation database ------===//

#include "tool/Executor.h"

#include "matchers/FactsAction.h"
#include "tool/CompileDatabase.h"
#include "tool/FactsCache.h"
#include "tool/Paths.h"
#include "tool/Prefilter.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <set>

namespace mm {

namespace {

/// Keeps the errors of a TU as `file:line:col: error: message`.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  explicit ErrorCollector(std::vector<std::string> &Errors) : Errors(Errors) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error)
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      clang::PresumedLoc P = Info.getSourceManager().getPresumedLoc(
          Info.getSourceManager().getFileLoc(Info.getLocation()));
      if (P.isValid())
        Where = (llvm::Twine(P.getFilename()) + ":" + llvm::Twine(P.getLine()) +
                 ":" + llvm::Twine(P.getColumn()) + ": ")
                    .str();
    }
    if (Errors.size() < 20)
      Errors.push_back(Where + "error: " + std::string(Message));
  }

private:
  std::vector<std::string> &Errors;
};

std::atomic<bool> Crashed{false};

/// The TUs of \p DB to run: files under \p Root (canonical), each once,
/// minus excluded ones, within Opts.Paths and Opts' shard; as \p DB names
/// them, in path order.
llvm::Expected<std::vector<std::string>>
pickTUs(const Config &Cfg, const std::string &Root, const ScanOptions &Opts,
        const clang::tooling::CompilationDatabase &DB) {
  std::vector<std::string> Prefixes;
  for (const std::string &P : Opts.Paths)
    Prefixes.push_back(canonical(P));
  std::map<std::string, std::string> Files; // canonical -> as in the database
  for (const std::string &File : DB.getAllFiles()) {
    std::string Canon = canonical(File);
    if (!isUnder(Canon, Root))
      continue;
    if (!Prefixes.empty() && llvm::none_of(Prefixes, [&](const std::string &P) {
          return isUnder(Canon, P);
        }))
      continue;
    if (isExcluded(Cfg, llvm::StringRef(Canon).drop_front(Root.size()).ltrim('/')))
      continue;
    Files.emplace(Canon, File);
  }
  if (Files.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: no translation unit of the compilation database lies under %s",
        Opts.BuildDir.c_str(), Root.c_str());

  std::vector<std::string> Order;
  size_t Index = 0;
  for (const auto &[Canon, File] : Files)
    if (Opts.Shards <= 1 || Index++ % Opts.Shards == Opts.Shard - 1)
      Order.push_back(File);
  return Order;
}

/// One run of an action over the picked TUs of a database, Opts.Jobs at a
/// time, with progress on stderr.
class DatabaseRun {
public:
  DatabaseRun(const clang::tooling::CompilationDatabase &DB, std::vector<std::string> Order,
              const std::string &Root, const ScanOptions &Opts, MakeAction Make,
              const TUHooks &Hooks)
      : DB(DB), Order(std::move(Order)), Opts(Opts), Make(Make), Hooks(Hooks),
        Runs(this->Order.size()) {
    if (!Opts.MentionOneOf.empty())
      Filter.emplace(Root, Opts.MentionOneOf);
  }

  /// Runs every TU; one TURun per TU, in order.
  std::vector<TURun> run();

private:
  /// Runs the \p I-th TU (or skips or reuses it) into Runs[I].
  void runOne(size_t I);
  /// Whether TU \p I is run: by Hooks.Select, else by the prefilter.
  bool selected(size_t I, TURun &Out);
  /// Parses TU \p I with Make(I)'s action, in its own crash-recovery
  /// context; true when it parsed without error.
  bool parse(size_t I, TURun &Out);
  /// Counts TU \p I done and prints the progress line.
  void report(size_t I);

  const clang::tooling::CompilationDatabase &DB;
  std::vector<std::string> Order;
  const ScanOptions &Opts;
  MakeAction Make;
  const TUHooks &Hooks;
  std::vector<TURun> Runs;
  std::optional<Prefilter> Filter;
  std::atomic<unsigned> Done{0}, Skipped{0}, Failed{0};
  std::mutex ProgressLock;
};

std::vector<TURun> DatabaseRun::run() {
  unsigned Jobs = Opts.Jobs ? Opts.Jobs : llvm::hardware_concurrency().compute_thread_count();
  if (Jobs <= 1) {
    for (size_t I = 0; I < Order.size(); ++I)
      runOne(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Order.size(); ++I)
      Pool.async([&, I] { runOne(I); });
    Pool.wait();
  }
  return std::move(Runs);
}

void DatabaseRun::report(size_t I) {
  unsigned N = ++Done;
  if (Opts.Progress == ScanOptions::ProgressStyle::None)
    return;
  bool InPlace = Opts.Progress == ScanOptions::ProgressStyle::Line;
  std::lock_guard<std::mutex> Lock(ProgressLock);
  llvm::errs() << (InPlace ? "\r[" : "[") << N << "/" << Order.size() << "] "
               << llvm::sys::path::filename(Order[I]) << " (skipped " << Skipped
               << ", failed " << Failed << ")" << (InPlace ? "\x1b[K" : "\n");
  if (InPlace && N == Order.size())
    llvm::errs() << "\n";
}

bool DatabaseRun::selected(size_t I, TURun &Out) {
  if (Hooks.Select)
    return llvm::any_of(DB.getCompileCommands(Order[I]),
                        [&](const clang::tooling::CompileCommand &C) {
                          return Hooks.Select(I, C);
                        });
  return !Filter || llvm::any_of(DB.getCompileCommands(Order[I]),
                                 [&](const clang::tooling::CompileCommand &C) {
                                   return Filter->mayMatter(C, Out.Reached);
                                 });
}

void DatabaseRun::runOne(size_t I) {
  TURun &Out = Runs[I];
  Out.MainFile = Order[I];
  for (const clang::tooling::CompileCommand &C : DB.getCompileCommands(Order[I])) {
    Out.SearchDirs = includeSearchDirs(C);
    break;
  }
  if (!selected(I, Out)) {
    Out.Skipped = true;
    ++Skipped;
    report(I);
    return;
  }
  std::vector<clang::tooling::CompileCommand> Commands = DB.getCompileCommands(Order[I]);
  if (Hooks.Reuse && Commands.size() == 1 && Hooks.Reuse(I, Commands.front())) {
    Out.Reused = true;
    report(I);
    return;
  }
  if (!parse(I, Out)) {
    Out.Parsed = false;
    ++Failed;
    if (Out.Errors.empty())
      Out.Errors.push_back(Order[I] + ": error: could not be parsed");
  } else if (Hooks.Parsed && Commands.size() == 1) {
    Hooks.Parsed(I, Commands.front());
  }
  report(I);
}

bool DatabaseRun::parse(size_t I, TURun &Out) {
  clang::tooling::ClangTool Tool(
      DB, {Order[I]}, std::make_shared<clang::PCHContainerOperations>(),
      Hooks.FileSystem ? Hooks.FileSystem() : llvm::vfs::createPhysicalFileSystem());
  Tool.appendArgumentsAdjuster(clang::tooling::getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  // Compile databases written for g++ carry flags Clang does not know.
  // Without carets Clang also keeps its "N errors generated." to itself:
  // a TU's errors are reported once, by the run, with its name.
  std::vector<std::string> Quiet = {"-Wno-unknown-warning-option",
                                    "-Wno-unused-command-line-argument",
                                    "-fno-caret-diagnostics"};
  if (!Hooks.Warnings)
    Quiet.insert(Quiet.begin(), "-w");
  llvm::append_range(Quiet, Hooks.ExtraArgs);
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      Quiet, clang::tooling::ArgumentInsertPosition::END));
  ErrorCollector Errors(Out.Errors);
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  // A crash inside Clang on this TU loses this TU only: it is reported
  // like a TU that failed to parse, and its results are dropped.
  int RC = 1;
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { RC = Tool.run(Make(I).get()); })) {
    Crashed = true;
    Out.Crashed = true;
    Out.Errors = {Order[I] + ": error: the parser crashed on this file"};
  }
  return RC == 0 && Out.Errors.empty();
}

} // namespace

bool parserCrashed() { return Crashed; }

llvm::Expected<std::vector<TURun>> runOverDatabase(const Config &Cfg, const ScanOptions &Opts,
                                                   llvm::function_ref<void(size_t)> Prepare,
                                                   MakeAction Make, const TUHooks &Hooks) {
  auto DB = loadCompileDatabase(Opts.BuildDir);
  if (!DB)
    return DB.takeError();
  std::string Root = canonical(Cfg.Root);
  llvm::Expected<std::vector<std::string>> Order = pickTUs(Cfg, Root, Opts, **DB);
  if (!Order)
    return Order.takeError();
  Prepare(Order->size());
  return DatabaseRun(**DB, std::move(*Order), Root, Opts, Make, Hooks).run();
}

namespace {

std::string unqualified(llvm::StringRef Name) {
  size_t Colons = Name.rfind("::");
  return (Colons == llvm::StringRef::npos ? Name : Name.drop_front(Colons + 2)).str();
}

/// One pass of FactsAction over the database, into \p Results (one slot
/// per TU, in path order), with the facts cache when one is configured.
llvm::Expected<std::vector<TURun>> scanPass(const Config &Cfg, const ScanOptions &Opts,
                                            std::vector<TUFacts> &Results, TUHooks Hooks) {
  std::optional<FactsCache> Cache;
  if (!Opts.CacheDir.empty()) {
    Cache.emplace(Opts.CacheDir, Opts.CacheSalt, canonical(Cfg.Root));
    Hooks.Reuse = [&](size_t I, const clang::tooling::CompileCommand &C) {
      std::optional<TUFacts> Known = Cache->load(C);
      if (Known)
        Results[I] = std::move(*Known);
      return Known.has_value();
    };
    Hooks.Parsed = [&](size_t I, const clang::tooling::CompileCommand &C) {
      Cache->store(C, Results[I]);
    };
  }
  return runOverDatabase(
      Cfg, Opts, [&](size_t N) { Results.resize(N); },
      [&](size_t I) { return newFactsActionFactory(Cfg, Results[I]); }, Hooks);
}

} // namespace

std::vector<std::string> prefilterWords(const Config &Cfg) {
  std::vector<std::string> Words;
  Words.push_back(unqualified(Cfg.ServiceClass));
  for (const std::string &N : Cfg.Interfaces)
    Words.push_back(unqualified(N));
  for (const std::string &N : Cfg.TestDoubles)
    Words.push_back(unqualified(N));
  for (const char *Builder : {"BuildCounter", "BuildGauge", "BuildHistogram", "BuildSummary"})
    Words.push_back(Builder);
  return Words;
}

std::vector<std::string> unlistedInterfaces(const Config &Cfg,
                                            const std::vector<TUFacts> &TUs) {
  auto Bare = [](llvm::StringRef Name) { return Name.ltrim(':').str(); };
  std::set<std::string> Listed;
  for (const std::string &N : Cfg.Interfaces)
    Listed.insert(Bare(N));
  std::set<std::string> Found;
  for (const TUFacts &TU : TUs)
    for (const Interface &I : TU.Partial.Interfaces)
      if (!Listed.count(Bare(I.Name)))
        Found.insert(Bare(I.Name));
  return {Found.begin(), Found.end()};
}

llvm::Expected<std::vector<TUFacts>> scanDatabase(const Config &Cfg, const ScanOptions &Opts,
                                                  ScanStats *Stats) {
  std::string Root = canonical(Cfg.Root);
  std::vector<TUFacts> Results;
  auto Runs = scanPass(Cfg, Opts, Results, {});
  if (!Runs)
    return Runs.takeError();

  // The service's polymorphic bases are its interfaces whether configured
  // or not, but a TU that sees only such a base (not the service) neither
  // passed the prefilter nor knew the base for one. Those TUs run again,
  // knowing it. A shard cannot know what other shards found: there the
  // configuration must list them (`init` writes them).
  std::vector<std::string> Found = Opts.Shards <= 1 ? unlistedInterfaces(Cfg, Results)
                                                    : std::vector<std::string>();
  if (!Found.empty()) {
    Config Wider = Cfg;
    llvm::append_range(Wider.Interfaces, Found);
    std::vector<std::string> Words;
    for (const std::string &N : Found)
      Words.push_back(unqualified(N));
    Prefilter Names(Root, Words);
    ScanOptions Again = Opts;
    Again.MentionOneOf.clear();
    Again.CacheSalt += "\ninterfaces found: " + llvm::join(Found, ", ");
    TUHooks Hooks;
    Hooks.Select = [&](size_t I, const clang::tooling::CompileCommand &C) {
      std::vector<std::string> Reached;
      return !Results[I].SawService && Names.mayMatter(C, Reached);
    };
    std::vector<TUFacts> More;
    auto MoreRuns = scanPass(Wider, Again, More, std::move(Hooks));
    if (!MoreRuns)
      return MoreRuns.takeError();
    for (size_t I = 0; I < More.size() && I < Results.size(); ++I)
      if (!(*MoreRuns)[I].Skipped) {
        Results[I] = std::move(More[I]);
        (*Runs)[I] = std::move((*MoreRuns)[I]);
      }
  }

  for (size_t I = 0; I < Results.size(); ++I) {
    TURun &Run = (*Runs)[I];
    if (Stats) {
      ++Stats->TUs;
      Stats->Skipped += Run.Skipped;
      Stats->Failed += !Run.Parsed;
      Stats->Reused += Run.Reused;
    }
    if (!Run.Parsed) // Whatever a failed TU left is not a fact.
      Results[I] = TUFacts();
    // A skipped TU still read its files: they are part of the project.
    for (const std::string &File : Run.Reached) {
      std::string Canon = canonical(File);
      if (isUnder(Canon, Root) && Canon.size() > Root.size())
        Results[I].Scan.Files.push_back(Canon.substr(Root.size() + 1));
    }
    // Where includes written in each of those files resolve from, in this
    // TU: the project's folders on its include path.
    std::vector<std::string> Roots;
    for (const std::string &Dir : Run.SearchDirs) {
      std::string Canon = canonical(Dir);
      if (Canon == Root)
        Roots.push_back("");
      else if (isUnder(Canon, Root))
        Roots.push_back(Canon.substr(Root.size() + 1) + "/");
    }
    llvm::sort(Roots);
    Roots.erase(std::unique(Roots.begin(), Roots.end()), Roots.end());
    for (const std::string &File : Results[I].Scan.Files)
      Results[I].Scan.SearchRoots[File] = Roots;
    if (Run.Reused) // As the cache has it, main file name aside.
      Run.Errors = Results[I].Errors;
    Results[I].MainFile = std::move(Run.MainFile);
    Results[I].Parsed = Run.Parsed;
    Results[I].Errors = std::move(Run.Errors);
  }
  return Results;
}

} // namespace mm
