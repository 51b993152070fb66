//===--- FactsCache.cpp - Facts of unchanged TUs, from disk ---------------===//

#include "tool/FactsCache.h"

#include "core/JSON.h"

#include "llvm/Support/raw_ostream.h"

namespace mm {

FactsCache::FactsCache(std::string Dir, std::string Salt, std::string Root)
    : Cache(std::move(Dir), std::move(Salt), std::move(Root)) {}

std::optional<TUFacts> FactsCache::load(const clang::tooling::CompileCommand &C) {
  std::optional<std::string> Bytes = Cache.read(C);
  if (!Bytes)
    return std::nullopt;
  // A damaged entry is a miss, never an error.
  auto Read = readTUFacts(*Bytes, "cache entry");
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return std::nullopt;
  }
  if (Read->size() != 1 || !(*Read)[0].Parsed || !Cache.fresh((*Read)[0].ReadHashes))
    return std::nullopt;
  return std::move((*Read)[0]);
}

void FactsCache::store(const clang::tooling::CompileCommand &C, const TUFacts &F) {
  if (!F.Parsed || F.ReadHashes.empty())
    return;
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  writeTUFacts(OS, {F});
  Cache.write(C, Bytes);
}

} // namespace mm
