//===--- Materialize.cpp - Edits of one file -> its new text --------------===//
//
// Three passes over one file, each on the text the previous one produced,
// composed with Replacements::merge so the result is one set of
// replacements relative to the file as read: (1) the edits, checked for
// conflicts; (2) include removals, then insertions, one at a time through
// HeaderIncludes; (3) clang-format's cleanup around the ranges the first two
// touched, then formatting of the statements they touched and nothing else
// (FormatEdited.h).
//
//===----------------------------------------------------------------------===//

#include "rewriters/Materialize.h"

#include "core/Conditions.h"
#include "core/TextEdits.h"

#include "core/Types.h"

#include "rewriters/FormatEdited.h"
#include "rewriters/HouseStyle.h"
#include "rewriters/MaterializeSteps.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Inclusions/HeaderIncludes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <optional>
#include <set>

namespace mm {

char EditConflictError::ID;

using clang::tooling::Replacement;
using clang::tooling::Replacements;

llvm::Error fileError(llvm::StringRef File, const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 (File + ": error: " + Message).str());
}

/// Applies \p Step to \p Code and appends it to \p Total (which is relative
/// to the text before \p Code).
llvm::Error applyStep(std::string &Code, Replacements &Total,
                      const Replacements &Step) {
  if (Step.empty())
    return llvm::Error::success();
  llvm::Expected<std::string> Next = clang::tooling::applyAllReplacements(Code, Step);
  if (!Next)
    return Next.takeError();
  Code = std::move(*Next);
  Total = Total.merge(Step);
  return llvm::Error::success();
}

