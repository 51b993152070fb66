//===--- TempDir.h - A scratch directory for file-level tests ---*- C++ -*-===//
//
// A fresh directory under the system temp dir, removed with everything in it
// when the object goes; write() and read() take paths relative to it.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TESTS_UNIT_TEMPDIR_H
#define METRICS_MIGRATE_TESTS_UNIT_TEMPDIR_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace mm {

class TempDir {
public:
  TempDir() {
    llvm::SmallString<256> Dir;
    if (!llvm::sys::fs::createUniqueDirectory("mm-test", Dir)) {
      llvm::SmallString<256> Real;
      if (!llvm::sys::fs::real_path(Dir, Real))
        Dir = Real;
    }
    Root = std::string(Dir);
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Root); }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  std::string path(llvm::StringRef Relative) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Relative);
    return std::string(P);
  }

  /// Writes \p Content to Root/\p Relative, creating directories.
  void write(llvm::StringRef Relative, llvm::StringRef Content) const {
    std::string P = path(Relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Content;
  }

  /// The content of Root/\p Relative, or nullopt when it does not exist.
  std::optional<std::string> read(llvm::StringRef Relative) const {
    auto Buffer = llvm::MemoryBuffer::getFile(path(Relative), /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return std::nullopt;
    return (*Buffer)->getBuffer().str();
  }

  std::string Root;
};

} // namespace mm

#endif // METRICS_MIGRATE_TESTS_UNIT_TEMPDIR_H
