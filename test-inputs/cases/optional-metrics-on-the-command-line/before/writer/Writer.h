#pragma once

#include <cstdint>

namespace ingest {
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
