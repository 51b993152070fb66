#pragma once

#include <cstdint>

#ifdef WITH_PROMETHEUS
#include <prometheus/counter.h>
#include <prometheus/family.h>
#endif

namespace ingest {

#ifdef WITH_PROMETHEUS
    extern prometheus::Counter& INGEST_BLOCKS_WRITTEN;

    extern prometheus::Counter& INGEST_WRITE_ERRORS;
#endif

    struct Ctx;

    class Writer {
    public:
        explicit Writer(Ctx* newCtx);

        bool write(uint64_t blocks, bool sinkUp);
        uint64_t written() const { return done; }

    private:
        Ctx* ctx;
        uint64_t done{0};
    };
}
