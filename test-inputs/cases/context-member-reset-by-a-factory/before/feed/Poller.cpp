#include "feed/Poller.h"

namespace feed {

bool Poll(Context& aContext, const std::string& aUrl)
{
  if (aUrl.empty()) {
    aContext.mStats->PollFailed();
    return false;
  }
  aContext.mStats->ItemPolled();
  return true;
}

} // namespace feed
