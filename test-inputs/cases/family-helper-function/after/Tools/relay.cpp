#include "Source/Relay/Forwarder.h"
#include "Source/Relay/RelayMetrics.h"

#include <prometheus/text_serializer.h>

#include <string>
#include <vector>

int main()
{
    Relay::RelayMetrics metrics;
    Relay::Forwarder forwarder(metrics);
    forwarder.forward("north", "hello");
    forwarder.forward("north", "");
    std::vector<std::string> queue { "a", "b" };
    forwarder.drain(queue);
    const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
    for (const char* line : { "relay_messages_forwarded_total{peer=\"north\"} 1\n",
             "relay_messages_dropped_total 1\n",
             "relay_forward_latency_seconds_count{unit=\"seconds\"} 1\n",
             "relay_queue_depth 2\n" }) {
        if (text.find(line) == std::string::npos)
            return 1;
    }
    return 0;
}
