#include "Source/Relay/Forwarder.h"
#include "Source/Relay/SharedRegistry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace Relay {

prometheus::Family<prometheus::Histogram>& RELAY_FORWARD_LATENCY_SECONDS = prometheus::BuildHistogram()
                                                                               .Name("relay_forward_latency_seconds")
                                                                               .Help("Time to forward one message")
                                                                               .Labels({ { "unit", "seconds" } })
                                                                               .Register(Relay::sharedRegistry());

prometheus::Family<prometheus::Counter>& RELAY_MESSAGES_DROPPED_TOTAL = prometheus::BuildCounter().Name("relay_messages_dropped_total").Help("Messages dropped").Register(Relay::sharedRegistry());

prometheus::Family<prometheus::Counter>& RELAY_MESSAGES_FORWARDED_TOTAL = prometheus::BuildCounter().Name("relay_messages_forwarded_total").Help("Messages forwarded, by peer").Register(Relay::sharedRegistry());

bool Forwarder::forward(const std::string& peer, const std::string& message)
{
    if (message.empty()) {
        RELAY_MESSAGES_DROPPED_TOTAL.Add({}).Increment();
        return false;
    }
    RELAY_MESSAGES_FORWARDED_TOTAL.Add({ { "peer", peer } }).Increment();
    RELAY_FORWARD_LATENCY_SECONDS.Add({}, prometheus::Histogram::BucketBoundaries { 0.001, 0.01, 0.1 }).Observe(0.005);
    return true;
}

void Forwarder::drain(std::vector<std::string>& queue)
{
    m_metrics.queueDepth(static_cast<double>(queue.size()));
    queue.clear();
}

} // namespace Relay
