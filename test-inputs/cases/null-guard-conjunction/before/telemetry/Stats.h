#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace relay {

class Stats {
public:
    Stats();

    void framesDropped(double frames);
    void retried();

    std::shared_ptr<prometheus::Registry> registry() const { return mRegistry; }

private:
    std::shared_ptr<prometheus::Registry> mRegistry;
    prometheus::Counter* mDropped = nullptr;
    prometheus::Counter* mRetries = nullptr;
};

} // namespace relay
