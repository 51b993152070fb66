#include "services/line_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& LINES_ADDED_TOTAL =
    prometheus::BuildCounter()
        .Name("lines_added_total")
        .Help("Shopping list lines added")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

prometheus::Family<prometheus::Counter>& LINES_RECEIVED_TOTAL =
    prometheus::BuildCounter()
        .Name("lines_received_total")
        .Help("Shopping list lines received")
        .Register(shop::metrics::DefaultRegistry());

LineService::LineService(MetricsServiceProtocol* metrics) : metrics_(metrics) {}

int LineService::AddLine(const std::string& part) {
  lines_.push_back(part);
  received_.push_back(false);
  LINES_ADDED_TOTAL.Increment();
  return static_cast<int>(lines_.size()) - 1;
}

void LineService::ReceiveLine(int line, const std::string& supplier) {
  if (!metrics_) return;  // lines are only marked received when measured
  received_.at(line) = true;
  LINES_RECEIVED_TOTAL.Add({{"supplier", supplier}}).Increment();
}

void LineService::Reset() {
  if (metrics_ != nullptr) {  // a measured service starts over
    lines_.clear();
    received_.clear();
  }
}

}  // namespace shop
