#include "services/search_service.h"

#include <chrono>

namespace shop {

SearchService::SearchService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

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
  metrics_.RecordSearchDuration("search", elapsed.count());
  return found;
}

}  // namespace shop
