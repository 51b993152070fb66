//===--- CheckedMetricBody.h - A wrapper testing its metric --*- C++ -*-===//
//
// A wrapper body that tests the pointer field it records through before
// recording:
//
//   if (child_) child_->Set(v);
//   if (family_ != nullptr) { family_->Add({..}).Increment(); }
//   if (!child_) return;  child_->Set(v);
//   if (child_ && ms >= 0.0) { child_->Observe(ms); }
//
// Once the metric moves, the field is a reference-like constant that
// cannot be tested and is never null: the body is the statements the check
// guarded, or the body without the test where it is one operand of `&&`.
// Takes a method body and the service's metric fields of pointer style;
// hands on those statements, or the operand to cut. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H
#define METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include <optional>
#include <set>
#include <vector>

namespace mm {

/// The statements of \p Body a null check of one of \p Pointers (canonical
/// field declarations) guards, when the body is only that check and what
/// it guards; none otherwise (an `else`, another condition, a check of
/// anything else).
std::vector<const clang::Stmt *>
checkedMetricBody(const clang::CompoundStmt &Body,
                  const std::set<const clang::FieldDecl *> &Pointers);

/// A null check of a metric pointer that is one operand of `&&` in the
/// condition of an `if` of the body: `child_ && ms >= 0.0`.
struct CheckedConjunct {
  const clang::Expr *Test = nullptr;   ///< `child_`, `child_ != nullptr`
  const clang::Expr *Beside = nullptr; ///< The other operand of its `&&`.
  bool TestFirst = true;               ///< `child_ && x`, not `x && child_`.
};

/// The first such check among the top-level statements of \p Body whose
/// `if` has no `else` (with one, the `else` would run where it did not),
/// when the body has no other test of that field; none otherwise.
std::optional<CheckedConjunct>
checkedConjunct(const clang::CompoundStmt &Body,
                const std::set<const clang::FieldDecl *> &Pointers);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H
