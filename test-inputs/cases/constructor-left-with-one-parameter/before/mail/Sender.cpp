#include "mail/Sender.h"

namespace mail
{

Sender::Sender(Outbox &outbox, MailStats &stats)
    : m_outbox(outbox)
    , m_stats(stats)
{
}

bool Sender::send(const Address &to)
{
    if (!m_outbox.push(to))
        return false;
    m_stats.messageSent();
    return true;
}

Relay::Relay(Outbox &outbox, int retries, MailStats &stats)
    : m_outbox(outbox)
    , m_retries(retries)
    , m_stats(stats)
{
}

bool Relay::relay(const Address &to)
{
    for (int attempt = 0; attempt < m_retries; ++attempt) {
        if (m_outbox.push(to)) {
            m_stats.messageRelayed();
            return true;
        }
    }
    return false;
}

} // namespace mail
