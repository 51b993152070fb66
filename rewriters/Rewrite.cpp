//===--- Rewrite.cpp - Plan + Facts -> Edits ------------------------------===//

#include "rewriters/Rewrite.h"

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include <algorithm>

namespace mm {

llvm::Expected<const std::string &> RewriteContext::text(const std::string &File) {
  auto It = Texts.find(File);
  if (It != Texts.end())
    return It->second;
  auto Content = Read(File);
  if (!Content)
    return Content.takeError();
  return Texts.emplace(File, std::move(*Content)).first->second;
}

void RewriteContext::edit(const std::string &File, unsigned Offset, unsigned Length,
                          std::string Text, std::string Origin) {
  Result.Edits.file(File).Edits.push_back({Offset, Length, std::move(Text), std::move(Origin)});
}

void RewriteContext::include(const std::string &File, std::string Spelling) {
  auto &Adds = Result.Edits.file(File).AddIncludes;
  if (!llvm::is_contained(Adds, Spelling))
    Adds.push_back(std::move(Spelling));
}

void RewriteContext::constants(const std::string &File,
                               const std::map<std::string, std::string> &Constants) {
  for (const auto &[Name, Definition] : Constants)
    if (Placed.insert({File, "const " + Name}).second)
      Preamble[File][LocalConstants].push_back(Definition);
}

void RewriteContext::manual(const SourceSpan &Where, std::string What, std::string Why) {
  Result.Manual.push_back({Where.File, Where.Line, std::move(What), std::move(Why)});
}

std::string kindHeader(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "<prometheus/counter.h>";
  case MetricKind::Gauge: return "<prometheus/gauge.h>";
  case MetricKind::Histogram: return "<prometheus/histogram.h>";
  case MetricKind::Summary: return "<prometheus/summary.h>";
  }
  return "<prometheus/counter.h>";
}

namespace {

/// One insertion per file at the top of the service's namespace (opening it
/// after the includes when the file has none).
llvm::Error placePreambles(RewriteContext &Ctx) {
  const std::string &NS = Ctx.C.TheService.Namespace;
  for (auto &[File, Blocks] : Ctx.Preamble) {
    // Blank line, blocks separated by blank lines; the namespace's own
    // blank line follows.
    std::string Body;
    auto Local = [&](const std::vector<std::string> &List) {
      if (List.empty())
        return;
      Body += "\n\nnamespace {";
      for (const std::string &B : List)
        Body += "\n\n" + B;
      Body += "\n\n}  // namespace";
    };
    Local(Blocks[RewriteContext::LocalConstants]);
    for (const std::string &B : Blocks[RewriteContext::Definitions])
      Body += "\n\n" + B;
    Local(Blocks[RewriteContext::Helpers]);
    auto Text = Ctx.text(File);
    if (!Text)
      return Text.takeError();
    if (auto Range = namespaceBody(*Text, NS)) {
      Ctx.edit(File, Range->first, 0, Body, "metric constants and helpers of " + File);
    } else {
      std::string Open = NS.empty() ? "" : "\nnamespace " + NS + " {";
      std::string Close = NS.empty() ? "\n" : "\n\n}  // namespace " + NS + "\n";
      Ctx.edit(File, afterIncludes(*Text), 0, Open + Body + Close,
               "metric constants and helpers of " + File);
    }
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<RewriteResult> rewrite(const Catalog &C, const Facts &F, const Plan &P,
                                      const FileReader &Read) {
  RewriteContext Ctx(C, F, P, Read);
  for (auto Rule : {defineMetrics, inlineCalls, stripInjection, gutService, rewriteTests,
                    removeUnusedHolders})
    if (llvm::Error E = Rule(Ctx))
      return E;
  if (llvm::Error E = placePreambles(Ctx))
    return E;
  for (auto &[File, Change] : Ctx.Result.Edits.Files) {
    std::sort(Change.Edits.begin(), Change.Edits.end());
    Change.Edits.erase(std::unique(Change.Edits.begin(), Change.Edits.end()),
                       Change.Edits.end());
    std::sort(Change.AddIncludes.begin(), Change.AddIncludes.end());
  }
  auto &M = Ctx.Result.Manual;
  std::sort(M.begin(), M.end());
  M.erase(std::unique(M.begin(), M.end()), M.end());
  return std::move(Ctx.Result);
}

} // namespace mm
