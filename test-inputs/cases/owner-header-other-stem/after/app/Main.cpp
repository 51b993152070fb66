#include "pool/GrpcPool.h"

int main()
{
    pipeline::GrpcPool pool;
    pool.Ingest(3);
    pool.IngestBatch({ 1, 2 });
    pool.Drain();
    return 0;
}
