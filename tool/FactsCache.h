//===--- FactsCache.h - Facts of unchanged TUs, from disk -------*- C++ -*-===//
//
// The incremental re-run. Takes a TU's compile command and hands back the
// facts a previous run stored for it, when nothing they depend on changed:
// the entry is keyed by the tool version, the configuration's text and the
// compile command, and holds the content hash of every project file the
// parser read; one of those files edited, added or removed, and the TU is
// parsed again. System headers are not hashed (a compiler upgrade calls for
// clearing the cache). Entries are written atomically; safe from many
// workers.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_FACTSCACHE_H
#define METRICS_MIGRATE_TOOL_FACTSCACHE_H

#include "core/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"

#include <mutex>
#include <optional>

namespace mm {

class FactsCache {
public:
  /// \p Salt: what every entry depends on beyond its command (the tool
  /// version, the configuration's text). \p Root: where ReadHashes' paths
  /// are relative to.
  FactsCache(std::string Dir, std::string Salt, std::string Root);

  std::optional<TUFacts> load(const clang::tooling::CompileCommand &C);
  /// Stores the facts of a TU that parsed; a failure to write only costs
  /// the next run a parse.
  void store(const clang::tooling::CompileCommand &C, const TUFacts &F);

private:
  std::string entryPath(const clang::tooling::CompileCommand &C) const;
  /// The xxh3 of \p RelativeFile's bytes now, "" when unreadable; once per run.
  std::string hashOf(const std::string &RelativeFile);

  std::string Dir, Salt, Root;
  std::mutex Lock;
  llvm::StringMap<std::string> Hashes;
};

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_FACTSCACHE_H
