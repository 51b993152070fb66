#include "metrics/MetricsPrometheus.h"

namespace ingest {
    MetricsPrometheus::MetricsPrometheus()
        : registry_(std::make_shared<prometheus::Registry>()),
          bytesRead_(prometheus::BuildCounter().Name("ingest_bytes_read").Help("Bytes read from the source").Register(*registry_).Add({})),
          blocksWritten_(prometheus::BuildCounter().Name("ingest_blocks_written").Help("Blocks written to the sink").Register(*registry_).Add({})),
          writeErrors_(prometheus::BuildCounter().Name("ingest_write_errors").Help("Failed writes").Register(*registry_).Add({})),
          emptyReads_(prometheus::BuildCounter().Name("ingest_empty_reads").Help("Reads of no block").Register(*registry_).Add({})),
          firstReadBytes_(prometheus::BuildCounter().Name("ingest_first_read_bytes").Help("Bytes of the first read").Register(*registry_).Add({})) {
    }

    void MetricsPrometheus::emitBytesRead(uint64_t counter) {
        bytesRead_.Increment(static_cast<double>(counter));
    }

    void MetricsPrometheus::emitBlocksWritten(uint64_t counter) {
        blocksWritten_.Increment(static_cast<double>(counter));
    }

    void MetricsPrometheus::emitWriteErrors(uint64_t counter) {
        writeErrors_.Increment(static_cast<double>(counter));
    }

    void MetricsPrometheus::emitEmptyReads(uint64_t counter) {
        emptyReads_.Increment(static_cast<double>(counter));
    }

    void MetricsPrometheus::emitFirstReadBytes(uint64_t counter) {
        firstReadBytes_.Increment(static_cast<double>(counter));
    }
}
