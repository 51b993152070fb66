//===--- LineDiff.cpp - Line diff of two texts ----------------------------===//
//
// The edit script comes from Myers' "An O(ND) Difference Algorithm and Its
// Variations" (1986), section 4b: search forward from the top-left and
// backward from the bottom-right corner of the edit graph at once until the
// two frontiers meet; the meeting point splits the problem in two, and each
// half is solved the same way. Diagonals are kept inside the graph, as in
// GNU diff, so no path ever leaves it. Memory is linear in the input.
//
//===----------------------------------------------------------------------===//

#include "core/LineDiff.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <limits>

namespace mm {

namespace {

/// Solves one edit script over sequences of line ids.
class Differ {
public:
  Differ(llvm::ArrayRef<unsigned> A, llvm::ArrayRef<unsigned> B)
      : A(A), B(B), Offset(long(B.size()) + 1),
        Forward(A.size() + B.size() + 3), Backward(A.size() + B.size() + 3) {}

  std::vector<DiffOp> run() {
    compare(0, long(A.size()), 0, long(B.size()));
    return std::move(Ops);
  }

private:
  llvm::ArrayRef<unsigned> A, B;
  long Offset; ///< Diagonal k = x - y lives at index k + Offset.
  std::vector<long> Forward, Backward;
  std::vector<DiffOp> Ops;

  long &fwd(long K) { return Forward[K + Offset]; }
  long &bwd(long K) { return Backward[K + Offset]; }

  void emit(DiffOp::Kind K, long X, long Y) {
    Ops.push_back({K, unsigned(X), unsigned(Y)});
  }

  /// Edit script for A[XLo, XHi) -> B[YLo, YHi).
  void compare(long XLo, long XHi, long YLo, long YHi) {
    while (XLo < XHi && YLo < YHi && A[XLo] == B[YLo]) {
      emit(DiffOp::Keep, XLo, YLo);
      ++XLo, ++YLo;
    }
    long Tail = 0;
    while (XLo < XHi && YLo < YHi && A[XHi - 1] == B[YHi - 1])
      --XHi, --YHi, ++Tail;

    if (XLo == XHi) {
      for (long Y = YLo; Y < YHi; ++Y)
        emit(DiffOp::Insert, XLo, Y);
    } else if (YLo == YHi) {
      for (long X = XLo; X < XHi; ++X)
        emit(DiffOp::Delete, X, YLo);
    } else {
      // Both sides non-empty and differing at both ends: at least two edits,
      // so the midpoint lies strictly inside and both halves are smaller.
      auto [XMid, YMid] = midpoint(XLo, XHi, YLo, YHi);
      compare(XLo, XMid, YLo, YMid);
      compare(XMid, XHi, YMid, YHi);
    }
    for (long I = 0; I < Tail; ++I)
      emit(DiffOp::Keep, XHi + I, YHi + I);
  }

  /// A point on a shortest path from (XLo, YLo) to (XHi, YHi). The ends must
  /// not match (compare() strips them).
  std::pair<long, long> midpoint(long XLo, long XHi, long YLo, long YHi) {
    const long DMin = XLo - YHi, DMax = XHi - YLo; // Valid diagonals.
    const long FMid = XLo - YLo, BMid = XHi - YHi;
    const bool Odd = (FMid - BMid) & 1;
    const long Unreached = -1, UnreachedBack = std::numeric_limits<long>::max();
    long FMin = FMid, FMax = FMid, BMin = BMid, BMax = BMid;
    fwd(FMid) = XLo;
    bwd(BMid) = XHi;

    while (true) {
      // One more edit forward on each diagonal in reach.
      if (FMin > DMin)
        fwd(--FMin - 1) = Unreached;
      else
        ++FMin;
      if (FMax < DMax)
        fwd(++FMax + 1) = Unreached;
      else
        --FMax;
      for (long K = FMax; K >= FMin; K -= 2) {
        long FromBelow = fwd(K - 1), FromAbove = fwd(K + 1);
        long X = FromBelow < FromAbove ? FromAbove : FromBelow + 1;
        long Y = X - K;
        while (X < XHi && Y < YHi && A[X] == B[Y])
          ++X, ++Y;
        fwd(K) = X;
        if (Odd && BMin <= K && K <= BMax && bwd(K) <= X)
          return {X, Y};
      }

      // And one more backward.
      if (BMin > DMin)
        bwd(--BMin - 1) = UnreachedBack;
      else
        ++BMin;
      if (BMax < DMax)
        bwd(++BMax + 1) = UnreachedBack;
      else
        --BMax;
      for (long K = BMax; K >= BMin; K -= 2) {
        long FromBelow = bwd(K - 1), FromAbove = bwd(K + 1);
        long X = FromBelow < FromAbove ? FromBelow : FromAbove - 1;
        long Y = X - K;
        while (XLo < X && YLo < Y && A[X - 1] == B[Y - 1])
          --X, --Y;
        bwd(K) = X;
        if (!Odd && FMin <= K && K <= FMax && X <= fwd(K))
          return {X, Y};
      }
    }
  }
};

/// One hunk: a range of the edit script, context included.
struct Hunk {
  size_t Begin, End;
};

std::vector<Hunk> hunksOf(llvm::ArrayRef<DiffOp> Ops, unsigned Context) {
  std::vector<Hunk> Hunks;
  auto IsChange = [&](size_t I) { return Ops[I].K != DiffOp::Keep; };
  size_t I = 0;
  while (true) {
    while (I < Ops.size() && !IsChange(I))
      ++I;
    if (I == Ops.size())
      break;
    size_t Begin = I >= Context ? I - Context : 0;
    size_t End = I;
    while (true) {
      while (End < Ops.size() && IsChange(End))
        ++End;
      size_t Next = End;
      while (Next < Ops.size() && !IsChange(Next))
        ++Next;
      // Join the next run of changes when the contexts would touch.
      if (Next < Ops.size() && Next - End <= 2 * size_t(Context)) {
        End = Next;
        continue;
      }
      break;
    }
    End = std::min(End + Context, Ops.size());
    Hunks.push_back({Begin, End});
    I = End;
  }
  return Hunks;
}

void printLine(llvm::raw_ostream &OS, char Prefix, llvm::StringRef Line) {
  OS << Prefix << Line;
  if (!Line.ends_with("\n"))
    OS << "\n\\ No newline at end of file\n";
}

/// "l,s", or "l" when s is 1 (as git and GNU diff write it). An empty side
/// names the line before it.
std::string hunkRange(unsigned First, unsigned Count) {
  if (Count == 1)
    return std::to_string(First + 1);
  return llvm::formatv("{0},{1}", Count == 0 ? First : First + 1, Count).str();
}

} // namespace

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    size_t End = Text.find('\n');
    End = End == llvm::StringRef::npos ? Text.size() : End + 1;
    Lines.push_back(Text.take_front(End));
    Text = Text.drop_front(End);
  }
  return Lines;
}

