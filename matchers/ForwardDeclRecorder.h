//===--- ForwardDeclRecorder.h - Forward declarations of the service -*- C++ -*-===//
//
// Takes a TU's AST and its InterfaceSet; hands on, in TUFacts::Scan, each
// declaration of the service or an interface written in a project file that
// is not its definition (`class Metrics;`), with what removing it takes:
// the declaration and its `;`, or the namespace block written around it
// alone. The rewriters drop the ones the migration leaves unused.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_FORWARDDECLRECORDER_H
#define METRICS_MIGRATE_MATCHERS_FORWARDDECLRECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"

namespace mm {

void recordForwardDeclarations(clang::ASTContext &Ctx, const InterfaceSet &Set,
                               const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif
