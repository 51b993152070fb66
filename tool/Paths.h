//===--- Paths.h - Canonical paths, and is a path under a folder? -*- C++ -*-===//
//
// What the executor, the verifier, the prefilter and the write fences share:
// the canonical form of a path, and whether \p Path is \p Root itself or
// lies below it (a whole-component prefix, so /a/bc is not under /a/b).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_PATHS_H
#define METRICS_MIGRATE_TOOL_PATHS_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <string>

namespace mm {

/// \p Path with symlinks resolved; a path that does not exist, absolute
/// and without dots.
inline std::string canonical(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// Both absolute and without dots.
inline bool isUnder(llvm::StringRef Path, llvm::StringRef Root) {
  return Path == Root ||
         (Path.starts_with(Root) &&
          (Root.ends_with("/") || Path.drop_front(Root.size()).starts_with("/")));
}

/// \p Text (a message) with every path under \p Root written relative to
/// it, as the tool names files everywhere.
inline std::string withRelativePaths(llvm::StringRef Root, std::string Text) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Root, Real))
    Real = Root;
  std::string Prefix = std::string(Real) + "/";
  for (size_t At = Text.find(Prefix); At != std::string::npos; At = Text.find(Prefix, At))
    Text.erase(At, Prefix.size());
  return Text;
}

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_PATHS_H
