//===--- VerifyCache.h - Re-parses of unchanged TUs, from disk --*- C++ -*-===//
//
// The incremental re-run of verification. Takes a TU's compile command and
// hands back what its re-parse with the migration's texts saw last time
// (its warnings and the project files it read), when every file it read
// hashes, as the migration now has it, as it did then. Only TUs that
// parsed are kept: a failure is parsed again, to be traced. An entry is a
// ParseCache entry whose salt adds the files the migration creates (a new
// file can change what an unchanged `#include` finds); it holds the last
// few texts the TU parsed with (each round of a run sees others).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_VERIFYCACHE_H
#define METRICS_MIGRATE_TOOL_VERIFYCACHE_H

#include "rewriters/Materialize.h"
#include "tool/ParseCache.h"
#include "verify/Reparse.h"

namespace mm {

class VerifyCache {
public:
  VerifyCache(std::string Dir, const std::string &Salt, std::string Root,
              llvm::ArrayRef<MaterializedFile> Files);

  std::optional<ReparseOutput> load(const clang::tooling::CompileCommand &C);
  /// Stores the re-parse of a TU that parsed.
  void store(const clang::tooling::CompileCommand &C, const ReparseOutput &Out);

private:
  ParseCache Cache;
};

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_VERIFYCACHE_H
