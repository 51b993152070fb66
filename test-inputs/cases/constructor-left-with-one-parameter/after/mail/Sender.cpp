#include "mail/Sender.h"
#include "mail/GlobalRegistry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace mail
{

prometheus::Counter &MAIL_RELAYED_TOTAL = prometheus::BuildCounter()
                                              .Name("mail_relayed_total")
                                              .Help("Messages relayed")
                                              .Register(mail::globalRegistry())
                                              .Add({});

prometheus::Counter &MAIL_SENT_TOTAL = prometheus::BuildCounter()
                                           .Name("mail_sent_total")
                                           .Help("Messages sent")
                                           .Register(mail::globalRegistry())
                                           .Add({});

Sender::Sender(Outbox &outbox) : m_outbox(outbox)
{
}

bool Sender::send(const Address &to)
{
    if (!m_outbox.push(to))
        return false;
    MAIL_SENT_TOTAL.Increment();
    return true;
}

Relay::Relay(Outbox &outbox, int retries) : m_outbox(outbox), m_retries(retries)
{
}

bool Relay::relay(const Address &to)
{
    for (int attempt = 0; attempt < m_retries; ++attempt) {
        if (m_outbox.push(to)) {
            MAIL_RELAYED_TOTAL.Increment();
            return true;
        }
    }
    return false;
}

} // namespace mail
