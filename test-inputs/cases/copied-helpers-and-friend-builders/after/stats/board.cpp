#include "stats/board.hpp"
#include "stats/default_registry.hpp"

#include <array>
#include <cstring>

namespace kiln::stats {

board::board() : registry_(kiln::stats::default_registry_ptr()), started_(std::chrono::steady_clock::now()) {
    uptime_ = &prometheus::BuildGauge()
                   .Name("kiln_uptime_seconds")
                   .Help("Seconds since the board started")
                   .Register(*registry_)
                   .Add({});
}

// Unlike k_phases, uptime has no labels: one series.
void board::tick() {
    const std::chrono::duration<double> up = std::chrono::steady_clock::now() - started_;
    uptime_->Set(up.count());
}

} // namespace kiln::stats
