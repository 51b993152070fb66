#pragma once

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

namespace pipeline {

class PipelineMetrics {
public:
    PipelineMetrics();

    void RowsIngested(double rows) { m_rows.Increment(rows); }
    void BatchesDrained() { m_batches.Increment(); }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Counter& m_rows;
    prometheus::Counter& m_batches;
};

} // namespace pipeline
