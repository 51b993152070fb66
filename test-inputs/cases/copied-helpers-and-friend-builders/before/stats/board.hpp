#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <chrono>
#include <memory>

namespace kiln::stats {

// Every kiln metric, in one place.
class board {
public:
    board();

    void set_phase(const char* name);
    void on_ramp_latency(double ms);
    void tick();

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    std::chrono::steady_clock::time_point started_;
    prometheus::Family<prometheus::Gauge>* phase_ = nullptr;
    prometheus::Histogram* ramp_latency_ = nullptr;
    prometheus::Gauge* uptime_ = nullptr;
};

} // namespace kiln::stats
