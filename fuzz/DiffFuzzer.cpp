//===--- DiffFuzzer.cpp - Fuzz the unified-diff writer --------------------===//
//
// Takes arbitrary bytes and makes one MaterializedFile of them: the first
// byte chooses whether the file is created or deleted, the rest is split at
// its first NUL byte (or in the middle when there is none) into the text
// before and the text after. Hands it, with an unchanged file beside it, to
// printUnifiedDiff and printDiffStat, then checks the diff: the headers git
// expects, and hunks that, applied to the old text, give exactly the new one
// (every context and `-` line found where the hunk says, `\ No newline`
// markers honoured), with as many `+`/`-` lines as countChangedLines counts.
//
//===----------------------------------------------------------------------===//

#include "core/LineDiff.h"
#include "tool/Emit.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *What, llvm::StringRef Diff) {
  llvm::errs() << "diff_fuzzer: " << What << "\n--- diff ---\n" << Diff << "\n";
  std::abort();
}

/// `N` or `N,M` -> (N, M), M defaulting to 1.
bool parseRange(llvm::StringRef S, unsigned &Start, unsigned &Count) {
  auto [First, Second] = S.split(',');
  Count = 1;
  return !First.getAsInteger(10, Start) &&
         (!S.contains(',') || !Second.getAsInteger(10, Count));
}

/// Applies the hunks of \p Diff (which starts at the first `@@`) to \p Old.
/// Fails the run on anything malformed or not matching \p Old.
std::string applyHunks(llvm::StringRef Diff, llvm::StringRef Old,
                       const std::string &WholeDiff, unsigned &Plus, unsigned &Minus) {
  std::vector<llvm::StringRef> OldLines = mm::splitLines(Old);
  llvm::SmallVector<llvm::StringRef, 0> Out;
  Diff.split(Out, '\n');
  if (Out.empty() || !Out.back().empty())
    fail("diff does not end in a newline", WholeDiff);
  Out.pop_back();

  std::string Result;
  unsigned ResultLines = 0;
  size_t Cursor = 0; // Next old line not yet copied.
  size_t I = 0;
  while (I < Out.size()) {
    llvm::StringRef Header = Out[I++];
    if (!Header.consume_front("@@ -") || !Header.consume_back(" @@"))
      fail("expected a hunk header", WholeDiff);
    auto [OldRange, NewRange] = Header.split(" +");
    unsigned OldStart, OldCount, NewStart, NewCount;
    if (!parseRange(OldRange, OldStart, OldCount) ||
        !parseRange(NewRange, NewStart, NewCount))
      fail("malformed hunk header", WholeDiff);
    if (OldCount == 0 && NewCount == 0)
      fail("empty hunk", WholeDiff);
    // An empty side names the line before it.
    size_t OldFirst = OldCount == 0 ? OldStart : OldStart - 1;
    size_t NewFirst = NewCount == 0 ? NewStart : NewStart - 1;
    if ((OldCount != 0 && OldStart == 0) || (NewCount != 0 && NewStart == 0))
      fail("hunk starts at line 0", WholeDiff);
    if (OldFirst < Cursor || OldFirst > OldLines.size())
      fail("hunk out of order or past the end", WholeDiff);
    for (; Cursor < OldFirst; ++Cursor, ++ResultLines)
      Result += OldLines[Cursor];
    if (ResultLines != NewFirst)
      fail("hunk's new start does not match", WholeDiff);

    unsigned SeenOld = 0, SeenNew = 0;
    while (SeenOld < OldCount || SeenNew < NewCount) {
      if (I >= Out.size())
        fail("hunk shorter than its header says", WholeDiff);
      llvm::StringRef Line = Out[I++];
      if (Line.empty())
        fail("line without a prefix", WholeDiff);
      char Prefix = Line.front();
      std::string Text = Line.drop_front().str();
      if (I < Out.size() && Out[I] == "\\ No newline at end of file")
        ++I;
      else
        Text += '\n';
      if (Prefix == ' ' || Prefix == '-') {
        if (Cursor >= OldLines.size() || OldLines[Cursor] != Text)
          fail("context or removed line not in the old text", WholeDiff);
        ++Cursor;
        ++SeenOld;
        if (Prefix == '-')
          ++Minus;
      }
      if (Prefix == ' ' || Prefix == '+') {
        Result += Text;
        ++ResultLines;
        ++SeenNew;
        if (Prefix == '+')
          ++Plus;
      }
      if (Prefix != ' ' && Prefix != '-' && Prefix != '+')
        fail("unknown line prefix", WholeDiff);
      if (SeenOld > OldCount || SeenNew > NewCount)
        fail("hunk longer than its header says", WholeDiff);
    }
  }
  for (; Cursor < OldLines.size(); ++Cursor)
    Result += OldLines[Cursor];
  return Result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  size_t Split = Bytes.find('\0');
  llvm::StringRef Before, After;
  if (Split == llvm::StringRef::npos) {
    Before = Bytes.take_front(Bytes.size() / 2);
    After = Bytes.drop_front(Bytes.size() / 2);
  } else {
    Before = Bytes.take_front(Split);
    After = Bytes.drop_front(Split + 1);
  }
  mm::MaterializedFile F;
  F.File = "src/file.cpp";
  F.Created = Data[0] % 4 == 1;
  F.Deleted = Data[0] % 4 == 2;
  F.Before = F.Created ? "" : Before.str();
  F.After = F.Deleted ? "" : After.str();
  mm::MaterializedFile Unchanged{"a/unchanged.h", "same\n", "same\n", false, false};

  std::string Diff;
  llvm::raw_string_ostream OS(Diff);
  mm::printUnifiedDiff(OS, {F, Unchanged});
  std::string Stat;
  llvm::raw_string_ostream StatOS(Stat);
  mm::printDiffStat(StatOS, {Unchanged, F});

  if (!F.changed()) {
    if (!Diff.empty() || !Stat.empty())
      fail("an unchanged file printed something", Diff + Stat);
    return 0;
  }
  if (Stat.empty() || !llvm::StringRef(Stat).starts_with(" src/file.cpp | "))
    fail("stat does not list the file", Stat);

  llvm::StringRef Rest(Diff);
  auto Expect = [&](llvm::StringRef Line) {
    if (!Rest.consume_front(Line) || !Rest.consume_front("\n"))
      fail("missing or wrong header line", Diff);
  };
  Expect("diff --git a/src/file.cpp b/src/file.cpp");
  if (F.Created)
    Expect("new file mode 100644");
  if (F.Deleted)
    Expect("deleted file mode 100644");
  if (F.Before == F.After) {
    if (!Rest.empty())
      fail("hunks for an empty file created or deleted", Diff);
    return 0;
  }
  Expect(F.Created ? "--- /dev/null" : "--- a/src/file.cpp");
  Expect(F.Deleted ? "+++ /dev/null" : "+++ b/src/file.cpp");

  unsigned Plus = 0, Minus = 0;
  if (applyHunks(Rest, F.Before, Diff, Plus, Minus) != F.After)
    fail("applying the hunks to the old text does not give the new one", Diff);
  mm::LineCounts Counts = mm::countChangedLines(F.Before, F.After);
  if (Counts.Insertions != Plus || Counts.Deletions != Minus)
    fail("diff and countChangedLines disagree", Diff);
  return 0;
}
