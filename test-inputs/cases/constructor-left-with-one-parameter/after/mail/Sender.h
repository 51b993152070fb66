#pragma once

#include "mail/Outbox.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace mail
{

extern prometheus::Counter &MAIL_RELAYED_TOTAL;

extern prometheus::Counter &MAIL_SENT_TOTAL;

// Queues a message for one address.
class Sender
{
public:
    explicit Sender(Outbox &outbox);

    bool send(const Address &to);

private:
    Outbox &m_outbox;
};

// Queues a message again, up to a number of times.
class Relay
{
public:
    Relay(Outbox &outbox, int retries);

    bool relay(const Address &to);

private:
    Outbox &m_outbox;
    int m_retries;
};

} // namespace mail
