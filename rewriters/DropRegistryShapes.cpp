//===--- DropRegistryShapes.cpp - What a test's registry holds, whole -----===//
//
// Takes the tests' assertions on what a registry they built holds as a whole
// (Facts::RegistryShapeAssertions: `EXPECT_EQ(families.size(), 11u)`,
// `EXPECT_THAT(families, Not(Contains(..)))`, on `registry->Collect()`) and
// hands on their removal. Once the migration is done the registry the test
// gave the service is the process-wide one (givenRegistries): it holds every
// family of the program, and the series every earlier test of the process
// created, so neither the count nor an absence says anything of the service
// any more. The assertions on what it does hold (`Contains`, a sample's
// value) stay. Each removal is listed among the test rewrites.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

namespace mm {

llvm::Error dropRegistryShapes(RewriteContext &Ctx) {
  std::vector<SourceSpan> Given = givenRegistries(Ctx);
  for (const RegistryShapeAssertion &A : Ctx.F.RegistryShapeAssertions) {
    if (!llvm::is_contained(Given, A.Registry) || Ctx.P.replacedTest(A.Stmt))
      continue;
    auto Text = Ctx.text(A.Stmt.File);
    if (!Text)
      return Text.takeError();
    auto [Offset, Length] = statementLines(*Text, A.Stmt.Offset, A.Stmt.Length);
    Ctx.edit(A.Stmt.File, Offset, Length, "",
             "what the registry of " + A.Test + " holds, whole");
    Ctx.Result.TestRewrites.push_back(
        {A.Stmt, A.Test,
         "the registry it checks is the process-wide one: it holds every family of the "
         "program and the series earlier tests created",
         Text->substr(A.Stmt.Offset, A.Stmt.Length) + ";", ""});
  }
  return llvm::Error::success();
}

} // namespace mm
