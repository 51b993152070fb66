#include <app/telemetry/metrics.hpp>
#include <utility>

namespace app::telemetry {
namespace {

// Powers of two from `start`.
prometheus::Histogram::BucketBoundaries doubling(double start, int count) {
  prometheus::Histogram::BucketBoundaries bounds;
  for (int i = 0; i < count; ++i, start *= 2) bounds.push_back(start);
  return bounds;
}

}  // namespace

Metrics::Metrics(std::shared_ptr<prometheus::Registry> registry)
    : m_registry(std::move(registry)),
      m_routed(prometheus::BuildCounter()
                   .Name("app_records_routed_total")
                   .Help("Records routed, by topic")
                   .Register(*m_registry)),
      m_batchSize(prometheus::BuildHistogram()
                      .Name("app_batch_size")
                      .Help("Records per batch")
                      .Register(*m_registry)) {}

void Metrics::recordRouted(const std::string& topic) {
  m_routed.Add({{"topic", topic}}).Increment();
}

void Metrics::observeBatch(std::size_t records) {
  static const prometheus::Histogram::BucketBoundaries bounds = doubling(1, 8);
  m_batchSize.Add({}, bounds).Observe(static_cast<double>(records));
}

}  // namespace app::telemetry
