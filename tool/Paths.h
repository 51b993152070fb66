//===--- Paths.h - Is a path under a folder? --------------------*- C++ -*-===//
//
// The one test the executor, the prefilter and the write fences share:
// \p Path is \p Root itself or lies below it (a whole-component prefix, so
// /a/bc is not under /a/b). Both absolute and without dots.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_PATHS_H
#define METRICS_MIGRATE_TOOL_PATHS_H

#include "llvm/ADT/StringRef.h"

namespace mm {

inline bool isUnder(llvm::StringRef Path, llvm::StringRef Root) {
  return Path == Root ||
         (Path.starts_with(Root) &&
          (Root.ends_with("/") || Path.drop_front(Root.size()).starts_with("/")));
}

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_PATHS_H
