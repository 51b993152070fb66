#ifndef DEPOT_DEPOT_METRICS_H
#define DEPOT_DEPOT_METRICS_H

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>

namespace depot
{

class depot_metrics
{
public:
    depot_metrics();

    void fetch_ok() { fetch_ok_->Increment(); }
    void fetch_failed() { fetch_failed_->Increment(); }
    void set_open(double n) { open_->Set(n); }
    void evicted() { evicted_->Increment(); }

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Counter* fetch_ok_;
    prometheus::Counter* fetch_failed_;
    prometheus::Gauge* open_;
    prometheus::Counter* evicted_;
};

} // namespace depot

#endif // DEPOT_DEPOT_METRICS_H
