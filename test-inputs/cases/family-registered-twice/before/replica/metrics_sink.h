#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <cstdint>
#include <memory>

namespace replica {

class metrics_sink {
public:
    void setup();

    void row_inserted(std::uint64_t n);
    void row_deleted(std::uint64_t n);
    void txn_committed(std::uint64_t n);
    void txn_rolled_back(std::uint64_t n);
    void memory_total(double mb);

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Counter>* row_ops_{nullptr};
    prometheus::Counter* row_ops_insert_{nullptr};
    prometheus::Counter* row_ops_delete_{nullptr};
    prometheus::Family<prometheus::Gauge>* memory_total_{nullptr};
    prometheus::Gauge* memory_total_gauge_{nullptr};
    prometheus::Family<prometheus::Counter>* txn_ops_{nullptr};
    prometheus::Counter* txn_ops_commit_{nullptr};
    prometheus::Counter* txn_ops_rollback_{nullptr};
};

}  // namespace replica
