#include "replica/applier.h"

namespace replica {

void applier::apply(const std::vector<change>& changes) {
    for (const change& c : changes) {
        switch (c.kind) {
        case 'i':
            sink_->row_inserted(c.rows);
            break;
        case 'd':
            sink_->row_deleted(c.rows);
            break;
        case 'c':
            sink_->txn_committed(1);
            break;
        case 'r':
            sink_->txn_rolled_back(1);
            break;
        }
    }
    sink_->memory_total(static_cast<double>(changes.size()));
}

}  // namespace replica
