#pragma once

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include "stats/FeedStats.h"

namespace feed {
namespace stats {

class PromFeedStats : public FeedStats
{
public:
  PromFeedStats();

  void ItemPolled() override;
  void PollFailed() override;

  std::shared_ptr<prometheus::Registry> Registry() const { return mRegistry; }

private:
  std::shared_ptr<prometheus::Registry> mRegistry;
  prometheus::Counter& mPolled;
  prometheus::Counter& mFailed;
};

// Builds the statistics the feed reports.
inline std::unique_ptr<PromFeedStats> MakeFeedStats()
{
  return std::make_unique<PromFeedStats>();
}

} // namespace stats
} // namespace feed
