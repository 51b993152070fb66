//===--- ReviewJSON.h - The review as versioned JSON ------------*- C++ -*-===//
//
// Takes a Review and hands on its JSON form: the same data as the Markdown,
// under `{"schema": "metrics-migrate/review", "version": N, ...}`. The schema
// is docs/review.schema.json; a change to the shape bumps the version.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_REVIEWJSON_H
#define METRICS_MIGRATE_REPORT_REVIEWJSON_H

#include "report/Review.h"

#include "llvm/Support/JSON.h"

namespace mm {

inline constexpr int ReviewSchemaVersion = 2;

llvm::json::Value toJSON(const Review &R);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_REVIEWJSON_H
