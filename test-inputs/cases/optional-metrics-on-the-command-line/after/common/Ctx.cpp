#include "common/Ctx.h"
#include "metrics/Metrics.h"

namespace ingest {
    Ctx::~Ctx() {
        delete metrics;
        metrics = nullptr;
    }
}
