//===--- HouseStyle.h - A format style measured from the code ---*- C++ -*-===//
//
// For a project without a .clang-format: takes a file's text and hands on
// the clang-format style its lines already follow, so that the lines the
// migration writes look like their neighbours and the lines it keeps are
// left as they are. LLVM's style is the base; what the text shows
// overrides it: indentation width (or tabs), column limit, pointer
// alignment (derived by clang-format from the file), access specifier
// offset, braces on lines of their own, namespace indentation and the
// spaces before trailing comments. A style the configuration names
// (`format_style`) replaces both the .clang-format and the measurement.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H
#define METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H

#include "clang/Format/Format.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace mm {

/// The style \p Code is written in, LLVM's where it shows nothing.
clang::format::FormatStyle measuredStyle(llvm::StringRef Code);

/// The style \p Spec names, as `clang-format -style=` takes it: a
/// predefined style (`LLVM`, `Google`, `Chromium`, `Mozilla`, `WebKit`,
/// `GNU`, `Microsoft`) or an inline YAML map (`{BasedOnStyle: Google,
/// IndentWidth: 4}`), for a file called \p FileName (which decides the
/// language). Never reads a file: `file` and `file:PATH` are errors, since a
/// project's .clang-format is used without the key.
llvm::Expected<clang::format::FormatStyle> configuredStyle(llvm::StringRef Spec,
                                                           llvm::StringRef FileName);

/// Whether a .clang-format or _clang-format file lies in the folder of
/// \p AbsPath or above it: clang-format's own look-up.
bool hasFormatFile(llvm::StringRef AbsPath);

} // namespace mm

#endif // METRICS_MIGRATE_REWRITERS_HOUSESTYLE_H
