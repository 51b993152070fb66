//===--- Trace.cpp - Failures of a re-parse -> decisions to take back -----===//

#include "verify/Trace.h"

#include "core/LineDiff.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>
#include <set>

namespace mm {

namespace {

unsigned lineOf(llvm::StringRef Text, unsigned Offset) {
  return 1 + Text.take_front(Offset).count('\n');
}

const MaterializedFile *fileNamed(llvm::ArrayRef<MaterializedFile> Files, llvm::StringRef File) {
  for (const MaterializedFile &F : Files)
    if (F.File == File)
      return &F;
  return nullptr;
}

/// The change that made line \p AfterLine of \p F new: the range of the
/// text before it replaced (empty at an insertion point), and the lines it
/// removed and added.
struct Hunk {
  unsigned Begin = 0, End = 0;
  /// Where the kept line before the hunk starts (blank lines passed over):
  /// an insertion at its end (after a `{`) may have written the hunk.
  unsigned LineBefore = 0;
  std::string Removed, Added;
};

std::optional<Hunk> hunkOf(const MaterializedFile &F, unsigned AfterLine) {
  std::vector<llvm::StringRef> Old = splitLines(F.Before), New = splitLines(F.After);
  std::vector<DiffOp> Ops = diffLines(Old, New);
  auto At = llvm::find_if(Ops, [&](const DiffOp &Op) {
    return Op.K == DiffOp::Insert && Op.NewLine + 1 == AfterLine;
  });
  if (At == Ops.end())
    return std::nullopt;
  size_t First = At - Ops.begin(), Last = First;
  while (First > 0 && Ops[First - 1].K != DiffOp::Keep)
    --First;
  while (Last + 1 < Ops.size() && Ops[Last + 1].K != DiffOp::Keep)
    ++Last;
  std::vector<unsigned> Starts = {0};
  for (llvm::StringRef L : Old)
    Starts.push_back(Starts.back() + L.size());
  Hunk H;
  std::optional<unsigned> FirstOld, LastOld;
  for (size_t I = First; I <= Last; ++I) {
    const DiffOp &Op = Ops[I];
    if (Op.K == DiffOp::Delete) {
      FirstOld = FirstOld.value_or(Op.OldLine);
      LastOld = Op.OldLine;
      H.Removed += Old[Op.OldLine].str();
    } else {
      H.Added += New[Op.NewLine].str();
    }
  }
  if (FirstOld) {
    H.Begin = Starts[*FirstOld];
    H.End = Starts[*LastOld + 1];
  } else {
    H.Begin = H.End = Starts[std::min<size_t>(Ops[First].OldLine, Old.size())];
  }
  // The kept line before, over blank ones.
  H.LineBefore = H.Begin;
  size_t Line = llvm::upper_bound(Starts, H.Begin) - Starts.begin() - 1;
  while (Line > 0 && Starts[Line] == H.Begin) // H.Begin starts line `Line`
    --Line, H.LineBefore = Starts[Line];
  while (Line > 0 && Old[Line].trim().empty())
    --Line, H.LineBefore = Starts[Line];
  return H;
}

bool touches(const EditElement &E, unsigned Begin, unsigned End) {
  return E.K == EditElement::Kind::Replace && overlaps(E.Offset, E.Offset + E.Length, Begin, End);
}

/// An element of the final edits, and the place of the text before it
/// answers for.
struct Culprit {
  EditElement E;
  unsigned Begin = 0, End = 0;
  std::string Line; ///< The line of the error, when the migration wrote it.
};

/// Line \p Line (1-based) of \p Text, or "".
std::string lineText(llvm::StringRef Text, unsigned Line) {
  std::vector<llvm::StringRef> Lines = splitLines(Text);
  return Line >= 1 && Line <= Lines.size() ? Lines[Line - 1].str() : "";
}

Culprit whole(const EditElement &E) { return {E, E.Offset, E.Offset + E.Length, ""}; }

} // namespace

std::string EditElement::describe(llvm::StringRef Before) const {
  switch (K) {
  case Kind::Replace:
    return (Origin.empty() ? "an edit" : "`" + Origin + "`") + " at " + File + ":" +
           std::to_string(lineOf(Before, Offset));
  case Kind::AddInclude: return "`#include " + Text + "` added to " + File;
  case Kind::RemoveInclude: return "`#include " + Text + "` removed from " + File;
  case Kind::Create: return "the new file " + File;
  case Kind::Delete: return "the deletion of " + File;
  }
  return File;
}

std::vector<EditElement> elementsOf(const EditSet &Edits) {
  std::vector<EditElement> Out;
  for (EditElement &E : elementsWithOrigins(Edits)) {
    if (Out.empty() || !(Out.back() == E)) {
      Out.push_back(std::move(E));
      continue;
    }
    // Two rules' same edit: both say why (describe() quotes the whole).
    if (!E.Origin.empty())
      Out.back().Origin += (Out.back().Origin.empty() ? "" : "` and `") + E.Origin;
  }
  return Out;
}

std::vector<EditElement> elementsWithOrigins(const EditSet &Edits) {
  std::vector<EditElement> Out;
  using Kind = EditElement::Kind;
  for (const auto &[File, Change] : Edits.Files) {
    for (const Edit &E : Change.Edits)
      Out.push_back({File, Kind::Replace, E.Offset, E.Length, E.Text, E.Origin});
    for (const std::string &I : Change.AddIncludes)
      Out.push_back({File, Kind::AddInclude, 0, 0, I, ""});
    for (const std::string &I : Change.RemoveIncludes)
      Out.push_back({File, Kind::RemoveInclude, 0, 0, I, ""});
    if (Change.NewContent)
      Out.push_back({File, Kind::Create, 0, 0, "", ""});
    if (Change.Delete)
      Out.push_back(EditElement::deletion(File));
  }
  auto WithOrigin = [](const EditElement &E) { return std::tuple_cat(E.key(), std::tie(E.Origin)); };
  llvm::sort(Out, [&](const EditElement &A, const EditElement &B) {
    return WithOrigin(A) < WithOrigin(B);
  });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [&](const EditElement &A, const EditElement &B) {
                          return WithOrigin(A) == WithOrigin(B);
                        }),
            Out.end());
  return Out;
}

