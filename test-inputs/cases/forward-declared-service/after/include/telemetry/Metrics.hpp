#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry
{

class Metrics
{
  public:
    Metrics();

    std::shared_ptr<prometheus::Registry> Registry() const
    {
        return _registry;
    }

  private:
    std::shared_ptr<prometheus::Registry> _registry;
};

} // namespace telemetry
