#include "services/pick_service.h"

#include <algorithm>

namespace shop {

PickService::PickService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

int PickService::PickAll(const std::vector<PickLine>& lines) {
  auto pick = [this](const PickLine& line) {
    const bool full = line.available >= line.wanted;
    metrics_.RecordLinePicked(full ? "full" : "short");
    return full;
  };
  return static_cast<int>(std::count_if(lines.begin(), lines.end(), pick));
}

}  // namespace shop
