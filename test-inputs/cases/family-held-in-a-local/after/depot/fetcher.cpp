#include "depot/fetcher.h"
#include "depot/shared_registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace depot
{

prometheus::Family<prometheus::Counter>& DEPOT_FETCHES_TOTAL =
    prometheus::BuildCounter()
        .Name("depot_fetches_total")
        .Help("Fetches, by result")
        .Register(depot::shared_registry());
prometheus::Counter& FETCH_FAILED =
    DEPOT_FETCHES_TOTAL.Add({{"result", "failed"}});
prometheus::Counter& FETCH_OK = DEPOT_FETCHES_TOTAL.Add({{"result", "ok"}});

prometheus::Gauge& DEPOT_OPEN_HANDLES = prometheus::BuildGauge()
                                            .Name("depot_open_handles")
                                            .Help("Open handles")
                                            .Register(depot::shared_registry())
                                            .Add({});

bool fetcher::fetch(const std::string& key)
{
    if (key.empty()) {
        FETCH_FAILED.Increment();
        return false;
    }
    open_.insert(key);
    DEPOT_OPEN_HANDLES.Set(static_cast<double>(open_.size()));
    FETCH_OK.Increment();
    return true;
}

void fetcher::close(const std::string& key)
{
    if (open_.erase(key) > 0) {
        metrics_.evicted();
    }
    DEPOT_OPEN_HANDLES.Set(static_cast<double>(open_.size()));
}

} // namespace depot
