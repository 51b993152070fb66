#pragma once

#include <memory>
#include <string>

#include <prometheus/registry.h>

namespace plant {

class prom_alarm_metrics {
  public:
    prom_alarm_metrics();

    auto registry() const -> std::shared_ptr<prometheus::Registry> { return registry_; }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
};

} // namespace plant
