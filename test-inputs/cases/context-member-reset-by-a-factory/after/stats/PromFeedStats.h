#pragma once

#include <memory>

#include <prometheus/registry.h>

namespace feed {
namespace stats {

class PromFeedStats
{
public:
  PromFeedStats();

  std::shared_ptr<prometheus::Registry> Registry() const { return mRegistry; }

private:
  std::shared_ptr<prometheus::Registry> mRegistry;
};

// Builds the statistics the feed reports.
inline std::unique_ptr<PromFeedStats> MakeFeedStats()
{
  return std::make_unique<PromFeedStats>();
}

} // namespace stats
} // namespace feed
