#include "kiln/controller.hpp"
#include "stats/default_registry.hpp"
#include <array>
#include <cstring>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

namespace kiln {

namespace {

// Every firing phase, so that /metrics shows the whole set from the start.
constexpr std::array k_phases = {"heating", "holding", "cooling"};

} // namespace

prometheus::Family<prometheus::Gauge>& KILN_PHASE =
    []() -> prometheus::Family<prometheus::Gauge>& {
    auto& family = prometheus::BuildGauge()
                       .Name("kiln_phase")
                       .Help("Current firing phase, 1 for the active one")
                       .Register(kiln::stats::default_registry());
    for (auto* p : k_phases) {
        family.Add({{"phase", p}}).Set(0.0);
    }
    return family;
}();

prometheus::Histogram& KILN_RAMP_LATENCY_MS =
    prometheus::BuildHistogram()
        .Name("kiln_ramp_latency_ms")
        .Help("Time to reach a set point, milliseconds")
        .Register(kiln::stats::default_registry())
        .Add({}, prometheus::Histogram::BucketBoundaries{100, 1000, 10000});

namespace {

void set_phase(const char* name) {
    for (auto* p : k_phases) {
        KILN_PHASE.Add({{"phase", p}}).Set(std::strcmp(p, name) == 0 ? 1.0 : 0.0);
    }
}

void on_ramp_latency(double ms) {
    if (ms >= 0.0) {
        KILN_RAMP_LATENCY_MS.Observe(ms);
    }
}

} // namespace

std::unique_ptr<controller> build_controller(const std::string& name) {
    std::unique_ptr<controller> c(new controller());
    c->name_ = name;
    c->on_fire_ = [] {
        set_phase("heating");
        on_ramp_latency(1200.0);
        set_phase("holding");
        set_phase("cooling");
    };
    return c;
}

void controller::fire() { on_fire_(); }

} // namespace kiln
