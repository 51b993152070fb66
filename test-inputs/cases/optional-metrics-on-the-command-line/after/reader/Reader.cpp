#include "reader/Reader.h"

#include "common/Ctx.h"
#include "metrics/Metrics.h"

#ifdef WITH_PROMETHEUS
#include "metrics/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#endif

namespace ingest {

#ifdef WITH_PROMETHEUS
    prometheus::Counter& INGEST_BYTES_READ =
        prometheus::BuildCounter()
            .Name("ingest_bytes_read")
            .Help("Bytes read from the source")
            .Register(ingest::metrics::defaultRegistry())
            .Add({});

    prometheus::Counter& INGEST_EMPTY_READS =
        prometheus::BuildCounter()
            .Name("ingest_empty_reads")
            .Help("Reads of no block")
            .Register(ingest::metrics::defaultRegistry())
            .Add({});

    prometheus::Counter& INGEST_FIRST_READ_BYTES =
        prometheus::BuildCounter()
            .Name("ingest_first_read_bytes")
            .Help("Bytes of the first read")
            .Register(ingest::metrics::defaultRegistry())
            .Add({});
#endif

    Reader::Reader(Ctx* newCtx) :
            ctx(newCtx) {
    }

    uint64_t Reader::read(uint64_t blocks) {
        const uint64_t bytes = blocks * ctx->blockSize;
        [[maybe_unused]] uint64_t first = 0;
        if (total == 0)
            first = bytes;
        total += bytes;
        switch (blocks) {
            case 0: {
#ifdef WITH_PROMETHEUS
                INGEST_EMPTY_READS.Increment(static_cast<double>(1));
#endif
            }
                break;
            default: {
#ifdef WITH_PROMETHEUS
                INGEST_BYTES_READ.Increment(static_cast<double>(bytes));
#endif
            }
                break;
        }
#ifdef WITH_PROMETHEUS
        if (first > 0)
            INGEST_FIRST_READ_BYTES.Increment(static_cast<double>(first));
#endif
        return bytes;
    }
}
