#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace partshop {

struct MouserPart {
  std::string mouser_part_number;
  std::string manufacturer_part_number;
  std::string manufacturer;
  std::string description;
  double unit_price = 0.0;
  int availability = 0;
};

// Mouser search API client. The remote catalogue is replaced by an
// in-memory one; request accounting and rate limiting are real.
class MouserClient {
 public:
  MouserClient(std::string api_key, int max_requests_per_window,
               std::shared_ptr<MetricsServiceProtocol> metrics);

  void AddCatalogEntry(MouserPart part);

  std::optional<MouserPart> SearchByPartNumber(const std::string& part_number);
  std::vector<MouserPart> SearchByKeyword(const std::string& keyword);

  // Starts a new rate-limit window.
  void ResetRateWindow() { requests_in_window_ = 0; }
  int requests_in_window() const { return requests_in_window_; }

 private:
  bool AcquireRequestSlot();

  std::string api_key_;
  int max_requests_per_window_;
  std::shared_ptr<MetricsServiceProtocol> metrics_;
  std::map<std::string, MouserPart> catalog_;
  int requests_in_window_ = 0;
};

}  // namespace partshop
