//===--- ReviewSarif.h - The review's findings as SARIF ---------*- C++ -*-===//
//
// Takes a Review and hands on a SARIF 2.1.0 log with one result per finding:
// every item left for a human, every name collision, every fired check and
// broken invariant, each with its file and line, so code-scanning UIs show
// them inline. Paths are relative to the project root (uriBaseId SRCROOT).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_REVIEWSARIF_H
#define METRICS_MIGRATE_REPORT_REVIEWSARIF_H

#include "report/Review.h"

#include "llvm/Support/JSON.h"

namespace mm {

llvm::json::Value toSarif(const Review &R);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_REVIEWSARIF_H
