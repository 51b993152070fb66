//===--- ReviewMarkdown.cpp - The review as Markdown ----------------------===//

#include "report/ReviewMarkdown.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

namespace {

std::string where(const Evidence &E) {
  return E.Line ? E.File + ":" + std::to_string(E.Line) : E.File;
}

/// `text` in backticks, safe in a table cell.
std::string code(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    Out += C == '|' ? std::string("\\|") : C == '\n' ? std::string(" ") : std::string(1, C);
  return "`" + Out + "`";
}

std::string cell(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    Out += C == '|' ? std::string("\\|") : C == '\n' ? std::string(" ") : std::string(1, C);
  return Out;
}

void evidenceList(llvm::raw_ostream &OS, const std::vector<Evidence> &List,
                  llvm::StringRef Indent = "") {
  for (const Evidence &E : List)
    OS << Indent << "- `" << where(E) << "`" << (E.Note.empty() ? "" : " -- " + E.Note)
       << "\n";
}

void summary(llvm::raw_ostream &OS, const Review &R) {
  const ReviewSummary &S = R.Summary;
  OS << "## 1) Summary & Decision\n\n";
  OS << "**Decision:** `" << toString(S.TheDecision) << "`";
  if (!S.DecisionReasons.empty())
    OS << " -- " << llvm::join(S.DecisionReasons, "; ");
  OS << "\n\n";
  OS << "| | count |\n|---|---:|\n";
  auto Row = [&](llvm::StringRef What, unsigned N) { OS << "| " << What << " | " << N << " |\n"; };
  Row("metrics moved to their owner", S.MetricsMoved);
  Row("metrics shared (moved, used by other modules)", S.MetricsShared);
  Row("owner modules", S.Owners);
  Row("metrics kept in the service", S.MetricsKept);
  Row("metrics nobody records (dead)", S.MetricsDead);
  Row("wrappers inlined", S.WrappersInlined);
  Row("wrappers turned into file-local helpers", S.WrappersHelpers);
  Row("wrappers kept in the service", S.WrappersKept);
  Row("injection points stripped", S.InjectionStripped);
  Row("injection points kept", S.InjectionKept);
  Row("construction and call sites updated", S.ConstructionSitesUpdated);
  Row("test expectations rewritten", S.TestsRewritten);
  Row("items left for a human", S.ManualItems);
  Row("translation units that failed to parse", S.FailedTUs);
  OS << "\nThe service (`" << R.Service << "`): " << S.ServiceLinesBefore << " lines before, "
     << S.ServiceLinesAfter << " after (header and source).\n\n";
  if (!S.LeftByReason.empty()) {
    OS << "Items left for a human, by the code behind them:\n\n";
    for (const ReasonCount &N : S.LeftByReason)
      OS << "- " << N.Items << ": " << patternOf(N.Cause) << " ([what to change](" << docsOf(N.Cause)
         << "))\n";
    OS << "\n";
  }
  if (S.Files.empty()) {
    OS << (S.ManualItems ? "No file changes: what is left is for a human (above).\n\n"
                         : "No file changes: nothing is left to migrate.\n\n");
    return;
  }
  unsigned Added = 0, Removed = 0;
  OS << "| file | added | removed |\n|---|---:|---:|\n";
  for (const FileDelta &F : S.Files) {
    OS << "| `" << F.File << "`" << (F.Created ? " (new)" : F.Deleted ? " (deleted)" : "")
       << " | " << F.Added << " | " << F.Removed << " |\n";
    Added += F.Added;
    Removed += F.Removed;
  }
  OS << "| " << S.Files.size() << " files | " << Added << " | " << Removed << " |\n\n";
}

void moved(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 2) Moved metrics\n\n";
  if (R.Moved.empty()) {
    OS << "None.\n\n";
    return;
  }
  OS << "| metric | kind | labels | from wrapper | constant | defined at | recorded at |\n"
     << "|---|---|---|---|---|---|---|\n";
  for (const MovedMetric &M : R.Moved) {
    std::vector<std::string> Sites;
    for (const Evidence &E : M.Sites)
      Sites.push_back(where(E));
    OS << "| " << code(M.Name) << " | " << M.Kind << " | "
       << cell(M.Labels.empty() ? "-" : llvm::join(M.Labels, ", ")) << " | "
       << cell(llvm::join(M.Wrappers, ", ")) << " | " << code(M.Constant) << " | `"
       << where(M.Definition) << "` | " << cell(llvm::join(Sites, ", ")) << " |\n";
  }
  OS << "\n";
}

