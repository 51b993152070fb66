//===--- WrapperBody.h - A wrapper method of the service, read --*- C++ -*-===//
//
// Takes one method of the service and its metric fields; hands on its
// Wrapper (core/Types.h): signature and parameters, the body as a
// BodyTemplate, what the template records (Recordings), the guards and
// label switches that decide it and whether anything else does, the
// constants and file-local functions it takes along, the headers they
// name; and, for each metric field, the label names and buckets its `Add`
// calls show. A body that only null-checks its metric pointer, or that
// caches the children it takes, is read as the recording it guards or
// feeds. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_WRAPPERBODY_H
#define METRICS_MIGRATE_MATCHERS_WRAPPERBODY_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/CachedChild.h"

#include "clang/AST/DeclCXX.h"

#include <map>
#include <set>
#include <string>

namespace mm {

/// A container member of the service -> the metric fields whose children
/// its constructor put in it (`msg_[type] = &msg_family_->Add(..)`).
using ContainerMap = std::map<const clang::FieldDecl *, std::set<std::string>>;

/// Records \p M, one of the service's methods, into \p Out's wrappers and
/// the label names and buckets its `Add` calls show into \p Metrics (by
/// field); \p Fields maps each metric field (canonical) to its name.
/// Returns the methods of the service its body calls.
std::set<const clang::CXXMethodDecl *>
recordMethod(const clang::CXXMethodDecl *M,
             const std::map<const clang::FieldDecl *, std::string> &Fields,
             const ContainerMap &Containers,
             const std::map<const clang::FunctionDecl *, CachedChild> &Cached,
             const Locator &Loc, TUFacts &Out, std::map<std::string, Metric> &Metrics);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_WRAPPERBODY_H
