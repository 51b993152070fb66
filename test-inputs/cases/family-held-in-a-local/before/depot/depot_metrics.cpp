#include "depot/depot_metrics.h"

namespace depot
{

namespace
{

void expose_reasons(prometheus::Family<prometheus::Counter>& family)
{
    family.Add({ { "reason", "age" } });
}

} // namespace

depot_metrics::depot_metrics()
    : registry_(std::make_shared<prometheus::Registry>())
{
    auto& fetches = prometheus::BuildCounter()
                        .Name("depot_fetches_total")
                        .Help("Fetches, by result")
                        .Register(*registry_);
    fetch_ok_ = &fetches.Add({ { "result", "ok" } });
    fetch_failed_ = &fetches.Add({ { "result", "failed" } });

    auto* open = &prometheus::BuildGauge().Name("depot_open_handles").Help("Open handles").Register(*registry_);
    open_ = &open->Add({});

    auto& evictions = prometheus::BuildCounter()
                          .Name("depot_evictions_total")
                          .Help("Entries evicted, by reason")
                          .Register(*registry_);
    evicted_ = &evictions.Add({ { "reason", "size" } });
    expose_reasons(evictions);
}

} // namespace depot
