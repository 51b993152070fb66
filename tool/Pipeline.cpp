//===--- Pipeline.cpp - Stages [1]-[4] and materialization, in order ------===//

#include "tool/Pipeline.h"

#include "core/LineDiff.h"
#include "core/Merge.h"
#include "planner/Planner.h"
#include "rewriters/IncludeFollowUps.h"
#include "tool/Paths.h"
#include "tool/Verifier.h"
#include "verify/Trace.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/xxhash.h"

#include <cstdlib>

namespace mm {

namespace {

/// Why \p F may not be written, or "": it lies outside the project root
/// (itself or through a symlink) or is excluded.
std::string fenced(const MaterializedFile &F, const Config &Cfg) {
  if (std::string Why = unwritableReason(Cfg, F.File); !Why.empty())
    return Why;
  // The file, or for a new one its nearest existing folder, must resolve
  // under the root.
  llvm::SmallString<256> Root, Real, Path(Cfg.Root);
  if (llvm::sys::fs::real_path(Cfg.Root, Root))
    return "outside the project root";
  llvm::sys::path::append(Path, F.File);
  while (llvm::sys::fs::real_path(Path, Real))
    llvm::sys::path::remove_filename(Path);
  if (!isUnder(Real, Root))
    return "a symlink to outside the project root";
  return "";
}

/// Runs the shell command in the environment variable \p Name, if set: lets
/// the tests change the tree at a given point of a run (as git's GIT_TEST_*
/// variables do).
void runTestHook(const char *Name) {
  const char *Command = std::getenv(Name);
  if (!Command || !*Command)
    return;
  llvm::sys::ExecuteAndWait("/bin/sh", {"/bin/sh", "-c", Command});
}

/// Stage [3], and for the tests of stage [5] a planner that goes wrong on
/// purpose: with METRICS_MIGRATE_TEST_FORCE_INLINE=SEED, each wrapper the
/// plan keeps, chosen by a hash of SEED and its signature, is inlined all
/// the same (unless verification took it back).
Plan planFor(const Migration &M, const Config &Cfg, llvm::ArrayRef<Demotion> Demotions) {
  Plan P = makePlan(M.TheCatalog, M.TheFacts, Cfg, Demotions);
  const char *Seed = std::getenv("METRICS_MIGRATE_TEST_FORCE_INLINE");
  if (!Seed || !*Seed)
    return P;
  for (WrapperPlan &WP : P.Wrappers) {
    bool Demoted = llvm::any_of(Demotions, [&](const Demotion &D) {
      return D.Decision == PlanDecision{PlanDecision::Kind::Wrapper, WP.Signature};
    });
    if (WP.Fate == WrapperFate::Keep && !Demoted &&
        llvm::xxh3_64bits(std::string(Seed) + "\n" + WP.Signature) % 2)
      WP.Fate = WrapperFate::Inline;
  }
  return P;
}

/// Stage [4], and for the tests of stage [5] a rule that goes wrong on
/// purpose: with METRICS_MIGRATE_TEST_BREAK_EDITS set, every edit whose
/// origin contains its value ends in a stray `@`, and every new file whose
/// path contains it in an `#error`; with METRICS_MIGRATE_TEST_BREAK_LINES
/// set, every line an edit writes that contains its value does. With
/// METRICS_MIGRATE_TEST_WARN_FILES set, every new file whose path contains
/// its value ends in a `#warning`: it compiles, with a warning it did not
/// have.
llvm::Expected<RewriteResult> rewriteFor(const Migration &M, const Plan &P,
                                         const FileReader &Read) {
  auto R = rewrite(M.TheCatalog, M.TheFacts, P, Read);
  if (R)
    takeBackEdits(R->Edits, P.Demoted);
  if (!R)
    return R;
  if (const char *Break = std::getenv("METRICS_MIGRATE_TEST_BREAK_EDITS"); Break && *Break)
    for (auto &[File, Change] : R->Edits.Files) {
      for (Edit &E : Change.Edits)
        if (llvm::StringRef(E.Origin).contains(Break))
          E.Text += " @";
      if (Change.NewContent && llvm::StringRef(File).contains(Break))
        *Change.NewContent += "#error broken on purpose\n";
    }
  if (const char *Warn = std::getenv("METRICS_MIGRATE_TEST_WARN_FILES"); Warn && *Warn)
    for (auto &[File, Change] : R->Edits.Files)
      if (Change.NewContent && llvm::StringRef(File).contains(Warn))
        *Change.NewContent += "#warning new on purpose\n";
  if (const char *Break = std::getenv("METRICS_MIGRATE_TEST_BREAK_LINES"); Break && *Break)
    for (auto &[File, Change] : R->Edits.Files)
      for (Edit &E : Change.Edits) {
        llvm::SmallVector<llvm::StringRef, 8> Lines;
        llvm::StringRef(E.Text).split(Lines, '\n');
        std::string Broken;
        for (size_t I = 0; I < Lines.size(); ++I)
          Broken += (I ? "\n" : "") + Lines[I].str() + (Lines[I].contains(Break) ? " @" : "");
        E.Text = std::move(Broken);
      }
  return R;
}

} // namespace

llvm::Expected<Scan> runScan(const Config &Cfg, const ScanOptions &Opts) {
  ScanStats Stats;
  auto Facts = scanDatabase(Cfg, Opts, &Stats);
  if (!Facts)
    return Facts.takeError();
  return scanFrom(Cfg, std::move(*Facts), Stats);
}

llvm::Expected<Scan> scanFrom(const Config &Cfg, std::vector<TUFacts> TUs, ScanStats Stats) {
  Scan S;
  S.Stats = Stats;
  // `file: first error`, paths relative to the project root as everywhere.
  for (const TUFacts &TU : TUs)
    if (!TU.Parsed)
      S.FailedTUs.push_back(withRelativePaths(
          Cfg.Root, TU.MainFile + (TU.Errors.empty() ? "" : ": " + TU.Errors.front())));
  for (const TUFacts &TU : TUs)
    for (const auto &[File, Hash] : TU.ReadHashes) {
      auto [It, New] = S.ReadHashes.emplace(File, Hash);
      if (!New && It->second != Hash && !llvm::is_contained(S.ChangedDuringScan, File))
        S.ChangedDuringScan.push_back(File);
    }
  llvm::sort(S.ChangedDuringScan);
  auto C = buildCatalog(TUs, Cfg);
  if (!C)
    return C.takeError();
  S.TheCatalog = std::move(*C);
  S.TheFacts = mergeScan(TUs);
  return S;
}

llvm::Expected<Migration> runMigration(const Config &Cfg, const ScanOptions &Opts,
                                       bool Verify) {
  auto S = runScan(Cfg, Opts);
  if (!S)
    return S.takeError();
  if (!Verify)
    return migrate(Cfg, std::move(*S));
  return migrate(Cfg, std::move(*S),
                 [&](llvm::ArrayRef<MaterializedFile> Files,
                     llvm::ArrayRef<Configuration> Others) {
                   return verifyConfigurations(Cfg, Opts, Files, Others);
                 });
}

std::string verificationFailures(const Verification &V) {
  std::vector<std::string> Lines = V.Unresolved;
  Lines.push_back("the migration does not compile; nothing was written (" +
                  std::to_string(V.Demotions.size()) + " decisions taken back in " +
                  std::to_string(V.Rounds) + " rounds did not fix it)");
  return llvm::join(Lines, "\n");
}

namespace {

/// Stages [3] and [4] and materialization into \p M, from its catalog and
/// facts, with \p Demotions taken back. \p RuleEdits gets the rules' own
/// edits, before the follow-up rules (IncludeFollowUps.h) add theirs.
llvm::Error planAndRewrite(Migration &M, const Config &Cfg, llvm::ArrayRef<Demotion> Demotions,
                           const FileReader &Read, EditSet &RuleEdits) {
  M.ThePlan = planFor(M, Cfg, Demotions);
  M.Files.clear();
  M.Fenced.clear();
  auto R = rewriteFor(M, M.ThePlan, Read);
  if (!R)
    return R.takeError();
  M.Rewrites = std::move(*R);
  RuleEdits = M.Rewrites.Edits;

  // The follow-up rules read each file as the rules' edits leave it.
  EditSet &Edits = M.Rewrites.Edits;
  FileReader Edited = [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    auto It = Edits.Files.find(File.str());
    if (It == Edits.Files.end())
      return Read(File);
    if (It->second.NewContent || It->second.Delete)
      return applyEditsOnly(It->second, "");
    llvm::Expected<std::string> Before = Read(File);
    if (!Before)
      return Before.takeError();
    return applyEditsOnly(It->second, *Before);
  };
  pruneServiceIncludes(Edits, M.TheCatalog.TheService, M.TheFacts, Edited,
                       [&](llvm::StringRef File, llvm::StringRef Spelling) {
                         return takenBack({File.str(), EditElement::Kind::RemoveInclude, 0, 0,
                                           Spelling.str(), ""},
                                          Demotions);
                       });
  deleteEmptiedFiles(Edits, M.TheFacts, Edited, [&](llvm::StringRef File) {
    return takenBack(EditElement::deletion(File.str()), Demotions);
  });

  MaterializeOptions MO;
  MO.Root = Cfg.Root;
  MO.FormatStyle = Cfg.FormatStyle;
  auto Files = materializeAll(Edits, MO);
  if (!Files)
    return Files.takeError();
  for (MaterializedFile &F : *Files) {
    if (!F.changed())
      continue;
    if (std::string Why = fenced(F, Cfg); !Why.empty()) {
      LineCounts N = countChangedLines(F.Before, F.After);
      M.Rewrites.Manual.push_back(
          {F.File, firstChangedLine(F.Before, F.After), "not written",
           Why + "; its edit (+" + std::to_string(N.Insertions) + " -" +
               std::to_string(N.Deletions) + " lines, see `diff`) is left for a human",
           LeftBecause::Fenced});
      M.Fenced.push_back(std::move(F));
      continue;
    }
    M.Files.push_back(std::move(F));
  }
  llvm::sort(M.Rewrites.Manual);
  return llvm::Error::success();
}

/// Which decisions answer for a place the rules' edits change, from one run
/// of planner and rewriters without each decision of the plan (an
/// ablation).
class Attributor {
public:
  /// Runs the ablations: each decision of \p M's plan taken back on top of
  /// \p Demotions.
  Attributor(const Migration &M, const Config &Cfg, llvm::ArrayRef<Demotion> Demotions,
             const EditSet &RuleEdits, const FileReader &Read);

