#pragma once

#include <memory>

#include <prometheus/registry.h>

namespace pipeline {

class PipelineMetrics {
public:
    PipelineMetrics();

private:
    std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace pipeline
