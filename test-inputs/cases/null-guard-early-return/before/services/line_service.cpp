#include "services/line_service.h"

namespace shop {

LineService::LineService(MetricsServiceProtocol* metrics) : metrics_(metrics) {}

int LineService::AddLine(const std::string& part) {
  lines_.push_back(part);
  received_.push_back(false);
  if (metrics_) metrics_->RecordLineAdded();
  return static_cast<int>(lines_.size()) - 1;
}

void LineService::ReceiveLine(int line, const std::string& supplier) {
  received_.at(line) = true;
  if (metrics_ == nullptr) {
    return;
  }
  metrics_->RecordLineReceived(supplier);
}

}  // namespace shop
