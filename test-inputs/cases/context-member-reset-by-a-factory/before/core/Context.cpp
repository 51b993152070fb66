#include "core/Context.h"

#include "stats/PromFeedStats.h"

namespace feed {

void Start(Context& aContext)
{
  aContext.mName = "started";
  aContext.mStats = stats::MakeFeedStats();
}

void Restart(Context& aContext)
{
  aContext.mName = "restarted";
  aContext.mStats.reset(new stats::PromFeedStats());
}

void Shutdown(Context& aContext)
{
  aContext.mStats.reset();
  aContext.mName.clear();
}

} // namespace feed
