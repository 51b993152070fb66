#include "replica/applier.h"
#include "replica/metrics_registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace replica {

prometheus::Gauge& REPLICA_MEMORY_TOTAL_MB =
    prometheus::BuildGauge()
        .Name("replica_memory_total_mb")
        .Help("Memory held, in MB")
        .Register(replica::metrics::default_registry())
        .Add({});

prometheus::Family<prometheus::Counter>& REPLICA_OPS =
    prometheus::BuildCounter()
        .Name("replica_ops")
        .Help("Replicated operations")
        .Register(replica::metrics::default_registry());
prometheus::Counter& ROW_OPS_DELETE = REPLICA_OPS.Add({{"op", "delete"}});
prometheus::Counter& ROW_OPS_INSERT = REPLICA_OPS.Add({{"op", "insert"}});
prometheus::Counter& TXN_OPS_COMMIT = REPLICA_OPS.Add({{"op", "commit"}});
prometheus::Counter& TXN_OPS_ROLLBACK = REPLICA_OPS.Add({{"op", "rollback"}});

void applier::apply(const std::vector<change>& changes) {
    for (const change& c : changes) {
        switch (c.kind) {
        case 'i':
            ROW_OPS_INSERT.Increment(static_cast<double>(c.rows));
            break;
        case 'd':
            ROW_OPS_DELETE.Increment(static_cast<double>(c.rows));
            break;
        case 'c':
            TXN_OPS_COMMIT.Increment(static_cast<double>(1));
            break;
        case 'r':
            TXN_OPS_ROLLBACK.Increment(static_cast<double>(1));
            break;
        }
    }
    REPLICA_MEMORY_TOTAL_MB.Set(static_cast<double>(changes.size()));
}

}  // namespace replica
