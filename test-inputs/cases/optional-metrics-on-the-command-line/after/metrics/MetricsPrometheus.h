#pragma once

#include <prometheus/registry.h>

#include <memory>

#include "metrics/Metrics.h"

namespace ingest {
    class MetricsPrometheus final : public Metrics {
    public:
        MetricsPrometheus();

        bool isTagged() const override { return tagged; }

        std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

    private:
        std::shared_ptr<prometheus::Registry> registry_;
        bool tagged{true};
    };
}
