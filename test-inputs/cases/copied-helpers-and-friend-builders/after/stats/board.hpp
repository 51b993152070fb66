#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <chrono>
#include <memory>

namespace kiln::stats {

// Every kiln metric, in one place.
class board {
public:
    board();

    void tick();

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    std::chrono::steady_clock::time_point started_;
    prometheus::Gauge* uptime_ = nullptr;
};

} // namespace kiln::stats
