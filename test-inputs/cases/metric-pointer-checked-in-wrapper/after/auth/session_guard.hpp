#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <string>

namespace auth
{

extern prometheus::Family<prometheus::Counter> &AUDIT_LOGIN_FAILURES_TOTAL;

extern prometheus::Counter &AUDIT_LOGINS_TOTAL;

extern prometheus::Gauge &AUDIT_OPEN_SESSIONS;

class session_guard
{
public:
    session_guard();

    bool open(const std::string &user, const std::string &password);
    void close();

private:
    int m_open = 0;
};

} // namespace auth
