#pragma once

#include "mail/MailStats.h"
#include "mail/Outbox.h"

namespace mail
{

// Queues a message for one address.
class Sender
{
public:
    Sender(Outbox &outbox, MailStats &stats);

    bool send(const Address &to);

private:
    Outbox &m_outbox;
    MailStats &m_stats;
};

// Queues a message again, up to a number of times.
class Relay
{
public:
    Relay(Outbox &outbox, int retries, MailStats &stats);

    bool relay(const Address &to);

private:
    Outbox &m_outbox;
    int m_retries;
    MailStats &m_stats;
};

} // namespace mail