/// What names an element across runs of the rewriters: its identity.
static std::string editKey(const EditElement &E) {
  return E.File + '\n' + std::to_string(static_cast<int>(E.K)) + '\n' +
         std::to_string(E.Offset) + '\n' + std::to_string(E.Length) + '\n' + E.Text;
}

std::optional<PlanDecision> editDecision(const EditElement &E, llvm::StringRef Before) {
  if (E.K == EditElement::Kind::Create)
    return std::nullopt;
  return PlanDecision{PlanDecision::Kind::Edit, editKey(E), E.describe(Before)};
}

bool takenBack(const EditElement &E, llvm::ArrayRef<Demotion> Demotions) {
  std::string Key = editKey(E);
  return llvm::any_of(Demotions, [&](const Demotion &D) {
    return D.Decision.K == PlanDecision::Kind::Edit && D.Decision.Key == Key;
  });
}

void takeBackEdits(EditSet &Edits, llvm::ArrayRef<Demotion> Demotions) {
  std::set<std::string> Keys;
  for (const Demotion &D : Demotions)
    if (D.Decision.K == PlanDecision::Kind::Edit)
      Keys.insert(D.Decision.Key);
  if (Keys.empty())
    return;
  using Kind = EditElement::Kind;
  for (auto &[File, Change] : Edits.Files) {
    llvm::erase_if(Change.Edits, [&, &File = File](const Edit &E) {
      return Keys.count(editKey({File, Kind::Replace, E.Offset, E.Length, E.Text, ""}));
    });
    llvm::erase_if(Change.AddIncludes, [&, &File = File](const std::string &I) {
      return Keys.count(editKey({File, Kind::AddInclude, 0, 0, I, ""}));
    });
    llvm::erase_if(Change.RemoveIncludes, [&, &File = File](const std::string &I) {
      return Keys.count(editKey({File, Kind::RemoveInclude, 0, 0, I, ""}));
    });
  }
}

std::vector<unsigned> linesBefore(const MaterializedFile &F) {
  std::vector<llvm::StringRef> New = splitLines(F.After);
  std::vector<unsigned> Out(New.size() + 1, 0);
  if (F.Created)
    return Out;
  for (const DiffOp &Op : diffLines(splitLines(F.Before), New))
    if (Op.K == DiffOp::Keep)
      Out[Op.NewLine + 1] = Op.OldLine + 1;
  return Out;
}

std::optional<unsigned> lineBefore(const MaterializedFile &F, unsigned AfterLine) {
  if (!F.changed())
    return AfterLine;
  std::vector<unsigned> Lines = linesBefore(F);
  if (AfterLine >= Lines.size() || Lines[AfterLine] == 0)
    return std::nullopt;
  return Lines[AfterLine];
}

