//===--- Rewrite.cpp - Plan + Facts -> Edits ------------------------------===//

#include "rewriters/Rewrite.h"

#include "core/Conditions.h"
#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include <algorithm>
#include <optional>

namespace mm {

llvm::Expected<const std::string &> RewriteContext::text(const std::string &File) {
  auto It = Texts.find(File);
  if (It != Texts.end())
    return It->second;
  auto Content = Read(File);
  if (!Content)
    return Content.takeError();
  return Texts.emplace(File, std::move(*Content)).first->second;
}

void RewriteContext::edit(const std::string &File, unsigned Offset, unsigned Length,
                          std::string Text, std::string Origin) {
  // What a replaced test of the service's own wrappers held goes with its
  // body: nothing else edits inside it.
  SourceSpan Span;
  Span.File = File;
  Span.Offset = Offset;
  Span.Length = Length;
  if (const ServiceTestPlan *T = P.replacedTest(Span); T && !(T->Body == Span))
    return;
  Result.Edits.file(File).Edits.push_back({Offset, Length, std::move(Text), std::move(Origin)});
}

void RewriteContext::include(const std::string &File, std::string Spelling) {
  auto &Adds = Result.Edits.file(File).AddIncludes;
  if (!llvm::is_contained(Adds, Spelling))
    Adds.push_back(std::move(Spelling));
}

void RewriteContext::includeNeeded(const std::string &File,
                                   const std::vector<NeededHeader> &Needed,
                                   llvm::ArrayRef<llvm::StringRef> Texts) {
  for (const NeededHeader &H : Needed) {
    if (!llvm::any_of(H.Names, [&](const std::string &Name) {
          return llvm::any_of(Texts, [&](llvm::StringRef T) { return containsWord(T, Name); });
        }))
      continue;
    llvm::StringRef Header = H.Header;
    if (Header.starts_with("<") || Header.starts_with("\""))
      include(File, H.Header);
    else if (Header != File)
      include(File, includeSpelling(F, Header, File));
  }
}

void RewriteContext::constants(const std::string &File,
                               const std::map<std::string, std::string> &Constants) {
  for (const auto &[Name, Definition] : Constants)
    if (Placed.insert({File, "const " + Name}).second)
      Preamble[File][LocalConstants].push_back(Definition);
}

void RewriteContext::chainIn(const std::string &File, const Metric &M,
                             llvm::StringRef Landing) {
  include(File, includeSpelling(F, P.RegistryHeader, File));
  include(File, "<prometheus/family.h>");
  include(File, kindHeader(M.Kind));
  constants(File, M.LocalConstants);
  std::vector<llvm::StringRef> Texts = {Landing};
  for (const auto &[Name, Definition] : M.LocalConstants)
    Texts.push_back(Definition);
  includeNeeded(File, M.Includes, Texts);
}

std::vector<SourceSpan> givenRegistries(const RewriteContext &Ctx) {
  if (!Ctx.C.TheService.RegistryInit.valid())
    return {};
  std::vector<SourceSpan> Given = Ctx.F.GivenRegistries;
  for (const RegistryHandOff &Param : Ctx.F.RegistryHandOffs)
    for (const RegistryHandOff &Arg : Ctx.F.RegistryHandOffs)
      if (!Param.Init.valid() && Arg.Init.valid() && Arg.Callee == Param.Callee &&
          Arg.Index == Param.Index && !llvm::is_contained(Given, Arg.Init))
        Given.push_back(Arg.Init);
  return Given;
}

void RewriteContext::manual(const SourceSpan &Where, std::string What, std::string Why,
                            LeftBecause Cause, ManualSubject Subject) {
  Result.Manual.push_back(
      {Where.File, Where.Line, std::move(What), std::move(Why), Cause, Subject});
}

std::string kindHeader(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "<prometheus/counter.h>";
  case MetricKind::Gauge: return "<prometheus/gauge.h>";
  case MetricKind::Histogram: return "<prometheus/histogram.h>";
  case MetricKind::Summary: return "<prometheus/summary.h>";
  }
  return "<prometheus/counter.h>";
}

