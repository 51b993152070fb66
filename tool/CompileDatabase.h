//===--- CompileDatabase.h - compile_commands.json, checked -----*- C++ -*-===//
//
// Takes a build directory and hands on its compilation database, after
// checking the file the way a user needs to hear about it: missing (with the
// CMake flag that writes one), unreadable, not JSON, or an entry without
// `directory`, `file` and `command`/`arguments`, or with a relative
// `directory`. Every error names the file, and the line and column of the
// offending entry where there is one.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_COMPILEDATABASE_H
#define METRICS_MIGRATE_TOOL_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace mm {

/// Checks \p Text, the contents of \p Path, as a JSON compilation database.
llvm::Error checkCompileDatabase(llvm::StringRef Text, llvm::StringRef Path);

/// Reads, checks and loads \p BuildDir/compile_commands.json.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef BuildDir);

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_COMPILEDATABASE_H
