#pragma once

#include <prometheus/registry.h>

#include <cstdint>
#include <memory>

namespace replica {

class metrics_sink {
public:
    void setup();

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace replica
