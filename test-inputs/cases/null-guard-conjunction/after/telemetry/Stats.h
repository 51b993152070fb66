#pragma once

#include <prometheus/registry.h>

#include <memory>

namespace relay {

class Stats {
public:
    Stats();

    std::shared_ptr<prometheus::Registry> registry() const { return mRegistry; }

private:
    std::shared_ptr<prometheus::Registry> mRegistry;
};

} // namespace relay
