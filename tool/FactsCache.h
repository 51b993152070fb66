//===--- FactsCache.h - Facts of unchanged TUs, from disk -------*- C++ -*-===//
//
// The incremental re-run of the scan. Takes a TU's compile command and
// hands back the facts a previous run stored for it, when nothing they
// depend on changed: a ParseCache entry keyed by the tool version, the
// configuration's text and the compile command, fresh while every project
// file the parser read (TUFacts::ReadHashes) is unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_FACTSCACHE_H
#define METRICS_MIGRATE_TOOL_FACTSCACHE_H

#include "core/Facts.h"
#include "tool/ParseCache.h"

namespace mm {

class FactsCache {
public:
  /// \p Salt: what every entry depends on beyond its command (the tool
  /// version, the configuration's text). \p Root: where ReadHashes' paths
  /// are relative to.
  FactsCache(std::string Dir, std::string Salt, std::string Root);

  std::optional<TUFacts> load(const clang::tooling::CompileCommand &C);
  /// Stores the facts of a TU that parsed.
  void store(const clang::tooling::CompileCommand &C, const TUFacts &F);

private:
  ParseCache Cache;
};

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_FACTSCACHE_H
