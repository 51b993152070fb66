#pragma once

#include <cstdint>

namespace ingest {
    // What the pipeline reports; an implementation exists only when the
    // build links prometheus-cpp.
    class Metrics {
    public:
        virtual ~Metrics() = default;

        // Which series the sink's tags go to.
        virtual bool isTagged() const = 0;
    };
}
