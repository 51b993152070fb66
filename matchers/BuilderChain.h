//===--- BuilderChain.h - Read a prometheus-cpp builder chain ---*- C++ -*-===//
//
// `prometheus::BuildCounter().Name("x").Help("..").Labels({..})
//      .Register(*registry_)[.Add({..}, buckets)]` -> plain facts: kind, name,
// help, constant labels, registry argument, the chain's text, and for a
// pre-labelled child the `.Add(..)` arguments with their label names and
// buckets. Reads only; the caller decides which field it belongs to.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_BUILDERCHAIN_H
#define METRICS_MIGRATE_MATCHERS_BUILDERCHAIN_H

#include "core/Types.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/Expr.h"

#include <optional>

namespace mm {

struct BuilderChain {
  MetricKind Kind = MetricKind::Counter;
  std::string Name;
  std::string Help;
  std::vector<std::pair<std::string, std::string>> ConstLabels;
  std::string RegistryArg;
  std::string Text; ///< From `Build*(` to the end of `.Register(..)`.
  unsigned RegisterAt = 0; ///< Where `.Register` begins in Text.
  clang::SourceRange Range;
  /// Set when the chain ends in `.Add(..)`: the child's arguments.
  std::optional<std::string> ChildArgs;
  std::vector<std::string> ChildLabelNames;
  std::vector<double> Buckets;
  std::string BucketsText;
  /// Set when the chain is a helper's (`makeCounterFamily(..)`): its name
  /// and definition.
  std::string BuiltBy;
  const clang::FunctionDecl *Helper = nullptr;
  /// For a helper that is a lambda held in a local of the function
  /// (`auto counter = [&](..) -> Family<Counter>& { return ..; };`): that
  /// local.
  const clang::VarDecl *HelperLocal = nullptr;
  /// What Text is spelled from when that is not the chain as written
  /// there: the helper's chain and the call's arguments.
  std::vector<const clang::Expr *> Sources;
  /// A parameter, local variable or member its arguments read
  /// (`.Labels(labels)`, `labels` the constructor's; `.Add(labels_)`, a
  /// member the constructor set): a value known only when the code runs,
  /// which a constant at namespace scope cannot read. A DeclRefExpr or a
  /// MemberExpr; null when none.
  const clang::Expr *RuntimeRead = nullptr;
};

/// Reads \p E (an initializer or the right side of an assignment, possibly
/// wrapped in `&`, parentheses or temporaries): a chain, or a call of a
/// function whose body is `return <chain>;`, read with the call's arguments
/// (Text then spells the chain with them). None when it is neither. Text
/// names the builder `prometheus::BuildX` however the file named it.
std::optional<BuilderChain> readBuilderChain(const clang::Expr *E,
                                             const Locator &Loc);

/// The function \p E calls when it is a call of a free or static function,
/// or of a member function on `this` (`makeCounterFamily(..)`), else "".
std::string builtBy(const clang::Expr *E);

/// Facts of one `family.Add(labels[, buckets])` call.
struct AddCall {
  std::vector<std::string> LabelNames;
  std::vector<double> Buckets;
  std::string BucketsText;
};
AddCall readAddCall(const clang::CXXMemberCallExpr *Add, const Locator &Loc);

/// `&family_->Add(labels)`, `family_.Add(labels, buckets)`: a child taken
/// from a family held in a field, or in a local variable of the function
/// (`auto& family = Build..Register(r); ok_ = &family.Add(..)`). \p Family
/// gets the field or the local; the chain has only the child's facts
/// (ChildArgs, its label names and buckets).
std::optional<BuilderChain> readChildOfHolder(const clang::Expr *E, const Locator &Loc,
                                              const clang::ValueDecl *&Family);

/// \p VD, when it is a local variable (not a parameter) holding a family by
/// reference or pointer, set where it is declared: what a child can be
/// taken from.
const clang::VarDecl *localFamilyHolder(const clang::ValueDecl *VD);

/// The string a string literal (or a std::string built from one) holds.
std::optional<std::string> stringLiteralOf(const clang::Expr *E);

/// Strips parentheses, implicit casts, temporaries and `&`.
const clang::Expr *stripWrappers(const clang::Expr *E);

/// What `std::move(x)` or `std::forward<T>(x)` hands on: `x`; null for
/// any other expression.
const clang::Expr *movedFrom(const clang::Stmt *S);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_BUILDERCHAIN_H