void collisions(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 3) Name collisions\n\n";
  if (R.Collisions.empty()) {
    OS << "None: every Prometheus name is registered once with one type and label set, and "
          "every constant name was free where it is defined.\n\n";
    return;
  }
  for (const Collision &C : R.Collisions) {
    OS << "- **" << C.Kind << "** " << code(C.Name) << ": " << C.Detail << "; resolution: "
       << C.Resolution << "\n";
    evidenceList(OS, C.Where, "  ");
  }
  OS << "\n";
}

void staying(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 4) Shared, kept and dead metrics\n\n**Shared** (owner, then the other modules "
        "recording it through the owner's header)\n\n";
  bool Any = false;
  for (const MovedMetric &M : R.Moved)
    if (!M.Users.empty()) {
      OS << "- " << code(M.Name) << ": owned by `" << M.Owner << "` (`" << where(M.Definition)
         << "`), also recorded by " << llvm::join(M.Users, ", ") << "\n";
      Any = true;
    }
  if (!Any)
    OS << "None.\n";
  OS << "\n**Kept in the service**\n\n";
  for (const StayingMetric &M : R.Kept)
    OS << "- " << code(M.Name) << " (`" << where(M.Field) << "`): " << M.Reason << "\n";
  if (R.Kept.empty())
    OS << "None.\n";
  OS << "\n**Dead** (never recorded; still registered)\n\n";
  for (const StayingMetric &M : R.Dead)
    OS << "- " << code(M.Name) << " (`" << where(M.Field) << "`)\n";
  if (R.Dead.empty())
    OS << "None.\n";
  OS << "\n";
}

void injection(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 5) Injection removed\n\n";
  if (R.Injection.empty())
    OS << "None.\n";
  for (const InjectionChange &C : R.Injection) {
    OS << "### `" << C.Owner << "`" << (C.Stripped ? "" : " (kept)") << "\n\n";
    if (!C.Stripped)
      OS << "Kept: " << C.Why << ".\n\n";
    evidenceList(OS, C.Removed);
    if (!C.Sites.empty()) {
      OS << "\nConstruction and call sites:\n\n";
      evidenceList(OS, C.Sites);
    }
    if (!C.BehaviourChanges.empty()) {
      OS << "\nBehaviour changes worth a look:\n\n";
      evidenceList(OS, C.BehaviourChanges);
    }
    OS << "\n";
  }
  if (R.Injection.empty())
    OS << "\n";
}

void tests(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 6) Test rewrites\n\n";
  if (R.TestRewrites.empty())
    OS << "No expectation rewritten.\n\n";
  for (const TestChange &T : R.TestRewrites) {
    OS << "- `" << where(T.Where) << "` in `" << T.Test << "`";
    // A removal says why.
    if (T.After.empty())
      OS << ", removed: " << T.Where.Note;
    OS << "\n\n  ```cpp\n";
    for (llvm::StringRef Line : llvm::split(T.Before, '\n'))
      OS << "  - " << Line.trim() << "\n";
    if (!T.After.empty())
      for (llvm::StringRef Line : llvm::split(T.After, '\n'))
        OS << "  + " << Line.trim() << "\n";
    OS << "  ```\n\n";
  }
  OS << "**Left for a human**\n\n";
  evidenceList(OS, R.TestsLeft);
  if (R.TestsLeft.empty())
    OS << "None.\n";
  OS << "\n**Test doubles removed**\n\n";
  evidenceList(OS, R.DoublesRemoved);
  if (R.DoublesRemoved.empty())
    OS << "None.\n";
  OS << "\n";
}

