//===--- UnifiedDiffTest.cpp - Line diff and hunks ------------------------===//

#include "core/LineDiff.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <random>

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string hunks(llvm::StringRef Before, llvm::StringRef After) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printHunks(OS, Before, After);
  return Out;
}

/// Length of a longest common subsequence, by dynamic programming.
unsigned lcs(const std::vector<llvm::StringRef> &A,
             const std::vector<llvm::StringRef> &B) {
  std::vector<std::vector<unsigned>> T(A.size() + 1,
                                       std::vector<unsigned>(B.size() + 1));
  for (size_t I = 1; I <= A.size(); ++I)
    for (size_t J = 1; J <= B.size(); ++J)
      T[I][J] = A[I - 1] == B[J - 1] ? T[I - 1][J - 1] + 1
                                     : std::max(T[I - 1][J], T[I][J - 1]);
  return T[A.size()][B.size()];
}

TEST(UnifiedDiff, SplitLinesKeepsTerminators) {
  EXPECT_THAT(splitLines(""), IsEmpty());
  EXPECT_THAT(splitLines("a"), ElementsAre("a"));
  EXPECT_THAT(splitLines("a\n"), ElementsAre("a\n"));
  EXPECT_THAT(splitLines("a\n\nb"), ElementsAre("a\n", "\n", "b"));
}

TEST(UnifiedDiff, ScriptIsValidAndShortest) {
  std::mt19937 Random(20240601);
  const char *Alphabet[] = {"a\n", "b\n", "c\n", "c"};
  for (int Round = 0; Round < 3000; ++Round) {
    std::vector<llvm::StringRef> A(Random() % 14), B(Random() % 14);
    for (auto &L : A)
      L = Alphabet[Random() % 3];
    for (auto &L : B)
      L = Alphabet[Random() % (Round % 2 ? 3 : 4)];
    std::vector<DiffOp> Ops = diffLines(A, B);

    // Walking the script rebuilds both sides, in order.
    unsigned X = 0, Y = 0, Edits = 0;
    for (const DiffOp &Op : Ops) {
      switch (Op.K) {
      case DiffOp::Keep:
        ASSERT_EQ(Op.OldLine, X);
        ASSERT_EQ(Op.NewLine, Y);
        ASSERT_EQ(A[X], B[Y]);
        ++X, ++Y;
        break;
      case DiffOp::Delete:
        ASSERT_EQ(Op.OldLine, X);
        ++X, ++Edits;
        break;
      case DiffOp::Insert:
        ASSERT_EQ(Op.NewLine, Y);
        ++Y, ++Edits;
        break;
      }
    }
    ASSERT_EQ(X, A.size());
    ASSERT_EQ(Y, B.size());
    ASSERT_EQ(Edits, A.size() + B.size() - 2 * lcs(A, B)) << "round " << Round;
  }
}

TEST(UnifiedDiff, BigInputWithScatteredChanges) {
  std::string Before, After;
  for (int I = 0; I < 5000; ++I) {
    std::string Line = "line " + std::to_string(I) + "\n";
    Before += Line;
    After += I % 100 == 7 ? "changed " + Line : Line;
  }
  LineCounts Counts = countChangedLines(Before, After);
  EXPECT_EQ(Counts.Insertions, 50u);
  EXPECT_EQ(Counts.Deletions, 50u);
}

TEST(UnifiedDiff, EqualTextsPrintNothing) {
  EXPECT_EQ(hunks("a\nb\n", "a\nb\n"), "");
  EXPECT_EQ(hunks("", ""), "");
}

TEST(UnifiedDiff, OneChangeWithThreeLinesOfContext) {
  EXPECT_EQ(hunks("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"),
            "@@ -2,7 +2,7 @@\n"
            " 2\n 3\n 4\n"
            "-5\n"
            "+five\n"
            " 6\n 7\n 8\n");
}

TEST(UnifiedDiff, RemovedLinesComeBeforeAddedOnes) {
  EXPECT_EQ(hunks("a\nb\nc\n", "x\ny\nz\n"), "@@ -1,3 +1,3 @@\n"
                                              "-a\n-b\n-c\n"
                                              "+x\n+y\n+z\n");
}

TEST(UnifiedDiff, DistantChangesMakeTwoHunksCloseOnesOne) {
  std::string Before;
  for (int I = 1; I <= 20; ++I)
    Before += std::to_string(I) + "\n";
  std::string Far = Before, Near = Before;
  Far.replace(Far.find("2\n"), 2, "two\n");
  Far.replace(Far.find("19\n"), 3, "nineteen\n");
  EXPECT_EQ(hunks(Before, Far), "@@ -1,5 +1,5 @@\n"
                                " 1\n-2\n+two\n 3\n 4\n 5\n"
                                "@@ -16,5 +16,5 @@\n"
                                " 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  // Six unchanged lines between two changes: one hunk.
  Near.replace(Near.find("\n2\n") + 1, 2, "two\n");
  Near.replace(Near.find("\n9\n") + 1, 2, "nine\n");
  EXPECT_EQ(hunks(Before, Near), "@@ -1,12 +1,12 @@\n"
                                 " 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n"
                                 " 10\n 11\n 12\n");
}

TEST(UnifiedDiff, MissingFinalNewline) {
  EXPECT_EQ(hunks("a\nb", "a\nb\n"), "@@ -1,2 +1,2 @@\n"
                                     " a\n"
                                     "-b\n\\ No newline at end of file\n"
                                     "+b\n");
  EXPECT_EQ(hunks("a\nb\n", "a\nc"), "@@ -1,2 +1,2 @@\n"
                                     " a\n"
                                     "-b\n"
                                     "+c\n\\ No newline at end of file\n");
  EXPECT_EQ(hunks("a\nb", "x\na\nb"), "@@ -1,2 +1,3 @@\n"
                                      "+x\n"
                                      " a\n"
                                      " b\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, FromAndToNothing) {
  EXPECT_EQ(hunks("", "a\nb\n"), "@@ -0,0 +1,2 @@\n+a\n+b\n");
  EXPECT_EQ(hunks("a\n", ""), "@@ -1 +0,0 @@\n-a\n");
  EXPECT_EQ(hunks("a\nb\nc\nd\n", "a\nb\nc\nd\ne\n"), "@@ -2,3 +2,4 @@\n b\n c\n d\n+e\n");
}

} // namespace
} // namespace mm
