//===--- Pipeline.cpp - Stages [1]-[4] and materialization, in order ------===//

#include "tool/Pipeline.h"

#include "core/Merge.h"
#include "planner/Planner.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace mm {

llvm::Expected<Scan> runScan(const Config &Cfg, const ScanOptions &Opts) {
  auto Facts = scanDatabase(Cfg, Opts);
  if (!Facts)
    return Facts.takeError();
  Scan S;
  for (const TUFacts &TU : *Facts)
    if (!TU.Parsed)
      S.FailedTUs.push_back(TU.MainFile + (TU.Errors.empty() ? "" : ": " + TU.Errors.front()));
  auto C = buildCatalog(*Facts, Cfg);
  if (!C)
    return C.takeError();
  S.TheCatalog = std::move(*C);
  S.TheFacts = mergeScan(*Facts);
  return S;
}

llvm::Expected<Migration> runMigration(const Config &Cfg, const ScanOptions &Opts) {
  auto S = runScan(Cfg, Opts);
  if (!S)
    return S.takeError();
  Migration M;
  M.TheCatalog = std::move(S->TheCatalog);
  M.TheFacts = std::move(S->TheFacts);
  M.FailedTUs = std::move(S->FailedTUs);
  M.ThePlan = makePlan(M.TheCatalog, M.TheFacts, Cfg);

  FileReader Read = [&](llvm::StringRef Rel) -> llvm::Expected<std::string> {
    llvm::SmallString<256> Path(Cfg.Root);
    llvm::sys::path::append(Path, Rel);
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s", Path.c_str(),
                                     Buffer.getError().message().c_str());
    return (*Buffer)->getBuffer().str();
  };
  auto R = rewrite(M.TheCatalog, M.TheFacts, M.ThePlan, Read);
  if (!R)
    return R.takeError();
  M.Rewrites = std::move(*R);

  MaterializeOptions MO;
  MO.Root = Cfg.Root;
  auto Files = materializeAll(M.Rewrites.Edits, MO);
  if (!Files)
    return Files.takeError();
  for (MaterializedFile &F : *Files)
    if (F.changed())
      M.Files.push_back(std::move(F));
  return M;
}

} // namespace mm
