#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace acme::engine {

extern prometheus::Family<prometheus::Histogram>& ACME_ENGINE_STEP_SECONDS;

extern prometheus::Family<prometheus::Counter>& ACME_ENGINE_STEPS_TOTAL;

// What an engine is built from.
struct EngineDeps {
    int                 id      = 0;
    int                 limit   = 0;
};

class Engine {
   public:
    explicit Engine(const EngineDeps& deps);

    bool step(double seconds);

   private:
    int                 limit_;
    int                 done_ = 0;
};

}  // namespace acme::engine
