#include "replica/metrics_sink.h"

namespace replica {

void metrics_sink::setup() {
    registry_ = std::make_shared<prometheus::Registry>();

    row_ops_ = &prometheus::BuildCounter().Name("replica_ops")
                                          .Help("Replicated operations")
                                          .Register(*registry_);
    row_ops_insert_ = &row_ops_->Add({{"op", "insert"}});
    row_ops_delete_ = &row_ops_->Add({{"op", "delete"}});

    memory_total_ = &prometheus::BuildGauge().Name("replica_memory_total_mb")
                                             .Help("Memory held, in MB")
                                             .Register(*registry_);
    memory_total_gauge_ = &memory_total_->Add({});

    txn_ops_ = &prometheus::BuildCounter().Name("replica_ops")
                                          .Help("Replicated transactions")
                                          .Register(*registry_);
    txn_ops_commit_ = &txn_ops_->Add({{"op", "commit"}});
    txn_ops_rollback_ = &txn_ops_->Add({{"op", "rollback"}});

    memory_total_ = &prometheus::BuildGauge().Name("replica_memory_total_mb")
                                             .Help("Memory held, in MB")
                                             .Register(*registry_);
    memory_total_gauge_ = &memory_total_->Add({});
}

void metrics_sink::row_inserted(std::uint64_t n) {
    row_ops_insert_->Increment(static_cast<double>(n));
}

void metrics_sink::row_deleted(std::uint64_t n) {
    row_ops_delete_->Increment(static_cast<double>(n));
}

void metrics_sink::txn_committed(std::uint64_t n) {
    txn_ops_commit_->Increment(static_cast<double>(n));
}

void metrics_sink::txn_rolled_back(std::uint64_t n) {
    txn_ops_rollback_->Increment(static_cast<double>(n));
}

void metrics_sink::memory_total(double mb) {
    memory_total_gauge_->Set(mb);
}

}  // namespace replica
