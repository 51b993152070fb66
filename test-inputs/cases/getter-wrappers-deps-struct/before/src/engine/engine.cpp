#include "acme/engine/engine.hpp"

namespace acme::engine {

Engine::Engine(const EngineDeps& deps) : metrics_(deps.metrics), limit_(deps.limit) {}

bool Engine::step(double seconds) {
    if (done_ >= limit_) {
        if (metrics_ != nullptr) metrics_->steps_total("refused").Increment();
        return false;
    }
    ++done_;
    if (metrics_) {
        metrics_->steps_total("ok").Increment();
        metrics_->step_seconds().Observe(seconds);
    }
    return true;
}

}  // namespace acme::engine
