#include <ingestd/telemetry/ingest_metrics.hpp>

#include <utility>

#include <prometheus/text_serializer.h>

namespace ingestd::telemetry {
namespace {

// JSON documents nest a handful of levels; anything past 8 is rejected by the parser.
const prometheus::Histogram::BucketBoundaries kDepthBuckets{1, 2, 3, 4, 6, 8};

// Compressed-to-plain ratios: 1.0 means the codec did nothing.
const prometheus::Histogram::BucketBoundaries kRatioBuckets{1.0, 1.5, 2.0, 3.0, 5.0, 10.0};

// Sink latency objectives are stated as p50/p90/p99.
const prometheus::Summary::Quantiles kLatencyQuantiles{{0.5, 0.05}, {0.9, 0.01}, {0.99, 0.001}};

prometheus::Histogram::BucketBoundaries exponentialBuckets(double start, double factor, int count) {
    prometheus::Histogram::BucketBoundaries buckets;
    double bound = start;
    for (int i = 0; i < count; ++i) {
        buckets.push_back(bound);
        bound *= factor;
    }
    return buckets;
}

double childValue(prometheus::Family<prometheus::Counter>& family,
                  const prometheus::Labels& labels) {
    return family.Has(labels) ? family.Add(labels).Value() : 0.0;
}

} // namespace

IngestMetrics::IngestMetrics(std::shared_ptr<prometheus::Registry> registry,
                             const std::string& version)
    : m_registry(std::move(registry)), m_batchSizeBuckets(exponentialBuckets(1, 2, 10)),
      m_recordsParsed(prometheus::BuildCounter()
                          .Name("ingestd_parse_records_total")
                          .Help("Records decoded from incoming payloads, by format")
                          .Register(*m_registry)),
      m_bytesParsed(prometheus::BuildCounter()
                        .Name("ingestd_parse_bytes_total")
                        .Help("Payload bytes handed to the parsers, by format")
                        .Register(*m_registry)),
      m_parseErrors(prometheus::BuildCounter()
                        .Name("ingestd_parse_errors_total")
                        .Help("Lines or payloads rejected while decoding, by format and reason")
                        .Register(*m_registry)),
      m_jsonDepth(prometheus::BuildHistogram()
                      .Name("ingestd_json_nesting_depth")
                      .Help("Nesting depth of accepted JSON records")
                      .Register(*m_registry)
                      .Add({}, kDepthBuckets)),
      m_lineFields(prometheus::BuildHistogram()
                       .Name("ingestd_line_protocol_fields")
                       .Help("Fields per line-protocol record")
                       .Register(*m_registry)),
      m_decompressedBytes(prometheus::BuildCounter()
                              .Name("ingestd_decompressed_bytes_total")
                              .Help("Plain bytes produced by the decompressor, by codec")
                              .Register(*m_registry)),
      m_compressionRatio(prometheus::BuildHistogram()
                             .Name("ingestd_compression_ratio")
                             .Help("Plain size over compressed size, by codec")
                             .Register(*m_registry)),
      m_schemaLookups(prometheus::BuildCounter()
                          .Name("ingestd_schema_lookups_total")
                          .Help("Schema registry lookups, by result")
                          .Register(*m_registry)),
      m_schemasRegistered(prometheus::BuildGauge()
                              .Name("ingestd_schemas_registered")
                              .Help("Schemas currently known to the registry")
                              .Register(*m_registry)
                              .Add({})),
      m_schemaCompatFailures(prometheus::BuildCounter()
                                 .Name("ingestd_schema_compat_failures_total")
                                 .Help("Records that did not satisfy their schema")
                                 .Register(*m_registry)
                                 .Add({})),
      m_batchesFlushed(prometheus::BuildCounter()
                           .Name("ingestd_batches_flushed_total")
                           .Help("Batches handed to the sink, by flush reason")
                           .Register(*m_registry)),
      m_batchSize(prometheus::BuildHistogram()
                      .Name("ingestd_batch_size_records")
                      .Help("Records per flushed batch")
                      .Register(*m_registry)
                      .Add({}, m_batchSizeBuckets)),
      m_pendingRecords(prometheus::BuildGauge()
                           .Name("ingestd_batcher_pending_records")
                           .Help("Records waiting in the batcher")
                           .Register(*m_registry)
                           .Add({})),
      m_duplicatesDropped(prometheus::BuildCounter()
                              .Name("ingestd_duplicates_dropped_total")
                              .Help("Records dropped as duplicates, by source")
                              .Register(*m_registry)),
      m_dedupWindowEntries(prometheus::BuildGauge()
                               .Name("ingestd_dedup_window_entries")
                               .Help("Keys remembered by the deduplication window")
                               .Register(*m_registry)
                               .Add({})),
      m_recordsRouted(prometheus::BuildCounter()
                          .Name("ingestd_records_routed_total")
                          .Help("Records assigned to a topic, by topic")
                          .Register(*m_registry)),
      m_unroutable(prometheus::BuildCounter()
                       .Name("ingestd_unroutable_records_total")
                       .Help("Records no routing rule matched")
                       .Register(*m_registry)
                       .Add({})),
      m_writeLatency(prometheus::BuildSummary()
                         .Name("ingestd_sink_write_latency_seconds")
                         .Help("Time to hand one batch to a sink, by sink and format")
                         .Register(*m_registry)),
      m_bytesWritten(prometheus::BuildCounter()
                         .Name("ingestd_sink_bytes_written_total")
                         .Help("Bytes accepted by a sink, by sink and format")
                         .Register(*m_registry)),
      m_writeFailures(prometheus::BuildCounter()
                          .Name("ingestd_sink_write_failures_total")
                          .Help("Sink writes that failed, by sink and error")
                          .Register(*m_registry)),
      m_connectionsAccepted(prometheus::BuildCounter()
                                .Name("ingestd_connections_accepted_total")
                                .Help("Connections accepted, by listener")
                                .Register(*m_registry)),
      m_connectionsRejected(prometheus::BuildCounter()
                                .Name("ingestd_connections_rejected_total")
                                .Help("Connections refused, by listener and reason")
                                .Register(*m_registry)),
      m_connectionsActive(prometheus::BuildGauge()
                              .Name("ingestd_connections_active")
                              .Help("Connections currently open")
                              .Register(*m_registry)
                              .Add({})),
      m_retriesScheduled(prometheus::BuildCounter()
                             .Name("ingestd_retries_scheduled_total")
                             .Help("Batches scheduled for another delivery attempt, by sink")
                             .Register(*m_registry)),
      m_retryBackoff(prometheus::BuildHistogram()
                         .Name("ingestd_retry_backoff_seconds")
                         .Help("Backoff chosen before a delivery retry")
                         .Register(*m_registry)),
      m_recordsDropped(prometheus::BuildCounter()
                           .Name("ingestd_records_dropped_total")
                           .Help("Records dropped before reaching a sink, by reason")
                           .Register(*m_registry)),
      m_buildInfo(prometheus::BuildGauge()
                      .Name("ingestd_build_info")
                      .Help("Always 1; labelled with the running version")
                      .Register(*m_registry)),
      m_scrapes(prometheus::BuildCounter()
                    .Name("ingestd_metrics_scrapes_total")
                    .Help("Times the exposition was rendered")
                    .Register(*m_registry)
                    .Add({})) {
    m_retryQueueDepth = &prometheus::BuildGauge()
                             .Name("ingestd_retry_queue_depth")
                             .Help("Batches waiting for a retry")
                             .Register(*m_registry)
                             .Add({});
    m_tenantRequests = &prometheus::BuildCounter()
                            .Name("ingestd_tenant_requests_total")
                            .Help("Throttle decisions, by tenant and decision")
                            .Register(*m_registry);
    m_buildInfo.Add({{"version", version}}).Set(1);
}

std::string IngestMetrics::scrape() {
    m_scrapes.Increment();
    return prometheus::TextSerializer().Serialize(m_registry->Collect());
}

void IngestMetrics::recordRecordsParsed(const std::string& format, std::size_t count) {
    m_recordsParsed.Add({{"format", format}}).Increment(static_cast<double>(count));
}

void IngestMetrics::recordBytesParsed(double bytes, const prometheus::Labels& labels) {
    m_bytesParsed.Add(labels).Increment(bytes);
}

void IngestMetrics::recordParseError(const prometheus::Labels& labels) {
    m_parseErrors.Add(labels).Increment();
}

void IngestMetrics::observeJsonDepth(int depth) {
    m_jsonDepth.Observe(depth);
}

void IngestMetrics::observeLineFields(std::size_t fields) {
    m_lineFields.Add({}, prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32})
        .Observe(static_cast<double>(fields));
}

