//===--- FindingRecorder.h - What the adversarial checks need ---*- C++ -*-===//
//
// Takes a TU's AST and the interface classes visible in it (the service and
// its bases); hands on, in TUFacts::Scan, what a reviewer would otherwise
// hunt for by hand: every builder chain registering a metric (Registrations:
// two of one name throw at startup), every `std::chrono::system_clock::now()`
// in a function that records (WallClockReads: a duration on a clock that can
// jump), and every recording followed in its block by a `throw` or a failure
// check (RecordsBeforeFailure: a metric counting work that did not happen).
// Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_FINDINGRECORDER_H
#define METRICS_MIGRATE_MATCHERS_FINDINGRECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/Recorder.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace mm {

/// True when \p Call records a metric: a non-const member function of a
/// class in \p Set (or deriving from one; gmock's `gmock_` methods aside),
/// or `Increment`, `Decrement`, `Set`, `SetToCurrentTime`, `Observe`,
/// `ObserveMultiple` of `prometheus::Counter`, `Gauge`, `Histogram` or
/// `Summary` (which is how a metric constant records after the migration).
bool isRecording(const clang::CallExpr *Call, const InterfaceSet &Set);

/// Appends to \p Out.Scan.Registrations, WallClockReads and
/// RecordsBeforeFailure what project files of the TU hold (system and
/// third-party headers aside), each location once however many template
/// instantiations repeat it, sorted by location.
std::unique_ptr<Recorder> findingRecorder(const InterfaceSet &Set, const Locator &Loc);
/// Runs it alone over \p Ctx.
void recordFindings(clang::ASTContext &Ctx, const InterfaceSet &Set,
                    const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_FINDINGRECORDER_H
