#include "writer/Writer.h"

#include "common/Ctx.h"
#include "metrics/Metrics.h"

namespace ingest {
    Writer::Writer(Ctx* newCtx) :
            ctx(newCtx) {
    }

    bool Writer::write(uint64_t blocks, bool sinkUp) {
        if (blocks > ctx->blockSize)
            return false;
        const uint64_t accepted = sinkUp ? blocks : 0;
        if (sinkUp)
            done += blocks;
        if (ctx->metrics != nullptr) {
            if (ctx->metrics->isTagged() && sinkUp)
                ctx->metrics->emitBlocksWritten(accepted);
            else if (!sinkUp)
                ctx->metrics->emitWriteErrors(1);
        }
        return sinkUp;
    }
}
