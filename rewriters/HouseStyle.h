//===--- HouseStyle.h - A format style measured from the code ---*- C++ -*-===//
//
// For a project without a .clang-format: takes a file's text and hands on
// the clang-format style its lines already follow, so that the lines the
// migration writes look like their neighbours and the lines it keeps are
// left as they are. LLVM's style is the base; what the text shows
// overrides it: indentation width (or tabs), column limit, pointer
// alignment (derived by clang-format from the file), access specifier
// offset, braces on lines of their own, namespace indentation and the
// spaces before trailing comments.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H
#define METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H

#include "clang/Format/Format.h"
#include "llvm/ADT/StringRef.h"

namespace mm {

/// The style \p Code is written in, LLVM's where it shows nothing.
clang::format::FormatStyle measuredStyle(llvm::StringRef Code);

/// Whether a .clang-format or _clang-format file lies in the folder of
/// \p AbsPath or above it: clang-format's own look-up.
bool hasFormatFile(llvm::StringRef AbsPath);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H
