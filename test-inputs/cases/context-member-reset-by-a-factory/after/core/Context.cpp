#include "core/Context.h"

namespace feed {

void Start(Context& aContext)
{
  aContext.mName = "started";
}

void Restart(Context& aContext)
{
  aContext.mName = "restarted";
}

void Shutdown(Context& aContext)
{
  aContext.mName.clear();
}

} // namespace feed
