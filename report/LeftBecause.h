//===--- LeftBecause.h - Items left for a human, by pattern -----*- C++ -*-===//
//
// Takes the items left for a human and hands on how many each pattern of
// code (LeftBecause) accounts for, most first, with the words that name the
// pattern and the section of docs/left-for-a-human.md that says what to
// change. The end-of-run summary, `check` and the review print these.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_LEFTBECAUSE_H
#define METRICS_MIGRATE_REPORT_LEFTBECAUSE_H

#include "core/Edit.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace mm {

/// `shared-metric-name`: a stable id, also the docs section's anchor.
llvm::StringRef idOf(LeftBecause Cause);
/// The pattern in words: "metrics held in several fields (...)".
llvm::StringRef patternOf(LeftBecause Cause);
/// `docs/left-for-a-human.md#shared-metric-name`.
std::string docsOf(LeftBecause Cause);

struct ReasonCount {
  LeftBecause Cause = LeftBecause::Other;
  unsigned Items = 0;
};

/// One entry per cause of \p Items, most items first (then by id).
std::vector<ReasonCount> countByReason(llvm::ArrayRef<ManualItem> Items);

/// `N items left for a human, by the code behind them:` then one line per
/// cause, the \p Top largest, and one for the rest. Nothing when \p Items
/// is empty.
void printLeftSummary(llvm::raw_ostream &OS, llvm::ArrayRef<ManualItem> Items,
                      unsigned Top = 6);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_LEFTBECAUSE_H
