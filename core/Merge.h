//===--- Merge.h - Facts of every TU -> the Catalog -------------*- C++ -*-===//
//
// The second half of the catalog stage, plain data in and out: deduplicates
// what many TUs saw of the same header (by canonical location), joins the
// header's view of the service with the .cpp's (builder chains, bodies), and
// keeps only calls to wrappers. Every list comes out sorted.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_MERGE_H
#define METRICS_MIGRATE_CORE_MERGE_H

#include "core/Config.h"
#include "core/Facts.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace mm {

/// Fails when no TU defined the configured service class; the message names
/// the configuration file and line.
llvm::Expected<Catalog> buildCatalog(llvm::ArrayRef<TUFacts> Facts,
                                     const Config &Cfg);

/// The scan facts of every parsed TU, each location once, sorted.
Facts mergeScan(llvm::ArrayRef<TUFacts> Facts);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_MERGE_H
