#pragma once
#include <memory>
#include <prometheus/registry.h>

namespace svc
{
    /// Counts connection attempts by result.
    class Telemetry
    {
    public:
        Telemetry();

    private:
        std::shared_ptr<prometheus::Registry> registry;
    };
}
