#pragma once

#include <memory>
#include <string>

namespace feed {

// What every stage of a poll shares.
struct Context
{
  std::string mName;
};

void Start(Context& aContext);
void Restart(Context& aContext);
void Shutdown(Context& aContext);

} // namespace feed