std::vector<DiffOp> diffLines(llvm::ArrayRef<llvm::StringRef> Old,
                              llvm::ArrayRef<llvm::StringRef> New) {
  // Compare numbers, not strings: equal lines get equal ids.
  llvm::StringMap<unsigned> Ids;
  auto Intern = [&](llvm::ArrayRef<llvm::StringRef> Lines) {
    std::vector<unsigned> Result;
    Result.reserve(Lines.size());
    for (llvm::StringRef L : Lines)
      Result.push_back(Ids.try_emplace(L, Ids.size()).first->second);
    return Result;
  };
  std::vector<unsigned> A = Intern(Old), B = Intern(New);
  return Differ(A, B).run();
}

void printHunks(llvm::raw_ostream &OS, llvm::StringRef Before,
                llvm::StringRef After, unsigned Context) {
  if (Before == After)
    return;
  std::vector<llvm::StringRef> Old = splitLines(Before), New = splitLines(After);
  std::vector<DiffOp> Ops = diffLines(Old, New);
  for (const Hunk &H : hunksOf(Ops, Context)) {
    unsigned OldCount = 0, NewCount = 0;
    for (size_t I = H.Begin; I < H.End; ++I) {
      OldCount += Ops[I].K != DiffOp::Insert;
      NewCount += Ops[I].K != DiffOp::Delete;
    }
    OS << "@@ -" << hunkRange(Ops[H.Begin].OldLine, OldCount) << " +"
       << hunkRange(Ops[H.Begin].NewLine, NewCount) << " @@\n";
    for (size_t I = H.Begin; I < H.End;) {
      if (Ops[I].K == DiffOp::Keep) {
        printLine(OS, ' ', Old[Ops[I].OldLine]);
        ++I;
        continue;
      }
      size_t RunEnd = I;
      while (RunEnd < H.End && Ops[RunEnd].K != DiffOp::Keep)
        ++RunEnd;
      for (size_t J = I; J < RunEnd; ++J)
        if (Ops[J].K == DiffOp::Delete)
          printLine(OS, '-', Old[Ops[J].OldLine]);
      for (size_t J = I; J < RunEnd; ++J)
        if (Ops[J].K == DiffOp::Insert)
          printLine(OS, '+', New[Ops[J].NewLine]);
      I = RunEnd;
    }
  }
}

LineCounts countChangedLines(llvm::StringRef Before, llvm::StringRef After) {
  LineCounts Counts;
  if (Before == After)
    return Counts;
  for (const DiffOp &Op : diffLines(splitLines(Before), splitLines(After))) {
    Counts.Insertions += Op.K == DiffOp::Insert;
    Counts.Deletions += Op.K == DiffOp::Delete;
  }
  return Counts;
}

unsigned firstChangedLine(llvm::StringRef Before, llvm::StringRef After) {
  for (const DiffOp &Op : diffLines(splitLines(Before), splitLines(After)))
    if (Op.K != DiffOp::Keep)
      return Op.OldLine + 1;
  return 1;
}

} // namespace mm
