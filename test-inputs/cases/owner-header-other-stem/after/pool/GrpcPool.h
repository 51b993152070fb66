#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <vector>

namespace pipeline {

extern prometheus::Counter& PIPELINE_BATCHES_DRAINED_TOTAL;

extern prometheus::Counter& PIPELINE_ROWS_INGESTED_TOTAL;

// One class, two files: the ingestion half lives in IngestionPool.cpp.
class GrpcPool {
public:
    GrpcPool();

    void Ingest(int rows);
    void IngestBatch(const std::vector<int>& batch);
    void Drain();

private:
    int m_pending { 0 };
};

} // namespace pipeline
