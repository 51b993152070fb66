#include "services/kit_shopping_list_service.h"

namespace partshop {

KitShoppingListService::KitShoppingListService(
    const KitService& kits, const InventoryService& inventory,
    ShoppingListLineService& lines, MetricsServiceProtocol& metrics)
    : kits_(kits), inventory_(inventory), lines_(lines), metrics_(metrics) {}

int KitShoppingListService::PushKit(int kit_id, const std::string& list_name,
                                    int units) {
  const Kit* kit = kits_.GetKit(kit_id);
  if (kit == nullptr || kit->archived) {
    metrics_.RecordKitShoppingListPush("kit_not_found");
    return 0;
  }

  std::vector<int>& linked = links_[{kit_id, list_name}];
  int pushed = 0;
  for (const auto& content : kit->contents) {
    const int shortage = content.required_per_unit * units -
                         inventory_.QuantityOf(content.part_number);
    if (shortage > 0) {
      linked.push_back(
          lines_.AddLine(list_name, content.part_number, shortage));
      ++pushed;
    }
  }

  metrics_.RecordKitShoppingListPush("success");
  metrics_.RecordKitShoppingListLinesPushed(pushed);
  return pushed;
}

int KitShoppingListService::UnlinkKit(int kit_id,
                                      const std::string& list_name) {
  auto it = links_.find({kit_id, list_name});
  if (it == links_.end()) {
    return 0;
  }
  int removed = 0;
  for (int line_id : it->second) {
    if (lines_.RemoveLine(line_id)) {
      ++removed;
    }
  }
  links_.erase(it);
  metrics_.RecordKitShoppingListUnlink();
  return removed;
}

std::vector<int> KitShoppingListService::LinkedLines(
    int kit_id, const std::string& list_name) const {
  auto it = links_.find({kit_id, list_name});
  return it == links_.end() ? std::vector<int>{} : it->second;
}

}  // namespace partshop
