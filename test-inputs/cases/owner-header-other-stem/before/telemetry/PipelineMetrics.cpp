#include "telemetry/PipelineMetrics.h"

namespace pipeline {

PipelineMetrics::PipelineMetrics()
    : m_registry(std::make_shared<prometheus::Registry>())
    , m_rows(prometheus::BuildCounter().Name("pipeline_rows_ingested_total").Help("Rows ingested").Register(*m_registry).Add({}))
    , m_batches(prometheus::BuildCounter().Name("pipeline_batches_drained_total").Help("Batches drained").Register(*m_registry).Add({}))
{
}

} // namespace pipeline
