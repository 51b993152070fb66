#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Family<prometheus::Counter>& LINES_PICKED_TOTAL;

struct PickLine {
  std::string part;
  int wanted = 0;
  int available = 0;
};

class PickService {
 public:
  PickService();

  // Picks every line; returns how many could be picked in full.
  int PickAll(const std::vector<PickLine>& lines);
};

}  // namespace shop
