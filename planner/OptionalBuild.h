//===--- OptionalBuild.h - A service compiled in one configuration -*- C++ -*-===//
//
// Part of stage [3]. Takes the catalog and the conditional branches the scan
// compiled (ConditionalRegion), and hands on, when the service exists under
// one condition only (`#ifdef HAVE_PROMETHEUS` around its class or around
// every `#include` of its header), the plan's OptionalBuild: the condition,
// the directive that opens it, and the recording statements to put under
// it. A call that is not a unit of its own (a branch of an unbraced `if`,
// part of an expression, a macro) keeps its wrapper, with an item saying so.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_PLANNER_OPTIONALBUILD_H
#define METRICS_MIGRATE_PLANNER_OPTIONALBUILD_H

#include "core/Config.h"
#include "core/Edit.h"
#include "core/Facts.h"
#include "core/Plan.h"

#include <optional>
#include <vector>

namespace mm {

/// A place that takes the service only under a condition: the service's
/// class in a compiled branch, or a branch including the service's header.
struct ConditionalPlace {
  const ConditionalRegion *Region = nullptr;
  SourceSpan Where;     ///< The class, or the branch.
  bool IsClass = false; ///< Else the branch includes the service's header.
};

std::vector<ConditionalPlace> conditionalPlaces(const Catalog &C, const Facts &F);

/// The build option the service depends on, when every place taking it is
/// under one and the same condition and the configuration without it can
/// be built for verification (`without_service_flags`, or `-U<macro>` for a
/// `defined(<macro>)` that no project header defines); nullopt otherwise.
/// Statements is left empty (see conditionalStatements).
std::optional<OptionalBuild> optionalBuild(const Catalog &C, const Facts &F, const Config &Cfg);

/// Why \p CS cannot be put under \p O's condition, if it cannot: it is not
/// already under it, is written in a macro or is part of an expression, and
/// no null check around it that only records stands in a block.
std::optional<ManualItem> optionalProblem(const CallSite &CS, const Facts &F,
                                          const OptionalBuild &O);

/// The statements to put under \p O's condition for the calls of the
/// wrappers that leave the service (\p Leaves tells them by signature).
std::vector<OptionalBuild::Unit>
conditionalStatements(const Catalog &C, const Facts &F, const OptionalBuild &O,
                      llvm::function_ref<bool(const CallSite &)> Leaves);

} // namespace mm

#endif // METRICS_MIGRATE_PLANNER_OPTIONALBUILD_H
