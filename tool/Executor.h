//===--- Executor.h - Run the matchers over a compilation database -*- C++ -*-===//
//
// Loads compile_commands.json, picks the project's translation units
// (canonical paths, each once, minus `exclude`), and runs FactsAction on
// each in a pool of workers, each with its own file system view so working
// directories never race. Hands on one TUFacts per TU, in path order, with
// the errors of the TUs that failed to parse.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_EXECUTOR_H
#define METRICS_MIGRATE_TOOL_EXECUTOR_H

#include "core/Config.h"
#include "core/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace mm {

struct ScanOptions {
  std::string BuildDir;
  unsigned Jobs = 0; ///< 0: one per core.
  /// Only TUs whose path starts with one of these (empty: all).
  std::vector<std::string> Paths;
  /// Progress on stderr, `[done/total] file (skipped N, failed M)`: one
  /// line updated in place (a terminal), one line per TU (a log), or none.
  enum class ProgressStyle { None, Line, Lines } Progress = ProgressStyle::None;
  /// When not empty, TUs whose text (main file and the project headers it
  /// includes) names none of these words are skipped, not parsed.
  std::vector<std::string> MentionOneOf;
  /// Only the Shard-th (1-based) of Shards slices of the TUs, in path order:
  /// TU i belongs to slice i % Shards + 1.
  unsigned Shard = 1, Shards = 1;
  /// When set, scanDatabase keeps each TU's facts there and reuses them
  /// while the files the TU read are unchanged (see FactsCache).
  std::string CacheDir;
  /// What cached facts depend on beyond the compile command.
  std::string CacheSalt;
};

/// One TU's run: whether it parsed, and its first errors when not.
struct TURun {
  std::string MainFile; ///< As named by the compile command.
  bool Skipped = false; ///< By the prefilter: not parsed, nothing to learn.
  bool Reused = false;  ///< Not parsed: TUHooks::Reuse had its results.
  /// When skipped: the project files it would have read (absolute).
  std::vector<std::string> Reached;
  /// The folders its command searches for includes (includeSearchDirs).
  std::vector<std::string> SearchDirs;
  bool Parsed = true;
  std::vector<std::string> Errors; ///< `file:line:col: error: message`.
  /// How many of Errors are a crash of the parser (none or one).
  bool Crashed = false;
};

/// Optional steps around each TU's parse.
struct TUHooks {
  /// Before anything: whether TU \p I is run at all (false: it counts as
  /// skipped). Replaces the prefilter when set.
  std::function<bool(size_t I, const clang::tooling::CompileCommand &)> Select;
  /// The file system TU \p I is parsed on (default: the real one); a new
  /// one per call, as each worker moves its working directory.
  std::function<llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>()> FileSystem;
  /// Keep the TU's own warning flags (default: `-w`, errors only).
  bool Warnings = false;
  /// Added to each compile command, last: another configuration of the
  /// build (`-UHAVE_PROMETHEUS`).
  std::vector<std::string> ExtraArgs;
  /// Before parsing TU \p I: true when its results are known already.
  std::function<bool(size_t I, const clang::tooling::CompileCommand &)> Reuse;
  /// After TU \p I parsed without error.
  std::function<void(size_t I, const clang::tooling::CompileCommand &)> Parsed;
};

/// Makes the action for the \p I-th TU (in path order).
using MakeAction =
    llvm::function_ref<std::unique_ptr<clang::tooling::FrontendActionFactory>(size_t I)>;

/// Runs an action on every TU of the database under Cfg.Root (minus
/// Cfg.Exclude, within Opts.Paths), Opts.Jobs at a time, each in its own
/// crash-recovery context. \p Prepare learns the number of TUs before any
/// runs, so that \p Make's actions can write into per-TU slots.
llvm::Expected<std::vector<TURun>> runOverDatabase(const Config &Cfg, const ScanOptions &Opts,
                                                   llvm::function_ref<void(size_t)> Prepare,
                                                   MakeAction Make, const TUHooks &Hooks = {});

/// The words a TU must name to matter to a scan of \p Cfg's service: the
/// service class, configured interfaces and doubles (unqualified; a TU that
/// uses the service reaches the header declaring it, and the matchers need
/// that definition) and the builder calls that register metrics.
std::vector<std::string> prefilterWords(const Config &Cfg);

/// The service's polymorphic bases seen in \p TUs that \p Cfg does not list
/// as interfaces: fully qualified, sorted.
std::vector<std::string> unlistedInterfaces(const Config &Cfg,
                                            const std::vector<TUFacts> &TUs);

/// runOverDatabase with FactsAction: one TUFacts per TU, in path order; a
/// TU that failed or was skipped carries no facts. Unsharded, TUs that
/// name one of unlistedInterfaces() but not the service run a second time
/// with those interfaces configured.
struct ScanStats {
  unsigned TUs = 0, Skipped = 0, Failed = 0, Reused = 0;
};
llvm::Expected<std::vector<TUFacts>> scanDatabase(const Config &Cfg, const ScanOptions &Opts,
                                                  ScanStats *Stats = nullptr);

/// Whether Clang crashed on some TU of this process. Its memory is then
/// suspect (the crash skipped destructors), so the process must end
/// without LLVM's global clean-up.
bool parserCrashed();

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_EXECUTOR_H
