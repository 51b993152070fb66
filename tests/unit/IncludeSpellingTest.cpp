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

TEST(IncludeSpelling, NothingKnownIsRootRelative) {
  EXPECT_EQ(includeSpelling(Facts(), "metrics/registry.h", "services/a.cpp"),
            "\"metrics/registry.h\"");
}

} // namespace
} // namespace mm
