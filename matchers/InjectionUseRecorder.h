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
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"

namespace mm {

/// Records, for the interfaces in \p Set, the places the rewriters must edit
/// when the injected service goes: argument sites, member initializers of
/// injected fields, and null guards. Also lists the TU's project files and
/// their UPPER_SNAKE_CASE names. Appends to \p Out.Scan; each location once
/// per TU, however many template instantiations share it.
void recordInjectionUses(clang::ASTContext &Ctx, const InterfaceSet &Set,
                         const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_INJECTIONUSERECORDER_H
