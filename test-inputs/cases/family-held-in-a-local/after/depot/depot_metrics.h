#ifndef DEPOT_DEPOT_METRICS_H
#define DEPOT_DEPOT_METRICS_H

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace depot
{

class depot_metrics
{
public:
    depot_metrics();

    void evicted() { evicted_->Increment(); }

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Counter* evicted_;
};

} // namespace depot

#endif // DEPOT_DEPOT_METRICS_H
