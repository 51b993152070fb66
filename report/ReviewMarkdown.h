//===--- ReviewMarkdown.h - The review as Markdown --------------*- C++ -*-===//
//
// Takes a Review and prints the checklist a reviewer reads: the nine
// sections of the seed review, each generated from the Review's data, with
// file:line evidence. Deterministic: the Review is already in order.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_REVIEWMARKDOWN_H
#define METRICS_MIGRATE_REPORT_REVIEWMARKDOWN_H

#include "report/Review.h"

#include "llvm/Support/raw_ostream.h"

namespace mm {

void printReviewMarkdown(llvm::raw_ostream &OS, const Review &R);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_REVIEWMARKDOWN_H
