#include "depot/depot_metrics.h"
#include "depot/shared_registry.h"

namespace depot
{

namespace
{

void expose_reasons(prometheus::Family<prometheus::Counter>& family)
{
    family.Add({ { "reason", "age" } });
}

} // namespace

depot_metrics::depot_metrics() : registry_(depot::shared_registry_ptr())
{
    auto& evictions = prometheus::BuildCounter()
                          .Name("depot_evictions_total")
                          .Help("Entries evicted, by reason")
                          .Register(*registry_);
    evicted_ = &evictions.Add({ { "reason", "size" } });
    expose_reasons(evictions);
}

} // namespace depot