namespace {

/// "LINE:COL" (1-based, column in bytes) of \p Offset in \p Code.
std::string lineCol(llvm::StringRef Code, unsigned Offset) {
  llvm::StringRef Prefix = Code.take_front(Offset);
  size_t Line = 1 + Prefix.count('\n');
  size_t LineStart = Prefix.rfind('\n');
  size_t Col = LineStart == llvm::StringRef::npos ? Offset + 1 : Offset - LineStart;
  return llvm::formatv("{0}:{1}", Line, Col).str();
}

/// "FILE:L:C" for an insertion, "FILE:L:C-L:C" (end exclusive) otherwise.
/// True when deleting [\p Begin, \p End) of \p Before leaves the lines it
/// touches as a subsequence of themselves: whole lines went, as when a list
/// loses an element written on a line of its own, with the comma before it
/// (`,\n    .metrics = m`) or after it.
bool onlyDropsLines(llvm::StringRef Before, unsigned Begin, unsigned End) {
  if (End <= Begin || End > Before.size() || !Before.slice(Begin, End).contains('\n'))
    return false;
  size_t First = Before.take_front(Begin).rfind('\n');
  First = First == llvm::StringRef::npos ? 0 : First + 1;
  size_t Last = Before.find('\n', End);
  Last = Last == llvm::StringRef::npos ? Before.size() : Last;
  llvm::SmallVector<llvm::StringRef, 8> Was, Is;
  Before.slice(First, Last).split(Was, '\n');
  std::string Left = (Before.slice(First, Begin) + Before.slice(End, Last)).str();
  llvm::StringRef(Left).split(Is, '\n');
  if (Is.size() >= Was.size())
    return false;
  size_t At = 0;
  for (llvm::StringRef Line : Is) {
    while (At < Was.size() && Was[At] != Line)
      ++At;
    if (At++ == Was.size())
      return false;
  }
  return true;
}

/// The ranges of \p Edited that \p Edits of \p Before wrote, as
/// Replacements::getAffectedRanges gives them, less the deletions of whole
/// lines that leave no block emptied: nothing is left there to lay out, and
/// formatting the statement around one (a designated initializer losing a
/// member) would re-align lines the migration kept. A block emptied so
/// (`{` then `}`) is laid out, to close up as the style says.
std::vector<clang::tooling::Range> writtenRanges(llvm::StringRef Before, llvm::StringRef Edited,
                                                 const clang::tooling::Replacements &Edits) {
  std::vector<clang::tooling::Range> Ranges;
  int64_t Shift = 0;
  for (const clang::tooling::Replacement &R : Edits) {
    unsigned Begin = R.getOffset(), End = R.getOffset() + R.getLength();
    unsigned At = static_cast<unsigned>(Begin + Shift);
    bool WholeLines = R.getReplacementText().empty() && onlyDropsLines(Before, Begin, End);
    llvm::StringRef Above = Edited.take_front(At).rtrim(), Below = Edited.drop_front(At).ltrim();
    bool Emptied = Above.ends_with("{") && Below.starts_with("}");
    if (!WholeLines || Emptied)
      Ranges.emplace_back(At, R.getReplacementText().size());
    Shift += static_cast<int64_t>(R.getReplacementText().size()) - R.getLength();
  }
  return Ranges;
}

/// Where a deletion of whole lines of \p Edits brought blank lines together
/// in \p Edited (what stood between them went: a declaration, then the
/// namespace around it), one blank line is left of them; relative to
/// \p Edited. Runs no deletion made stay as they are.
Replacements closeBlankRuns(llvm::StringRef File, llvm::StringRef Before, llvm::StringRef Edited,
                            const Replacements &Edits) {
  auto LineStart = [&](size_t At) {
    size_t NL = Edited.take_front(At).rfind('\n');
    return NL == llvm::StringRef::npos ? 0 : NL + 1;
  };
  auto Blank = [&](size_t Start) {
    size_t NL = Edited.find('\n', Start);
    return NL != llvm::StringRef::npos && Edited.slice(Start, NL).trim().empty();
  };
  std::set<std::pair<size_t, size_t>> Runs;
  int64_t Shift = 0;
  for (const Replacement &R : Edits) {
    unsigned Begin = R.getOffset(), End = R.getOffset() + R.getLength();
    size_t At = static_cast<size_t>(Begin + Shift);
    Shift += static_cast<int64_t>(R.getReplacementText().size()) - R.getLength();
    if (!R.getReplacementText().empty() || !onlyDropsLines(Before, Begin, End) ||
        LineStart(At) != At || At == 0)
      continue;
    // The blank lines above the point and below it.
    size_t First = At;
    while (First > 0 && Blank(LineStart(First - 1)))
      First = LineStart(First - 1);
    size_t Last = At;
    while (Last < Edited.size() && Blank(Last))
      Last = Edited.find('\n', Last) + 1;
    if (First < At && At < Last)
      Runs.insert({First, Last});
  }
  Replacements Out;
  for (const auto &[First, Last] : Runs) {
    size_t Keep = Edited.find('\n', First) + 1; // the first blank line
    if (Keep < Last)
      if (llvm::Error Err = Out.add(Replacement(File, Keep, Last - Keep, "")))
        llvm::consumeError(std::move(Err)); // two points of one run: one is enough
  }
  return Out;
}

std::string describeRange(llvm::StringRef File, llvm::StringRef Code,
                          unsigned Offset, unsigned Length) {
  std::string S = (File + ":" + lineCol(Code, Offset)).str();
  if (Length == 0)
    return S + " (insertion)";
  return S + "-" + lineCol(Code, Offset + Length);
}

/// Two edits, \p A sorted before \p B (by offset, then length), conflict when
/// they overlap, when both insert different text at one offset, or when one
/// inserts strictly inside the other's range. An insertion at either end of a
/// replaced range composes (as tooling::Replacements allows).
bool conflict(const Edit &A, const Edit &B) {
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset;
  if (A.Length == 0)
    return false; // B starts at or after the insertion point.
  if (B.Length == 0)
    return B.Offset > A.Offset && B.Offset < A.Offset + A.Length;
  return B.Offset < A.Offset + A.Length;
}

/// Pass (1): the edits as one Replacements, identical duplicates once.
llvm::Expected<Replacements> editReplacements(llvm::StringRef File,
                                              llvm::StringRef Code,
                                              llvm::ArrayRef<Edit> Edits) {
  std::vector<const Edit *> Sorted;
  for (const Edit &E : Edits)
    Sorted.push_back(&E);
  // Sort by key, then origin, so the origin kept for a duplicate is stable.
  llvm::stable_sort(Sorted, [](const Edit *A, const Edit *B) {
    return std::tie(A->Offset, A->Length, A->Text, A->Origin) <
           std::tie(B->Offset, B->Length, B->Text, B->Origin);
  });
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end(),
                           [](const Edit *A, const Edit *B) { return *A == *B; }),
               Sorted.end());

  std::vector<std::string> Problems;
  for (const Edit *E : Sorted)
    if (uint64_t(E->Offset) + E->Length > Code.size())
      Problems.push_back(llvm::formatv("{0}: error: edit at bytes [{1}, {2}) "
                                       "from '{3}' is past the end of the file "
                                       "({4} bytes)",
                                       File, E->Offset, E->Offset + E->Length,
                                       E->Origin, Code.size()));
  if (!Problems.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::join(Problems, "\n"));

  for (size_t I = 0; I < Sorted.size(); ++I) {
    const Edit &A = *Sorted[I];
    for (size_t J = I + 1;
         J < Sorted.size() && Sorted[J]->Offset <= A.Offset + A.Length; ++J) {
      const Edit &B = *Sorted[J];
      if (!conflict(A, B))
        continue;
      Problems.push_back(llvm::formatv(
          "{0}:{1}: error: conflicting edits: {2} from '{3}' and {4} from '{5}'",
          File, lineCol(Code, B.Offset),
          describeRange(File, Code, A.Offset, A.Length), A.Origin,
          describeRange(File, Code, B.Offset, B.Length), B.Origin));
    }
  }
  if (!Problems.empty())
    return llvm::make_error<EditConflictError>(llvm::join(Problems, "\n"));

  Replacements Result;
  for (const Edit *E : Sorted) {
    Replacement R(File, E->Offset, E->Length, E->Text);
    if (llvm::Error Err = Result.add(R)) {
      // The checks above mirror Replacements::add; should they ever differ,
      // still report the pair by origin.
      std::string Detail = llvm::toString(std::move(Err));
      return llvm::make_error<EditConflictError>(llvm::formatv(
          "{0}:{1}: error: conflicting edits: {2} from '{3}' cannot be "
          "combined with the edits before it ({4})",
          File, lineCol(Code, E->Offset),
          describeRange(File, Code, E->Offset, E->Length), E->Origin, Detail));
    }
  }
  return Result;
}


