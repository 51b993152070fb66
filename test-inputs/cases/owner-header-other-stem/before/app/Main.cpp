#include "pool/GrpcPool.h"
#include "telemetry/PipelineMetrics.h"

int main()
{
    pipeline::PipelineMetrics metrics;
    pipeline::GrpcPool pool(&metrics);
    pool.Ingest(3);
    pool.IngestBatch({ 1, 2 });
    pool.Drain();
    return 0;
}
