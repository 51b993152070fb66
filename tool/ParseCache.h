//===--- ParseCache.h - Results of a parse, kept while its input is unchanged -*- C++ -*-===//
//
// What the incremental re-run stores about a TU, whatever the result's
// kind (the scan's facts, verification's diagnostics): an entry per compile
// command and salt (the tool version, the configuration's text, the kind),
// valid while every project file the parse read hashes as it did. The
// hashes are of the files as the parse saw them: on disk, unless the caller
// names other contents (the migration's new texts, "" for a deleted file).
// System headers are not hashed (a compiler upgrade calls for clearing the
// cache). Entries are written atomically; safe from many workers.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_TOOL_PARSECACHE_H
#define METRICS_MIGRATE_TOOL_PARSECACHE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <mutex>
#include <optional>

namespace mm {

/// Root-relative project file -> the xxh3 of its bytes, in hex.
using FileHashes = std::map<std::string, std::string>;

class ParseCache {
public:
  /// \p Salt: what every entry depends on beyond its command. \p Root:
  /// where the hashed paths are relative to. \p Seen: root-relative files
  /// whose bytes are not those on disk, with their text (nullopt: deleted).
  ParseCache(std::string Dir, std::string Salt, std::string Root,
             const std::map<std::string, std::optional<std::string>> &Seen = {});

  /// The stored bytes for \p C, if any.
  std::optional<std::string> read(const clang::tooling::CompileCommand &C) const;
  /// Stores \p Bytes for \p C; a failure to write only costs the next run
  /// a parse.
  void write(const clang::tooling::CompileCommand &C, llvm::StringRef Bytes) const;

  /// Whether every file of \p Hashes still hashes so (none: not fresh).
  bool fresh(const FileHashes &Hashes);
  /// The hashes of \p Files now.
  FileHashes hashesOf(llvm::ArrayRef<std::string> Files);
  /// The xxh3 of \p RelativeFile's bytes now, "" when unreadable; once per run.
  std::string hashOf(const std::string &RelativeFile);

private:
  std::string entryPath(const clang::tooling::CompileCommand &C) const;

  std::string Dir, Salt, Root;
  std::mutex Lock;
  llvm::StringMap<std::string> Hashes;
};

} // namespace mm

#endif // METRICS_MIGRATE_TOOL_PARSECACHE_H