void checks(llvm::raw_ostream &OS, llvm::StringRef Title, const std::vector<Check> &List) {
  OS << Title << "\n\n";
  for (const Check &K : List) {
    OS << "- **" << (K.Fired ? (K.Blocker ? "BLOCKER" : "FOUND") : "OK") << "** " << K.Title
       << " -- " << K.Summary << "\n";
    evidenceList(OS, K.Where, "  ");
  }
  OS << "\n";
}

void definitions(llvm::raw_ostream &OS, const Review &R) {
  if (R.Definitions.empty())
    return;
  OS << "| metric | help before | help after | constant labels before | after | same |\n"
     << "|---|---|---|---|---|---|\n";
  for (const Preserved &P : R.Definitions)
    OS << "| " << code(P.Name) << " | " << cell(P.HelpBefore) << " | " << cell(P.HelpAfter)
       << " | " << (P.LabelsBefore.empty() ? "-" : code(P.LabelsBefore)) << " | "
       << (P.LabelsAfter.empty() ? "-" : code(P.LabelsAfter)) << " | "
       << (P.Same ? "yes" : "**no**") << " |\n";
  OS << "\n";
}

void risks(llvm::raw_ostream &OS, const Review &R) {
  OS << "## 9) Risks\n\n";
  if (R.Risks.empty()) {
    OS << "None found.\n\n";
    return;
  }
  unsigned Rank = 0;
  for (const Risk &K : R.Risks) {
    OS << ++Rank << ". **" << K.Severity << "** -- " << K.Text << " (section " << K.Section
       << ")\n";
    evidenceList(OS, K.Where, "   ");
  }
  OS << "\n";
}

} // namespace

void verified(llvm::raw_ostream &OS, const Review &R) {
  const VerifiedSection &V = R.Verified;
  OS << "## 10) Verified\n\n";
  if (!V.Ran) {
    OS << "Not verified (`--no-verify`): nothing re-parsed the migrated tree.\n\n";
    return;
  }
  OS << (V.Verified ? "Verified: " : "**Not verified**: ") << V.Reparsed
     << " translation units re-parsed with the new texts";
  if (V.Cached)
    OS << " (" << V.Cached << " more as the cache had them: same texts, parsed)";
  OS << " in " << V.Rounds << (V.Rounds == 1 ? " round" : " rounds") << "; " << V.Failures.size()
     << (V.Failures.size() == 1 ? " error" : " errors") << " found, " << V.Demotions.size()
     << (V.Demotions.size() == 1 ? " decision" : " decisions") << " taken back.\n\n";
  if (!V.Failures.empty()) {
    OS << "**Errors found**\n\n";
    evidenceList(OS, V.Failures);
    OS << "\n";
  }
  if (!V.Demotions.empty()) {
    OS << "**Taken back** (each stays as it was, for a human)\n\n";
    evidenceList(OS, V.Demotions);
    OS << "\n";
  }
  if (!V.NewWarnings.empty()) {
    OS << "**New warnings on written lines**\n\n";
    evidenceList(OS, V.NewWarnings);
    OS << "\n";
  }
  if (!V.Unresolved.empty()) {
    OS << "**Still failing** (nothing may be written)\n\n";
    for (const std::string &U : V.Unresolved)
      OS << "- `" << U << "`\n";
    OS << "\n";
  }
}

void printReviewMarkdown(llvm::raw_ostream &OS, const Review &R) {
  OS << "# Metrics decentralization -- review of `" << R.Service << "`\n\n";
  summary(OS, R);
  moved(OS, R);
  collisions(OS, R);
  staying(OS, R);
  injection(OS, R);
  tests(OS, R);
  checks(OS, "## 7) Adversarial checks", R.Checks);
  checks(OS, "## 8) Invariants", R.Invariants);
  definitions(OS, R);
  if (!R.Manual.empty()) {
    OS << "**Every item left for a human**\n\n";
    evidenceList(OS, R.Manual);
    OS << "\n";
  }
  risks(OS, R);
  verified(OS, R);
}

} // namespace mm
