#pragma once

#include <vector>

#include "telemetry/PipelineMetrics.h"

namespace pipeline {

// One class, two files: the ingestion half lives in IngestionPool.cpp.
class GrpcPool {
public:
    explicit GrpcPool(PipelineMetrics* metrics);

    void Ingest(int rows);
    void IngestBatch(const std::vector<int>& batch);
    void Drain();

private:
    PipelineMetrics* m_metrics;
    int m_pending { 0 };
};

} // namespace pipeline
