#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Histogram& PICK_LIST_LINES;

extern prometheus::Counter& PICK_LISTS_CREATED_TOTAL;

class PickListService {
 public:
  PickListService();

  int Create(const std::vector<std::string>& parts);

 private:
  std::vector<std::vector<std::string>> lists_;
};

}  // namespace shop