std::string absolutePath(const MaterializeOptions &Opts, llvm::StringRef File) {
  llvm::SmallString<256> Path(Opts.Root);
  llvm::sys::path::append(Path, File);
  return std::string(Path);
}

/// True when the first line of \p Text ends with CRLF: the file's lines
/// end that way, and so must the lines added to it.
bool usesCRLF(llvm::StringRef Text) {
  size_t NL = Text.find('\n');
  return NL != llvm::StringRef::npos && NL > 0 && Text[NL - 1] == '\r';
}

/// \p Repls (offsets into \p Before) with every line break they write as
/// CRLF; a `\n` written right after a `\r` of \p Before already has it.
llvm::Expected<Replacements> withCRLF(llvm::StringRef Before, const Replacements &Repls) {
  Replacements Out;
  for (const Replacement &R : Repls) {
    std::string Text;
    bool AfterCR = R.getOffset() > 0 && Before[R.getOffset() - 1] == '\r';
    for (char C : R.getReplacementText()) {
      if (C == '\n' && !(Text.empty() ? AfterCR : Text.back() == '\r'))
        Text += '\r';
      Text += C;
    }
    if (llvm::Error Err =
            Out.add(Replacement(R.getFilePath(), R.getOffset(), R.getLength(), Text)))
      return Err;
  }
  return Out;
}


/// What a new file is written like: the first C or C++ file beside it.
std::string siblingText(llvm::StringRef AbsPath) {
  std::vector<std::string> Siblings;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(llvm::sys::path::parent_path(AbsPath), EC), End;
       !EC && It != End; It.increment(EC))
    if (isCxxFile(It->path()) && It->path() != AbsPath)
      Siblings.push_back(It->path());
  if (Siblings.empty())
    return "";
  auto Text = llvm::MemoryBuffer::getFile(*std::min_element(Siblings.begin(), Siblings.end()));
  return Text ? (*Text)->getBuffer().str() : "";
}

/// The style the configuration names; else the project's .clang-format,
/// looked up from the file's directory upward; without one, the style
/// \p Before is written in (or, for a new file, a file beside it).
llvm::Expected<clang::format::FormatStyle>
styleFor(llvm::StringRef File, llvm::StringRef AbsPath, llvm::StringRef Code,
         llvm::StringRef Before, llvm::StringRef Configured) {
  if (!Configured.empty()) {
    llvm::Expected<clang::format::FormatStyle> Style = configuredStyle(Configured, File);
    if (!Style)
      return fileError(File, "format_style: " + llvm::toString(Style.takeError()));
    return Style;
  }
  if (!hasFormatFile(AbsPath))
    return measuredStyle(Before.empty() ? siblingText(AbsPath) : Before.str());
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = llvm::vfs::getRealFileSystem();
  llvm::Expected<clang::format::FormatStyle> Style =
      clang::format::getStyle("file", AbsPath, "LLVM", Code, FS.get());
  if (!Style)
    return fileError(File, "cannot determine the format style: " +
                               llvm::toString(Style.takeError()));
  return Style;
}

