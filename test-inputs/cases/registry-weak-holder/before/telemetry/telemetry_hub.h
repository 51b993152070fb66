#pragma once

#include <memory>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

namespace arcade {

// Every metric of the arcade server; handed to whoever records one.
class telemetry_hub
{
  public:
    explicit telemetry_hub(std::shared_ptr<prometheus::Registry> registry);

    void count_match(const std::string& mode);

    // What the scrape endpoint serves.
    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Counter>& matches_;
};

} // namespace arcade