namespace {

/// When the first code at \p At (blank lines aside) opens an anonymous
/// namespace (`namespace {`), the offset just after its `{`.
std::optional<unsigned> anonymousNamespaceAt(llvm::StringRef Text, unsigned At) {
  llvm::StringRef Rest = Text.drop_front(At);
  llvm::StringRef Code = Rest.ltrim(" \t\r\n");
  if (!Code.consume_front("namespace"))
    return std::nullopt;
  llvm::StringRef Brace = Code.ltrim(" \t\r\n");
  if (!Brace.starts_with("{")) // a named one, or `namespace_x`
    return std::nullopt;
  return static_cast<unsigned>(Text.size() - Brace.size() + 1);
}

/// Inserts \p Body just after the `{` at \p At, keeping a blank line
/// between it and what follows.
void insertAtBlockTop(RewriteContext &Ctx, const std::string &File, llvm::StringRef Text,
                      unsigned At, std::string Body) {
  llvm::StringRef Rest = Text.drop_front(At);
  if (Rest.starts_with("\n") && !Rest.drop_front(1).ltrim(" \t").starts_with("\n"))
    Body += "\n";
  Ctx.edit(File, At, 0, std::move(Body), "metric constants and helpers of " + File);
}

/// The service's own files: built with it, in the configuration that has
/// it, so nothing written there goes under its condition.
bool isServiceFile(const Catalog &C, llvm::StringRef File) {
  return File == C.TheService.Header || File == C.TheService.Source ||
         File == C.TheService.Loc.File;
}

/// One insertion per file at the top of the namespace the plan puts new
/// code in there (opening it after the includes when the file has none).
/// Code that is only file-local goes in one anonymous namespace, or into
/// the one the file opens right there.
llvm::Error placePreambles(RewriteContext &Ctx) {
  for (auto &[File, Blocks] : Ctx.Preamble) {
    const std::string &NS = Ctx.P.namespaceIn(File);
    // Blank line, blocks separated by blank lines; the namespace's own
    // blank line follows.
    std::string Body;
    auto Local = [&](const std::vector<std::string> &List) {
      if (List.empty())
        return;
      Body += "\n\nnamespace {";
      for (const std::string &B : List)
        Body += "\n\n" + B;
      Body += "\n\n}  // namespace";
    };
    auto Text = Ctx.text(File);
    if (!Text)
      return Text.takeError();
    // Not in a block that goes (forward declarations no longer needed).
    std::vector<std::pair<unsigned, unsigned>> Deleted;
    if (const std::vector<Edit> *Edits = Ctx.editsInPlace(File))
      for (const Edit &E : *Edits)
        if (E.Text.empty() && E.Length > 0)
          Deleted.emplace_back(E.Offset, E.Length);
    std::optional<std::pair<unsigned, unsigned>> Range = namespaceBody(*Text, NS, Deleted);
    if (Blocks[RewriteContext::Definitions].empty()) {
      // File-local code only: one anonymous namespace, or the one the file
      // opens right where the blocks go.
      std::vector<std::string> FileLocal = Blocks[RewriteContext::LocalConstants];
      llvm::append_range(FileLocal, Blocks[RewriteContext::Helpers]);
      unsigned At = Range ? Range->first : afterIncludes(*Text);
      if (std::optional<unsigned> Inside = anonymousNamespaceAt(*Text, At)) {
        for (const std::string &B : FileLocal)
          Body += "\n\n" + B;
        insertAtBlockTop(Ctx, File, *Text, *Inside, std::move(Body));
        continue;
      }
      Local(FileLocal);
    } else {
      Local(Blocks[RewriteContext::LocalConstants]);
      for (const std::string &B : Blocks[RewriteContext::Definitions])
        Body += "\n\n" + B;
      Local(Blocks[RewriteContext::Helpers]);
    }
    // A service built in one configuration only: what is written for it
    // goes under its condition, unless the place is under it already.
    const std::optional<OptionalBuild> &Optional = Ctx.P.Optional;
    unsigned At = Range ? Range->first : afterIncludes(*Text);
    bool Wrap = Optional && !isServiceFile(Ctx.C, File) &&
                !llvm::is_contained(openConditions(*Text, At),
                                    normalCondition(Optional->Condition));
    if (Range) {
      if (Wrap)
        Body = "\n\n" + Optional->Open + Body.substr(1) + "\n#endif";
      insertAtBlockTop(Ctx, File, *Text, Range->first, std::move(Body));
    } else {
      // At the start of a line: one line break makes the blank line.
      if (NS.empty() && llvm::StringRef(Body).starts_with("\n\n"))
        Body.erase(0, 1);
      std::string Open = NS.empty() ? "" : "\nnamespace " + NS + " {";
      std::string Close = NS.empty() ? "\n" : "\n\n}  // namespace " + NS + "\n";
      std::string Whole = Open + Body + Close;
      if (Wrap)
        Whole = "\n" + Optional->Open + "\n" + Whole.substr(1) + "#endif\n";
      Ctx.edit(File, At, 0, std::move(Whole), "metric constants and helpers of " + File);
    }
  }
  return llvm::Error::success();
}

/// Deletions separated only by whitespace become one, and a deletion of whole
/// lines between a blank line (or a block's opening) and a blank line takes
/// the second blank line with it: removing a run of declarations leaves one
/// blank line, not one per declaration.
void coalesceDeletions(FileChange &Change, llvm::StringRef Text) {
  std::vector<Edit> &Edits = Change.Edits;
  std::sort(Edits.begin(), Edits.end());
  Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
  auto IsBlank = [](llvm::StringRef S) { return S.trim(" \t\r\n").empty(); };
  std::vector<Edit> Out;
  for (const Edit &E : Edits) {
    bool Deletion = E.Text.empty() && E.Length > 0;
    if (Deletion && !Out.empty()) {
      Edit &P = Out.back();
      unsigned PEnd = P.Offset + P.Length;
      bool PDeletion = P.Text.empty() && P.Length > 0;
      if (PDeletion && E.Offset >= PEnd && IsBlank(Text.slice(PEnd, E.Offset))) {
        P.Length = std::max(PEnd, E.Offset + E.Length) - P.Offset;
        continue;
      }
      if (PDeletion && E.Offset < PEnd) { // nested in the previous one
        P.Length = std::max(PEnd, E.Offset + E.Length) - P.Offset;
        continue;
      }
    }
    Out.push_back(E);
  }
  for (size_t I = 0; I < Out.size(); ++I) {
    Edit &E = Out[I];
    if (!E.Text.empty() || E.Length == 0)
      continue;
    unsigned End = E.Offset + E.Length;
    bool LineStart = E.Offset == 0 || Text[E.Offset - 1] == '\n';
    bool LineEnd = End == Text.size() || Text[End - 1] == '\n';
    if (!LineStart || !LineEnd || E.Offset == 0)
      continue;
    size_t PrevStart = Text.rfind('\n', E.Offset - 1);
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    llvm::StringRef Prev = Text.slice(PrevStart, E.Offset).trim();
    size_t NextEnd = Text.find('\n', End);
    // Nothing left between a blank line and the class's closing brace, or
    // a block's brace the code did not keep apart with a blank line (the
    // last line deleted is code): the blank line goes too. A namespace keeps
    // its blank line before `}`.
    bool PrevFree = I == 0 || Out[I - 1].Offset + Out[I - 1].Length <= PrevStart;
    size_t LastStart = Text.rfind('\n', End - 1); // strictly before
    LastStart = LastStart == llvm::StringRef::npos ? 0 : LastStart + 1;
    llvm::StringRef Close = Text.slice(End, NextEnd).trim();
    bool BlockEnds = Close.starts_with("};") ||
                     (Close.starts_with("}") && !IsBlank(Text.slice(LastStart, End)));
    if (Prev.empty() && PrevStart < E.Offset && PrevFree && BlockEnds) {
      E.Length += E.Offset - PrevStart;
      E.Offset = PrevStart;
      continue;
    }
    if (NextEnd == llvm::StringRef::npos || !IsBlank(Text.slice(End, NextEnd)))
      continue;
    bool NextIsEdited = I + 1 < Out.size() && Out[I + 1].Offset <= NextEnd;
    if ((Prev.empty() || Prev.ends_with("{") || Prev.ends_with(":")) && !NextIsEdited)
      E.Length = NextEnd + 1 - E.Offset;
  }
  // An access specifier left with nothing under it goes too.
  for (Edit &E : Out) {
    if (!E.Text.empty() || E.Length == 0)
      continue;
    unsigned End = E.Offset + E.Length;
    if (!(E.Offset == 0 || Text[E.Offset - 1] == '\n'))
      continue;
    llvm::StringRef After = Text.drop_front(End).ltrim();
    if (!(After.starts_with("};") || After.starts_with("public:") ||
          After.starts_with("private:") || After.starts_with("protected:")))
      continue;
    // The line above, skipping blank lines.
    llvm::StringRef Above = Text.take_front(E.Offset).rtrim();
    size_t LineStart = Above.rfind('\n');
    llvm::StringRef Line = Above.drop_front(LineStart == llvm::StringRef::npos ? 0 : LineStart + 1).trim();
    if (Line != "private:" && Line != "protected:" && Line != "public:")
      continue;
    if (LineStart == llvm::StringRef::npos)
      continue;
    // From the end of the last line before the specifier (its blank lines
    // go too).
    llvm::StringRef Before = Above.take_front(LineStart).rtrim();
    unsigned NewBegin = Before.size() + 1;
    if (NewBegin > E.Offset)
      continue;
    E.Length += E.Offset - NewBegin;
    E.Offset = NewBegin;
  }
  Edits = std::move(Out);
}

} // namespace

