#pragma once

#include <map>
#include <optional>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class PriceCache {
 public:
  explicit PriceCache(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

  std::optional<int> Find(const std::string& part) const {
    auto it = prices_.find(part);
    if (it == prices_.end()) {
      return std::nullopt;
    }
    metrics_.RecordPriceCacheHit();
    return it->second;
  }

  void Store(const std::string& part, int cents);

 private:
  MetricsServiceProtocol& metrics_;
  std::map<std::string, int> prices_;
};

}  // namespace shop
