//===--- FactsCache.cpp - Facts of unchanged TUs, from disk ---------------===//

#include "tool/FactsCache.h"

#include "core/JSON.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace mm {

FactsCache::FactsCache(std::string Dir, std::string Salt, std::string Root)
    : Dir(std::move(Dir)), Salt(std::move(Salt)), Root(std::move(Root)) {}

std::string FactsCache::entryPath(const clang::tooling::CompileCommand &C) const {
  std::string Key = Salt + '\0' + C.Directory + '\0' + C.Filename;
  for (const std::string &Arg : C.CommandLine)
    Key += '\0' + Arg;
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::utohexstr(llvm::xxh3_64bits(Key)) + ".json");
  return std::string(Path);
}

std::string FactsCache::hashOf(const std::string &RelativeFile) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Hashes.find(RelativeFile); It != Hashes.end())
      return It->second;
  }
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, RelativeFile);
  std::string Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Hash = llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()));
  std::lock_guard<std::mutex> Guard(Lock);
  return Hashes.try_emplace(RelativeFile, Hash).first->second;
}

std::optional<TUFacts> FactsCache::load(const clang::tooling::CompileCommand &C) {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(C));
  if (!Buffer)
    return std::nullopt;
  // A damaged entry is a miss, never an error.
  auto Read = readTUFacts((*Buffer)->getBuffer(), entryPath(C));
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return std::nullopt;
  }
  if (Read->size() != 1 || !(*Read)[0].Parsed || (*Read)[0].ReadHashes.empty())
    return std::nullopt;
  for (const auto &[File, Hash] : (*Read)[0].ReadHashes)
    if (hashOf(File) != Hash)
      return std::nullopt;
  return std::move((*Read)[0]);
}

void FactsCache::store(const clang::tooling::CompileCommand &C, const TUFacts &F) {
  if (!F.Parsed || F.ReadHashes.empty() || llvm::sys::fs::create_directories(Dir))
    return;
  llvm::consumeError(llvm::writeToOutput(entryPath(C), [&](llvm::raw_ostream &OS) {
    writeTUFacts(OS, {F});
    return llvm::Error::success();
  }));
}

} // namespace mm
