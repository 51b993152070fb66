#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/labels.h>
#include <prometheus/registry.h>
#include <prometheus/summary.h>

namespace ingestd::telemetry {

/// Defines every metric ingestd exports and records them on behalf of the pipeline.
///
/// One instance per daemon, shared by the components (some hold a reference, some a
/// shared_ptr). Checks build their own instance on a fresh registry and read the values back
/// through the accessors at the bottom.
class IngestMetrics {
public:
    explicit IngestMetrics(std::shared_ptr<prometheus::Registry> registry,
                           const std::string& version = "1.4.2");
    IngestMetrics(const IngestMetrics&) = delete;
    IngestMetrics& operator=(const IngestMetrics&) = delete;

    const std::shared_ptr<prometheus::Registry>& registry() const { return m_registry; }

    /// Text exposition of the registry, as served on /metrics. Counts itself as a scrape.
    std::string scrape();

    // Parsing
    void recordRecordsParsed(const std::string& format, std::size_t count);
    void recordBytesParsed(double bytes, const prometheus::Labels& labels);
    void recordParseError(const prometheus::Labels& labels);
    void observeJsonDepth(int depth);
    void observeLineFields(std::size_t fields);

    // Decompression
    void recordDecompressed(const std::string& codec, std::size_t compressedBytes,
                            std::size_t plainBytes);

    // Schemas
    void recordSchemaLookup(bool hit);
    void setSchemasRegistered(std::size_t count);
    void recordSchemaCompatFailure();

    // Batching
    void recordBatchFlushed(const std::string& reason, std::size_t records);
    void setPendingRecords(std::size_t pending);

    // Deduplication
    void recordDuplicateDropped(const prometheus::Labels& labels);
    void setDedupWindowEntries(std::size_t entries);

    // Routing
    void recordRouted(double count, const prometheus::Labels& labels);
    void recordUnroutable();

    // Sinks
    void observeWriteLatency(double seconds, const prometheus::Labels& labels);
    void recordBytesWritten(double bytes, const prometheus::Labels& labels);
    void recordWriteFailure(const std::string& sink, const std::string& error);

    // Connections
    void recordConnectionAccepted(const std::string& listener);
    void recordConnectionRejected(const prometheus::Labels& labels);
    void connectionOpened();
    void connectionClosed();

    // Retries and drops
    void recordRetryScheduled(const std::string& sink, double backoffSeconds);
    void setRetryQueueDepth(std::size_t depth);
    void recordDropped(const std::string& reason, std::size_t count = 1);

    // Tenants
    void recordTenantRequest(const prometheus::Labels& labels);

    // Accessors for checks and the status page.
    double recordsParsed(const std::string& format) const;
    double parseErrors(const prometheus::Labels& labels) const;
    double schemasRegistered() const;
    double pendingRecords() const;
    double connectionsActive() const;
    double retryQueueDepth() const;
    double dropped(const std::string& reason) const;
    double scrapes() const;
    std::uint64_t batchesObserved() const;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Histogram::BucketBoundaries m_batchSizeBuckets;

    prometheus::Family<prometheus::Counter>& m_recordsParsed;
    prometheus::Family<prometheus::Counter>& m_bytesParsed;
    prometheus::Family<prometheus::Counter>& m_parseErrors;
    prometheus::Histogram& m_jsonDepth;
    prometheus::Family<prometheus::Histogram>& m_lineFields;

    prometheus::Family<prometheus::Counter>& m_decompressedBytes;
    prometheus::Family<prometheus::Histogram>& m_compressionRatio;

    prometheus::Family<prometheus::Counter>& m_schemaLookups;
    prometheus::Gauge& m_schemasRegistered;
    prometheus::Counter& m_schemaCompatFailures;

    prometheus::Family<prometheus::Counter>& m_batchesFlushed;
    prometheus::Histogram& m_batchSize;
    prometheus::Gauge& m_pendingRecords;

    prometheus::Family<prometheus::Counter>& m_duplicatesDropped;
    prometheus::Gauge& m_dedupWindowEntries;

    prometheus::Family<prometheus::Counter>& m_recordsRouted;
    prometheus::Counter& m_unroutable;

    prometheus::Family<prometheus::Summary>& m_writeLatency;
    prometheus::Family<prometheus::Counter>& m_bytesWritten;
    prometheus::Family<prometheus::Counter>& m_writeFailures;

    prometheus::Family<prometheus::Counter>& m_connectionsAccepted;
    prometheus::Family<prometheus::Counter>& m_connectionsRejected;
    prometheus::Gauge& m_connectionsActive;

    prometheus::Family<prometheus::Counter>& m_retriesScheduled;
    prometheus::Family<prometheus::Histogram>& m_retryBackoff;
    prometheus::Gauge* m_retryQueueDepth = nullptr;
    prometheus::Family<prometheus::Counter>& m_recordsDropped;

    prometheus::Family<prometheus::Counter>* m_tenantRequests = nullptr;

    // Only IngestMetrics itself touches these two.
    prometheus::Family<prometheus::Gauge>& m_buildInfo;
    prometheus::Counter& m_scrapes;
};

} // namespace ingestd::telemetry
