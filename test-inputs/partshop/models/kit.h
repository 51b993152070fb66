#pragma once

#include <string>
#include <vector>

namespace partshop {

struct KitContent {
  std::string part_number;
  int required_per_unit = 0;
};

struct Kit {
  int id = 0;
  std::string name;
  int build_target = 1;
  bool archived = false;
  std::vector<KitContent> contents;
};

}  // namespace partshop
