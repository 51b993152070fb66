#pragma once

#include <cstdint>

#ifdef WITH_PROMETHEUS
#include <prometheus/counter.h>
#include <prometheus/family.h>
#endif

namespace ingest {

#ifdef WITH_PROMETHEUS
    extern prometheus::Counter& INGEST_BYTES_READ;

    extern prometheus::Counter& INGEST_EMPTY_READS;

    extern prometheus::Counter& INGEST_FIRST_READ_BYTES;
#endif

    struct Ctx;

    class Reader {
    public:
        explicit Reader(Ctx* newCtx);

        uint64_t read(uint64_t blocks);

    private:
        Ctx* ctx;
        uint64_t total{0};
    };
}
