#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include <app/pipeline/router.hpp>
#include <app/telemetry/registry.hpp>

namespace app::pipeline {

namespace {

// Powers of two from `start`.
prometheus::Histogram::BucketBoundaries doubling(double start, int count) {
  prometheus::Histogram::BucketBoundaries bounds;
  for (int i = 0; i < count; ++i, start *= 2) bounds.push_back(start);
  return bounds;
}

}  // namespace

prometheus::Family<prometheus::Histogram>& APP_BATCH_SIZE =
    prometheus::BuildHistogram()
        .Name("app_batch_size")
        .Help("Records per batch")
        .Register(app::metricsRegistry());

prometheus::Family<prometheus::Counter>& APP_RECORDS_ROUTED_TOTAL =
    prometheus::BuildCounter()
        .Name("app_records_routed_total")
        .Help("Records routed, by topic")
        .Register(app::metricsRegistry());

namespace {

void observeBatch(std::size_t records) {
  static const prometheus::Histogram::BucketBoundaries bounds = doubling(1, 8);
  APP_BATCH_SIZE.Add({}, bounds).Observe(static_cast<double>(records));
}

}  // namespace

namespace {

bool isInternal(const std::string& topic) { return topic.rfind("_", 0) == 0; }

}  // namespace

Router::Router() {}

void Router::route(const std::string& topic, std::size_t records) {
  if (isInternal(topic)) return;
  m_routed += records;
  APP_RECORDS_ROUTED_TOTAL.Add({{"topic", topic}}).Increment();
  observeBatch(records);
}

}  // namespace app::pipeline
