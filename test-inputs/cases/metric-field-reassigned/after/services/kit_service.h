#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <set>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Counter& KITS_CREATED_TOTAL;

class KitService {
 public:
  explicit KitService(MetricsServiceProtocol& metrics);

  void CreateKit(int kit_id);
  void ArchiveKit(int kit_id);
  void RestoreKit(int kit_id);

 private:
  MetricsServiceProtocol& metrics_;
  std::set<int> archived_;
};

}  // namespace shop
