//===--- CheckedMetricBody.h - A wrapper testing its metric --*- C++ -*-===//
//
// A wrapper body that tests the pointer field it records through before
// recording:
//
//   if (child_) child_->Set(v);
//   if (family_ != nullptr) { family_->Add({..}).Increment(); }
//   if (!child_) return;  child_->Set(v);
//
// Once the metric moves, the field is a reference-like constant that
// cannot be tested and is never null: the body is the statements the check
// guarded. Takes a method body and the service's metric fields of pointer
// style; hands on those statements. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H
#define METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

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

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_CHECKEDMETRICBODY_H
