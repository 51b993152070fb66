//===--- Verify.h - Stage [5]: does the migrated tree still compile? -*- C++ -*-===//
//
// The verification stage's plain data. It takes the materialized files (the
// new text of every file the migration changes, creates or deletes) and
// hands on, per translation unit that reads one of them, whether it still
// parses with the new texts overlaid in memory; for a TU that fails after
// and parsed before, Clang's errors and the declarations they name as the
// tree stood before. Trace.h turns those failures into demotions of the
// plan's decisions. The stage never consults the rules that made the edits:
// it only parses.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_VERIFY_VERIFY_H
#define METRICS_MIGRATE_VERIFY_VERIFY_H

#include "core/Plan.h"
#include "core/Types.h"

#include <string>
#include <vector>

namespace mm {

/// One diagnostic of a re-parse, in a project file (root-relative path) or
/// elsewhere (absolute).
struct Diagnostic {
  std::string File;
  unsigned Line = 0, Column = 0;
  bool Error = true; ///< Else a warning.
  std::string Message;
  /// An include not found (`'x.h' file not found`): as it was spelled,
  /// without its quotes.
  std::string Missing;

  /// `file:line:col: error: message`, as compilers print it.
  std::string str() const {
    std::string Where = File.empty() ? "" : File + ":" + std::to_string(Line) + ":" +
                                                std::to_string(Column) + ": ";
    return Where + (Error ? "error: " : "warning: ") + Message;
  }
  friend bool operator<(const Diagnostic &A, const Diagnostic &B) {
    return std::tie(A.File, A.Line, A.Column, A.Error, A.Message) <
           std::tie(B.File, B.Line, B.Column, B.Error, B.Message);
  }
  friend bool operator==(const Diagnostic &A, const Diagnostic &B) {
    return std::tie(A.File, A.Line, A.Column, A.Error, A.Message) ==
           std::tie(B.File, B.Line, B.Column, B.Error, B.Message);
  }
};

/// A declaration named at a line of the tree as it stood before: what an
/// error at that line (now) most likely misses.
struct Reference {
  std::string File; ///< Where it is named.
  unsigned Line = 0;
  std::string Name;
  SourceSpan Decl; ///< Its declaration, in the text before.
  /// Where on the line the name is spelled (1-based) and its length; 0: not
  /// known.
  unsigned Column = 0, Length = 0;
};

/// Another configuration of the build to verify: the flags added, last, to
/// each compile command, and the main files (root-relative) it does not
/// compile at all (the service's own, built only with it).
struct Configuration {
  std::vector<std::string> Flags;
  std::vector<std::string> Without;
};

/// One TU that parsed before the migration and fails after it.
struct TUFailure {
  std::string MainFile; ///< As the compile command names it.
  /// The flags added to its command to build another configuration of the
  /// project (`-UHAVE_PROMETHEUS`); "" for the command as written.
  std::string Configuration;
  std::vector<Diagnostic> Errors; ///< The first ones, in order.
  /// Project files the TU read after the migration (root-relative).
  std::vector<std::string> Read;
  /// Declarations named at the error lines that were not changed, as the
  /// tree stood before.
  std::vector<Reference> References;
};

/// What one round of verification saw.
struct VerifyRound {
  unsigned Reparsed = 0;                ///< TUs parsed with the new texts.
  unsigned Cached = 0; ///< TUs not parsed: a cached run saw the same texts parse.
  unsigned FailedBefore = 0;            ///< Of those failing, ones that failed before too.
  std::vector<TUFailure> Failures;      ///< Parsed before, fail after.
  std::vector<Diagnostic> NewWarnings;  ///< At changed lines, in TUs that parse.
};

/// The whole stage over every round: what the review's "Verified" section
/// shows.
struct Verification {
  bool Ran = false;      ///< False with --no-verify.
  bool Verified = false; ///< The last round found no failure.
  unsigned Rounds = 0;
  unsigned Reparsed = 0; ///< TUs re-parsed, over all rounds.
  unsigned Cached = 0;   ///< TUs whose cached re-parse was still valid, over all rounds.
  std::vector<Diagnostic> Failures;   ///< Errors found, over all rounds.
  std::vector<Demotion> Demotions;    ///< Decisions taken back.
  std::vector<Diagnostic> NewWarnings; ///< Of the last round.
  /// When not verified: the failures left, each with the edit behind it.
  std::vector<std::string> Unresolved;
};

} // namespace mm

#endif // METRICS_MIGRATE_VERIFY_VERIFY_H
