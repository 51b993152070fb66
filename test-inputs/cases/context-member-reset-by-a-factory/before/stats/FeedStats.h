#pragma once

namespace feed {
namespace stats {

class FeedStats
{
public:
  virtual ~FeedStats() = default;

  virtual void ItemPolled() = 0;
  virtual void PollFailed() = 0;
};

} // namespace stats
} // namespace feed
