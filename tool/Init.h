//===--- Init.h - A starter .metrics-migrate.yaml ---------------*- C++ -*-===//
//
// `init`: takes the compile database and a project root, runs ServiceFinder
// over every TU that names `prometheus` (declarations only, no bodies), picks the likely service class (the class with
// prometheus-cpp metric fields injected through the most constructor
// parameters) and a registry accessor, and hands on the text of a starter
// configuration plus a summary of what was found. Writes nothing itself.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_INIT_H
#define METRICS_MIGRATE_TOOL_INIT_H

#include "core/Config.h"
#include "tool/Executor.h"

namespace mm {

struct StarterConfig {
  std::string Yaml;    ///< The configuration file's text.
  std::string Summary; ///< What was found, for the user; ends with a newline.
  std::vector<std::string> FailedTUs; ///< Each TU's first error.
};

/// The words a TU must name to hold a service candidate: a class with a
/// prometheus-cpp field names the namespace (ScanOptions::MentionOneOf).
std::vector<std::string> initPrefilterWords();

/// \p Base carries the root and excludes. Fails when no project class has
/// a metric field, listing the TUs that failed to parse with their first
/// error (the service may be in one of them).
llvm::Expected<StarterConfig> detectConfig(const Config &Base, const ScanOptions &Opts);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_INIT_H
