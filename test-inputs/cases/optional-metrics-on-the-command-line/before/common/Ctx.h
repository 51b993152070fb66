#pragma once

#include <cstdint>

namespace ingest {
    class Metrics;

    // What every component of the pipeline shares.
    struct Ctx {
        Metrics* metrics{nullptr};
        uint64_t blockSize{512};

        ~Ctx();
    };
}
