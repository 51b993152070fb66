#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <cstddef>
#include <memory>
#include <string>

namespace app::telemetry {

class Metrics {
 public:
  explicit Metrics(std::shared_ptr<prometheus::Registry> registry);

  void recordRouted(const std::string& topic);
  void observeBatch(std::size_t records);

 private:
  std::shared_ptr<prometheus::Registry> m_registry;
  prometheus::Family<prometheus::Counter>& m_routed;
  prometheus::Family<prometheus::Histogram>& m_batchSize;
};

}  // namespace app::telemetry
