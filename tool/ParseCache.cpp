//===--- ParseCache.cpp - Results of a parse, kept while its input is unchanged ===//

#include "tool/ParseCache.h"

#include "core/Types.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace mm {


ParseCache::ParseCache(std::string Dir, std::string Salt, std::string Root,
                       const std::map<std::string, std::optional<std::string>> &Seen)
    : Dir(std::move(Dir)), Salt(std::move(Salt)), Root(std::move(Root)) {
  for (const auto &[File, Text] : Seen)
    Hashes[File] = Text ? contentHash(*Text) : "";
}

std::string ParseCache::entryPath(const clang::tooling::CompileCommand &C) const {
  std::string Key = Salt + '\0' + C.Directory + '\0' + C.Filename;
  for (const std::string &Arg : C.CommandLine)
    Key += '\0' + Arg;
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, contentHash(Key) + ".json");
  return std::string(Path);
}

std::optional<std::string> ParseCache::read(const clang::tooling::CompileCommand &C) const {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(C));
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

void ParseCache::write(const clang::tooling::CompileCommand &C, llvm::StringRef Bytes) const {
  if (llvm::sys::fs::create_directories(Dir))
    return;
  llvm::consumeError(llvm::writeToOutput(entryPath(C), [&](llvm::raw_ostream &OS) {
    OS << Bytes;
    return llvm::Error::success();
  }));
}

std::string ParseCache::hashOf(const std::string &RelativeFile) {
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
    Hash = contentHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  return Hashes.try_emplace(RelativeFile, Hash).first->second;
}

bool ParseCache::fresh(const FileHashes &Read) {
  return !Read.empty() && llvm::all_of(Read, [&](const auto &FileHash) {
    return hashOf(FileHash.first) == FileHash.second;
  });
}

FileHashes ParseCache::hashesOf(llvm::ArrayRef<std::string> Files) {
  FileHashes Out;
  for (const std::string &File : Files)
    Out[File] = hashOf(File);
  return Out;
}

} // namespace mm
