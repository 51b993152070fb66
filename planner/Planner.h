//===--- Planner.h - Catalog + Facts -> Plan --------------------*- C++ -*-===//
//
// Stage [3], a pure function: decides the owner module of every metric (the
// production module recording it; several -> the one with most call sites,
// the others listed as users; only the service -> kept; nobody -> dead), the
// constant's name (UPPER_SNAKE_CASE of the Prometheus name, suffixed on a
// clash with an identifier already visible there), how every wrapper is
// replaced, and which injection points go.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_PLANNER_PLANNER_H
#define METRICS_MIGRATE_PLANNER_PLANNER_H

#include "core/Config.h"
#include "core/Plan.h"

namespace mm {

Plan makePlan(const Catalog &C, const Facts &F, const Config &Cfg);

/// `inventory_quantity_changes_total` -> `INVENTORY_QUANTITY_CHANGES_TOTAL`.
std::string constantName(llvm::StringRef PrometheusName);

/// Fills the template's holes: `${param:p}` from \p Args (by parameter name),
/// parenthesized where the argument's text needs it there,
/// `${metric:m}` with the metric's constant (a pointer field's `->` becoming
/// `.`); `$$` becomes `$`.
std::string fillTemplate(llvm::StringRef Template, const Plan &P,
                         const std::map<std::string, std::string> &Args);

} // namespace mm

#endif // METRICS_MIGRATE_PLANNER_PLANNER_H
