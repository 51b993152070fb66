#include "api/router.h"

namespace shop {

int Route(const Inventory& inventory, const std::string& path) {
  const std::string prefix = "/parts/";
  if (path.compare(0, prefix.size(), prefix) == 0) {
    return HandleGetPart(inventory, path.substr(prefix.size()));
  }
  return -1;
}

}  // namespace shop
