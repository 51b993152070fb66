#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"
#include "services/inventory_service.h"
#include "utils/timed_cache.h"

namespace partshop {

struct DuplicateMatch {
  std::string part_number;
  double score = 0.0;
};

// Finds existing parts whose description is close to a new one, so users
// do not create the same part twice.
class DuplicateSearchService {
 public:
  static constexpr double kMinScore = 0.5;

  DuplicateSearchService(const InventoryService& inventory,
                         std::chrono::seconds cache_ttl,
                         MetricsServiceProtocol& metrics);

  std::vector<DuplicateMatch> FindDuplicates(const std::string& description);
  void InvalidateCache() { cache_.Clear(); }

 private:
  std::vector<DuplicateMatch> Compute(const std::string& description) const;

  const InventoryService& inventory_;
  MetricsServiceProtocol& metrics_;
  TimedCache<std::string, std::vector<DuplicateMatch>> cache_;
};

}  // namespace partshop
