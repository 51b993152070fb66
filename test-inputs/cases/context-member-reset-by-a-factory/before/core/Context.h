#pragma once

#include <memory>
#include <string>

#include "stats/FeedStats.h"

namespace feed {

// What every stage of a poll shares.
struct Context
{
  std::string mName;
  std::unique_ptr<stats::FeedStats> mStats;
};

void Start(Context& aContext);
void Restart(Context& aContext);
void Shutdown(Context& aContext);

} // namespace feed
