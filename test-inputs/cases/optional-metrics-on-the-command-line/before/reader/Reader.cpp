#include "reader/Reader.h"

#include "common/Ctx.h"
#include "metrics/Metrics.h"

namespace ingest {
    Reader::Reader(Ctx* newCtx) :
            ctx(newCtx) {
    }

    uint64_t Reader::read(uint64_t blocks) {
        const uint64_t bytes = blocks * ctx->blockSize;
        uint64_t first = 0;
        if (total == 0)
            first = bytes;
        total += bytes;
        switch (blocks) {
            case 0:
                if (ctx->metrics != nullptr)
                    ctx->metrics->emitEmptyReads(1);
                break;
            default:
                if (ctx->metrics != nullptr)
                    ctx->metrics->emitBytesRead(bytes);
                break;
        }
        if (ctx->metrics != nullptr) {
            if (first > 0)
                ctx->metrics->emitFirstReadBytes(first);
        }
        return bytes;
    }
}
