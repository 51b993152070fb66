//===--- Config.h - .metrics-migrate.yaml -----------------------*- C++ -*-===//
//
// Reads the project's configuration: which class is the metrics service and
// which process-wide registry migrated metrics register on. Every stage takes
// a Config; only tool/ decides where it comes from.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_CONFIG_H
#define METRICS_MIGRATE_CORE_CONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mm {

inline constexpr llvm::StringLiteral ConfigFileName = ".metrics-migrate.yaml";

struct Config {
  /// Fully qualified where namespaced, e.g. `partshop::MetricsService`.
  std::string ServiceClass;
  struct {
    std::string Expr;   ///< e.g. `metrics::DefaultRegistry()`
    std::string Header; ///< e.g. `metrics/registry.h`
    /// Optional: a `std::shared_ptr<prometheus::Registry>` expression owning
    /// the registry `Expr` names, e.g. `metrics::DefaultRegistryPtr()`.
    std::string Shared;
  } Registry;
  /// Extra interface classes, beyond the service's detected bases.
  std::vector<std::string> Interfaces;
  /// Extra test double classes, beyond the detected ones.
  std::vector<std::string> TestDoubles;
  /// Globs (relative to Root) of files never scanned as TUs and never
  /// written; one ending in `/` covers everything under the directories it
  /// matches. Without the key: build*/ and third_party/; --exclude adds.
  std::vector<std::string> Exclude;
  /// The clang-format style of the lines the migration writes, as
  /// `clang-format -style=` takes it (`Google`, `{BasedOnStyle: LLVM,
  /// IndentWidth: 4}`); empty: the project's .clang-format, else the style
  /// each file is measured to follow.
  std::string FormatStyle;
  /// For a service compiled in one configuration only: the compiler flags
  /// that build the other one (`-DNO_PROMETHEUS`), added to each compile
  /// command when verification parses it; empty: `-U<macro>` for a
  /// condition that is one `defined(<macro>)`.
  std::vector<std::string> WithoutServiceFlags;

  std::string Path;             ///< The file read.
  std::string Root;             ///< Its directory: the project root.
  unsigned ServiceClassLine = 0; ///< For messages about the service class.
  unsigned FormatStyleLine = 0;  ///< For messages about format_style.
};

/// Whether \p RelativePath (to the root) matches one of Cfg.Exclude.
bool isExcluded(const Config &Cfg, llvm::StringRef RelativePath);

/// Why the file at \p RelativePath may never be written, or "": it lies
/// outside the project root (an absolute path or one climbing out with `..`)
/// or is excluded. Symlinks are not resolved here; tool/ checks them.
std::string unwritableReason(const Config &Cfg, llvm::StringRef RelativePath);

/// Parses \p Text as the contents of \p Path. Errors carry `path:line:col`.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);

/// Reads and parses \p Path.
llvm::Expected<Config> loadConfig(llvm::StringRef Path);

/// Looks for ConfigFileName in \p StartDir and its parents.
llvm::Expected<std::string> findConfig(llvm::StringRef StartDir);

/// Every key parseConfig accepts, a nested one as `parent.child` (only the
/// leaves: `registry.expr`, not `registry`), in the order the YAML traits map
/// them. Derived from the traits, by writing a fully populated Config.
std::vector<std::string> configKeys();

} // namespace mm

#endif // METRICS_MIGRATE_CORE_CONFIG_H
