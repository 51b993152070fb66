#include "pool/GrpcPool.h"
#include "telemetry/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace pipeline {

prometheus::Counter& PIPELINE_ROWS_INGESTED_TOTAL = prometheus::BuildCounter().Name("pipeline_rows_ingested_total").Help("Rows ingested").Register(pipeline::telemetry::Registry()).Add({});

void GrpcPool::Ingest(int rows)
{
    m_pending += rows;
    PIPELINE_ROWS_INGESTED_TOTAL.Increment(rows);
}

void GrpcPool::IngestBatch(const std::vector<int>& batch)
{
    for (int rows : batch)
        m_pending += rows;
    PIPELINE_ROWS_INGESTED_TOTAL.Increment(static_cast<double>(batch.size()));
}

} // namespace pipeline
