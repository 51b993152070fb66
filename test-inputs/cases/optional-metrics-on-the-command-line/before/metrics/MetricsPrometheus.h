#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

#include "metrics/Metrics.h"

namespace ingest {
    class MetricsPrometheus final : public Metrics {
    public:
        MetricsPrometheus();

        void emitBytesRead(uint64_t counter) override;
        void emitBlocksWritten(uint64_t counter) override;
        void emitWriteErrors(uint64_t counter) override;
        void emitEmptyReads(uint64_t counter) override;
        void emitFirstReadBytes(uint64_t counter) override;
        bool isTagged() const override { return tagged; }

        std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

    private:
        std::shared_ptr<prometheus::Registry> registry_;
        prometheus::Counter& bytesRead_;
        prometheus::Counter& blocksWritten_;
        prometheus::Counter& writeErrors_;
        prometheus::Counter& emptyReads_;
        prometheus::Counter& firstReadBytes_;
        bool tagged{true};
    };
}
