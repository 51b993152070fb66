#include "auth/session_guard.hpp"

namespace auth
{

session_guard::session_guard(telemetry::v2::audit_metrics &metrics)
    : m_metrics(metrics)
{
}

bool session_guard::open(const std::string &user, const std::string &password)
{
    if (user.empty())
    {
        m_metrics.failure("no user");
        return false;
    }
    if (password != "secret")
    {
        m_metrics.failure("bad password");
        return false;
    }
    m_metrics.login();
    m_metrics.sessions(++m_open);
    return true;
}

void session_guard::close()
{
    m_metrics.sessions(--m_open);
}

} // namespace auth