/// computeReplacements, every line break written as `\n`.
llvm::Expected<Replacements> computeReplacementsLF(const FileChange &Change,
                                                   llvm::StringRef Before,
                                                   const MaterializeOptions &Opts);

} // namespace

namespace {

/// \p Repls, and the blank lines they leave at the end of a file that
/// ended without one (its last definition removed) gone.
llvm::Expected<Replacements> withoutNewTrailingBlankLines(const std::string &File,
                                                          llvm::StringRef Before,
                                                          Replacements Repls) {
  auto EndsBlank = [](llvm::StringRef T) {
    T = T.rtrim(" \t");
    return T.ends_with("\n\n") || T.ends_with("\n\r\n");
  };
  if (EndsBlank(Before))
    return Repls;
  llvm::Expected<std::string> After = clang::tooling::applyAllReplacements(Before, Repls);
  if (!After)
    return fileError(File, llvm::toString(After.takeError()));
  llvm::StringRef T = *After;
  size_t LastLineEnd = T.find('\n', T.rtrim(" \t\r\n").size());
  if (!EndsBlank(T) || LastLineEnd == llvm::StringRef::npos)
    return Repls;
  return Repls.merge(
      Replacements(Replacement(File, LastLineEnd + 1, T.size() - LastLineEnd - 1, "")));
}

} // namespace

llvm::Expected<Replacements> computeReplacements(const FileChange &Change,
                                                 llvm::StringRef Before,
                                                 const MaterializeOptions &Opts) {
  llvm::Expected<Replacements> Repls = computeReplacementsLF(Change, Before, Opts);
  if (Repls && !Change.NewContent && !Change.Delete)
    Repls = withoutNewTrailingBlankLines(Change.File, Before, std::move(*Repls));
  // A file whose lines end with CRLF keeps them so, added lines included.
  if (!Repls || !usesCRLF(Before))
    return Repls;
  return withCRLF(Before, *Repls);
}

namespace {


llvm::Expected<Replacements> computeReplacementsLF(const FileChange &Change,
                                                   llvm::StringRef Before,
                                                   const MaterializeOptions &Opts) {
  const std::string &File = Change.File;
  if (Change.NewContent && Change.Delete)
    return fileError(File, "a file cannot be both created and deleted");
  if (Change.NewContent && !Change.Edits.empty())
    return fileError(File, "a created file takes no edits");
  if (Change.NewContent && !Before.empty())
    return fileError(File, "the file to be created already exists");
  if (Change.Delete)
    return Before.empty() ? Replacements()
                          : Replacements(Replacement(File, 0, Before.size(), ""));

  bool Cxx = isCxxFile(File);
  if (!Cxx && (!Change.AddIncludes.empty() || !Change.RemoveIncludes.empty()))
    return fileError(File, "includes can only be changed in C or C++ files");

  std::string Code = Change.NewContent ? *Change.NewContent : Before.str();
  Replacements Total;
  if (!Change.NewContent) {
    llvm::Expected<Replacements> Edits = editReplacements(File, Before, Change.Edits);
    if (!Edits)
      return Edits.takeError();
    if (llvm::Error Err = applyStep(Code, Total, *Edits))
      return fileError(File, llvm::toString(std::move(Err)));
  }
  if (!Cxx) {
    if (Change.NewContent && !Code.empty())
      return Replacements(Replacement(File, 0, 0, Code));
    return Total;
  }

  llvm::Expected<clang::format::FormatStyle> Style =
      styleFor(File, absolutePath(Opts, File), Code, Before, Opts.FormatStyle);
  if (!Style)
    return Style.takeError();
  if (llvm::Error Err = changeIncludes(Change, *Style, Code, Total))
    return Err;

  if (Change.NewContent) {
    // A new file is formatted whole, its includes sorted and grouped as the
    // project's style has them.
    llvm::Expected<std::string> Sorted = clang::tooling::applyAllReplacements(
        Code, clang::format::sortIncludes(*Style, Code, {clang::tooling::Range(0, Code.size())},
                                          File));
    if (!Sorted)
      return fileError(File, llvm::toString(Sorted.takeError()));
    Code = std::move(*Sorted);
    Replacements Format = clang::format::reformat(
        *Style, Code, {clang::tooling::Range(0, Code.size())}, File);
    llvm::Expected<std::string> Formatted =
        clang::tooling::applyAllReplacements(Code, Format);
    if (!Formatted)
      return fileError(File, llvm::toString(Formatted.takeError()));
    if (Formatted->empty())
      return Replacements();
    return Replacements(Replacement(File, 0, 0, *Formatted));
  }
  if (Total.empty())
    return Total;

  // Pass (3): clean up (dangling commas, empty namespaces), then format the
  // edited statements and nothing else.
  llvm::Expected<Replacements> Cleaned =
      clang::format::cleanupAroundReplacements(Before, Total, *Style);
  if (!Cleaned)
    return fileError(File, llvm::toString(Cleaned.takeError()));
  llvm::Expected<std::string> Edited =
      clang::tooling::applyAllReplacements(Before, *Cleaned);
  if (!Edited)
    return fileError(File, llvm::toString(Edited.takeError()));
  if (Replacements Close = closeBlankRuns(File, Before, *Edited, *Cleaned); !Close.empty()) {
    *Cleaned = Cleaned->merge(Close);
    Edited = clang::tooling::applyAllReplacements(Before, *Cleaned);
    if (!Edited)
      return fileError(File, llvm::toString(Edited.takeError()));
  }
  Replacements Format =
      formatEditedLines(*Style, *Edited, writtenRanges(Before, *Edited, *Cleaned), File);
  Replacements Result = Cleaned->merge(Format);
  if (Change.AddIncludes.empty() && Change.RemoveIncludes.empty())
    return Result;

  return withIncludeBlockSorted(File, Before, *Style, std::move(Result));
}

} // namespace