LinesOfInterest linesToLookUp(llvm::ArrayRef<TUFailure> Failures,
                              llvm::ArrayRef<MaterializedFile> Files) {
  LinesOfInterest Out;
  for (const TUFailure &T : Failures)
    for (const Diagnostic &D : T.Errors) {
      if (D.File.empty() || D.Line == 0)
        continue;
      const MaterializedFile *F = fileNamed(Files, D.File);
      if (!F) {
        Out[D.File].insert(D.Line);
        continue;
      }
      if (std::optional<unsigned> Line = lineBefore(*F, D.Line))
        Out[D.File].insert(*Line);
    }
  return Out;
}

bool writes(llvm::StringRef Text, llvm::StringRef Line) {
  auto Squeezed = [](llvm::StringRef T) {
    std::string Out;
    for (char C : T)
      if (!llvm::isSpace(C))
        Out += C;
    return Out;
  };
  std::string Wanted = Squeezed(Line);
  return !Wanted.empty() && Squeezed(Text).find(Wanted) != std::string::npos;
}

namespace {

/// Traces the errors of a round to the elements of the final edits that
/// made their lines, then to the decisions that answer for those elements.
class Tracer {
public:
  Tracer(llvm::ArrayRef<MaterializedFile> Files, const EditSet &Edits,
         const Attribution &Owners)
      : Files(Files), Owners(Owners) {
    for (EditElement &E : elementsOf(Edits))
      ByFile[E.File].push_back(std::move(E));
  }

  /// The elements that made the line of error \p D, by the three tests.
  std::vector<Culprit> culprits(const TUFailure &T, const Diagnostic &D) const;
  /// The decisions that answer for \p Elements, each with the element it
  /// answers for.
  std::vector<std::pair<PlanDecision, const EditElement *>>
  decisionsFor(llvm::ArrayRef<Culprit> Elements);
  /// \p D, traced to no decision, with the edit behind it when one was found.
  std::string unresolved(const Diagnostic &D, llvm::ArrayRef<Culprit> Elements) const;
  /// Taking back \p P, for error \p D of \p T after element \p E.
  Demotion demotion(const PlanDecision &P, const EditElement &E, const TUFailure &T,
                    const Diagnostic &D) const;

private:
  using Kind = EditElement::Kind;

  /// The deletions of the file an include of \p Missing names.
  std::vector<Culprit> deletionsOf(const std::string &Missing) const;
  /// Of \p Elements (those of \p F), the ones of the hunk that wrote line
  /// \p D.Line, a line the migration wrote.
  std::vector<Culprit> hunkCulprits(const MaterializedFile &F, const Diagnostic &D,
                                    llvm::ArrayRef<EditElement> Elements) const;
  /// For a line the migration kept: the elements that changed the
  /// declarations it names. \p F: D's file, when it is materialized.
  std::vector<Culprit> namedCulprits(const TUFailure &T, const Diagnostic &D,
                                     const MaterializedFile *F) const;
  /// The elements of the files \p T reads: its include removals when there
  /// are such, else all of them.
  std::vector<Culprit> readCulprits(const TUFailure &T) const;

  llvm::StringRef beforeText(const std::string &File) const {
    const MaterializedFile *F = fileNamed(Files, File);
    return F ? llvm::StringRef(F->Before) : llvm::StringRef();
  }

