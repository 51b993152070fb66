#include "writer/Writer.h"

#include "common/Ctx.h"
#include "metrics/Metrics.h"

#ifdef WITH_PROMETHEUS
#include "metrics/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#endif

namespace ingest {

#ifdef WITH_PROMETHEUS
    prometheus::Counter& INGEST_BLOCKS_WRITTEN =
        prometheus::BuildCounter()
            .Name("ingest_blocks_written")
            .Help("Blocks written to the sink")
            .Register(ingest::metrics::defaultRegistry())
            .Add({});

    prometheus::Counter& INGEST_WRITE_ERRORS =
        prometheus::BuildCounter()
            .Name("ingest_write_errors")
            .Help("Failed writes")
            .Register(ingest::metrics::defaultRegistry())
            .Add({});
#endif

    Writer::Writer(Ctx* newCtx) :
            ctx(newCtx) {
    }

    bool Writer::write(uint64_t blocks, bool sinkUp) {
        if (blocks > ctx->blockSize)
            return false;
        [[maybe_unused]] const uint64_t accepted = sinkUp ? blocks : 0;
        if (sinkUp)
            done += blocks;
        if (ctx->metrics != nullptr) {
            if (ctx->metrics->isTagged() && sinkUp) {
#ifdef WITH_PROMETHEUS
                INGEST_BLOCKS_WRITTEN.Increment(static_cast<double>(accepted));
#endif
            } else if (!sinkUp) {
#ifdef WITH_PROMETHEUS
                INGEST_WRITE_ERRORS.Increment(static_cast<double>(1));
#endif
            }
        }
        return sinkUp;
    }
}
