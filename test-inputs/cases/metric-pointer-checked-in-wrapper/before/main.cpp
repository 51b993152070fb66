#include <prometheus/text_serializer.h>

#include <string>

#include "auth/session_guard.hpp"
#include "telemetry/audit_metrics.hpp"

int main()
{
    telemetry::v2::audit_metrics metrics;
    auth::session_guard guard(metrics);
    guard.open("ann", "secret");
    guard.open("bob", "secret");
    guard.open("", "x");
    guard.open("eve", "guess");
    guard.open("eve", "guess");
    guard.close();
    const std::string text =
        prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
    for (const char *line : {"audit_logins_total 2\n", "audit_open_sessions 1\n",
                             "audit_login_failures_total{reason=\"no user\"} 1\n",
                             "audit_login_failures_total{reason=\"bad password\"} 2\n"})
        if (text.find(line) == std::string::npos)
            return 1;
    return 0;
}
