#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry::v2
{

class audit_metrics
{
public:
    audit_metrics();

    std::shared_ptr<prometheus::Registry> registry() const
    {
        return m_registry;
    }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace telemetry::v2
