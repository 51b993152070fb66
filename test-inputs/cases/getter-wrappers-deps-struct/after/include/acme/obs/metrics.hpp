// Prometheus metrics of the engine. One instance, handed to whoever records.

#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace acme::obs {

class Metrics {
   public:
    Metrics();

    Metrics(const Metrics&)            = delete;
    Metrics& operator=(const Metrics&) = delete;

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

   private:
    std::shared_ptr<prometheus::Registry>      registry_;
};

}  // namespace acme::obs
