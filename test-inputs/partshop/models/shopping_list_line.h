#pragma once

#include <string>

namespace partshop {

enum class LineStatus { kNew, kOrdered, kReceived };

struct ShoppingListLine {
  int id = 0;
  std::string list_name;
  std::string part_number;
  std::string seller;
  int quantity = 0;
  LineStatus status = LineStatus::kNew;
};

}  // namespace partshop
