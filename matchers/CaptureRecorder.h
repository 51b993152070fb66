//===--- CaptureRecorder.h - Lambdas capturing `this` ------------*- C++ -*-===//
//
// Records every lambda of the project that captures `this` explicitly
// (`[this]`, `[this, x]`, `[&, this]`, `[=, this]`, `[*this]`): the capture
// as written, what deletes it with its separating comma, and the members of
// the enclosing class its body reaches through `this` (fields, methods,
// implicit or explicit `this->`). A rewriter drops the capture when every
// member reached goes with the injected service. Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_CAPTURERECORDER_H
#define METRICS_MIGRATE_MATCHERS_CAPTURERECORDER_H

#include "core/Facts.h"
#include "matchers/Recorder.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/ASTContext.h"

namespace mm {

/// Appends to \p Out.Scan.ThisCaptures one entry per explicit `this` capture
/// written in a project file (not in a macro), each location once however
/// many template instantiations repeat it, sorted by location.
std::unique_ptr<Recorder> thisCaptureRecorder(const Locator &Loc);
/// Runs it alone over \p Ctx.
void recordThisCaptures(clang::ASTContext &Ctx, const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_CAPTURERECORDER_H
