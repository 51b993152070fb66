#include "services/kit_pick_list_service.h"

#include <chrono>
#include <stdexcept>
#include <utility>

namespace partshop {

KitPickListService::KitPickListService(
    KitService& kits, InventoryService& inventory,
    std::shared_ptr<MetricsServiceProtocol> metrics)
    : kits_(kits), inventory_(inventory), metrics_(std::move(metrics)) {}

int KitPickListService::CreatePickList(int kit_id, int units) {
  const auto start = std::chrono::steady_clock::now();

  const Kit* kit = kits_.GetKit(kit_id);
  if (kit == nullptr) {
    throw std::out_of_range("unknown kit " + std::to_string(kit_id));
  }
  if (units <= 0) {
    throw std::invalid_argument("units must be positive");
  }

  PickList pick_list;
  pick_list.id = next_id_++;
  pick_list.kit_id = kit_id;
  pick_list.units = units;
  for (const auto& content : kit->contents) {
    PickListLine line;
    line.part_number = content.part_number;
    line.quantity = content.required_per_unit * units;
    if (auto part = inventory_.FindPart(content.part_number)) {
      line.location = part->location;
    }
    pick_list.lines.push_back(line);
  }
  const int line_count = static_cast<int>(pick_list.lines.size());
  pick_lists_[pick_list.id] = std::move(pick_list);

  metrics_->RecordPickListCreated();
  metrics_->RecordPickListLines(line_count);
  metrics_->RecordPickListCreationDuration(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return next_id_ - 1;
}

void KitPickListService::PickLine(int pick_list_id, std::size_t line_index) {
  PickListLine& line = GetLineOrThrow(pick_list_id, line_index);
  if (line.picked) {
    return;
  }
  inventory_.RemoveStock(line.part_number, line.quantity);
  line.picked = true;
  metrics_->RecordPickListLinePicked("picked");
}

void KitPickListService::UndoLine(int pick_list_id, std::size_t line_index) {
  PickListLine& line = GetLineOrThrow(pick_list_id, line_index);
  if (!line.picked) {
    return;
  }
  inventory_.AddStock(line.part_number, line.quantity);
  line.picked = false;
  metrics_->RecordPickListLinePicked("undone");
}

const PickList* KitPickListService::GetPickList(int pick_list_id) const {
  auto it = pick_lists_.find(pick_list_id);
  return it == pick_lists_.end() ? nullptr : &it->second;
}

PickListLine& KitPickListService::GetLineOrThrow(int pick_list_id,
                                                 std::size_t line_index) {
  auto it = pick_lists_.find(pick_list_id);
  if (it == pick_lists_.end() || line_index >= it->second.lines.size()) {
    throw std::out_of_range("unknown pick list line");
  }
  return it->second.lines[line_index];
}

}  // namespace partshop
