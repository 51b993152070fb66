#include "stats/PromFeedStats.h"

namespace feed {
namespace stats {

PromFeedStats::PromFeedStats()
  : mRegistry(std::make_shared<prometheus::Registry>())
  , mPolled(prometheus::BuildCounter()
              .Name("feed_items_polled_total")
              .Help("Items polled")
              .Register(*mRegistry)
              .Add({}))
  , mFailed(prometheus::BuildCounter()
              .Name("feed_polls_failed_total")
              .Help("Polls that failed")
              .Register(*mRegistry)
              .Add({}))
{
}

void PromFeedStats::ItemPolled()
{
  mPolled.Increment();
}

void PromFeedStats::PollFailed()
{
  mFailed.Increment();
}

} // namespace stats
} // namespace feed
