#pragma once

#include <string>

#include "telemetry/audit_metrics.hpp"

namespace auth
{

class session_guard
{
public:
    explicit session_guard(telemetry::v2::audit_metrics &metrics);

    bool open(const std::string &user, const std::string &password);
    void close();

private:
    telemetry::v2::audit_metrics &m_metrics;
    int m_open = 0;
};

} // namespace auth
