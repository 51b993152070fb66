//===--- CatalogSummary.h - A human-sized view of the catalog ---*- C++ -*-===//
//
// Takes a Catalog and prints what a person wants first: the service, how many
// metrics, wrappers, injection points and call sites were found, and the call
// sites per module. Sorted; same catalog, same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_CATALOGSUMMARY_H
#define METRICS_MIGRATE_REPORT_CATALOGSUMMARY_H

#include "core/Types.h"

#include "llvm/Support/raw_ostream.h"

namespace mm {

void printCatalogSummary(llvm::raw_ostream &OS, const Catalog &C);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_CATALOGSUMMARY_H
