#include "feed/Poller.h"
#include "stats/ProcessRegistry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace feed {

prometheus::Counter& FEED_ITEMS_POLLED_TOTAL =
  prometheus::BuildCounter()
    .Name("feed_items_polled_total")
    .Help("Items polled")
    .Register(feed::stats::ProcessRegistry())
    .Add({});

prometheus::Counter& FEED_POLLS_FAILED_TOTAL =
  prometheus::BuildCounter()
    .Name("feed_polls_failed_total")
    .Help("Polls that failed")
    .Register(feed::stats::ProcessRegistry())
    .Add({});

bool Poll(Context& /*aContext*/, const std::string& aUrl)
{
  if (aUrl.empty()) {
    FEED_POLLS_FAILED_TOTAL.Increment();
    return false;
  }
  FEED_ITEMS_POLLED_TOTAL.Increment();
  return true;
}

} // namespace feed
