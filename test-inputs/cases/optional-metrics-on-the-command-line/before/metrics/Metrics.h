#pragma once

#include <cstdint>

namespace ingest {
    // What the pipeline reports; an implementation exists only when the
    // build links prometheus-cpp.
    class Metrics {
    public:
        virtual ~Metrics() = default;

        virtual void emitBytesRead(uint64_t counter) = 0;
        virtual void emitBlocksWritten(uint64_t counter) = 0;
        virtual void emitWriteErrors(uint64_t counter) = 0;
        virtual void emitEmptyReads(uint64_t counter) = 0;
        virtual void emitFirstReadBytes(uint64_t counter) = 0;

        // Which series the sink's tags go to.
        virtual bool isTagged() const = 0;
    };
}
