//===--- CachedChild.h - A wrapper caching children per label --*- C++ -*-===//
//
// A wrapper body that keeps the children it takes from a family in a member
// map, keyed by label values:
//
//   prometheus::Counter* cnt;
//   const auto& it = cache_.find(key);
//   if (it != cache_.end()) cnt = it->second;
//   else { cnt = &family_->Add({{"table", table}}); cache_[key] = cnt; }
//   cnt->Increment(v);
//
// records what `family_->Add({{"table", table}}).Increment(v)` records:
// prometheus-cpp's `Family::Add` hands back the child it already holds for
// equal labels. Takes a method body and the service's metric fields; hands
// on the two calls that one statement is made of, and the cache fields it
// no longer needs. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_CACHEDCHILD_H
#define METRICS_MIGRATE_MATCHERS_CACHEDCHILD_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace mm {

struct CachedChild {
  /// `family_->Add(labels)`: its arguments name only parameters and
  /// constants, never a local of the body.
  const clang::CXXMemberCallExpr *Add = nullptr;
  /// `cnt->Increment(v)`, the body's last statement, on the child.
  const clang::CXXMemberCallExpr *Record = nullptr;
  /// The maps the body looks children up in and stores them into.
  std::set<const clang::FieldDecl *> Caches;
};

/// \p Body as a cached child, when it is exactly that shape: locals whose
/// initializers change nothing, a lookup in non-public map fields of the
/// service whose values are the child's pointer type, one `Add` on a metric
/// field of \p Fields (canonical declarations) when the lookup misses, stores
/// of the child into those maps, and one recording on the child. None for
/// any other body.
std::optional<CachedChild>
cachedChild(const clang::CompoundStmt &Body,
            const std::map<const clang::FieldDecl *, std::string> &Fields);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_CACHEDCHILD_H
