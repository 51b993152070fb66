//===--- LeftBecauseTest.cpp - Items left for a human, by pattern ---------===//

#include "report/LeftBecause.h"

#include "gtest/gtest.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mm {
namespace {

ManualItem item(LeftBecause Cause, unsigned Line = 1) {
  return {"a.cpp", Line, "call to X", "why", Cause};
}

TEST(LeftBecause, CountsMostFirstThenById) {
  std::vector<ManualItem> Items = {item(LeftBecause::Macro), item(LeftBecause::SharedMetricName),
                                   item(LeftBecause::SharedMetricName, 2),
                                   item(LeftBecause::AddressTaken)};
  std::vector<ReasonCount> Counts = countByReason(Items);
  ASSERT_EQ(Counts.size(), 3u);
  EXPECT_EQ(Counts[0].Cause, LeftBecause::SharedMetricName);
  EXPECT_EQ(Counts[0].Items, 2u);
  // One each: `address-taken` before `macro`.
  EXPECT_EQ(Counts[1].Cause, LeftBecause::AddressTaken);
  EXPECT_EQ(Counts[2].Cause, LeftBecause::Macro);
}

TEST(LeftBecause, SummaryNamesThePatternAndItsSection) {
  std::vector<ManualItem> Items(12, item(LeftBecause::SharedMetricName));
  Items.push_back(item(LeftBecause::DidNotCompile));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printLeftSummary(OS, Items);
  EXPECT_EQ(Out, "13 items left for a human, by the code behind them:\n"
                 "  12  metrics held in several fields (a family and the children taken from "
                 "it); see docs/left-for-a-human.md#shared-metric-name\n"
                 "   1  edits that did not compile and were taken back; see "
                 "docs/left-for-a-human.md#did-not-compile\n");
}

TEST(LeftBecause, SummaryFoldsTheTailIntoOneLine) {
  std::vector<ManualItem> Items = {item(LeftBecause::Macro), item(LeftBecause::Macro, 2),
                                   item(LeftBecause::Fenced), item(LeftBecause::Arguments)};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printLeftSummary(OS, Items, /*Top=*/1);
  EXPECT_EQ(Out, "4 items left for a human, by the code behind them:\n"
                 "  2  calls inside macros; see docs/left-for-a-human.md#macro\n"
                 "  2  in 2 other patterns (each item above says why)\n");
}

TEST(LeftBecause, NothingLeftPrintsNothing) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printLeftSummary(OS, {});
  EXPECT_EQ(Out, "");
}

TEST(LeftBecause, EveryCauseHasASectionInTheDocs) {
  // docs/left-for-a-human.md holds `## <id>` for each cause.
  auto Text = llvm::MemoryBuffer::getFile(MM_LEFT_DOC);
  ASSERT_TRUE(bool(Text)) << MM_LEFT_DOC;
  for (int C = 0; C <= static_cast<int>(LeftBecause::AbsoluteValue); ++C) {
    LeftBecause Cause = static_cast<LeftBecause>(C);
    EXPECT_NE((*Text)->getBuffer().find(("\n## " + idOf(Cause) + "\n").str()),
              llvm::StringRef::npos)
        << idOf(Cause).str();
  }
}

} // namespace
} // namespace mm
