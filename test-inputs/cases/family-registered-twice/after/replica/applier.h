#pragma once

#include <cstdint>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <vector>

namespace replica {

extern prometheus::Gauge& REPLICA_MEMORY_TOTAL_MB;

extern prometheus::Family<prometheus::Counter>& REPLICA_OPS;
extern prometheus::Counter& ROW_OPS_DELETE;
extern prometheus::Counter& ROW_OPS_INSERT;
extern prometheus::Counter& TXN_OPS_COMMIT;
extern prometheus::Counter& TXN_OPS_ROLLBACK;

struct change {
    char kind;  // 'i'nsert, 'd'elete, 'c'ommit, 'r'ollback
    std::uint64_t rows;
};

class applier {
public:
    applier() {}

    void apply(const std::vector<change>& changes);
};

}  // namespace replica
