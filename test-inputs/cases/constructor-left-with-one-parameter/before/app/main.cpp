#include <prometheus/text_serializer.h>

#include <string>

#include "mail/MailStats.h"
#include "mail/Sender.h"

int main()
{
    mail::MailStats stats;
    mail::Outbox outbox(2);
    mail::Sender sender(outbox, stats);
    mail::Relay relay(outbox, 3, stats);
    if (!sender.send(mail::Address("a@example.org")) || !relay.relay(mail::Address("b@example.org")) ||
        sender.send(mail::Address("c@example.org"))) {
        return 1;
    }
    const std::string text = prometheus::TextSerializer().Serialize(stats.registry()->Collect());
    for (const char *line : {"mail_sent_total 1", "mail_relayed_total 1"}) {
        if (text.find(line) == std::string::npos)
            return 2;
    }
    return 0;
}
