#include "services/mouser_client.h"

#include <chrono>
#include <utility>

namespace partshop {

MouserClient::MouserClient(std::string api_key, int max_requests_per_window,
                           std::shared_ptr<MetricsServiceProtocol> metrics)
    : api_key_(std::move(api_key)),
      max_requests_per_window_(max_requests_per_window),
      metrics_(std::move(metrics)) {}

void MouserClient::AddCatalogEntry(MouserPart part) {
  std::string key = part.manufacturer_part_number;
  catalog_[key] = std::move(part);
}

std::optional<MouserPart> MouserClient::SearchByPartNumber(
    const std::string& part_number) {
  if (!AcquireRequestSlot()) {
    return std::nullopt;
  }
  const auto start = std::chrono::steady_clock::now();

  std::optional<MouserPart> result;
  std::string status = "error";
  if (!api_key_.empty()) {
    auto it = catalog_.find(part_number);
    if (it != catalog_.end()) {
      result = it->second;
      status = "success";
    } else {
      status = "not_found";
    }
  }

  metrics_->RecordMouserApiRequest(
      "partnumber", status,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

std::vector<MouserPart> MouserClient::SearchByKeyword(
    const std::string& keyword) {
  if (!AcquireRequestSlot()) {
    return {};
  }
  const auto start = std::chrono::steady_clock::now();

  std::vector<MouserPart> results;
  if (!api_key_.empty()) {
    for (const auto& entry : catalog_) {
      if (entry.second.description.find(keyword) != std::string::npos) {
        results.push_back(entry.second);
      }
    }
  }

  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  metrics_->RecordMouserApiRequest(
      "keyword", api_key_.empty() ? "error" : "success", elapsed);
  return results;
}

bool MouserClient::AcquireRequestSlot() {
  if (requests_in_window_ >= max_requests_per_window_) {
    metrics_->RecordMouserRateLimited();
    return false;
  }
  ++requests_in_window_;
  return true;
}

}  // namespace partshop
