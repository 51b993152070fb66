#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry::v2
{

class audit_metrics
{
public:
    audit_metrics();

    void login();
    void sessions(double open);
    void failure(const std::string &reason);

    std::shared_ptr<prometheus::Registry> registry() const
    {
        return m_registry;
    }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter *m_logins = nullptr;
    prometheus::Gauge *m_sessions = nullptr;
    prometheus::Family<prometheus::Counter> *m_failures = nullptr;
};

} // namespace telemetry::v2
