#include "pool/GrpcPool.h"

namespace pipeline {

void GrpcPool::Ingest(int rows)
{
    m_pending += rows;
    m_metrics->RowsIngested(rows);
}

void GrpcPool::IngestBatch(const std::vector<int>& batch)
{
    for (int rows : batch)
        m_pending += rows;
    m_metrics->RowsIngested(static_cast<double>(batch.size()));
}

} // namespace pipeline