llvm::Expected<std::string> applyEditsOnly(const FileChange &Change, llvm::StringRef Before) {
  if (Change.Delete)
    return "";
  if (Change.NewContent)
    return *Change.NewContent;
  llvm::Expected<Replacements> Edits = editReplacements(Change.File, Before, Change.Edits);
  if (!Edits)
    return Edits.takeError();
  return clang::tooling::applyAllReplacements(Before, *Edits);
}

llvm::Expected<MaterializedFile> materialize(const FileChange &Change,
                                             llvm::StringRef Before,
                                             const MaterializeOptions &Opts) {
  llvm::Expected<Replacements> Repls = computeReplacements(Change, Before, Opts);
  if (!Repls)
    return Repls.takeError();
  llvm::Expected<std::string> After =
      clang::tooling::applyAllReplacements(Before, *Repls);
  if (!After)
    return fileError(Change.File, llvm::toString(After.takeError()));
  MaterializedFile Result;
  Result.File = Change.File;
  Result.Before = Before.str();
  Result.After = Change.Delete ? "" : std::move(*After);
  Result.Created = Change.NewContent.has_value();
  Result.Deleted = Change.Delete;
  return Result;
}

llvm::Expected<std::string> readBefore(const FileChange &Change,
                                       const MaterializeOptions &Opts) {
  if (llvm::sys::path::is_absolute(Change.File) ||
      llvm::is_contained(llvm::make_range(llvm::sys::path::begin(Change.File),
                                          llvm::sys::path::end(Change.File)),
                         ".."))
    return fileError(Change.File, "path is not relative to the project root");
  std::string AbsPath = absolutePath(Opts, Change.File);
  bool Exists = llvm::sys::fs::exists(AbsPath);
  if (Change.NewContent) {
    // It did not when the tree was scanned: someone created it since.
    if (Exists)
      return llvm::make_error<EditConflictError>(
          Change.File + ": error: the file to be created already exists");
    return "";
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(AbsPath, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return fileError(Change.File, "cannot read: " + Buffer.getError().message());
  return (*Buffer)->getBuffer().str();
}

llvm::Expected<std::vector<MaterializedFile>>
materializeAll(const EditSet &Edits, const MaterializeOptions &Opts) {
  std::vector<MaterializedFile> Result;
  llvm::Error Errors = llvm::Error::success();
  for (const auto &[Path, Stored] : Edits.Files) {
    FileChange Change = Stored;
    Change.File = Path; // The key is authoritative.
    llvm::Expected<std::string> Before = readBefore(Change, Opts);
    if (!Before) {
      Errors = llvm::joinErrors(std::move(Errors), Before.takeError());
      continue;
    }
    llvm::Expected<MaterializedFile> File = materialize(Change, *Before, Opts);
    if (!File) {
      Errors = llvm::joinErrors(std::move(Errors), File.takeError());
      continue;
    }
    Result.push_back(std::move(*File));
  }
  if (Errors)
    return Errors;
  llvm::sort(Result, [](const MaterializedFile &A, const MaterializedFile &B) {
    return A.File < B.File;
  });
  return Result;
}

} // namespace mm
