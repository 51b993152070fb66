#pragma once

#include <string>

#include "metrics/metrics_service.h"
#include "services/kit_pick_list_service.h"

namespace partshop {

// Renders pick lists for printing at the storage shelves.
class PickListReportService {
 public:
  PickListReportService(const KitPickListService& pick_lists,
                        MetricsServiceProtocol& metrics);

  std::string RenderText(int pick_list_id);
  std::string RenderCsv(int pick_list_id);

 private:
  const PickList& GetOrThrow(int pick_list_id) const;

  const KitPickListService& pick_lists_;
  MetricsServiceProtocol& metrics_;
};

}  // namespace partshop