  /// The decisions that answer for [Begin, End) of \p E's file, where \p E
  /// changes it (see Attribution).
  std::vector<PlanDecision> decisionsFor(const EditElement &E, unsigned Begin, unsigned End,
                                         llvm::StringRef Line) const;

private:
  struct Ablation {
    PlanDecision Decision;
    std::vector<EditElement> Rest; ///< Sorted.
    std::vector<EditElement> Made; ///< Rest, with each origin.
  };

  /// For an element the pipeline made after the rules ran.
  std::vector<PlanDecision> afterTheRules(const EditElement &E) const;
  /// The decisions without which line \p Line, written by \p E, is not
  /// written.
  std::vector<PlanDecision> writersOf(const EditElement &E, unsigned Begin, unsigned End,
                                      llvm::StringRef Line) const;
  /// The decisions whose absence leaves the place as it was.
  std::vector<PlanDecision> leavingAsItWas(const EditElement &E, unsigned Begin,
                                           unsigned End) const;
  /// For an edit no decision answers for: \p E's own decision, after those
  /// whose absence changes what makes it.
  std::vector<PlanDecision> itselfAndMakers(const EditElement &E, unsigned Begin,
                                            unsigned End) const;

  std::vector<Ablation> Ablations;
  std::vector<EditElement> Full;     ///< The rules' edits, sorted.
  std::vector<EditElement> FullMade; ///< Full, with each origin.
  std::vector<std::string> Deletions;
  const Facts *TheFacts; // M outlives the attribution
  FileReader Read;
};

Attributor::Attributor(const Migration &M, const Config &Cfg,
                       llvm::ArrayRef<Demotion> Demotions, const EditSet &RuleEdits,
                       const FileReader &Read)
    : TheFacts(&M.TheFacts), Read(Read) {
  for (const PlanDecision &D : decisionsOf(M.ThePlan)) {
    std::vector<Demotion> Without(Demotions.begin(), Demotions.end());
    Without.push_back({D, ManualItem{}});
    auto R = rewriteFor(M, planFor(M, Cfg, Without), Read);
    if (!R) {
      llvm::consumeError(R.takeError());
      continue;
    }
    Ablations.push_back({D, elementsOf(R->Edits), elementsWithOrigins(R->Edits)});
  }
  Full = elementsOf(RuleEdits);
  FullMade = elementsWithOrigins(RuleEdits);
  for (const auto &[File, Change] : M.Rewrites.Edits.Files)
    if (Change.Delete)
      Deletions.push_back(File);
}

std::vector<PlanDecision> Attributor::decisionsFor(const EditElement &E, unsigned Begin,
                                                   unsigned End, llvm::StringRef Line) const {
  if (!std::binary_search(Full.begin(), Full.end(), E))
    return afterTheRules(E);
  // A line the migration wrote answers to the decisions without which it
  // is not written, when there are such.
  if (E.K == EditElement::Kind::Replace && writes(E.Text, Line))
    if (std::vector<PlanDecision> Out = writersOf(E, Begin, End, Line); !Out.empty())
      return Out;
  std::vector<PlanDecision> Out = leavingAsItWas(E, Begin, End);
  if (Out.empty())
    Out = itselfAndMakers(E, Begin, End);
  return Out;
}

std::vector<PlanDecision> Attributor::afterTheRules(const EditElement &E) const {
  // What the pipeline did after the rules answers for itself: a pruned
  // include is kept, a deleted file stays (emptied), and so do the
  // includes of it.
  std::vector<PlanDecision> Out;
  if (E.K == EditElement::Kind::RemoveInclude)
    for (const std::string &Deleted : Deletions)
      if (llvm::is_contained(includeSpellings(*TheFacts, E.File, Deleted), E.Text))
        return std::vector<PlanDecision>{*editDecision(EditElement::deletion(Deleted), "")};
  if (E.K == EditElement::Kind::RemoveInclude || E.K == EditElement::Kind::Delete)
    Out.push_back(*editDecision(E, ""));
  return Out;
}

std::vector<PlanDecision> Attributor::writersOf(const EditElement &E, unsigned Begin,
                                                unsigned End, llvm::StringRef Line) const {
  std::vector<PlanDecision> Out;
  for (const Ablation &A : Ablations)
    if (llvm::none_of(A.Rest, [&](const EditElement &R) {
          return R.File == E.File && R.K == EditElement::Kind::Replace &&
                 overlaps(R.Offset, R.Offset + R.Length, Begin, End) && writes(R.Text, Line);
        }))
      Out.push_back(A.Decision);
  return Out;
}

std::vector<PlanDecision> Attributor::leavingAsItWas(const EditElement &E, unsigned Begin,
                                                     unsigned End) const {
  std::vector<PlanDecision> Out;
  for (const Ablation &A : Ablations) {
    bool Left = E.K == EditElement::Kind::Replace
                    ? llvm::none_of(A.Rest,
                                    [&](const EditElement &R) {
                                      return R.File == E.File &&
                                             R.K == EditElement::Kind::Replace &&
                                             overlaps(R.Offset, R.Offset + R.Length, Begin,
                                                      End);
                                    })
                    : !std::binary_search(A.Rest.begin(), A.Rest.end(), E);
    if (Left)
      Out.push_back(A.Decision);
  }
  return Out;
}

std::vector<PlanDecision> Attributor::itselfAndMakers(const EditElement &E, unsigned Begin,
                                                      unsigned End) const {
  // A rule's edit that no decision answers for (made whatever the plan,
  // or by two at once) answers for itself, with the decisions that make
  // it too: each stays, and the edit is not made.
  std::vector<PlanDecision> Out;
  auto At = [&](const std::vector<EditElement> &Made) {
    std::vector<EditElement> Here;
    for (const EditElement &R : Made)
      if (R.File == E.File && R.K == E.K &&
          (E.K == EditElement::Kind::Replace
               ? overlaps(R.Offset, R.Offset + R.Length, Begin, End)
               : R == E))
        Here.push_back(R);
    return Here;
  };
  std::vector<EditElement> Here = At(FullMade);
  auto SameMade = [](const EditElement &X, const EditElement &Y) {
    return X == Y && X.Origin == Y.Origin;
  };
  for (const Ablation &A : Ablations) {
    std::vector<EditElement> There = At(A.Made);
    if (!std::equal(Here.begin(), Here.end(), There.begin(), There.end(), SameMade))
      Out.push_back(A.Decision);
  }
  auto Before = Read(E.File);
  if (!Before)
    llvm::consumeError(Before.takeError());
  if (auto Itself = editDecision(E, Before ? *Before : ""))
    Out.push_back(std::move(*Itself));
  return Out;
}

/// Which decisions answer for a place the rules' edits change: planner and
/// rewriters run once more without each decision (on top of \p Demotions),
/// and a decision answers for a place its absence leaves as it was. A rule's
/// edit none answers for is its own decision (taking it back undoes that
/// edit alone).
Attribution attribute(const Migration &M, const Config &Cfg, llvm::ArrayRef<Demotion> Demotions,
                      const EditSet &RuleEdits, const FileReader &Read) {
  auto Attributed = std::make_shared<const Attributor>(M, Cfg, Demotions, RuleEdits, Read);
  // Keeping an injection costs least: the wrappers and metrics it carried
  // can still leave. When one answers for an edit, it is taken back alone
  // first; a next round takes back more if that was not enough.
  return [Attributed](const EditElement &E, unsigned Begin, unsigned End,
                      llvm::StringRef Line) {
    std::vector<PlanDecision> Out = Attributed->decisionsFor(E, Begin, End, Line);
    std::vector<PlanDecision> Injections;
    for (const PlanDecision &D : Out)
      if (D.K == PlanDecision::Kind::Injection)
        Injections.push_back(D);
    return Injections.empty() ? Out : Injections;
  };
}

} // namespace

llvm::Expected<Migration> migrate(const Config &Cfg, Scan S, const Verifier &Verify) {
  runTestHook("METRICS_MIGRATE_TEST_AFTER_SCAN");
  Migration M;
  M.TheCatalog = std::move(S.TheCatalog);
  M.TheFacts = std::move(S.TheFacts);
  M.FailedTUs = std::move(S.FailedTUs);

  // Every file is read once, whatever the number of rounds.
  auto Texts = std::make_shared<std::map<std::string, std::string>>();
  // A file whose bytes are no longer those the parser read would have its
  // recorded offsets applied to another text: nothing is rewritten then.
  auto Hashes = std::make_shared<std::map<std::string, std::string>>(S.ReadHashes);
  FileReader Read = [&Cfg, Texts, Hashes](llvm::StringRef Rel) -> llvm::Expected<std::string> {
    if (auto It = Texts->find(Rel.str()); It != Texts->end())
      return It->second;
    llvm::SmallString<256> Path(Cfg.Root);
    llvm::sys::path::append(Path, Rel);
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "%s: cannot read: %s", Path.c_str(),
                                     Buffer.getError().message().c_str());
    llvm::StringRef Bytes = (*Buffer)->getBuffer();
    if (auto Known = Hashes->find(Rel.str());
        Known != Hashes->end() && Known->second != contentHash(Bytes))
      return llvm::make_error<EditConflictError>(
          Rel.str() + ": error: file changed since it was read\nnothing was written; run again");
    return Texts->emplace(Rel.str(), Bytes.str()).first->second;
  };