llvm::Expected<RewriteResult> rewrite(const Catalog &C, const Facts &F, const Plan &P,
                                      const FileReader &Read) {
  RewriteContext Ctx(C, F, P, Read);
  for (auto Rule : {defineMetrics, inlineCalls, stripInjection, gutService, rewriteTests,
                    rewriteServiceTests, dropRegistryShapes, deltaAssertions, underCondition, dropCaptures, dropLocalConstants, dropMetricHeaders, removeUnusedHolders,
                    dropForwardDeclarations})
    if (llvm::Error E = Rule(Ctx))
      return E;
  if (llvm::Error E = placePreambles(Ctx))
    return E;
  for (auto &[File, Change] : Ctx.Result.Edits.Files) {
    if (!Change.NewContent) {
      auto Text = Ctx.text(File);
      if (!Text)
        return Text.takeError();
      coalesceDeletions(Change, *Text);
    }
    std::sort(Change.AddIncludes.begin(), Change.AddIncludes.end());
    if (P.Optional && !isServiceFile(C, File)) {
      const OptionalBuild &O = *P.Optional;
      bool Tests = !Change.AddIncludes.empty() ||
                   llvm::any_of(Change.Edits, [&](const Edit &E) {
                     return llvm::StringRef(E.Text).contains(O.Open);
                   });
      if (!Change.AddIncludes.empty())
        Change.IncludeCondition = O.Condition;
      // A file testing a macro a project header defines includes that
      // header first, or it would never see it.
      if (Tests && !O.DefinedIn.empty() && O.DefinedIn != File)
        Change.ConditionHeader = includeSpelling(F, O.DefinedIn, File);
    }
  }
  auto &M = Ctx.Result.Manual;
  for (const Demotion &D : P.Demoted)
    M.push_back(D.Item);
  std::sort(M.begin(), M.end());
  M.erase(std::unique(M.begin(), M.end()), M.end());
  return std::move(Ctx.Result);
}

} // namespace mm
