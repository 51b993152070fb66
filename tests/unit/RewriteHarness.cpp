//===--- RewriteHarness.cpp - rewrite() on in-memory files ----------------===//

#include "tests/unit/RewriteHarness.h"

#include "core/TextEdits.h"

#include "gtest/gtest.h"

#include <algorithm>

namespace mm::test {

namespace {

FileReader readerOf(const FileTexts &Files) {
  return [&Files](llvm::StringRef Path) -> llvm::Expected<std::string> {
    auto It = Files.find(Path.str());
    if (It == Files.end())
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "no file %s",
                                     Path.str().c_str());
    return It->second;
  };
}

} // namespace

SourceSpan spanOf(const FileTexts &Files, const std::string &File, const std::string &Needle) {
  const std::string &Text = Files.at(File);
  size_t Pos = Text.find(Needle);
  EXPECT_NE(Pos, std::string::npos) << Needle;
  SourceSpan S;
  S.File = File;
  S.Offset = static_cast<unsigned>(Pos);
  S.Length = static_cast<unsigned>(Needle.size());
  S.Line = 1 + static_cast<unsigned>(std::count(Text.begin(), Text.begin() + Pos, '\n'));
  S.Column = 1;
  return S;
}

FileTexts rewritten(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files) {
  auto R = rewrite(C, F, P, readerOf(Files));
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  FileTexts Out = Files;
  for (const auto &[File, Change] : R->Edits.Files) {
    if (Change.NewContent) {
      Out[File] = *Change.NewContent;
      continue;
    }
    if (Change.Edits.empty())
      continue;
    const std::string &Text = Files.at(File);
    Out[File] = applyWithin(Text, 0, static_cast<unsigned>(Text.size()), Change.Edits);
  }
  return Out;
}

std::map<std::string, std::vector<std::string>>
droppedIncludes(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files) {
  auto R = rewrite(C, F, P, readerOf(Files));
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  std::map<std::string, std::vector<std::string>> Out;
  for (const auto &[File, Change] : R->Edits.Files)
    if (!Change.RemoveIncludes.empty())
      Out[File] = Change.RemoveIncludes;
  return Out;
}

std::vector<ManualItem> leftForAHuman(const Catalog &C, const Facts &F, const Plan &P,
                                      const FileTexts &Files) {
  auto R = rewrite(C, F, P, readerOf(Files));
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  return R->Manual;
}

std::string rewriteError(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files) {
  auto R = rewrite(C, F, P, readerOf(Files));
  if (R) {
    ADD_FAILURE() << "rewrite() succeeded";
    return "";
  }
  return llvm::toString(R.takeError());
}

} // namespace mm::test
