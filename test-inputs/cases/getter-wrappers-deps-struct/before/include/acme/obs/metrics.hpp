// Prometheus metrics of the engine. One instance, handed to whoever records.

#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace acme::obs {

class Metrics {
   public:
    Metrics();

    Metrics(const Metrics&)            = delete;
    Metrics& operator=(const Metrics&) = delete;

    prometheus::Counter&   steps_total (const std::string& outcome);
    prometheus::Histogram& step_seconds();

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

   private:
    std::shared_ptr<prometheus::Registry>      registry_;
    prometheus::Family<prometheus::Counter>&   fam_steps_;
    prometheus::Family<prometheus::Histogram>& fam_step_seconds_;
};

}  // namespace acme::obs
