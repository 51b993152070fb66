#pragma once
#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

namespace svc
{
    /// Counts connection attempts by result.
    class Telemetry
    {
    public:
        Telemetry();

        void ConnectOk();
        void ConnectRefused();

    private:
        std::shared_ptr<prometheus::Registry> registry;
        prometheus::Family<prometheus::Counter>& connects;
        prometheus::Counter& connectsOk;
        prometheus::Counter& connectsRefused;
    };
}
