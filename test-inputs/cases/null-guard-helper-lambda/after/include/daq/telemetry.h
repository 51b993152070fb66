#pragma once

#include <prometheus/registry.h>

#include <cstddef>
#include <memory>

namespace daq {

/// Every metric of the acquisition chain.
class Telemetry
{
public:
  Telemetry();

  const std::shared_ptr<prometheus::Registry>& registry() const
  {
    return mRegistry;
  }

private:
  std::shared_ptr<prometheus::Registry> mRegistry;
};

} // namespace daq
