#include "pool/GrpcPool.h"
#include "telemetry/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace pipeline {

prometheus::Counter& PIPELINE_BATCHES_DRAINED_TOTAL = prometheus::BuildCounter().Name("pipeline_batches_drained_total").Help("Batches drained").Register(pipeline::telemetry::Registry()).Add({});

GrpcPool::GrpcPool()
{
}

void GrpcPool::Drain()
{
    PIPELINE_ROWS_INGESTED_TOTAL.Increment(0);
    PIPELINE_BATCHES_DRAINED_TOTAL.Increment();
    m_pending = 0;
}

} // namespace pipeline
