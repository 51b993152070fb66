#include "services/inventory_service.h"

namespace shop {

int Broken() { return 0 }

}  // namespace shop
