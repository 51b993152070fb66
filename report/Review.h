//===--- Review.h - The review checklist, as data ---------------*- C++ -*-===//
//
// Stage [6]: takes what the other stages found and did (Catalog, Facts, Plan,
// the rewrite's edits and manual items, the materialized files, the TUs that
// failed) and hands on a Review: plain data, one member per section of the
// checklist a reviewer reads after the migration. Every entry carries the
// file:line it rests on. The renderers (ReviewMarkdown, ReviewJSON,
// ReviewSarif) only format it; same input, same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_REVIEW_H
#define METRICS_MIGRATE_REPORT_REVIEW_H

#include "core/Edit.h"
#include "core/Plan.h"
#include "report/LeftBecause.h"
#include "verify/Verify.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>
#include <string>
#include <vector>

namespace mm {

/// A place in the tree and what is there.
struct Evidence {
  std::string File;
  unsigned Line = 0;
  std::string Note;
  /// A site the migration left as it was (the note says why).
  bool Left = false;
};

enum class Decision { Go, GoWithConditions, NoGo };
llvm::StringRef toString(Decision D);

struct FileDelta {
  std::string File;
  unsigned Added = 0, Removed = 0;
  bool Created = false, Deleted = false;
};

/// Section 1.
struct ReviewSummary {
  unsigned MetricsMoved = 0, MetricsShared = 0, MetricsKept = 0, MetricsDead = 0;
  unsigned Owners = 0;
  unsigned WrappersInlined = 0, WrappersHelpers = 0, WrappersKept = 0;
  unsigned InjectionStripped = 0, InjectionKept = 0;
  unsigned ConstructionSitesUpdated = 0;
  unsigned TestsRewritten = 0;
  unsigned ManualItems = 0;
  std::vector<ReasonCount> LeftByReason; ///< ManualItems by the code behind them.
  unsigned FailedTUs = 0;
  unsigned ServiceLinesBefore = 0, ServiceLinesAfter = 0;
  std::vector<FileDelta> Files;
  Decision TheDecision = Decision::Go;
  std::vector<std::string> DecisionReasons;
};

/// Section 2 (and 4: shared metrics are moved metrics with users).
struct MovedMetric {
  std::string Name;
  std::string Kind;
  std::vector<std::string> Labels;
  std::vector<std::string> Wrappers;
  std::string Constant;
  Evidence Definition; ///< Where the constant is defined after the migration.
  std::string Owner;
  std::vector<std::string> Users;
  std::vector<Evidence> Sites; ///< Every recording site, tests included.
};

/// Section 3.
struct Collision {
  std::string Kind; ///< duplicate-name, constant-clash, label-mismatch, kind-mismatch
  std::string Name;
  std::string Detail;
  std::string Resolution;
  std::vector<Evidence> Where;
};

/// Section 4.
struct StayingMetric {
  std::string Name;
  std::string Reason;
  Evidence Field;
};

/// Section 5: one class or function whose injection changed or stayed.
struct InjectionChange {
  std::string Owner;
  bool Stripped = true;
  std::string Why; ///< When it stays.
  std::vector<Evidence> Removed;       ///< Parameter, field, initializer.
  std::vector<Evidence> Sites;         ///< Construction and call sites updated.
  std::vector<Evidence> BehaviourChanges;
};

/// Section 6.
struct TestChange {
  Evidence Where;
  std::string Test;
  std::string Before, After;
};

/// Sections 7 and 8: a check that either fired (with evidence) or held.
struct Check {
  std::string Id;
  std::string Title;
  bool Fired = false;
  bool Blocker = false; ///< Fired, it makes the decision NO-GO.
  std::string Summary;  ///< One line: what was looked at and what was found.
  std::vector<Evidence> Where;
};

/// Section 8: one metric's definition before and after.
struct Preserved {
  std::string Name;
  std::string HelpBefore, HelpAfter;
  std::string LabelsBefore, LabelsAfter;
  bool Same = true;
};

/// Section 9.
struct Risk {
  std::string Severity; ///< high, medium, low
  std::string Text;
  std::string Section;  ///< Where the evidence is.
  std::vector<Evidence> Where;
};

/// Section 10: what stage [5] re-parsed and what it took back.
struct VerifiedSection {
  bool Ran = false;      ///< False with --no-verify.
  bool Verified = false; ///< The migration handed out compiles.
  unsigned Rounds = 0, Reparsed = 0, Cached = 0;
  std::vector<Evidence> Failures;    ///< Each error found, over all rounds.
  std::vector<Evidence> Demotions;   ///< Each decision taken back, with why.
  std::vector<Evidence> NewWarnings; ///< On lines the migration wrote.
  std::vector<std::string> Unresolved;
};

struct Review {
  std::string Service;
  std::string RegistryExpr, RegistryHeader;
  ReviewSummary Summary;
  std::vector<MovedMetric> Moved;
  std::vector<Collision> Collisions;
  std::vector<StayingMetric> Kept, Dead;
  std::vector<InjectionChange> Injection;
  std::vector<TestChange> TestRewrites;
  std::vector<Evidence> TestsLeft;      ///< Expectations left for a human, with why.
  std::vector<Evidence> DoublesRemoved; ///< Whole classes, and methods of kept ones.
  std::vector<Evidence> Manual;         ///< Every item left for a human.
  std::vector<Check> Checks;            ///< Section 7.
  std::vector<Check> Invariants;        ///< Section 8.
  std::vector<Preserved> Definitions;   ///< Section 8, side by side.
  std::vector<Risk> Risks;              ///< Ranked, highest first.
  VerifiedSection Verified;             ///< Section 10.
};

struct ReviewInput {
  const Catalog &C;
  const Facts &F;
  const Plan &P;
  const RewriteResult &R;
  llvm::ArrayRef<MaterializedFile> Files; ///< The changed files.
  llvm::ArrayRef<std::string> FailedTUs;
  /// The current text of a project file (relative path); "" when unreadable.
  std::function<std::string(const std::string &)> Read;
  /// Stage [5]'s outcome; null when it did not run.
  const Verification *Verify = nullptr;
};

Review buildReview(const ReviewInput &In);

} // namespace mm

#endif // METRICS_MIGRATE_REPORT_REVIEW_H
