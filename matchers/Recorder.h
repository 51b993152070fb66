//===--- Recorder.h - The recorders of stage [1], one traversal per TU -*- C++ -*-===//
//
// Every recorder that reads a TU by AST matchers is a Recorder: as a
// clang-tidy check does, it adds its matchers to the TU's one MatchFinder,
// is called back for each match, and when the traversal ends appends what
// it recorded to TUFacts. collectFacts (FactsAction.cpp) traverses a TU once
// for all of them; each recorder's record* function runs it alone, for its
// tests.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_RECORDER_H
#define METRICS_MIGRATE_MATCHERS_RECORDER_H

#include "core/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/ArrayRef.h"

namespace mm {

class Recorder {
public:
  virtual ~Recorder() = default;
  /// Adds the recorder's matchers, each with its callback, to \p Finder.
  virtual void registerMatchers(clang::ast_matchers::MatchFinder &Finder) = 0;
  /// After the traversal: appends what was recorded to \p Out.
  virtual void finish(TUFacts &Out) = 0;
};

/// Traverses \p Ctx once with the matchers of all \p Recorders, then
/// finishes each, in order.
void runRecorders(clang::ASTContext &Ctx, llvm::ArrayRef<Recorder *> Recorders, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_RECORDER_H
