#pragma once

#include <string>

namespace partshop {

struct Part {
  std::string part_number;
  std::string description;
  std::string category;
  std::string location;
  int quantity = 0;
  bool has_document = false;
};

}  // namespace partshop
