//===--- Edit.h - What the rewriters hand to the emitters ---------*- C++ -*-===//
//
// Plain edits, per file, keyed by path relative to the project root: byte
// ranges of the file as read, include changes, whole new files, deletions.
// Each edit names its origin (which rule, which fact) so a conflict can be
// reported with both sources. Rewriters produce a RewriteResult (an EditSet,
// the items left for a human, the tests rewritten); materialize turns the
// EditSet into MaterializedFiles, which verification, the emitters (diff,
// apply, export-fixes) and the review read.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_EDIT_H
#define METRICS_MIGRATE_CORE_EDIT_H

#include "core/Types.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace mm {

/// Replace [Offset, Offset + Length) of the file as read with Text.
struct Edit {
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  std::string Origin; ///< e.g. "inline RecordKitCreated at services/kit_service.cpp:42"

  auto key() const { return std::tie(Offset, Length, Text); }
  friend bool operator<(const Edit &A, const Edit &B) {
    return std::tie(A.Offset, A.Length, A.Text) < std::tie(B.Offset, B.Length, B.Text);
  }
  friend bool operator==(const Edit &A, const Edit &B) { return A.key() == B.key(); }
};

struct FileChange {
  std::string File; ///< Relative to the project root.
  std::vector<Edit> Edits;
  /// Headers to include, as written between the quotes or angle brackets:
  /// `"metrics/registry.h"`, `<prometheus/counter.h>`.
  std::vector<std::string> AddIncludes;
  /// Includes to drop, same spelling.
  std::vector<std::string> RemoveIncludes;
  /// Set (`defined(HAVE_PROMETHEUS)`) when AddIncludes are needed only in
  /// the configuration where that holds: they go in a branch of it after
  /// the file's includes (one already open there, or a new one).
  std::string IncludeCondition;
  /// The header defining that condition's macro (`"config.h"`), included
  /// as AddIncludes would be, ahead of the branch.
  std::string ConditionHeader;
  /// Set when the file is created: its whole content (Edits must be empty).
  std::optional<std::string> NewContent;
  /// The file goes (it would be left empty).
  bool Delete = false;
};

/// Why something is left for a human, as the shape of code behind it: what
/// the end-of-run summary counts by. Each has a section of
/// docs/left-for-a-human.md saying what to change (report/LeftBecause.h).
enum class LeftBecause {
  Other,
  SharedMetricName,  ///< Several fields hold one Prometheus name (a family, its children).
  NameNotReadable,   ///< A metric not set from a builder chain.
  SetTwoWays,        ///< A metric field set by two different chains.
  BodyUsesService,   ///< The wrapper's body uses other members of the service.
  BodyHasDirectives, ///< The wrapper's body holds preprocessor directives.
  InactiveBranch,    ///< The call is in a branch this build skips.
  DerivedCaller,     ///< A class derived from the service calls the wrapper.
  AddressTaken,      ///< The wrapper is named, not called.
  Macro,             ///< The call is inside a macro that cannot be rewritten.
  Fenced,            ///< The file is excluded, generated or not writable.
  Arguments,         ///< Inlining would change how arguments are evaluated.
  HeaderHelper,      ///< A helper or local constant the call would need in a header.
  Expectation,       ///< An EXPECT_CALL that cannot become a value assertion.
  DoubleOverride,    ///< A test double's override that cannot go.
  DidNotCompile,     ///< Verification took the decision back.
  NullGuard,         ///< A null check that guards more than recording.
  Injection,         ///< An initializer or argument of the injection that cannot go.
  Registry,          ///< The service's own registry, to point at the shared one.
  Interface,         ///< The interface in the service's bases.
  NoHeader,          ///< A constant's owner has no header to declare it in.
  SetUpUse,          ///< The constructor uses the metric beyond creating its series.
  AbsoluteValue,     ///< A test asserts a metric's value it cannot read before acting.
  CompileTimeOptional, ///< A recording of an optional service that cannot go under its condition.
  RuntimeValue,      ///< A metric's chain reads a value known only when the service is built.
};

/// What a ManualItem is about, as the review sorts items. `What` says it to
/// a human; nothing downstream reads that text.
enum class ManualSubject {
  Other,
  Call,           ///< A call of a wrapper.
  MacroExpansion, ///< A call of a wrapper written in a macro's expansion.
  Expectation,    ///< An EXPECT_CALL on a wrapper.
  Initializer,    ///< A member initializer of the injection.
  Argument,       ///< The injection's argument at a construction or call site.
};

/// A site the tool did not rewrite, for a human: where, what, why.
struct ManualItem {
  std::string File;
  unsigned Line = 0;
  std::string What;
  std::string Why;
  /// The pattern behind it. Not part of the item's identity.
  LeftBecause Cause = LeftBecause::Other;
  /// What it is about. Not part of the item's identity.
  ManualSubject Subject = ManualSubject::Other;

  friend bool operator<(const ManualItem &A, const ManualItem &B) {
    return std::tie(A.File, A.Line, A.What, A.Why) < std::tie(B.File, B.Line, B.What, B.Why);
  }
  friend bool operator==(const ManualItem &A, const ManualItem &B) {
    return std::tie(A.File, A.Line, A.What, A.Why) == std::tie(B.File, B.Line, B.What, B.Why);
  }
};

/// All changes of one run, by file path.
struct EditSet {
  std::map<std::string, FileChange> Files;

  FileChange &file(const std::string &Path) {
    FileChange &F = Files[Path];
    F.File = Path;
    return F;
  }
};

/// An expectation turned into value assertions, for the review.
struct TestRewrite {
  SourceSpan Stmt;
  std::string Test;    ///< The enclosing test function.
  /// What it is about: the method expected, the metric read or set back,
  /// or, for an assertion removed (After empty), why.
  std::string Wrapper;
  std::string Before;  ///< The expectation as written.
  std::string After;   ///< The reads and assertions replacing it, one per line.
};

struct RewriteResult {
  EditSet Edits;
  std::vector<ManualItem> Manual; ///< Sorted.
  std::vector<TestRewrite> TestRewrites; ///< In the order of the expectations.
  /// (file, metric) of each builder chain the rules wrote into a test only
  /// to look the metric up on the registry (a registration check, a gauge
  /// set back): it defines nothing.
  std::vector<std::pair<std::string, std::string>> Lookups;
};

/// One file before and after its changes. `File` is relative to the root.
struct MaterializedFile {
  std::string File;
  std::string Before; ///< Empty when the file is created.
  std::string After;  ///< Empty when the file is deleted.
  bool Created = false;
  bool Deleted = false;

  bool changed() const { return Created || Deleted || Before != After; }
};

} // namespace mm

#endif // METRICS_MIGRATE_CORE_EDIT_H
