//===--- Facts.h - What one translation unit taught us ----------*- C++ -*-===//
//
// The matchers' output for one TU: a partial Catalog (only what this TU can
// see: a header's class without the .cpp's bodies, call sites of this TU and
// its headers) plus whether the TU parsed. core/Merge.h turns all of them
// into the Catalog.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_FACTS_H
#define METRICS_MIGRATE_CORE_FACTS_H

#include "core/Types.h"

#include <map>

namespace mm {

struct TUFacts {
  std::string MainFile; ///< As named by the compile command.
  bool Parsed = true;
  std::vector<std::string> Errors; ///< `file:line:col: message`, when not.
  bool SawService = false;         ///< The service class was defined here.
  /// Partial catalog. Wrappers holds every method of the service seen here
  /// (those without a Definition come from a header only); Metrics holds
  /// every metric field seen, filled from initializers when they are here.
  Catalog Partial;
  /// What the rewriters need beyond the catalog, from this TU.
  Facts Scan;
  /// Project file (relative) -> xxh3 of the bytes this TU parsed, in hex:
  /// what a write checks the file still holds.
  std::map<std::string, std::string> ReadHashes;
  /// It includes a test framework's header (isTestFrameworkHeader): its
  /// main file is test code, and so is every project file only such TUs
  /// read.
  bool TestTU = false;
};

} // namespace mm

#endif // METRICS_MIGRATE_CORE_FACTS_H
