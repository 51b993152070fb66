//===--- InjectionUseRecorder.h - What goes when the service goes -*- C++ -*-===//
//
// Given the interface classes visible in a TU (the service and its bases),
// records the places the rewriters must edit when the injected service is
// removed: every argument handed to an injected parameter (constructions,
// make_unique/make_shared, calls), every member initializer of an injected
// field, every null guard around an injected pointer; plus the project files
// of the TU and the UPPER_SNAKE_CASE names they declare, which new constants
// could clash with. Hands on plain data in TUFacts::Scan. Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_INJECTIONUSERECORDER_H
#define METRICS_MIGRATE_MATCHERS_INJECTIONUSERECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/Recorder.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"

#include <memory>
#include <vector>

namespace mm {

/// The recorders of what the rewriters must edit when the injected service
/// goes, for the interfaces in \p Set: argument sites, member initializers
/// and statements of injected fields, and null guards; with them, the
/// UPPER_SNAKE_CASE names the TU's project files declare. Each appends to
/// TUFacts::Scan, each location once per TU however many template
/// instantiations share it. The argument-site recorder hands calls of
/// null-guard helpers to the null-guard one: they live as long as each
/// other.
std::vector<std::unique_ptr<Recorder>> injectionUseRecorders(const InterfaceSet &Set,
                                                             const Locator &Loc);
/// The UPPER_SNAKE_CASE names alone.
std::unique_ptr<Recorder> declaredNameRecorder(const Locator &Loc);
/// Runs them alone over \p Ctx.
void recordInjectionUses(clang::ASTContext &Ctx, const InterfaceSet &Set,
                         const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_INJECTIONUSERECORDER_H
