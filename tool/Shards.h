//===--- Shards.h - Scan facts across machines ------------------*- C++ -*-===//
//
// Map/reduce over many machines: `scan --shard K/N` hands on the facts of
// its slice of the TUs as one JSON file; `merge` takes all N files, checks
// they are one complete set (same N, each K once, the same tool version),
// and hands the TUs' facts, in path order, to stage [2] as if one machine
// had scanned them. The file:
//   {"format": "metrics-migrate/facts", "version": 1, "tool": "0.6.0",
//    "shard": K, "shards": N, "skipped": S, "tus": [TUFacts...]}
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_SHARDS_H
#define METRICS_MIGRATE_TOOL_SHARDS_H

#include "core/Facts.h"
#include "tool/Executor.h"

#include "llvm/Support/raw_ostream.h"

namespace mm {

/// Parses `K/N` (1 <= K <= N).
llvm::Expected<std::pair<unsigned, unsigned>> parseShard(llvm::StringRef Text);

void writeShard(llvm::raw_ostream &OS, llvm::StringRef ToolVersion, unsigned Shard,
                unsigned Shards, const ScanStats &Stats, llvm::ArrayRef<TUFacts> TUs);

struct MergedShards {
  std::vector<TUFacts> TUs; ///< In path order, as one scan gives them.
  ScanStats Stats;
};

/// Reads \p Files (untrusted: every error names the file and the JSON path).
llvm::Expected<MergedShards> readShards(llvm::ArrayRef<std::string> Files,
                                        llvm::StringRef ToolVersion);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_SHARDS_H
