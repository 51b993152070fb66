#include "stats/PromFeedStats.h"
#include "stats/ProcessRegistry.h"

namespace feed {
namespace stats {

PromFeedStats::PromFeedStats()
  : mRegistry(feed::stats::ProcessRegistryPtr())
{
}

} // namespace stats
} // namespace feed
