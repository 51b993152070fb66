//===--- Files.h - What kind of file a path names ---------------*- C++ -*-===//
//
// The one table of C++ file extensions, the test-framework headers that make
// a TU test code, module names of files and the hash facts record of each.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_FILES_H
#define METRICS_MIGRATE_CORE_FILES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace mm {

/// The hash of a file's bytes that facts record (TUFacts::ReadHashes) and
/// writes check: xxh3, in hex.
std::string contentHash(llvm::StringRef Bytes);

/// `services/kit_service.cpp` -> `services/kit_service`.
std::string moduleOf(llvm::StringRef File);

/// Extensions of C++ headers and of C++ sources, in the order a module's
/// files are looked for; and of the other files clang-format and
/// HeaderIncludes read as C or C++ (included fragments, module units, C).
/// The one table of them.
inline constexpr const char *HeaderExtensions[] = {".h", ".hpp", ".hh", ".hxx", ".h++", ".H"};
inline constexpr const char *SourceExtensions[] = {".cpp", ".cc", ".cxx", ".c++", ".C"};
inline constexpr const char *OtherCxxExtensions[] = {".c",   ".inc",  ".inl", ".ipp",
                                                     ".tpp", ".cppm", ".ixx"};

/// True for a file with one of HeaderExtensions.
bool isHeaderFile(llvm::StringRef File);
/// True for a file with any of the extensions above.
bool isCxxFile(llvm::StringRef File);

/// True for the main header of a test framework (`gtest/gtest.h`,
/// `gmock/gmock.h`, Catch2, doctest, Boost.Test), wherever it is installed:
/// a TU including one is test code.
bool isTestFrameworkHeader(llvm::StringRef Path);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_FILES_H
