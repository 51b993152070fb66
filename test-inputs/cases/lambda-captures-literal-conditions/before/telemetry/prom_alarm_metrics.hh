#pragma once

#include <memory>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include "telemetry/alarm_metrics.hh"

namespace plant {

class prom_alarm_metrics : public alarm_metrics {
  public:
    prom_alarm_metrics();

    auto on_alarm(bool fired) -> void override;
    auto on_sample(std::string const& sensor, double value) -> void override;

    auto registry() const -> std::shared_ptr<prometheus::Registry> { return registry_; }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Counter>& alarms_;
    prometheus::Family<prometheus::Gauge>& samples_;
};

} // namespace plant
