#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <cstdint>
#include <memory>

#include "telemetry/metrics_sink.h"

namespace relay {

class prom_sink : public metrics_sink {
public:
    prom_sink();

    void count_frames(std::uint64_t n) override;
    void count_drops(std::uint64_t n) override;

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter& m_frames;
    prometheus::Counter& m_drops;
};

}  // namespace relay
