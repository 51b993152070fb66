//===--- Prefilter.h - Which TUs can matter, from text alone ----*- C++ -*-===//
//
// Before any parse: takes a TU's compile command and a list of words, and
// tells whether its main file or a project header it includes (resolved
// with the TU's own -I/-iquote/-isystem flags, transitively) names one of
// them as a whole identifier (an `#include` of a macro, which it cannot
// follow, counts as naming them). TUs that do not are skipped: parsing is
// nearly all of a scan's cost, and most TUs of a large codebase never see
// the metrics service. Files are read once per run, whatever the number of
// TUs that include them; safe to call from many workers.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_PREFILTER_H
#define METRICS_MIGRATE_TOOL_PREFILTER_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"

#include <mutex>
#include <string>
#include <vector>

namespace mm {

/// The folders \p Command searches for includes (`-iquote`, `-I`,
/// `-isystem`, `-idirafter`), absolute, in the order given.
std::vector<std::string> includeSearchDirs(const clang::tooling::CompileCommand &Command);

class Prefilter {
public:
  /// \p Root: only headers under it are followed.
  Prefilter(std::string Root, std::vector<std::string> Words);

  /// Whether the TU compiled by \p Command can name one of the words. When
  /// it cannot, \p Reached gets the project files it includes (absolute,
  /// sorted), main file included: what the parser would have read.
  bool mayMatter(const clang::tooling::CompileCommand &Command,
                 std::vector<std::string> &Reached);

private:
  struct Include {
    std::string Spelling;
    bool Angled = false;
  };
  struct FileText {
    /// Names one of the words, or includes a file named by a macro
    /// (`#include CONFIG_HEADER`), which text alone cannot follow.
    bool Names = false;
    std::vector<Include> Includes;
  };
  /// Reads and indexes \p Path once.
  const FileText &text(const std::string &Path);

  std::string Root;
  std::vector<std::string> Words;
  std::mutex Lock;
  llvm::StringMap<FileText> Cache;
};

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_PREFILTER_H