  std::vector<Demotion> Demotions;
  EditSet RuleEdits;
  Verification &V = M.Verify;
  V.Ran = static_cast<bool>(Verify);
  for (;;) {
    if (llvm::Error E = planAndRewrite(M, Cfg, Demotions, Read, RuleEdits))
      return E;
    if (!Verify)
      break;
    // A service built in one configuration only: the other one too.
    std::vector<Configuration> Others;
    if (const std::optional<OptionalBuild> &O = M.ThePlan.Optional) {
      // The service's own files are built with it only.
      Configuration Without{O->WithoutFlags, {}};
      for (const std::string &File : {M.TheCatalog.TheService.Source,
                                      M.TheCatalog.TheService.Header})
        if (!File.empty())
          Without.Without.push_back(File);
      Others.push_back(std::move(Without));
    }
    auto Round = Verify(M.Files, Others);
    if (!Round)
      return Round.takeError();
    ++V.Rounds;
    V.Reparsed += Round->Reparsed;
    V.Cached += Round->Cached;
    for (const TUFailure &T : Round->Failures)
      llvm::append_range(V.Failures, T.Errors);
    V.NewWarnings = Round->NewWarnings;
    if (Round->Failures.empty()) {
      V.Verified = true;
      break;
    }
    TraceResult T = traceFailures(Round->Failures, M.Files, M.Rewrites.Edits,
                                  attribute(M, Cfg, Demotions, RuleEdits, Read));
    unsigned Before = Demotions.size();
    for (Demotion &D : T.Demotions)
      if (llvm::none_of(Demotions, [&](const Demotion &Old) { return Old.Decision == D.Decision; }))
        Demotions.push_back(std::move(D));
    if (Demotions.size() == Before || V.Rounds == MaxVerifyRounds) {
      V.Unresolved = T.Unresolved;
      for (const TUFailure &F : Round->Failures)
        for (const Diagnostic &D : F.Errors)
          if (llvm::none_of(V.Unresolved, [&](const std::string &U) {
                return llvm::StringRef(U).starts_with(D.str());
              }))
            V.Unresolved.push_back(D.str() + " (in " + F.MainFile + ")");
      break;
    }
  }
  V.Demotions = Demotions;

  // Every edit is an offset into the bytes the parser read: a file that
  // changed since then would be corrupted.
  std::vector<std::string> Stale;
  for (const std::string &File : S.ChangedDuringScan)
    Stale.push_back(File + ": error: file changed while it was being read");
  for (const MaterializedFile &F : M.Files) {
    auto Read = S.ReadHashes.find(F.File);
    if (!F.Created && Read != S.ReadHashes.end() &&
        Read->second != contentHash(F.Before))
      Stale.push_back(F.File + ": error: file changed since it was read");
  }
  if (!Stale.empty())
    return llvm::make_error<EditConflictError>(llvm::join(Stale, "\n") +
                                               "\nnothing was written; run again");
  return M;
}

Review reviewOf(const Migration &M, const Config &Cfg) {
  auto Read = [&](const std::string &Rel) -> std::string {
    llvm::SmallString<256> Path(Cfg.Root);
    llvm::sys::path::append(Path, Rel);
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "";
  };
  return buildReview({M.TheCatalog, M.TheFacts, M.ThePlan, M.Rewrites, M.Files, M.FailedTUs,
                      Read, &M.Verify});
}

} // namespace mm
