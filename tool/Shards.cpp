//===--- Shards.cpp - Scan facts across machines --------------------------===//

#include "tool/Shards.h"

#include "core/JSON.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

#include <map>

namespace mm {

namespace {

constexpr llvm::StringLiteral Format = "metrics-migrate/facts";
constexpr int64_t Version = 1;

llvm::Error fileError(llvm::StringRef File, const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 (File + ": error: " + Message).str());
}

} // namespace

llvm::Expected<std::pair<unsigned, unsigned>> parseShard(llvm::StringRef Text) {
  auto [K, N] = Text.split('/');
  unsigned Shard = 0, Shards = 0;
  if (K.getAsInteger(10, Shard) || N.getAsInteger(10, Shards) || Shard < 1 || Shards < 1 ||
      Shard > Shards)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--shard %s: expected K/N with 1 <= K <= N, e.g. 2/8",
                                   Text.str().c_str());
  return std::make_pair(Shard, Shards);
}

void writeShard(llvm::raw_ostream &OS, llvm::StringRef ToolVersion, unsigned Shard,
                unsigned Shards, const ScanStats &Stats, llvm::ArrayRef<TUFacts> TUs) {
  llvm::json::Array Units;
  for (const TUFacts &TU : TUs)
    Units.push_back(toJSON(TU));
  printJSON(OS, llvm::json::Object{{"format", Format},
                                   {"version", Version},
                                   {"tool", ToolVersion},
                                   {"shard", Shard},
                                   {"shards", Shards},
                                   {"skipped", Stats.Skipped},
                                   {"tus", std::move(Units)}});
}

llvm::Expected<MergedShards> readShards(llvm::ArrayRef<std::string> Files,
                                        llvm::StringRef ToolVersion) {
  if (Files.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "merge: no facts file given");
  MergedShards Out;
  std::map<unsigned, std::string> Seen; // shard -> file
  int64_t Shards = 0;
  std::map<std::string, TUFacts> ByFile; // path order, as a scan gives them
  for (const std::string &File : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return fileError(File, "cannot read: " + Buffer.getError().message());
    llvm::Expected<llvm::json::Value> Doc = llvm::json::parse((*Buffer)->getBuffer());
    if (!Doc)
      return fileError(File, llvm::toString(Doc.takeError()));
    const llvm::json::Object *O = Doc->getAsObject();
    if (!O || O->getString("format") != Format)
      return fileError(File, "not a facts file of `metrics-migrate scan` (no \"format\": \"" +
                                 Format + "\")");
    if (O->getInteger("version") != Version)
      return fileError(File, "facts format version " +
                                 llvm::formatv("{0}", O->getInteger("version").value_or(0)) +
                                 ", this tool reads version " + llvm::Twine(Version));
    if (O->getString("tool") != ToolVersion)
      return fileError(File, "written by metrics-migrate " +
                                 O->getString("tool").value_or("?").str() + ", this is " +
                                 ToolVersion + ": scan every shard with one version");
    std::optional<int64_t> K = O->getInteger("shard"), N = O->getInteger("shards");
    std::optional<int64_t> Skipped = O->getInteger("skipped");
    const llvm::json::Array *TUs = O->getArray("tus");
    if (!K || !N || !Skipped || !TUs || *N < 1 || *K < 1 || *K > *N || *Skipped < 0)
      return fileError(File, "expected integers \"shard\" (1..shards), \"shards\", "
                             "\"skipped\" and an array \"tus\"");
    if (Shards && *N != Shards)
      return fileError(File, llvm::formatv("shard {0}/{1}, but {2} is shard {3}/{4}", *K, *N,
                                           Seen.begin()->second, Seen.begin()->first, Shards));
    Shards = *N;
    if (auto [It, New] = Seen.emplace(*K, File); !New)
      return fileError(File, llvm::formatv("shard {0}/{1} again (also in {2})", *K, *N,
                                           It->second));
    // The facts reader checks every field of every TU.
    llvm::Expected<std::vector<TUFacts>> Read =
        readTUFacts(llvm::formatv("{0}", llvm::json::Value(llvm::json::Array(*TUs))).str(),
                    File + " \"tus\"");
    if (!Read)
      return Read.takeError();
    for (TUFacts &TU : *Read) {
      std::string Main = TU.MainFile;
      if (!ByFile.emplace(Main, std::move(TU)).second)
        return fileError(File, "translation unit " + Main + " is in two shards");
      ++Out.Stats.TUs;
    }
    Out.Stats.Skipped += *Skipped;
  }
  for (unsigned K = 1; K <= Shards; ++K)
    if (!Seen.count(K))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "merge: shard %u/%u is missing", K, unsigned(Shards));
  for (auto &[File, TU] : ByFile) {
    Out.Stats.Failed += !TU.Parsed;
    Out.TUs.push_back(std::move(TU));
  }
  return Out;
}

} // namespace mm
