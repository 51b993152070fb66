//===--- InterfaceMentionRecorder.h - What else of an interface is named -*- C++ -*-===//
//
// Takes a TU's AST and its InterfaceSet; hands on, in TUFacts::Scan, each
// place outside an interface's definition that names something the
// interface declares besides its instance methods: a nested enum, class or
// alias, an enumerator of a nested enum, a static data member, a static
// method (`StatsSink::Outcome::Accepted`, `StatsSink::MaxBatch`). The
// rewriters keep an interface such a name is left in, without the wrappers
// that went, instead of removing it with its test doubles.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_INTERFACEMENTIONRECORDER_H
#define METRICS_MIGRATE_MATCHERS_INTERFACEMENTIONRECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/Recorder.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"

namespace mm {

/// Records, as written (not again in template instantiations), in
/// TUFacts::Scan: InterfaceMentions and ServiceNamespaceUses. Records nothing
/// when \p Set names no interface.
std::unique_ptr<Recorder> interfaceMentionRecorder(const InterfaceSet &Set, const Locator &Loc);
/// Runs it alone over \p Ctx.
void recordInterfaceMentions(clang::ASTContext &Ctx, const InterfaceSet &Set,
                             const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif
