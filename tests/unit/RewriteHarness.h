//===--- RewriteHarness.h - rewrite() on in-memory files ------------------===//
//
// For the tests of rewrite rules on plain data: spans of text in a set of
// files, and each file's text after rewrite() with the edits applied.
//
//===----------------------------------------------------------------------===//

#ifndef MM_TESTS_UNIT_REWRITEHARNESS_H
#define MM_TESTS_UNIT_REWRITEHARNESS_H

#include "rewriters/Rewrite.h"

#include <map>
#include <string>
#include <vector>

namespace mm::test {

using FileTexts = std::map<std::string, std::string>;

/// The span of the first \p Needle in \p Files[File].
SourceSpan spanOf(const FileTexts &Files, const std::string &File, const std::string &Needle);

/// rewrite() over \p Files: each file's text with its edits applied
/// (includes aside); a file the rewrite creates, with its new content.
/// On an error, a test failure and nothing.
FileTexts rewritten(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files);

/// The includes rewrite() over \p Files drops, by file (those files only).
std::map<std::string, std::vector<std::string>>
droppedIncludes(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files);

/// The items rewrite() over \p Files leaves for a human.
std::vector<ManualItem> leftForAHuman(const Catalog &C, const Facts &F, const Plan &P,
                                      const FileTexts &Files);

/// rewrite()'s error over \p Files, or "" (and a test failure) when it has none.
std::string rewriteError(const Catalog &C, const Facts &F, const Plan &P, const FileTexts &Files);

} // namespace mm::test

#endif
