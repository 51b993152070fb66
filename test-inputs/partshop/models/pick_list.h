#pragma once

#include <string>
#include <vector>

namespace partshop {

struct PickListLine {
  std::string part_number;
  std::string location;
  int quantity = 0;
  bool picked = false;
};

struct PickList {
  int id = 0;
  int kit_id = 0;
  int units = 0;
  std::vector<PickListLine> lines;
};

}  // namespace partshop
