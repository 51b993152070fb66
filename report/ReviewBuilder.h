//===--- ReviewBuilder.h - The review, built section by section -*- C++ -*-===//
//
// Internal to report/. buildReview (Review.h) runs a Builder: the sections
// of the review (Review.cpp), its checks and invariants (ReviewChecks.cpp),
// each reading the migration through the helpers of ReviewReads.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_REPORT_REVIEWBUILDER_H
#define METRICS_MIGRATE_REPORT_REVIEWBUILDER_H

#include "report/Review.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mm {
namespace review {

/// Evidence at \p S, saying \p Note.
Evidence at(const SourceSpan &S, std::string Note = "");
/// Evidence at an item left for a human, saying what and why.
Evidence at(const ManualItem &M);
unsigned lineCount(llvm::StringRef Text);
/// 1-based line of \p Offset in \p Text.
unsigned lineAt(llvm::StringRef Text, size_t Offset);
/// Where a failed TU's entry (`tu.cpp: file:line:col: error: ...`) puts
/// its first error; the TU's first line when it names none.
Evidence firstErrorOf(const std::string &Entry);
/// `1 finding`, `2 findings`.
std::string plural(size_t N, llvm::StringRef Noun);

/// One `.Method("literal" ..)` of a text: where its `.` is, and the value
/// of its string literals, adjacent ones joined as the compiler joins them.
struct MethodCall {
  size_t At;
  std::string Value;
};
/// Every `.Method(<string literals>)` of \p Text, in order, read with the
/// raw lexer: what the invariants check the written tree by.
std::vector<MethodCall> methodCalls(llvm::StringRef Text, llvm::StringRef Method);
/// The value of `.Method(<string literals>)` in a builder chain; "" when
/// there is none.
std::string chainString(llvm::StringRef Chain, llvm::StringRef Method);
/// The argument text of `.Labels(..)` in a builder chain, "" when none.
std::string chainLabels(llvm::StringRef Chain);
/// True when an edit of \p Edits covers the whole of \p S.
bool covered(const EditSet &Edits, const SourceSpan &S);
/// The parameters of a wrapper used as a label value: `{"key", p}`.
std::set<std::string> labelParams(const BodyTemplate &Template);
/// A value from a closed set: a literal, a constant, an enumerator, or a
/// choice between such.
bool isBounded(llvm::StringRef Arg);

class Builder {
public:
  explicit Builder(const ReviewInput &In) : In(In), C(In.C), F(In.F), P(In.P) {
    for (const Metric &M : C.Metrics)
      Metrics[M.Name] = &M;
    for (const Wrapper &W : C.Wrappers)
      Wrappers[W.Signature] = &W;
    for (const MaterializedFile &MF : In.Files)
      Changed[MF.File] = &MF;
  }

  Review build();

private:
  /// A file's text after the migration.
  std::string after(const std::string &File);
  std::string before(const std::string &File);

  std::vector<const CallSite *> sitesOf(const std::string &Metric);

  void moved();

  void collisions();

  void stayingMetrics();

  void injection();

  void tests();

  void manual();

  Check &check(std::string Id, std::string Title, bool Blocker = false);

  void fire(Check &K, Evidence E);

  void checks();

  void checkDuplicateRegistration();

  void checkConstructionSites();

  void checkWallClockDuration();

  void checkRecordBeforeFailure();

  void checkUnboundedLabel();

  void checkMacroSites();

  /// The service in one configuration only: what moves would need
  /// prometheus-cpp in every one. Its header is where the dependency is
  /// taken; a place handing the service on to an optional component under
  /// a condition is no sign of it. Under one condition the plan writes
  /// what moves under it too (Plan::Optional): the reviewer checks the
  /// other configuration; under several, nothing can move.
  void checkCompileTimeOptional();

  void checkFailedTus();

  Check &invariant(std::string Id, std::string Title);

  void invariants();

  /// The fields holding each metric name (a field whose name could not be
  /// read is no metric).
  std::map<std::string, std::set<std::string>> holders() const;

  void invariantUniqueNames();

  /// Every metric defined once after the migration, across the tree.
  void invariantDefinedOnce();

  void invariantDefinitionsPreserved();

  void invariantNoWrapperCallLeft();

  void summary();

  void verified();

  void risk(std::string Severity, std::string Text, std::string Section,
            std::vector<Evidence> E);

  void risks();

  const ReviewInput &In;
  const Catalog &C;
  const Facts &F;
  const Plan &P;
  std::map<std::string, const Metric *> Metrics;
  std::map<std::string, const Wrapper *> Wrappers;
  std::map<std::string, const MaterializedFile *> Changed;
  Review Out;
};

} // namespace review
} // namespace mm

#endif // METRICS_MIGRATE_REPORT_REVIEWBUILDER_H
