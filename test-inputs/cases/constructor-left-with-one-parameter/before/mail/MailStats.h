#pragma once

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace mail
{

class MailStats
{
public:
    MailStats();

    void messageSent() { m_sent.Increment(); }
    void messageRelayed() { m_relayed.Increment(); }

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter &m_sent;
    prometheus::Counter &m_relayed;
};

} // namespace mail
