#include "mail/MailStats.h"

namespace mail
{

MailStats::MailStats()
    : m_registry(std::make_shared<prometheus::Registry>())
    , m_sent(prometheus::BuildCounter().Name("mail_sent_total").Help("Messages sent").Register(*m_registry).Add({}))
    , m_relayed(prometheus::BuildCounter().Name("mail_relayed_total").Help("Messages relayed").Register(*m_registry).Add({}))
{
}

} // namespace mail
