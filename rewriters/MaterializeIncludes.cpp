//===--- MaterializeIncludes.cpp - Includes added, removed, sorted --------===//
//
// Passes (2) and (4) of computeReplacements (Materialize.h): a file's
// include changes made through tooling::HeaderIncludes in its include
// style (removals first, then insertions, a conditional branch for
// includes needed in one configuration only), then the changed include
// block sorted and grouped as the style says when it was sorted before.
//
//===----------------------------------------------------------------------===//

#include "rewriters/MaterializeSteps.h"

#include "core/Conditions.h"
#include "core/TextEdits.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Inclusions/HeaderIncludes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <optional>
#include <set>

namespace mm {

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace {

struct IncludeName {
  std::string Name; ///< Without quotes or angle brackets.
  bool Angled = false;

  std::string spelled() const {
    return Angled ? "<" + Name + ">" : "\"" + Name + "\"";
  }
  friend bool operator<(const IncludeName &A, const IncludeName &B) {
    return std::tie(A.Angled, A.Name) < std::tie(B.Angled, B.Name);
  }
};

/// `"a/b.h"`, `<a/b.h>`, or a bare `a/b.h` (taken as quoted).
llvm::Expected<IncludeName> parseInclude(llvm::StringRef File,
                                         llvm::StringRef Spelled) {
  llvm::StringRef S = Spelled.trim();
  IncludeName Result;
  if (S.size() > 2 && S.front() == '<' && S.back() == '>') {
    Result.Angled = true;
    S = S.drop_front().drop_back();
  } else if (S.size() > 2 && S.front() == '"' && S.back() == '"') {
    S = S.drop_front().drop_back();
  }
  if (S.empty() || S.find_first_of("<>\"\n") != llvm::StringRef::npos)
    return fileError(File, "malformed include '" + Spelled + "'");
  Result.Name = S.str();
  return Result;
}

llvm::Expected<std::set<IncludeName>>
parseIncludes(llvm::StringRef File, llvm::ArrayRef<std::string> Spelled) {
  std::set<IncludeName> Result;
  for (const std::string &S : Spelled) {
    llvm::Expected<IncludeName> Name = parseInclude(File, S);
    if (!Name)
      return Name.takeError();
    Result.insert(std::move(*Name));
  }
  return Result;
}

/// Where the includes HeaderIncludes must see begin: 0, or the line of the
/// first `#include` when a `#define` other than a header guard's comes
/// before it (feature macros the includes depend on).
unsigned includesStart(llvm::StringRef Code) {
  std::vector<Directive> Directives = directives(Code);
  llvm::StringRef Guard;
  for (auto It = Directives.begin(); It != Directives.end(); ++It) {
    if (It->isInclude() || It->Name == "import")
      return 0;
    if (It->Name == "ifndef") {
      Guard = It->Argument;
    } else if (It->Name == "define" && It->Argument != Guard) {
      // A feature macro: the includes start at the first one after it.
      auto Include = std::find_if(It, Directives.end(),
                                  [](const Directive &D) { return D.isInclude(); });
      if (Include == Directives.end())
        return 0;
      size_t LineStart = Code.rfind('\n', Include->Offset);
      return LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    }
  }
  return 0;
}

/// From the first `#include` directive of \p Text to the end of the line of
/// its last.
std::optional<clang::tooling::Range> includeBlock(llvm::StringRef Text) {
  std::optional<unsigned> First, Last;
  for (const Directive &D : directives(Text))
    if (D.isInclude()) {
      if (!First)
        First = D.Offset;
      Last = D.Offset;
    }
  if (!First)
    return std::nullopt;
  size_t LastEnd = Text.find('\n', *Last);
  LastEnd = LastEnd == llvm::StringRef::npos ? Text.size() : LastEnd;
  return clang::tooling::Range(*First, LastEnd - *First);
}

/// \p Removals of whole include lines, each also taking one of the two blank
/// lines around an include that stood alone between them.
Replacements withBlankLine(llvm::StringRef Code, const Replacements &Removals) {
  Replacements Out;
  for (const Replacement &R : Removals) {
    unsigned Begin = R.getOffset(), End = Begin + R.getLength();
    bool BlankBefore = Begin >= 2 && Code.substr(Begin - 2, 2) == "\n\n";
    bool BlankAfter = Code.substr(End).starts_with("\n");
    if (R.getReplacementText().empty() && BlankBefore && BlankAfter)
      ++End;
    llvm::cantFail(Out.add(Replacement(R.getFilePath(), Begin, End - Begin,
                                       R.getReplacementText())));
  }
  return Out;
}

/// Includes needed in one configuration only: in the branch of
/// \p Change.IncludeCondition open after the file's last include, or in a
/// new one there (after any other branch open at that point). One already
/// written in the file is not written twice.
llvm::Error addUnderCondition(const FileChange &Change, const std::set<IncludeName> &Adds,
                              std::string &Code, Replacements &Total) {
  std::string Lines;
  for (bool Angled : {true, false})
    for (const IncludeName &Name : Adds) {
      if (Name.Angled != Angled)
        continue;
      std::string Line = "#include " + Name.spelled();
      if (llvm::StringRef(Code).starts_with(Line + "\n") ||
          llvm::StringRef(Code).contains("\n" + Line + "\n"))
        continue;
      Lines += Line + "\n";
    }
  if (Lines.empty())
    return llvm::Error::success();
  unsigned At = afterIncludes(Code);
  std::vector<std::string> Open = openConditions(Code, At);
  std::string Text;
  if (!Open.empty() && Open.back() == normalCondition(Change.IncludeCondition)) {
    Text = Lines;
  } else {
    At = pastOpenBranches(Code, At);
    std::string Open = openingDirective(Change.IncludeCondition);
    // A branch of it opening next (the moved definitions'): its top.
    llvm::StringRef Next = llvm::StringRef(Code).drop_front(At);
    llvm::StringRef Code1 = Next.ltrim(" \t\r\n");
    if (Code1.starts_with(Open + "\n")) {
      At = Code.size() - Code1.size() + Open.size() + 1;
      Text = Lines + "\n";
    } else {
      Text = "\n" + Open + "\n" + Lines + "#endif\n";
    }
  }
  if (llvm::Error Err =
          applyStep(Code, Total, Replacements(Replacement(Change.File, At, 0, Text))))
    return fileError(Change.File, llvm::toString(std::move(Err)));
  return llvm::Error::success();
}


} // namespace

/// Pass (2): removals, then insertions, each against the text as it is by
/// then, so a second insertion into a new block lands in that block.
llvm::Error changeIncludes(const FileChange &Change,
                           const clang::format::FormatStyle &Style,
                           std::string &Code, Replacements &Total) {
  llvm::Expected<std::set<IncludeName>> Adds =
      parseIncludes(Change.File, Change.AddIncludes);
  if (!Adds)
    return Adds.takeError();
  llvm::Expected<std::set<IncludeName>> Removes =
      parseIncludes(Change.File, Change.RemoveIncludes);
  if (!Removes)
    return Removes.takeError();
  for (const IncludeName &Name : *Adds)
    if (Removes->count(Name))
      return fileError(Change.File,
                       "include " + Name.spelled() + " is both added and removed");

  // HeaderIncludes stops looking at the first line that is neither an
  // include nor a header guard: with feature macros first (`#define
  // _FILE_OFFSET_BITS 64`), it would put new includes above them. It is
  // shown the text from the first include on.
  auto Shifted = [&](const Replacements &Step, unsigned By) {
    Replacements Out;
    for (const Replacement &R : Step)
      llvm::cantFail(Out.add(Replacement(R.getFilePath(), R.getOffset() + By,
                                         R.getLength(), R.getReplacementText())));
    return Out;
  };
  // Under a condition: the header defining its macro first, as any other,
  // then the branch's, before the removals: where the service's include
  // stood in a branch of it, they take its place.
  if (!Change.ConditionHeader.empty()) {
    llvm::Expected<IncludeName> Header = parseInclude(Change.File, Change.ConditionHeader);
    if (!Header)
      return Header.takeError();
    unsigned From = includesStart(Code);
    clang::tooling::HeaderIncludes Includes(Change.File, llvm::StringRef(Code).substr(From),
                                            Style.IncludeStyle);
    if (std::optional<Replacement> Insert = Includes.insert(
            Header->Name, Header->Angled, clang::tooling::IncludeDirective::Include))
      if (llvm::Error Err = applyStep(Code, Total, Shifted(Replacements(*Insert), From)))
        return fileError(Change.File, llvm::toString(std::move(Err)));
  }
  if (!Change.IncludeCondition.empty())
    if (llvm::Error Err = addUnderCondition(Change, *Adds, Code, Total))
      return Err;
  for (const IncludeName &Name : *Removes) {
    unsigned From = includesStart(Code);
    clang::tooling::HeaderIncludes Includes(Change.File, llvm::StringRef(Code).substr(From),
                                            Style.IncludeStyle);
    if (llvm::Error Err = applyStep(
            Code, Total, withBlankLine(Code, Shifted(Includes.remove(Name.Name, Name.Angled), From))))
      return fileError(Change.File, llvm::toString(std::move(Err)));
  }
  for (const IncludeName &Name : *Adds) {
    if (!Change.IncludeCondition.empty())
      break;
    unsigned From = includesStart(Code);
    clang::tooling::HeaderIncludes Includes(Change.File, llvm::StringRef(Code).substr(From),
                                            Style.IncludeStyle);
    std::optional<Replacement> Insert = Includes.insert(
        Name.Name, Name.Angled, clang::tooling::IncludeDirective::Include);
    if (!Insert)
      continue; // Already there, spelled the same.
    // A new block (not joining an include above it) right above code keeps
    // a blank line from it.
    unsigned At = From + Insert->getOffset();
    llvm::StringRef After = llvm::StringRef(Code).substr(At);
    llvm::StringRef Next = After.take_until([](char C) { return C == '\n'; }).trim();
    llvm::StringRef Above = llvm::StringRef(Code).take_front(At).rtrim("\n");
    Above = Above.substr(Above.rfind('\n') + 1).trim();
    if (!Next.empty() && !Next.starts_with("#") && !Above.starts_with("#include") &&
        !Above.starts_with("#import"))
      Insert = Replacement(Insert->getFilePath(), Insert->getOffset(), Insert->getLength(),
                           (Insert->getReplacementText() + "\n").str());
    if (llvm::Error Err = applyStep(Code, Total, Shifted(Replacements(*Insert), From)))
      return fileError(Change.File, llvm::toString(std::move(Err)));
  }
  return llvm::Error::success();
}

/// Pass (4) of computeReplacementsLF: \p Result, with the include block
/// that changed sorted and grouped as \p Style says (Google's style
/// regroups, so a new category gets its blank line), when it was sorted so
/// before: lines the migration did not touch are never re-sorted. A removed
/// include can leave two blank lines where its block was: one is kept.
llvm::Expected<Replacements> withIncludeBlockSorted(const std::string &File,
                                                    llvm::StringRef Before,
                                                    const clang::format::FormatStyle &Style,
                                                    Replacements Result) {
  llvm::Expected<std::string> Formatted = clang::tooling::applyAllReplacements(Before, Result);
  if (!Formatted)
    return fileError(File, llvm::toString(Formatted.takeError()));
  llvm::StringRef F = *Formatted;
  std::optional<clang::tooling::Range> Block = includeBlock(F);
  if (!Block)
    return Result;
  std::optional<clang::tooling::Range> Was = includeBlock(Before);
  bool WasSorted = !Was || clang::format::sortIncludes(Style, Before, {*Was}, File).empty();
  if (WasSorted)
    Result = Result.merge(clang::format::sortIncludes(Style, F, {*Block}, File));

  // A removed include can leave two blank lines where its block was: keep
  // one, within the include region only.
  llvm::Expected<std::string> Sorted = clang::tooling::applyAllReplacements(Before, Result);
  if (!Sorted)
    return fileError(File, llvm::toString(Sorted.takeError()));
  llvm::StringRef T = *Sorted;
  std::optional<clang::tooling::Range> Region = includeBlock(T);
  if (!Region)
    return Result;
  size_t Begin = Region->getOffset();
  // The region ends at the first line that is neither an include, a
  // preprocessor line, a comment nor blank.
  size_t End = Begin;
  while (End < T.size()) {
    size_t NL = T.find('\n', End);
    size_t LineEnd = NL == llvm::StringRef::npos ? T.size() : NL + 1;
    llvm::StringRef Line = T.slice(End, LineEnd).trim();
    if (!Line.empty() && !Line.starts_with("#") && !Line.starts_with("//"))
      break;
    End = LineEnd;
  }
  // Keep one blank line of each run (blank: "\n" or "\r\n"); drop the rest.
  Replacements Collapse;
  bool PrevBlank = false;
  for (size_t Pos = Begin; Pos < End;) {
    size_t NL = T.find('\n', Pos);
    size_t LineEnd = NL == llvm::StringRef::npos ? T.size() : NL + 1;
    bool Blank = T.slice(Pos, LineEnd).trim().empty() && NL != llvm::StringRef::npos;
    if (Blank && PrevBlank)
      if (llvm::Error Err = Collapse.add(Replacement(File, Pos, LineEnd - Pos, "")))
        return fileError(File, llvm::toString(std::move(Err)));
    PrevBlank = Blank;
    Pos = LineEnd;
  }
  return Result.merge(Collapse);
}

} // namespace mm
