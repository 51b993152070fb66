#include "utils/timed_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::StubMetricsService;

TEST(TimedCacheTest, ReturnsStoredValueUntilCleared) {
  StubMetricsService stub;
  TimedCache<std::string, int> cache(std::chrono::minutes(5), stub);
  EXPECT_FALSE(cache.Get("a").has_value());

  cache.Put("a", 7);
  EXPECT_EQ(cache.Get("a"), 7);
  cache.Clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(cache.Get("a").has_value());
}

TEST(TimedCacheTest, ZeroTtlAlwaysMisses) {
  StubMetricsService stub;
  TimedCache<int, std::string> cache(std::chrono::seconds(0), stub);
  cache.Put(1, "one");
  EXPECT_FALSE(cache.Get(1).has_value());
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace partshop
