#pragma once

#include <string>

#include "api/response.h"
#include "metrics/metrics_service.h"
#include "services/inventory_service.h"

namespace partshop {

// GET /api/parts/<part_number>
Response HandleGetPart(InventoryService& inventory,
                       MetricsServiceProtocol& metrics,
                       const std::string& part_number);

// GET /api/parts
Response HandleListParts(const InventoryService& inventory,
                         MetricsServiceProtocol& metrics);

// PUT /api/parts/<part_number>/quantity
Response HandleAdjustQuantity(InventoryService& inventory,
                              MetricsServiceProtocol& metrics,
                              const std::string& part_number, int quantity);

}  // namespace partshop
