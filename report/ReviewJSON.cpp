//===--- ReviewJSON.cpp - The review as versioned JSON --------------------===//

#include "report/ReviewJSON.h"

namespace mm {

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

Array strings(const std::vector<std::string> &List) {
  return Array(List);
}

Value evidence(const Evidence &E) {
  return Object{{"file", E.File}, {"line", E.Line}, {"note", E.Note}};
}

Array evidence(const std::vector<Evidence> &List) {
  Array Out;
  for (const Evidence &E : List)
    Out.push_back(evidence(E));
  return Out;
}

Value check(const Check &K) {
  return Object{{"id", K.Id},           {"title", K.Title},
                {"fired", K.Fired},     {"blocker", K.Blocker},
                {"summary", K.Summary}, {"evidence", evidence(K.Where)}};
}

Value summary(const ReviewSummary &S) {
  Array Files;
  for (const FileDelta &F : S.Files)
    Files.push_back(Object{{"file", F.File},
                           {"added", F.Added},
                           {"removed", F.Removed},
                           {"created", F.Created},
                           {"deleted", F.Deleted}});
  Array Left;
  for (const ReasonCount &N : S.LeftByReason)
    Left.push_back(Object{{"reason", idOf(N.Cause)},
                          {"pattern", patternOf(N.Cause)},
                          {"items", N.Items},
                          {"docs", docsOf(N.Cause)}});
  return Object{{"decision", toString(S.TheDecision)},
                {"decision_reasons", strings(S.DecisionReasons)},
                {"metrics_moved", S.MetricsMoved},
                {"metrics_shared", S.MetricsShared},
                {"metrics_kept", S.MetricsKept},
                {"metrics_dead", S.MetricsDead},
                {"owners", S.Owners},
                {"wrappers_inlined", S.WrappersInlined},
                {"wrappers_helpers", S.WrappersHelpers},
                {"wrappers_kept", S.WrappersKept},
                {"injection_stripped", S.InjectionStripped},
                {"injection_kept", S.InjectionKept},
                {"construction_sites_updated", S.ConstructionSitesUpdated},
                {"tests_rewritten", S.TestsRewritten},
                {"manual_items", S.ManualItems},
                {"left_by_reason", std::move(Left)},
                {"failed_tus", S.FailedTUs},
                {"service_lines_before", S.ServiceLinesBefore},
                {"service_lines_after", S.ServiceLinesAfter},
                {"files", std::move(Files)}};
}

} // namespace

Value toJSON(const Review &R) {
  Array Moved, Collisions, Kept, Dead, Injection, Tests, Checks, Invariants, Definitions, Risks;
  for (const MovedMetric &M : R.Moved)
    Moved.push_back(Object{{"name", M.Name},
                           {"kind", M.Kind},
                           {"labels", strings(M.Labels)},
                           {"wrappers", strings(M.Wrappers)},
                           {"constant", M.Constant},
                           {"definition", evidence(M.Definition)},
                           {"owner", M.Owner},
                           {"users", strings(M.Users)},
                           {"sites", evidence(M.Sites)}});
  for (const Collision &C : R.Collisions)
    Collisions.push_back(Object{{"kind", C.Kind},
                                {"name", C.Name},
                                {"detail", C.Detail},
                                {"resolution", C.Resolution},
                                {"where", evidence(C.Where)}});
  for (const StayingMetric &M : R.Kept)
    Kept.push_back(Object{{"name", M.Name}, {"reason", M.Reason}, {"field", evidence(M.Field)}});
  for (const StayingMetric &M : R.Dead)
    Dead.push_back(Object{{"name", M.Name}, {"reason", M.Reason}, {"field", evidence(M.Field)}});
  for (const InjectionChange &C : R.Injection)
    Injection.push_back(Object{{"owner", C.Owner},
                               {"stripped", C.Stripped},
                               {"why_kept", C.Why},
                               {"removed", evidence(C.Removed)},
                               {"sites", evidence(C.Sites)},
                               {"behaviour_changes", evidence(C.BehaviourChanges)}});
  for (const TestChange &T : R.TestRewrites)
    Tests.push_back(Object{{"where", evidence(T.Where)},
                           {"test", T.Test},
                           {"before", T.Before},
                           {"after", T.After}});
  for (const Check &K : R.Checks)
    Checks.push_back(check(K));
  for (const Check &K : R.Invariants)
    Invariants.push_back(check(K));
  for (const Preserved &P : R.Definitions)
    Definitions.push_back(Object{{"name", P.Name},
                                 {"help_before", P.HelpBefore},
                                 {"help_after", P.HelpAfter},
                                 {"labels_before", P.LabelsBefore},
                                 {"labels_after", P.LabelsAfter},
                                 {"same", P.Same}});
  for (const Risk &K : R.Risks)
    Risks.push_back(Object{{"severity", K.Severity},
                           {"text", K.Text},
                           {"section", K.Section},
                           {"evidence", evidence(K.Where)}});
  return Object{{"schema", "metrics-migrate/review"},
                {"version", ReviewSchemaVersion},
                {"service", R.Service},
                {"summary", summary(R.Summary)},
                {"moved", std::move(Moved)},
                {"collisions", std::move(Collisions)},
                {"kept", std::move(Kept)},
                {"dead", std::move(Dead)},
                {"injection", std::move(Injection)},
                {"test_rewrites", std::move(Tests)},
                {"tests_left", evidence(R.TestsLeft)},
                {"doubles_removed", evidence(R.DoublesRemoved)},
                {"manual", evidence(R.Manual)},
                {"checks", std::move(Checks)},
                {"invariants", std::move(Invariants)},
                {"definitions", std::move(Definitions)},
                {"risks", std::move(Risks)},
                {"verified", Object{{"ran", R.Verified.Ran},
                                    {"verified", R.Verified.Verified},
                                    {"rounds", R.Verified.Rounds},
                                    {"reparsed", R.Verified.Reparsed},
                                    {"cached", R.Verified.Cached},
                                    {"failures", evidence(R.Verified.Failures)},
                                    {"demotions", evidence(R.Verified.Demotions)},
                                    {"new_warnings", evidence(R.Verified.NewWarnings)},
                                    {"unresolved", strings(R.Verified.Unresolved)}}}};
}

} // namespace mm
