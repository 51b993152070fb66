//===--- SetUpStatement.h - What a constructor statement does to metrics -*- C++ -*-===//
//
// Reads one statement of the service's constructor or set-up method: which
// metric fields it names, and whether it does nothing but work on one of
// them with what any file could spell (literals, its own locals, constants,
// free functions). Such a statement creates series up front and can run
// wherever the family is defined (core/Types.h: SetUpStatement); any other
// use keeps the field where it is. Takes the statement, hands on plain data
// and the `Add` calls it makes (their labels are the family's).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_SETUPSTATEMENT_H
#define METRICS_MIGRATE_MATCHERS_SETUPSTATEMENT_H

#include "core/Types.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace mm {

struct SetUpRead {
  /// The metric fields the statement names, canonical.
  std::set<const clang::FieldDecl *> Fields;
  /// It assigns one of them (`ok_ = &family_.Add(..)`): that is a set-up the
  /// service recorder reads as such.
  bool Assigns = false;
  /// Set when it names one field only, always as the object of a member
  /// call (`family_.Add(..)`, `this->family_->Add(..)`), and nothing else of
  /// the object, the function's parameters or locals declared before it.
  std::optional<SetUpStatement> Statement;
  /// Its `Add(..)` calls on the field.
  std::vector<const clang::CXXMemberCallExpr *> Adds;
};

/// \p Fields maps the service's metric fields (canonical) to their names.
SetUpRead readSetUpStatement(const clang::Stmt &S,
                             const std::map<const clang::FieldDecl *, std::string> &Fields,
                             const Locator &Loc);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_SETUPSTATEMENT_H
