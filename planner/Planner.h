//===--- Planner.h - Catalog + Facts -> Plan --------------------*- C++ -*-===//
//
// Stage [3], a pure function: decides the owner module of every metric (the
// production module recording it; several -> the one with most call sites,
// the others listed as users; only the service -> kept; nobody -> dead), the
// constant's name (UPPER_SNAKE_CASE of the Prometheus name, suffixed on a
// clash with an identifier already visible there), how every wrapper is
// replaced, and which injection points go. A wrapper with a call it cannot
// rewrite stays in the service with its metrics and with the injection that
// carries the call there.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_PLANNER_PLANNER_H
#define METRICS_MIGRATE_PLANNER_PLANNER_H

#include "core/Config.h"
#include "core/Plan.h"

#include <optional>

namespace mm {

/// \p Demotions are decisions verification took back from an earlier plan:
/// a demoted wrapper stays in the service (with its metrics, interface
/// method, test-double methods and the injection carrying its calls), a
/// demoted metric stays with every wrapper recording it, a demoted owner
/// keeps its injection. Each lands in Plan::Demoted.
Plan makePlan(const Catalog &C, const Facts &F, const Config &Cfg,
              llvm::ArrayRef<Demotion> Demotions = {});

/// `inventory_quantity_changes_total` -> `INVENTORY_QUANTITY_CHANGES_TOTAL`.
std::string constantName(llvm::StringRef PrometheusName);

/// The constant for a child field: its name without member decorations
/// (`m_`, a leading `m` before a capital, `_` at either end), in
/// UPPER_SNAKE_CASE (`dmlOpsUpdateOut` -> `DML_OPS_UPDATE_OUT`).
std::string fieldConstantName(llvm::StringRef Field);

/// What a template's parameter holes are filled with.
enum class HoleText {
  Parameters, ///< The parameters' own names (a helper function's body).
  CallArguments, ///< A call's arguments as written (inlining).
  /// A call's arguments as a macro's body spells them: a name there may be a
  /// parameter of the macro, standing for any expression, so it is
  /// parenthesized wherever an expression of the lowest precedence would be.
  MacroArguments,
};

/// Fills the template's holes: a parameter from \p Args (by its name),
/// parenthesized where the argument's text needs it there, a metric with
/// its constant (a pointer field's `->` becoming `.`), as code in namespace
/// \p From spells it (bare without one). With call arguments, `std::move(p)`
/// and `std::forward<T>(p)` around a parameter become the argument alone: the wrapper
/// moved from its own parameter, and the caller's argument is not that
/// (a variable stays usable, `{..}` and `std::move(x)` stay valid).
std::string fillTemplate(const BodyTemplate &Template, const Plan &P,
                         const std::map<std::string, std::string> &Args,
                         std::optional<llvm::StringRef> From = std::nullopt,
                         HoleText Holes = HoleText::Parameters);

/// The file-local function replacing the wrapper \p W (Fate Helper), its
/// constants spelled from namespace \p From.
std::string helperDefinition(const Wrapper &W, const Plan &P,
                             std::optional<llvm::StringRef> From);

/// Why the call \p CS of \p W cannot be rewritten when the wrapper is
/// replaced as \p Fate (a macro assembling the call from its arguments, an
/// argument that would be dropped or evaluated twice, a helper needed in a
/// header...), as an item for a human; nothing when it can.
std::optional<ManualItem> siteProblem(const CallSite &CS, const Wrapper &W, WrapperFate Fate);

/// Why the call \p CS cannot be rewritten because the file holding it (or
/// the macro it expands from) is never written: outside the root or
/// excluded. Such a call keeps its wrapper in the service.
std::optional<ManualItem> fenceProblem(const CallSite &CS, const Config &Cfg);

/// Why the body of \p W cannot leave the service: it uses other members
/// of the service (state, methods, a metric field it assigns), or holds
/// preprocessor directives (`#if FEATURE .. #else .. #endif`) of which only
/// one branch was parsed. Nothing when it can.
std::optional<std::string> bodyProblem(const Wrapper &W);

/// Why the expectation \p E on \p W cannot become a value assertion (a
/// call count that is not a literal, matchers that are not literals or `_`),
/// as an item for a human; nothing when its shape can be translated.
std::optional<ManualItem> expectationProblem(const Expectation &E, const Wrapper &W);

} // namespace mm

#endif // METRICS_MIGRATE_PLANNER_PLANNER_H