  llvm::ArrayRef<MaterializedFile> Files;
  const Attribution &Owners;
  std::map<std::string, std::vector<EditElement>> ByFile;
};

std::vector<Culprit> Tracer::culprits(const TUFailure &T, const Diagnostic &D) const {
  // An include of a file the migration deletes: that deletion.
  if (!D.Missing.empty())
    if (std::vector<Culprit> Out = deletionsOf(D.Missing); !Out.empty())
      return Out;
  auto InFile = ByFile.find(D.File);
  const MaterializedFile *F = fileNamed(Files, D.File);
  if (F && F->changed() && InFile != ByFile.end() && !lineBefore(*F, D.Line))
    if (std::vector<Culprit> Out = hunkCulprits(*F, D, InFile->second); !Out.empty())
      return Out;
  if (std::vector<Culprit> Out = namedCulprits(T, D, F); !Out.empty())
    return Out;
  return readCulprits(T);
}

std::vector<Culprit> Tracer::deletionsOf(const std::string &Missing) const {
  std::vector<Culprit> Out;
  for (const auto &[File, Elements] : ByFile)
    for (const EditElement &E : Elements)
      if (E.K == Kind::Delete &&
          (File == Missing || llvm::StringRef(File).ends_with("/" + Missing)))
        Out.push_back(whole(E));
  return Out;
}

std::vector<Culprit> Tracer::hunkCulprits(const MaterializedFile &F, const Diagnostic &D,
                                          llvm::ArrayRef<EditElement> Elements) const {
  std::vector<Culprit> Out;
  std::optional<Hunk> H = hunkOf(F, D.Line);
  for (const EditElement &E : Elements) {
    if (E.K == Kind::Create) {
      Out.push_back(whole(E));
      continue;
    }
    if (!H)
      continue;
    bool Include = (E.K == Kind::AddInclude && llvm::StringRef(H->Added).contains(E.Text)) ||
                   (E.K == Kind::RemoveInclude && llvm::StringRef(H->Removed).contains(E.Text));
    std::string Line = lineText(F.After, D.Line);
    bool WritesFromLineBefore = E.K == Kind::Replace && E.Length == 0 &&
                                H->LineBefore <= E.Offset && E.Offset < H->Begin &&
                                writes(E.Text, Line);
    if (Include)
      Out.push_back({E, H->Begin, H->End, ""});
    else if (touches(E, H->Begin, H->End) || WritesFromLineBefore)
      Out.push_back({E, std::min(H->Begin, E.Offset), H->End, Line});
  }
  // Of the edits of its hunk, those that write the line itself, when
  // there are such (a removal beside an insertion is not behind it).
  std::vector<Culprit> Writers;
  for (const Culprit &C : Out)
    if (C.E.K == Kind::Replace && writes(C.E.Text, C.Line))
      Writers.push_back(C);
  if (!Writers.empty())
    return Writers;
  return Out;
}

std::vector<Culprit> Tracer::namedCulprits(const TUFailure &T, const Diagnostic &D,
                                           const MaterializedFile *F) const {
  // An unchanged line: what changed in the declarations it names; of a
  // declaration and one within it that both changed (`c.m` names the
  // class of c and its member m), the inner one.
  std::optional<unsigned> Line = F ? lineBefore(*F, D.Line) : std::optional<unsigned>(D.Line);
  std::vector<Culprit> Named;
  std::vector<SourceSpan> Changed;
  // Of the names on the line, the one Clang points at when there is such
  // (`net::kMax` is what went missing, not `uploader` in
  // `uploader.Send(net::kMax)`).
  auto OnLine = [&](const Reference &R) {
    return R.File == D.File && Line && R.Line == *Line;
  };
  auto AtColumn = [&](const Reference &R) {
    return OnLine(R) && R.Column && R.Column <= D.Column &&
           D.Column < R.Column + std::max(R.Length, 1u);
  };
  bool Pointed = llvm::any_of(T.References, AtColumn);
  for (const Reference &R : T.References) {
    if (!OnLine(R) || (Pointed && !AtColumn(R)))
      continue;
    auto Decl = ByFile.find(R.Decl.File);
    if (Decl == ByFile.end())
      continue;
    unsigned Begin = R.Decl.Offset, End = R.Decl.Offset + R.Decl.Length;
    size_t Before = Named.size();
    for (const EditElement &E : Decl->second)
      if (E.K == Kind::Delete || touches(E, Begin, End))
        Named.push_back({E, Begin, End, ""});
    if (Named.size() != Before)
      Changed.push_back(R.Decl);
  }
  auto Encloses = [&](const Culprit &C) {
    return llvm::any_of(Changed, [&](const SourceSpan &S) {
      return S.File == C.E.File && C.Begin <= S.Offset &&
             S.Offset + S.Length <= C.End && S.Length < C.End - C.Begin;
    });
  };
  std::vector<Culprit> Out;
  for (Culprit &C : Named)
    if (!Encloses(C) && llvm::none_of(Out, [&](const Culprit &O) {
          return O.E == C.E && O.Begin == C.Begin && O.End == C.End;
        }))
      Out.push_back(std::move(C));
  return Out;
}

std::vector<Culprit> Tracer::readCulprits(const TUFailure &T) const {
  // Else whatever changed in what the TU reads. A line that did not
  // change and names nothing that changed most likely lost a declaration
  // with an include: taking those back comes first (a next round takes
  // back the rest when that was not it).
  std::vector<Culprit> Out;
  for (const std::string &File : T.Read)
    if (auto It = ByFile.find(File); It != ByFile.end())
      for (const EditElement &E : It->second)
        Out.push_back(whole(E));
  std::vector<Culprit> Removals;
  for (const Culprit &C : Out)
    if (C.E.K == Kind::RemoveInclude)
      Removals.push_back(C);
  return Removals.empty() ? Out : Removals;
}

std::vector<std::pair<PlanDecision, const EditElement *>>
Tracer::decisionsFor(llvm::ArrayRef<Culprit> Elements) {
  std::vector<std::pair<PlanDecision, const EditElement *>> Decisions;
  // An edit only its own decision answers for is the last resort: not
  // when a decision of the plan answers for another edit of the error.
  auto OfThePlan = [](const PlanDecision &P) { return P.K != PlanDecision::Kind::Edit; };
  std::vector<std::vector<PlanDecision>> Answers;
  for (const Culprit &C : Elements)
    Answers.push_back(Owners(C.E, C.Begin, C.End, C.Line));
  bool Planned = llvm::any_of(Answers, [&](const std::vector<PlanDecision> &A) {
    return llvm::any_of(A, OfThePlan);
  });
  for (size_t I = 0; I < Elements.size(); ++I)
    if (!Planned || llvm::any_of(Answers[I], OfThePlan))
      for (const PlanDecision &P : Answers[I])
        Decisions.push_back({P, &Elements[I].E});
  // An element no decision explains (an include pruned after the
  // rules ran) answers to the decisions behind its file's other edits.
  if (Decisions.empty())
    for (const Culprit &C : Elements)
      for (const EditElement &Other : ByFile[C.E.File])
        for (const PlanDecision &P :
             Owners(Other, Other.Offset, Other.Offset + Other.Length, ""))
          if (OfThePlan(P))
            Decisions.push_back({P, &C.E});
  return Decisions;
}

std::string Tracer::unresolved(const Diagnostic &D, llvm::ArrayRef<Culprit> Elements) const {
  std::string Edit = Elements.empty() ? "" : " (after " +
      Elements.front().E.describe(beforeText(Elements.front().E.File)) + ")";
  return D.str() + Edit;
}

Demotion Tracer::demotion(const PlanDecision &P, const EditElement &E, const TUFailure &T,
                          const Diagnostic &D) const {
  const MaterializedFile *F = fileNamed(Files, D.File);
  std::optional<unsigned> Line = F ? lineBefore(*F, D.Line) : std::optional<unsigned>(D.Line);
  unsigned At = Line ? *Line
                     : (E.K == Kind::Replace ? lineOf(beforeText(E.File), E.Offset) : 1);
  std::string File = Line ? D.File : E.File;
  std::string What = P.describe() + (P.K == PlanDecision::Kind::Edit ? " not made"
                                                                     : " kept as it is");
  ManualItem Item{File, At, std::move(What),
                  "after " + E.describe(beforeText(E.File)) + ", " + T.MainFile +
                      " did not compile: " + D.str(),
                  LeftBecause::DidNotCompile};
  return Demotion{P, std::move(Item)};
}

} // namespace

TraceResult traceFailures(llvm::ArrayRef<TUFailure> Failures,
                          llvm::ArrayRef<MaterializedFile> Files, const EditSet &Edits,
                          const Attribution &Owners) {
  Tracer Trace(Files, Edits, Owners);
  TraceResult Result;
  std::map<PlanDecision, Demotion> Found;
  for (const TUFailure &T : Failures) {
    for (const Diagnostic &D : T.Errors) {
      if (!D.Error)
        continue;
      std::vector<Culprit> Elements = Trace.culprits(T, D);
      std::vector<std::pair<PlanDecision, const EditElement *>> Decisions =
          Trace.decisionsFor(Elements);
      if (Decisions.empty()) {
        Result.Unresolved.push_back(Trace.unresolved(D, Elements));
        continue;
      }
      for (const auto &[P, E] : Decisions)
        if (!Found.count(P))
          Found.emplace(P, Trace.demotion(P, *E, T, D));
    }
  }
  for (auto &[P, D] : Found)
    Result.Demotions.push_back(std::move(D));
  llvm::sort(Result.Unresolved);
  Result.Unresolved.erase(std::unique(Result.Unresolved.begin(), Result.Unresolved.end()),
                          Result.Unresolved.end());
  return Result;
}

} // namespace mm

