//===--- Recorder.cpp - One traversal of a TU for every recorder ----------===//

#include "matchers/Recorder.h"

namespace mm {

void runRecorders(clang::ASTContext &Ctx, llvm::ArrayRef<Recorder *> Recorders, TUFacts &Out) {
  clang::ast_matchers::MatchFinder Finder;
  for (Recorder *R : Recorders)
    R->registerMatchers(Finder);
  Finder.matchAST(Ctx);
  for (Recorder *R : Recorders)
    R->finish(Out);
}

} // namespace mm
