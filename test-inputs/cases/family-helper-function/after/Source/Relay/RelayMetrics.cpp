#include "Source/Relay/RelayMetrics.h"
#include "Source/Relay/SharedRegistry.h"

#include <prometheus/gauge.h>

using namespace prometheus;

namespace Relay {

namespace {

const std::string metricPrefix = "relay_";

Family<Gauge>& makeGaugeFamily(Registry& registry, const std::string& name)
{
    return BuildGauge().Name(name).Help("Current value").Register(registry);
}

} // namespace

RelayMetrics::RelayMetrics()
    : m_registry(Relay::sharedRegistryPtr())
    , m_depth(makeGaugeFamily(*m_registry, metricPrefix + "queue_depth"))
{
}

void RelayMetrics::queueDepth(double depth)
{
    m_depth.Add({}).Set(depth);
}

} // namespace Relay
