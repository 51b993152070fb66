#include "auth/session_guard.hpp"
#include "telemetry/process_registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace auth
{

prometheus::Family<prometheus::Counter> &AUDIT_LOGIN_FAILURES_TOTAL =
    prometheus::BuildCounter()
        .Name("audit_login_failures_total")
        .Help("Failed logins, by reason")
        .Register(telemetry::v2::process_registry());

prometheus::Counter &AUDIT_LOGINS_TOTAL =
    prometheus::BuildCounter()
        .Name("audit_logins_total")
        .Help("Successful logins")
        .Register(telemetry::v2::process_registry())
        .Add({});

prometheus::Gauge &AUDIT_OPEN_SESSIONS =
    prometheus::BuildGauge()
        .Name("audit_open_sessions")
        .Help("Sessions open now")
        .Register(telemetry::v2::process_registry())
        .Add({});

session_guard::session_guard()
{
}

bool session_guard::open(const std::string &user, const std::string &password)
{
    if (user.empty())
    {
        AUDIT_LOGIN_FAILURES_TOTAL.Add({{"reason", "no user"}}).Increment();
        return false;
    }
    if (password != "secret")
    {
        AUDIT_LOGIN_FAILURES_TOTAL.Add({{"reason", "bad password"}})
            .Increment();
        return false;
    }
    AUDIT_LOGINS_TOTAL.Increment();
    AUDIT_OPEN_SESSIONS.Set(++m_open);
    return true;
}

void session_guard::close()
{
    AUDIT_OPEN_SESSIONS.Set(--m_open);
}

} // namespace auth
