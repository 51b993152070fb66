#include "services/pick_list_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Histogram& PICK_LIST_LINES =
    prometheus::BuildHistogram()
        .Name("pick_list_lines")
        .Help("Lines per pick list")
        .Register(shop::metrics::DefaultRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10});

prometheus::Counter& PICK_LISTS_CREATED_TOTAL =
    prometheus::BuildCounter()
        .Name("pick_lists_created_total")
        .Help("Pick lists created")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

namespace {

void RecordPickListCreated(int line_count) {
  if (line_count <= 0) {
    return;
  }
  PICK_LISTS_CREATED_TOTAL.Increment();
  PICK_LIST_LINES.Observe(line_count);
}

}  // namespace

PickListService::PickListService() {}

int PickListService::Create(const std::vector<std::string>& parts) {
  lists_.push_back(parts);
  RecordPickListCreated(static_cast<int>(parts.size()));
  return static_cast<int>(lists_.size()) - 1;
}

}  // namespace shop
