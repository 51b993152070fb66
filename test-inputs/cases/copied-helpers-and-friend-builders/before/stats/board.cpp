#include "stats/board.hpp"

#include <array>
#include <cstring>

namespace kiln::stats {

namespace {

// Every firing phase, so that /metrics shows the whole set from the start.
constexpr std::array k_phases = {"heating", "holding", "cooling"};

} // namespace

board::board()
    : registry_(std::make_shared<prometheus::Registry>()), started_(std::chrono::steady_clock::now()) {
    phase_ = &prometheus::BuildGauge()
                  .Name("kiln_phase")
                  .Help("Current firing phase, 1 for the active one")
                  .Register(*registry_);
    for (auto* p : k_phases) {
        phase_->Add({{"phase", p}}).Set(0.0);
    }

    ramp_latency_ = &prometheus::BuildHistogram()
                         .Name("kiln_ramp_latency_ms")
                         .Help("Time to reach a set point, milliseconds")
                         .Register(*registry_)
                         .Add({}, prometheus::Histogram::BucketBoundaries{100, 1000, 10000});

    uptime_ = &prometheus::BuildGauge()
                   .Name("kiln_uptime_seconds")
                   .Help("Seconds since the board started")
                   .Register(*registry_)
                   .Add({});
}

void board::set_phase(const char* name) {
    for (auto* p : k_phases) {
        phase_->Add({{"phase", p}}).Set(std::strcmp(p, name) == 0 ? 1.0 : 0.0);
    }
}

void board::on_ramp_latency(double ms) {
    if (ramp_latency_ && ms >= 0.0) {
        ramp_latency_->Observe(ms);
    }
}

// Unlike k_phases, uptime has no labels: one series.
void board::tick() {
    const std::chrono::duration<double> up = std::chrono::steady_clock::now() - started_;
    uptime_->Set(up.count());
}

} // namespace kiln::stats
