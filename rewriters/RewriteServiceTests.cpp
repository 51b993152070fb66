//===--- RewriteServiceTests.cpp - Tests of the service's own wrappers ----===//
//
// Takes the plan's ServiceTestPlans (tests that built the service only to
// call wrappers that all leave it) and replaces each body with the
// registration checks the planner wrote, including what they name: each
// constant's owner header, the registry header, the kinds' headers and the
// file-local constants a chain uses. Each replacement is listed among the
// changed tests. The calls inside are not inlined (inlineCalls skips them).
//
//===----------------------------------------------------------------------===//

#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

llvm::Error rewriteServiceTests(RewriteContext &Ctx) {
  for (const ServiceTestPlan &T : Ctx.P.ServiceTests) {
    const std::string &File = T.Body.File;
    auto Text = Ctx.text(File);
    if (!Text)
      return Text.takeError();
    std::string Before = Text->substr(T.Body.Offset, T.Body.Length);
    Ctx.edit(File, T.Body.Offset, T.Body.Length, T.NewBody,
             "test " + T.Name + " of the service's own wrappers");
    for (const std::string &Name : T.Metrics) {
      const MetricPlan *MP = Ctx.P.metric(Name);
      auto M = llvm::find_if(Ctx.C.Metrics, [&](const Metric &M) { return M.Name == Name; });
      if (!MP || M == Ctx.C.Metrics.end())
        continue;
      Ctx.chainIn(File, *M, T.NewBody);
      Ctx.Result.Lookups.push_back({File, Name});
      if (!MP->OwnerHeader.empty() && MP->OwnerHeader != File)
        Ctx.include(File, includeSpelling(Ctx.F, MP->OwnerHeader, File));
    }
    Ctx.Result.TestRewrites.push_back(
        {T.Body, T.Name, llvm::join(T.Wrappers, ", "), std::move(Before), T.NewBody});
  }
  return llvm::Error::success();
}

} // namespace mm
