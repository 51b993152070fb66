#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <map>
#include <string>

namespace shop {

extern prometheus::Family<prometheus::Counter>& PARTS_API_REQUESTS_TOTAL;

using Inventory = std::map<std::string, int>;

// The quantity of a part, or -1 when the part is unknown.
int HandleGetPart(const Inventory& inventory, const std::string& part);

}  // namespace shop
