#pragma once

#include <memory>
#include <string>

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/labels.h>
#include <prometheus/registry.h>

// Reports what the probe measured; every series carries the run's labels.
class ProbeReporter
{
  public:
    ProbeReporter(const std::string& scenario, const std::string& region);

    void RecordLatency(double seconds);

    std::shared_ptr<prometheus::Registry> Registry() const { return registry_; }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Labels labels_;
    prometheus::Family<prometheus::Gauge>& latency_family_;
    prometheus::Gauge& latency_;
};
