#include "Source/Relay/RelayMetrics.h"

#include <prometheus/gauge.h>

using namespace prometheus;

namespace Relay {

namespace {

const std::string metricPrefix = "relay_";

Family<Counter>& makeCounterFamily(Registry& registry, const std::string& name, const std::string& help)
{
    return BuildCounter().Name(name).Help(help).Register(registry);
}

Family<Histogram>& makeHistogramFamily(Registry& registry, const char* name, const char* help)
{
    return BuildHistogram()
        .Name(name)
        .Help(help)
        .Labels({ { "unit", "seconds" } })
        .Register(registry);
}

Family<Gauge>& makeGaugeFamily(Registry& registry, const std::string& name)
{
    return BuildGauge().Name(name).Help("Current value").Register(registry);
}

} // namespace

RelayMetrics::RelayMetrics()
    : m_registry(std::make_shared<Registry>())
    , m_forwarded(makeCounterFamily(*m_registry, "relay_messages_forwarded_total", "Messages forwarded, by peer"))
    , m_dropped(makeCounterFamily(*m_registry, "relay_messages_dropped_total", "Messages dropped"))
    , m_latency(makeHistogramFamily(*m_registry, "relay_forward_latency_seconds", "Time to forward one message"))
    , m_depth(makeGaugeFamily(*m_registry, metricPrefix + "queue_depth"))
{
}

void RelayMetrics::messageForwarded(const std::string& peer)
{
    m_forwarded.Add({ { "peer", peer } }).Increment();
}

void RelayMetrics::messageDropped()
{
    m_dropped.Add({}).Increment();
}

void RelayMetrics::forwardLatency(double seconds)
{
    m_latency.Add({}, Histogram::BucketBoundaries { 0.001, 0.01, 0.1 }).Observe(seconds);
}

void RelayMetrics::queueDepth(double depth)
{
    m_depth.Add({}).Set(depth);
}

} // namespace Relay
