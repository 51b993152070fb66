//===--- InactiveRecorder.h - Wrapper calls the preprocessor skipped -*- C++ -*-===//
//
// Takes the ranges the preprocessor skipped in project files (`#if 0`, the
// branch of an `#ifdef` not taken under this build's flags) and hands on a
// CallSite marked Inactive for each call of a wrapper written there: the
// parser never saw it, so it cannot be rewritten, and the planner keeps the
// wrapper for it. Found by its text: a method name of the service or an
// interface followed by `(`, that is not a declaration or definition of the
// method itself.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_INACTIVERECORDER_H
#define METRICS_MIGRATE_MATCHERS_INACTIVERECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/PPCallbacks.h"

#include <memory>
#include <vector>

namespace mm {

/// Collects the ranges the preprocessor skips into a vector it shares with
/// whoever reads them after parsing.
class SkippedRanges : public clang::PPCallbacks {
public:
  explicit SkippedRanges(std::shared_ptr<std::vector<clang::SourceRange>> Out)
      : Out(std::move(Out)) {}
  void SourceRangeSkipped(clang::SourceRange Range, clang::SourceLocation) override {
    Out->push_back(Range);
  }

private:
  std::shared_ptr<std::vector<clang::SourceRange>> Out;
};

/// Appends to \p Out an inactive CallSite per wrapper call written in one of
/// \p Skipped that lies in a project file.
void recordInactiveCalls(clang::ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         llvm::ArrayRef<clang::SourceRange> Skipped, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_INACTIVERECORDER_H
