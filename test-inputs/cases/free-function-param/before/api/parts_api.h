#pragma once

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

using Inventory = std::map<std::string, int>;

// The quantity of a part, or -1 when the part is unknown.
int HandleGetPart(const Inventory& inventory, MetricsServiceProtocol& metrics,
                  const std::string& part);

}  // namespace shop
