#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace stats
{

class Telemetry
{
  public:
    Telemetry();

    // Samples the queue length into the backlog gauge.
    void poll(int queued);

    std::shared_ptr<prometheus::Registry> registry() const
    {
        return registry_;
    }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Gauge &backlog_;
};

} // namespace stats
