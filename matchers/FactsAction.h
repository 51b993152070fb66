//===--- FactsAction.h - One TU in, TUFacts out -----------------*- C++ -*-===//
//
// The frontend action the executor runs on every translation unit: finds the
// configured service class (and its interfaces), then runs the service and
// use recorders. A TU with errors yields no facts, only `Parsed = false`, so
// nothing downstream works from a half-understood file. Function bodies in
// system headers are skipped: none of them holds a fact.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_FACTSACTION_H
#define METRICS_MIGRATE_MATCHERS_FACTSACTION_H

#include "core/Config.h"
#include "core/Facts.h"
#include "matchers/ConditionalRecorder.h"

#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"

#include <memory>

namespace mm {

/// Runs the recorders on \p Ctx: the body of the action, usable on its own.
/// \p Skipped are the ranges the preprocessor skipped (inactive branches),
/// \p Branches the conditional branches it compiled.
void collectFacts(clang::ASTContext &Ctx, const Config &Cfg, TUFacts &Out,
                  llvm::ArrayRef<clang::SourceRange> Skipped = {},
                  llvm::ArrayRef<CompiledBranch> Branches = {});

class FactsAction : public clang::ASTFrontendAction {
public:
  FactsAction(const Config &Cfg, TUFacts &Out) : Cfg(Cfg), Out(Out) {}

protected:
  bool BeginInvocation(clang::CompilerInstance &CI) override;
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef File) override;

private:
  const Config &Cfg;
  TUFacts &Out;
};

/// A factory for ClangTool::run that fills \p Out.
std::unique_ptr<clang::tooling::FrontendActionFactory>
newFactsActionFactory(const Config &Cfg, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_FACTSACTION_H
