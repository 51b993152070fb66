#pragma once

#include <string>

#include "api/parts_api.h"

namespace shop {

int Route(const Inventory& inventory, const std::string& path);

}  // namespace shop
