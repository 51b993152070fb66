#pragma once

#include "acme/obs/metrics.hpp"

namespace acme::engine {

// What an engine is built from.
struct EngineDeps {
    int                 id      = 0;
    acme::obs::Metrics* metrics = nullptr;
    int                 limit   = 0;
};

class Engine {
   public:
    explicit Engine(const EngineDeps& deps);

    bool step(double seconds);

   private:
    acme::obs::Metrics* metrics_;
    int                 limit_;
    int                 done_ = 0;
};

}  // namespace acme::engine
