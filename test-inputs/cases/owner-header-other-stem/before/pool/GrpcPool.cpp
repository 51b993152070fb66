#include "pool/GrpcPool.h"

namespace pipeline {

GrpcPool::GrpcPool(PipelineMetrics* metrics)
    : m_metrics(metrics)
{
}

void GrpcPool::Drain()
{
    m_metrics->RowsIngested(0);
    m_metrics->BatchesDrained();
    m_pending = 0;
}

} // namespace pipeline
