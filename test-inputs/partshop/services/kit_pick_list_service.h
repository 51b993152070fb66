#pragma once

#include <cstddef>
#include <map>
#include <memory>

#include "metrics/metrics_service.h"
#include "models/pick_list.h"
#include "services/inventory_service.h"
#include "services/kit_service.h"

namespace partshop {

class KitPickListService {
 public:
  KitPickListService(KitService& kits, InventoryService& inventory,
                     std::shared_ptr<MetricsServiceProtocol> metrics);

  // Builds a pick list for `units` builds of a kit. Returns its id.
  int CreatePickList(int kit_id, int units);

  // Marks a line as picked and takes the parts out of stock.
  void PickLine(int pick_list_id, std::size_t line_index);
  // Reverts a picked line and puts the parts back.
  void UndoLine(int pick_list_id, std::size_t line_index);

  const PickList* GetPickList(int pick_list_id) const;

 private:
  PickListLine& GetLineOrThrow(int pick_list_id, std::size_t line_index);

  KitService& kits_;
  InventoryService& inventory_;
  std::shared_ptr<MetricsServiceProtocol> metrics_;
  std::map<int, PickList> pick_lists_;
  int next_id_ = 1;
};

}  // namespace partshop
