#include "mail/MailStats.h"
#include "mail/GlobalRegistry.h"

namespace mail
{

MailStats::MailStats() : m_registry(mail::globalRegistryPtr())
{
}

} // namespace mail
