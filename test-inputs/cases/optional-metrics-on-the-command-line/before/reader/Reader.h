#pragma once

#include <cstdint>

namespace ingest {
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
