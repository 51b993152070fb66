#include "services/ai_runner.h"

#include <gtest/gtest.h>

#include <memory>

#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::StubMetricsService;

TEST(AiRunnerTest, ClassifiesAndTagsPart) {
  AiRunner runner("test-model", std::make_shared<StubMetricsService>());
  auto result = runner.AnalyzePart("10k Resistor 0603");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->category, "Resistors");
  EXPECT_EQ(result->tags, (std::vector<std::string>{"10k", "0603"}));
  EXPECT_EQ(result->function_calls,
            (std::vector<std::string>{"classify_part", "lookup_datasheet"}));
  EXPECT_EQ(result->input_tokens, 3);
  EXPECT_EQ(result->output_tokens, 3);
}

TEST(AiRunnerTest, UnknownPartIsUncategorized) {
  AiRunner runner("test-model", std::make_shared<StubMetricsService>());
  auto result = runner.AnalyzePart("mystery widget");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->category, "Uncategorized");
  EXPECT_EQ(result->function_calls.size(), 1u);
}

TEST(AiRunnerTest, EmptyDescriptionFails) {
  AiRunner runner("test-model", std::make_shared<StubMetricsService>());
  EXPECT_FALSE(runner.AnalyzePart("   ").has_value());
}

}  // namespace
}  // namespace partshop
