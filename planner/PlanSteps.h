//===--- PlanSteps.h - The steps of makePlan, one file each ------*- C++ -*-===//
//
// Internal to planner/. makePlan (Planner.cpp) decides each metric's owner
// and each wrapper's fate, then hands the Plan to these steps in turn:
//   keepWhatCannotMove  KeepWhatCannotMove.cpp: wrappers and metrics that
//                       stay because a call, expectation or body cannot be
//                       rewritten
//   planInjection       PlanInjection.cpp: which injection points go
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_PLANNER_PLANSTEPS_H
#define METRICS_MIGRATE_PLANNER_PLANSTEPS_H

#include "core/Config.h"
#include "core/Plan.h"

#include <map>
#include <string>

namespace mm {

/// \p MP, staying in the service for \p Reason.
MetricPlan keptMetric(const MetricPlan &MP, std::string Reason, LeftBecause Cause);

/// Wrappers that cannot leave the service keep their metrics in it, and
/// every other wrapper recording one of those metrics stays too.
/// \p BySignature: the catalog's wrappers by signature.
void keepWhatCannotMove(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P,
                        const std::map<std::string, const Wrapper *> &BySignature);

/// Which injection points of the plan go and which stay, and why.
void planInjection(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P);

} // namespace mm

#endif // METRICS_MIGRATE_PLANNER_PLANSTEPS_H
