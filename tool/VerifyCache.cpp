//===--- VerifyCache.cpp - Re-parses of unchanged TUs, from disk ----------===//

#include "tool/VerifyCache.h"

#include "llvm/Support/JSON.h"

namespace mm {

namespace {

std::string saltOf(const std::string &Salt, llvm::ArrayRef<MaterializedFile> Files) {
  std::string Out = Salt + "\nverify";
  for (const MaterializedFile &F : Files)
    if (F.Created)
      Out += "\n" + F.File;
  return Out;
}

std::map<std::string, std::optional<std::string>>
textsOf(llvm::ArrayRef<MaterializedFile> Files) {
  std::map<std::string, std::optional<std::string>> Texts;
  for (const MaterializedFile &F : Files)
    if (F.changed())
      Texts[F.File] = F.Deleted ? std::nullopt : std::optional<std::string>(F.After);
  return Texts;
}

} // namespace

bool fromJSON(const llvm::json::Value &V, Diagnostic &D, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  uint64_t Line = 0, Column = 0;
  if (!O || !O.map("file", D.File) || !O.map("line", Line) || !O.map("column", Column) ||
      !O.map("error", D.Error) || !O.map("message", D.Message))
    return false;
  if (Line > UINT32_MAX || Column > UINT32_MAX)
    return false;
  D.Line = Line;
  D.Column = Column;
  return true;
}

VerifyCache::VerifyCache(std::string Dir, const std::string &Salt, std::string Root,
                         llvm::ArrayRef<MaterializedFile> Files)
    : Cache(std::move(Dir), saltOf(Salt, Files), std::move(Root), textsOf(Files)) {}

/// The variants an entry holds: one per set of texts the TU was parsed
/// with, newest first. Each round of a run (and each run) sees other texts;
/// a cached re-run of the same migration meets them again, round by round.
constexpr size_t MaxVariants = 8;

std::optional<ReparseOutput> VerifyCache::load(const clang::tooling::CompileCommand &C) {
  std::optional<std::string> Bytes = Cache.read(C);
  if (!Bytes)
    return std::nullopt;
  // A damaged entry is a miss, never an error.
  auto V = llvm::json::parse(*Bytes);
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  const llvm::json::Array *Variants = V->getAsArray();
  if (!Variants)
    return std::nullopt;
  for (const llvm::json::Value &Variant : *Variants) {
    ReparseOutput Out;
    FileHashes Hashes;
    llvm::json::Path::Root Root;
    llvm::json::ObjectMapper O(Variant, Root);
    if (!O || !O.map("read_hashes", Hashes) || !O.map("diagnostics", Out.Diagnostics) ||
        !Cache.fresh(Hashes))
      continue;
    for (const auto &[File, Hash] : Hashes)
      Out.Read.push_back(File);
    return Out;
  }
  return std::nullopt;
}

void VerifyCache::store(const clang::tooling::CompileCommand &C, const ReparseOutput &Out) {
  if (Out.Read.empty())
    return;
  llvm::json::Object Hashes;
  for (const auto &[File, Hash] : Cache.hashesOf(Out.Read))
    Hashes[File] = Hash;
  llvm::json::Array Diagnostics;
  for (const Diagnostic &D : Out.Diagnostics)
    Diagnostics.push_back(llvm::json::Object{{"file", D.File},
                                             {"line", D.Line},
                                             {"column", D.Column},
                                             {"error", D.Error},
                                             {"message", D.Message}});
  llvm::json::Value New(llvm::json::Object{{"read_hashes", std::move(Hashes)},
                                           {"diagnostics", std::move(Diagnostics)}});
  llvm::json::Array Variants{New};
  if (std::optional<std::string> Bytes = Cache.read(C)) {
    if (auto Old = llvm::json::parse(*Bytes)) {
      if (const llvm::json::Array *Kept = Old->getAsArray())
        for (const llvm::json::Value &Variant : *Kept)
          if (Variants.size() < MaxVariants && Variant != New)
            Variants.push_back(Variant);
    } else {
      llvm::consumeError(Old.takeError());
    }
  }
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  OS << llvm::json::Value(std::move(Variants));
  Cache.write(C, Bytes);
}

} // namespace mm
