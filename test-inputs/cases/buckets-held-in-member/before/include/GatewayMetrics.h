#ifndef GATEWAYMETRICS_H
#define GATEWAYMETRICS_H

#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <vector>

#include "interfaces/IMetrics.h"

class GatewayMetrics : public IMetrics {
 public:
  GatewayMetrics();

  void saveRequestLatency(const double latency) override;
  void saveMessageSize(const std::string &path, int size) override;
  void saveRequestSize(int size) override;

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram> &call_latency_family_;
  prometheus::Family<prometheus::Histogram> &msg_size_family_;
  prometheus::Family<prometheus::Histogram> &request_size_family_;
  prometheus::Histogram *call_latency_;
  prometheus::Histogram *request_size_;

  const std::vector<double> request_buckets_ = {100,    500,     1024,    2048,      4096,
                                                10'000, 100'000, 400'000, 1'000'000, 5'000'000};
  const std::vector<double> msg_buckets_ = {100, 500, 1000, 5000, 10000};
  // Seconds.
  const std::vector<double> call_latency_buckets_ = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5};
};

#endif  // GATEWAYMETRICS_H
