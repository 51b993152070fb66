#include "acme/engine/engine.hpp"
#include "acme/obs/process_registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace acme::engine {

prometheus::Family<prometheus::Histogram>& ACME_ENGINE_STEP_SECONDS =
    prometheus::BuildHistogram()
        .Name("acme_engine_step_seconds")
        .Help("time one step took")
        .Register(acme::obs::process_registry());

prometheus::Family<prometheus::Counter>& ACME_ENGINE_STEPS_TOTAL =
    prometheus::BuildCounter()
        .Name("acme_engine_steps_total")
        .Help("engine steps by outcome")
        .Register(acme::obs::process_registry());

namespace {

prometheus::Counter& steps_total(const std::string& outcome) {
    return ACME_ENGINE_STEPS_TOTAL.Add({{"outcome", outcome}});
}

prometheus::Histogram& step_seconds() {
    return ACME_ENGINE_STEP_SECONDS.Add(
        {}, prometheus::Histogram::BucketBoundaries{0.1, 1.0});
}

}  // namespace

Engine::Engine(const EngineDeps& deps) : limit_(deps.limit) {}

bool Engine::step(double seconds) {
    if (done_ >= limit_) {
        steps_total("refused").Increment();
        return false;
    }
    ++done_;
    steps_total("ok").Increment();
    step_seconds().Observe(seconds);
    return true;
}

}  // namespace acme::engine
