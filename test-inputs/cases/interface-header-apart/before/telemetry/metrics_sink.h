#pragma once

#include <cstdint>

namespace relay {

// What the relay reports; the Prometheus side lives in prom_sink.h.
class metrics_sink {
public:
    virtual ~metrics_sink() = default;

    virtual void count_frames(std::uint64_t n) = 0;
    virtual void count_drops(std::uint64_t n) = 0;
};

}  // namespace relay