void IngestMetrics::recordDecompressed(const std::string& codec, std::size_t compressedBytes,
                                       std::size_t plainBytes) {
    m_decompressedBytes.Add({{"codec", codec}}).Increment(static_cast<double>(plainBytes));
    if (compressedBytes == 0)
        return;
    const double ratio = static_cast<double>(plainBytes) / static_cast<double>(compressedBytes);
    m_compressionRatio.Add({{"codec", codec}}, kRatioBuckets).Observe(ratio);
}

void IngestMetrics::recordSchemaLookup(bool hit) {
    m_schemaLookups.Add({{"result", hit ? "hit" : "miss"}}).Increment();
}

void IngestMetrics::setSchemasRegistered(std::size_t count) {
    m_schemasRegistered.Set(static_cast<double>(count));
}

void IngestMetrics::recordSchemaCompatFailure() {
    m_schemaCompatFailures.Increment();
}

void IngestMetrics::recordBatchFlushed(const std::string& reason, std::size_t records) {
    if (records == 0)
        return;
    m_batchesFlushed.Add({{"reason", reason}}).Increment();
    m_batchSize.Observe(static_cast<double>(records));
}

void IngestMetrics::setPendingRecords(std::size_t pending) {
    m_pendingRecords.Set(static_cast<double>(pending));
}

