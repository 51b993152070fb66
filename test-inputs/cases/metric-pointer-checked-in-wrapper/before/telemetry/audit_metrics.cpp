#include "telemetry/audit_metrics.hpp"

namespace telemetry::v2
{

audit_metrics::audit_metrics()
    : m_registry(std::make_shared<prometheus::Registry>())
{
    m_logins = &prometheus::BuildCounter()
                    .Name("audit_logins_total")
                    .Help("Successful logins")
                    .Register(*m_registry)
                    .Add({});
    m_sessions = &prometheus::BuildGauge()
                      .Name("audit_open_sessions")
                      .Help("Sessions open now")
                      .Register(*m_registry)
                      .Add({});
    m_failures = &prometheus::BuildCounter()
                      .Name("audit_login_failures_total")
                      .Help("Failed logins, by reason")
                      .Register(*m_registry);
}

void audit_metrics::login()
{
    if (m_logins)
        m_logins->Increment();
}

void audit_metrics::sessions(double open)
{
    if (m_sessions != nullptr)
    {
        m_sessions->Set(open);
    }
}

void audit_metrics::failure(const std::string &reason)
{
    if (!m_failures)
        return;
    m_failures->Add({{"reason", reason}}).Increment();
}

} // namespace telemetry::v2
