#include "services/search_service.h"

#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include <chrono>

#include "metrics/registry.h"

namespace shop {

namespace {

// Latency buckets for request/response style operations.
static const prometheus::Histogram::BucketBoundaries kLatencyBuckets{
    0.01, 0.05, 0.1, 0.5, 1.0};

}  // namespace

prometheus::Family<prometheus::Histogram>& SEARCH_DURATION_SECONDS =
    prometheus::BuildHistogram()
        .Name("search_duration_seconds")
        .Help("Time spent searching, by endpoint")
        .Register(shop::metrics::DefaultRegistry());

SearchService::SearchService() {}

std::vector<std::string> SearchService::Search(const std::string& query) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> found;
  for (const std::string& part : parts_) {
    if (part.find(query) != std::string::npos) {
      found.push_back(part);
    }
  }
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  SEARCH_DURATION_SECONDS.Add({{"endpoint", "search"}}, kLatencyBuckets)
      .Observe(elapsed.count());
  return found;
}

}  // namespace shop