void IngestMetrics::recordDuplicateDropped(const prometheus::Labels& labels) {
    m_duplicatesDropped.Add(labels).Increment();
}

void IngestMetrics::setDedupWindowEntries(std::size_t entries) {
    m_dedupWindowEntries.Set(static_cast<double>(entries));
}

void IngestMetrics::recordRouted(double count, const prometheus::Labels& labels) {
    m_recordsRouted.Add(labels).Increment(count);
}

void IngestMetrics::recordUnroutable() {
    m_unroutable.Increment();
}

void IngestMetrics::observeWriteLatency(double seconds, const prometheus::Labels& labels) {
    m_writeLatency.Add(labels, kLatencyQuantiles).Observe(seconds);
}

void IngestMetrics::recordBytesWritten(double bytes, const prometheus::Labels& labels) {
    m_bytesWritten.Add(labels).Increment(bytes);
}

void IngestMetrics::recordWriteFailure(const std::string& sink, const std::string& error) {
    m_writeFailures.Add({{"sink", sink}, {"error", error}}).Increment();
}

void IngestMetrics::recordConnectionAccepted(const std::string& listener) {
    m_connectionsAccepted.Add({{"listener", listener}}).Increment();
}

void IngestMetrics::recordConnectionRejected(const prometheus::Labels& labels) {
    m_connectionsRejected.Add(labels).Increment();
}

void IngestMetrics::connectionOpened() {
    m_connectionsActive.Increment();
}

void IngestMetrics::connectionClosed() {
    m_connectionsActive.Decrement();
}

void IngestMetrics::recordRetryScheduled(const std::string& sink, double backoffSeconds) {
    static const prometheus::Histogram::BucketBoundaries backoffBuckets =
        exponentialBuckets(0.1, 2.0, 8);
    m_retriesScheduled.Add({{"sink", sink}}).Increment();
    m_retryBackoff.Add({}, backoffBuckets).Observe(backoffSeconds);
}

void IngestMetrics::setRetryQueueDepth(std::size_t depth) {
    m_retryQueueDepth->Set(static_cast<double>(depth));
}

void IngestMetrics::recordDropped(const std::string& reason, std::size_t count) {
    m_recordsDropped.Add({{"reason", reason}}).Increment(static_cast<double>(count));
}

void IngestMetrics::recordTenantRequest(const prometheus::Labels& labels) {
    m_tenantRequests->Add(labels).Increment();
}

double IngestMetrics::recordsParsed(const std::string& format) const {
    return childValue(m_recordsParsed, {{"format", format}});
}

double IngestMetrics::parseErrors(const prometheus::Labels& labels) const {
    return childValue(m_parseErrors, labels);
}

double IngestMetrics::schemasRegistered() const {
    return m_schemasRegistered.Value();
}

double IngestMetrics::pendingRecords() const {
    return m_pendingRecords.Value();
}

double IngestMetrics::connectionsActive() const {
    return m_connectionsActive.Value();
}

double IngestMetrics::retryQueueDepth() const {
    return m_retryQueueDepth->Value();
}

double IngestMetrics::dropped(const std::string& reason) const {
    return childValue(m_recordsDropped, {{"reason", reason}});
}

double IngestMetrics::scrapes() const {
    return m_scrapes.Value();
}

std::uint64_t IngestMetrics::batchesObserved() const {
    return m_batchSize.Collect().histogram.sample_count;
}

} // namespace ingestd::telemetry
