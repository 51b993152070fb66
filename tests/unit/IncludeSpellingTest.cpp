//===--- IncludeSpellingTest.cpp - How a new #include is spelled ----------===//

#include "core/Types.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

TEST(IncludeSpelling, AsTheProjectSpellsThatFile) {
  Facts F;
  F.IncludeSpellings["include/app/metrics.h"] = "<app/metrics.h>";
  F.IncludeRoots["."] = 9;
  EXPECT_EQ(includeSpelling(F, "include/app/metrics.h", "src/a.cpp"), "<app/metrics.h>");
}

TEST(IncludeSpelling, FromTheRootMostIncludesResolveFrom) {
  Facts F;
  F.IncludeRoots[""] = 2;
  F.IncludeRoots["include/"] = 5;
  EXPECT_EQ(includeSpelling(F, "include/app/registry.h", "src/a.cpp"), "\"app/registry.h\"");
  // A root that cannot reach the file does not count.
  EXPECT_EQ(includeSpelling(F, "src/registry.h", "src/a.cpp"), "\"src/registry.h\"");
}

TEST(IncludeSpelling, RelativeToTheIncluderWhereTheProjectWritesSo) {
  Facts F;
  F.IncludeRoots["."] = 40;
  F.IncludeRoots[""] = 1;
  EXPECT_EQ(includeSpelling(F, "src/common/metrics/registry.h", "src/reader/Reader.cpp"),
            "\"../common/metrics/registry.h\"");
  EXPECT_EQ(includeSpelling(F, "src/common/metrics/registry.h", "src/common/metrics/M.cpp"),
            "\"registry.h\"");
  EXPECT_EQ(includeSpelling(F, "registry.h", "src/a/b.cpp"), "\"../../registry.h\"");
  // Without an includer, the root.
  EXPECT_EQ(includeSpelling(F, "src/common/metrics/registry.h"),
            "\"src/common/metrics/registry.h\"");
}

TEST(IncludeSpelling, OnlyWhatTheIncludersOwnIncludePathResolves) {
  Facts F;
  F.IncludeRoots[""] = 30;
  F.IncludeRoots["include/"] = 4;
  F.IncludeSpellings["src/ingest/metrics.h"] = "\"src/ingest/metrics.h\"";
  // src/ is compiled with the root on its path, tests/ with include/ only.
  F.SearchRoots["src/ingest/reader.cpp"] = {"", "include/"};
  F.SearchRoots["tests/reader_test.cpp"] = {"include/"};
  F.SearchRoots["tools/dump.cpp"] = {};
  EXPECT_EQ(includeSpelling(F, "src/ingest/metrics.h", "src/ingest/reader.cpp"),
            "\"src/ingest/metrics.h\"");
  EXPECT_EQ(includeSpelling(F, "include/ingest/registry.h", "src/ingest/reader.cpp"),
            "\"include/ingest/registry.h\"");
  // The spelling the project uses does not resolve there: the next root
  // that does, else the includer's own folder.
  EXPECT_EQ(includeSpelling(F, "include/ingest/registry.h", "tests/reader_test.cpp"),
            "\"ingest/registry.h\"");
  EXPECT_EQ(includeSpelling(F, "src/ingest/metrics.h", "tests/reader_test.cpp"),
            "\"../src/ingest/metrics.h\"");
  EXPECT_EQ(includeSpelling(F, "src/ingest/metrics.h", "tools/dump.cpp"),
            "\"../src/ingest/metrics.h\"");
  // A spelling from the includer's own folder resolves whatever the path.
  F.IncludeSpellings["tools/table.h"] = "\"table.h\"";
  EXPECT_EQ(includeSpelling(F, "tools/table.h", "tools/dump.cpp"), "\"table.h\"");
  // No change where the path is not known.
  EXPECT_EQ(includeSpelling(F, "src/ingest/metrics.h", "bench/b.cpp"),
            "\"src/ingest/metrics.h\"");
}

TEST(IncludeSpelling, NothingKnownIsRootRelative) {
  EXPECT_EQ(includeSpelling(Facts(), "metrics/registry.h", "services/a.cpp"),
            "\"metrics/registry.h\"");
}

} // namespace
} // namespace mm
