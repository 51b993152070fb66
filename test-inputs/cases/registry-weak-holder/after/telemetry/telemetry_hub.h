#pragma once

#include <memory>
#include <string>

#include <prometheus/registry.h>

namespace arcade {

// Every metric of the arcade server; handed to whoever records one.
class telemetry_hub
{
  public:
    explicit telemetry_hub(std::shared_ptr<prometheus::Registry> registry);

    // What the scrape endpoint serves.
    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
};

} // namespace arcade
