#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "metrics/metrics_service.h"
#include "services/inventory_service.h"
#include "services/kit_service.h"
#include "services/shopping_list_line_service.h"

namespace partshop {

// Pushes the missing parts of a kit onto a shopping list and keeps track of
// which lines came from which kit.
class KitShoppingListService {
 public:
  KitShoppingListService(const KitService& kits,
                         const InventoryService& inventory,
                         ShoppingListLineService& lines,
                         MetricsServiceProtocol& metrics);

  // Returns the number of lines created.
  int PushKit(int kit_id, const std::string& list_name, int units);
  // Removes the lines created by PushKit. Returns the number removed.
  int UnlinkKit(int kit_id, const std::string& list_name);

  std::vector<int> LinkedLines(int kit_id, const std::string& list_name) const;

 private:
  const KitService& kits_;
  const InventoryService& inventory_;
  ShoppingListLineService& lines_;
  MetricsServiceProtocol& metrics_;
  std::map<std::pair<int, std::string>, std::vector<int>> links_;
};

}  // namespace partshop
