#pragma once

#include <map>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"
#include "models/kit.h"
#include "services/inventory_service.h"

namespace partshop {

struct KitOverview {
  int active = 0;
  int archived = 0;
  std::vector<std::string> active_names;
};

class KitService {
 public:
  KitService(InventoryService& inventory, MetricsServiceProtocol& metrics);

  int CreateKit(const std::string& name, int build_target);
  // Creates `copies` kits named "<base_name> #<n>". Returns their ids.
  std::vector<int> CreateKitsFromTemplate(const std::string& base_name,
                                          int copies);
  void ArchiveKit(int kit_id);

  void AddContent(int kit_id, const std::string& part_number,
                  int required_per_unit);
  void UpdateContent(int kit_id, const std::string& part_number,
                     int required_per_unit);
  void RemoveContent(int kit_id, const std::string& part_number);

  // Consumes stock for `units` builds of the kit. Returns the total number
  // of parts taken out of inventory.
  int BuildKit(int kit_id, int units);

  const Kit* GetKit(int kit_id) const;
  KitOverview GetOverview() const;
  int ActiveKitCount() const;

 private:
  Kit& GetOrThrow(int kit_id);
  void PublishActiveCount();

  InventoryService& inventory_;
  MetricsServiceProtocol& metrics_;
  std::map<int, Kit> kits_;
  int next_id_ = 1;
};

}  // namespace partshop
