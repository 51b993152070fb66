//===--- Reparse.h - One TU, parsed for errors only -------------*- C++ -*-===//
//
// The frontend action verification runs on each translation unit: a syntax
// check (function bodies in system headers skipped, as the scan skips them)
// that keeps the errors, the warnings in project files and the project
// files read; asked for lines, it also records the declarations named on
// them. Nothing here knows what the migration changed: the caller picks the
// file system (the tree before, or the new texts overlaid) and the lines.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_VERIFY_REPARSE_H
#define METRICS_MIGRATE_VERIFY_REPARSE_H

#include "verify/Verify.h"

#include "clang/Tooling/Tooling.h"

#include <map>
#include <memory>
#include <set>

namespace mm {

struct ReparseOutput {
  std::vector<Diagnostic> Diagnostics; ///< Errors anywhere, warnings in project files.
  std::vector<std::string> Read;       ///< Project files read, root-relative, sorted.
  std::vector<Reference> References;   ///< At the lines asked for.
};

/// Root-relative file -> 1-based lines whose named declarations to record.
using LinesOfInterest = std::map<std::string, std::set<unsigned>>;

/// A factory for ClangTool::run filling \p Out. \p Lines may be null.
std::unique_ptr<clang::tooling::FrontendActionFactory>
newReparseFactory(std::string Root, const LinesOfInterest *Lines, ReparseOutput &Out);

} // namespace mm

#endif // METRICS_MIGRATE_VERIFY_REPARSE_H
