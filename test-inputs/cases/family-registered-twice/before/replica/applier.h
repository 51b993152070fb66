#pragma once

#include <cstdint>
#include <vector>

#include "replica/metrics_sink.h"

namespace replica {

struct change {
    char kind;  // 'i'nsert, 'd'elete, 'c'ommit, 'r'ollback
    std::uint64_t rows;
};

class applier {
public:
    explicit applier(metrics_sink* sink) : sink_(sink) {}

    void apply(const std::vector<change>& changes);

private:
    metrics_sink* sink_;
};

}  // namespace replica
