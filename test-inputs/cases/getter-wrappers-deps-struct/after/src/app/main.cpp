#include <prometheus/text_serializer.h>

#include <string>

#include "acme/engine/engine.hpp"
#include "acme/obs/metrics.hpp"

int main() {
    acme::obs::Metrics metrics;
    acme::engine::EngineDeps deps{
        .id      = 1,
        .limit   = 2,
    };
    acme::engine::Engine engine(deps);
    engine.step(0.5);
    engine.step(2.0);
    if (engine.step(0.1)) return 1;
    acme::engine::Engine spare(acme::engine::EngineDeps{2, 0});
    if (spare.step(0.1)) return 1;
    const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
    for (const char* line : {"acme_engine_steps_total{outcome=\"ok\"} 2\n",
                             "acme_engine_steps_total{outcome=\"refused\"} 2\n",
                             "acme_engine_step_seconds_count 2\n",
                             "acme_engine_step_seconds_bucket{le=\"1\"} 1\n"}) {
        if (text.find(line) == std::string::npos) return 1;
    }
    return 0;
}
