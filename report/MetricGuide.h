//===--- MetricGuide.h - "Where each metric lives" --------------*- C++ -*-===//
//
// Takes a Review and prints a short Markdown guide a project pastes into its
// contributor docs: the pattern the migration left (a constant per metric in
// the module that records it, the registry every metric registers on, how
// tests assert on values) and a table of every metric, its constant and the
// file that owns it.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_METRICGUIDE_H
#define METRICS_MIGRATE_REPORT_METRICGUIDE_H

#include "report/Review.h"

#include "llvm/Support/raw_ostream.h"

namespace mm {

void printMetricGuide(llvm::raw_ostream &OS, const Review &R);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_METRICGUIDE_H
