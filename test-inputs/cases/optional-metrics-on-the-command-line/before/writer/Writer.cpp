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
        if (sinkUp)
            done += blocks;
        if (ctx->metrics != nullptr) {
            if (ctx->metrics->isTagged() && sinkUp)
                ctx->metrics->emitBlocksWritten(blocks);
            else if (!sinkUp)
                ctx->metrics->emitWriteErrors(1);
        }
        return sinkUp;
    }
}
