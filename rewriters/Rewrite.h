//===--- Rewrite.h - Plan + Facts -> Edits ----------------------*- C++ -*-===//
//
// Stage [4]: turns the Plan into edits of every file it touches, reading the
// files' text only to place edits exactly (whole lines, commas, namespace
// bodies). Each rule lives in its own file:
//   DefineMetrics.cpp   constants defined in their owner, declared in its
//                       header; the registry header and the service's
//                       registry member
//   InlineCalls.cpp     every wrapper call site, null guards around them
//   StripInjection.cpp  parameters, fields, member initializers, arguments
//   GutService.cpp      what leaves the service, its interface and doubles;
//                       then the metric headers no kind left there needs
//   RewriteTests.cpp    expectations become value assertions; holders of
//                       doubles and of the service whose uses all went
//   RewriteServiceTests.cpp  tests of the service's own wrappers become
//                       checks of their metrics' registration
//   DropRegistryShapes.cpp   assertions on what a test's registry, now the
//                       process-wide one, holds as a whole
//   DeltaAssertions.cpp a test's absolute reading of a metric that
//                       accumulates becomes an assertion on its change; a
//                       gauge asserted at its first value is set back
//   UnderCondition.cpp  recordings of a service built in one configuration
//                       only, under its condition
//   DropCaptures.cpp    `this` captures that only reached a stripped field
//   DropConstants.cpp   file-local constants of the service copied out and
//                       no longer used there
//   DropForwardDeclarations.cpp  declarations of the service left unused
// and, run by the pipeline on what those did (verification may take their
// edits back one by one):
//   IncludeFollowUps.cpp  includes of the service's header no longer
//                       needed; files left declaring nothing, deleted
// What a rule cannot do safely it lists as a ManualItem instead.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_REWRITE_H
#define METRICS_MIGRATE_REWRITERS_REWRITE_H

#include "core/Edit.h"
#include "core/Plan.h"

#include "llvm/Support/Error.h"

#include <functional>

namespace mm {

/// Reads a project file by its root-relative path.
using FileReader = std::function<llvm::Expected<std::string>(llvm::StringRef)>;

llvm::Expected<RewriteResult> rewrite(const Catalog &C, const Facts &F, const Plan &P,
                                      const FileReader &Read);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_REWRITE_H
