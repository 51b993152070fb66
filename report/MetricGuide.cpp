//===--- MetricGuide.cpp - "Where each metric lives" ----------------------===//

#include "report/MetricGuide.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

void printMetricGuide(llvm::raw_ostream &OS, const Review &R) {
  OS << "## Where each metric lives\n\n"
     << "Each Prometheus metric is a constant defined in the `.cpp` of the module that "
        "records it, declared `extern` in that module's header, and registered on `"
     << R.RegistryExpr << "` (`" << R.RegistryHeader << "`). Code records through the "
     << "constant directly; nothing is injected.\n\n"
     << "- **Adding a metric**: define it next to the code that records it, as the ones "
        "below are: `prometheus::BuildCounter().Name(\"...\").Help(\"...\").Register("
     << R.RegistryExpr << ")`, named after the Prometheus name in UPPER_SNAKE_CASE. One "
        "name is registered once in the whole process.\n"
     << "- **Recording from another module**: include the owner's header and use its "
        "constant; do not define a second metric of the same name.\n"
     << "- **Testing**: read the value before the code under test and assert on the "
        "change after (`const double before = COUNTER.Add({{\"op\", \"add\"}}).Value();` "
        "... `EXPECT_DOUBLE_EQ(COUNTER.Add({{\"op\", \"add\"}}).Value() - before, 1);`). "
        "Metrics are process-wide: assert on differences, not absolute values.\n";
  if (!R.Kept.empty() || !R.Dead.empty())
    OS << "- **What stays in `" << R.Service << "`**: metrics only its own code records "
          "(polling) and the ones listed as kept below.\n";
  OS << "\n| metric | constant | owner | also recorded by |\n|---|---|---|---|\n";
  for (const MovedMetric &M : R.Moved)
    OS << "| `" << M.Name << "` | `" << M.Constant << "` | `" << M.Definition.File << "` | "
       << (M.Users.empty() ? "-" : llvm::join(M.Users, ", ")) << " |\n";
  for (const StayingMetric &M : R.Kept)
    OS << "| `" << M.Name << "` | (kept in the service) | `" << M.Field.File << "` | - |\n";
  for (const StayingMetric &M : R.Dead)
    OS << "| `" << M.Name << "` | (never recorded) | `" << M.Field.File << "` | - |\n";
}

} // namespace mm
