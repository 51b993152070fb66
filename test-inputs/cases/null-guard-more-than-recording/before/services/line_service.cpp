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
  if (!metrics_) return;  // lines are only marked received when measured
  received_.at(line) = true;
  metrics_->RecordLineReceived(supplier);
}

void LineService::Reset() {
  if (metrics_ != nullptr) {  // a measured service starts over
    lines_.clear();
    received_.clear();
  }
}

}  // namespace shop
