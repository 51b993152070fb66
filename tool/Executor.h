//===--- Executor.h - Run the matchers over a compilation database -*- C++ -*-===//
//
// Loads compile_commands.json, picks the project's translation units
// (canonical paths, each once, minus `exclude`), and runs FactsAction on
// each in a pool of workers, each with its own file system view so working
// directories never race. Hands on one TUFacts per TU, in path order, with
// the errors of the TUs that failed to parse.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_EXECUTOR_H
#define METRICS_MIGRATE_TOOL_EXECUTOR_H

#include "core/Config.h"
#include "core/Facts.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mm {

struct ScanOptions {
  std::string BuildDir;
  unsigned Jobs = 0; ///< 0: one per core.
  /// Only TUs whose path starts with one of these (empty: all).
  std::vector<std::string> Paths;
  bool Progress = false;
};

llvm::Expected<std::vector<TUFacts>> scanDatabase(const Config &Cfg,
                                                  const ScanOptions &Opts);

/// Whether Clang crashed on some TU of this process. Its memory is then
/// suspect (the crash skipped destructors), so the process must end
/// without LLVM's global clean-up.
bool parserCrashed();

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_EXECUTOR_H
